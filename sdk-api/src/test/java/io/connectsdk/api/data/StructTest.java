package io.connectsdk.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.errors.DataException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructTest {

    static final Schema ADDRESS = SchemaBuilder.struct().name("com.example.Address")
            .field("street", Schema.STRING_SCHEMA)
            .field("zip", Schema.INT32_SCHEMA)
            .field("country", SchemaBuilder.string().defaultValue("NL").build())
            .build();

    static final Schema ALL = SchemaBuilder.struct().name("com.example.All")
            .field("i8", Schema.INT8_SCHEMA)
            .field("i16", Schema.INT16_SCHEMA)
            .field("i32", Schema.INT32_SCHEMA)
            .field("i64", Schema.INT64_SCHEMA)
            .field("f32", Schema.FLOAT32_SCHEMA)
            .field("f64", Schema.FLOAT64_SCHEMA)
            .field("bool", Schema.BOOLEAN_SCHEMA)
            .field("str", Schema.STRING_SCHEMA)
            .field("bytes", Schema.BYTES_SCHEMA)
            .field("array", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("map", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
            .field("struct", ADDRESS)
            .field("decimal", Decimal.schema(2))
            .field("date", Date.SCHEMA)
            .field("time", Time.SCHEMA)
            .field("timestamp", Timestamp.SCHEMA)
            .build();

    static Struct address() {
        return new Struct(ADDRESS).put("street", "Main St").put("zip", 1234);
    }

    static Struct all() {
        return new Struct(ALL)
                .put("i8", (byte) 8)
                .put("i16", (short) 16)
                .put("i32", 32)
                .put("i64", 64L)
                .put("f32", 3.2f)
                .put("f64", 6.4d)
                .put("bool", true)
                .put("str", "s")
                .put("bytes", new byte[] {1, 2, 3})
                .put("array", List.of("a", "b"))
                .put("map", Map.of("k", 1))
                .put("struct", address())
                .put("decimal", new BigDecimal("12.34"))
                .put("date", new java.util.Date(0))
                .put("time", new java.util.Date(1000))
                .put("timestamp", new java.util.Date(123456789L));
    }

    @Test
    void typedGetters() {
        Struct s = all();
        assertThat(s.getInt8("i8")).isEqualTo((byte) 8);
        assertThat(s.getInt16("i16")).isEqualTo((short) 16);
        assertThat(s.getInt32("i32")).isEqualTo(32);
        assertThat(s.getInt64("i64")).isEqualTo(64L);
        assertThat(s.getFloat32("f32")).isEqualTo(3.2f);
        assertThat(s.getFloat64("f64")).isEqualTo(6.4d);
        assertThat(s.getBoolean("bool")).isTrue();
        assertThat(s.getString("str")).isEqualTo("s");
        assertThat(s.getBytes("bytes")).containsExactly(1, 2, 3);
        assertThat(s.<String>getArray("array")).containsExactly("a", "b");
        assertThat(s.<String, Integer>getMap("map")).containsEntry("k", 1);
        assertThat(s.getStruct("struct")).isEqualTo(address());
        assertThat(s.get("decimal")).isEqualTo(new BigDecimal("12.34"));
        assertThat(s.get("date")).isEqualTo(new java.util.Date(0));
        assertThat(s.get(ALL.field("time"))).isEqualTo(new java.util.Date(1000));
        assertThat(s.getWithoutDefault("timestamp")).isEqualTo(new java.util.Date(123456789L));
        assertThatCode(s::validate).doesNotThrowAnyException();
        assertThat(s.schema()).isSameAs(ALL);
    }

    @Test
    void typedGetterOfTheWrongTypeFails() {
        Struct s = all();
        assertThatThrownBy(() -> s.getString("i32")).isInstanceOf(DataException.class)
                .hasMessageContaining("'i32'").hasMessageContaining("INT32").hasMessageContaining("STRING");
        assertThatThrownBy(() -> s.getInt64("i32")).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> s.getStruct("map")).isInstanceOf(DataException.class);
        // logical types are read with get(), not with the typed getter of their storage type
        assertThatThrownBy(() -> s.getInt32("date")).isInstanceOf(DataException.class)
                .hasMessageContaining(Date.LOGICAL_NAME);
        assertThatThrownBy(() -> s.getBytes("decimal")).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> s.getInt64("timestamp")).isInstanceOf(DataException.class);
    }

    @Test
    void getBytesCopiesAByteBufferWithoutMovingIt() {
        Schema schema = SchemaBuilder.struct().field("b", Schema.BYTES_SCHEMA).build();
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {9, 1, 2, 3}, 1, 3);
        Struct s = new Struct(schema).put("b", buffer);
        assertThat(s.getBytes("b")).containsExactly(1, 2, 3);
        assertThat(buffer.position()).isEqualTo(1);
        assertThat(s.get("b")).isSameAs(buffer);
    }

    @Test
    void putValidatesImmediatelyNamingTheField() {
        Struct s = new Struct(ADDRESS);
        assertThatThrownBy(() -> s.put("zip", "1234")).isInstanceOf(DataException.class)
                .hasMessage("Invalid value for field 'zip': expected INT32, got String");
        assertThatThrownBy(() -> s.put("street", null)).isInstanceOf(DataException.class)
                .hasMessageContaining("'street'").hasMessageContaining("not optional");
        // a field with a default is still required: null is not a valid value
        assertThatThrownBy(() -> s.put("country", null)).isInstanceOf(DataException.class);
        assertThat(s.getWithoutDefault("zip")).isNull();
    }

    @Test
    void putValidatesNestedValuesWithTheirPath() {
        Schema schema = SchemaBuilder.struct()
                .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
                .field("addresses", SchemaBuilder.array(ADDRESS).build())
                .build();
        Struct s = new Struct(schema);
        assertThatThrownBy(() -> s.put("tags", List.of("a", 1))).isInstanceOf(DataException.class)
                .hasMessage("Invalid value for field 'tags[1]': expected STRING, got Integer");
        Schema other = SchemaBuilder.struct().name("com.example.Other").field("x", Schema.INT32_SCHEMA).build();
        assertThatThrownBy(() -> s.put("addresses", List.of(address(), new Struct(other).put("x", 1))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'addresses[1]'")
                .hasMessageContaining("com.example.Address")
                .hasMessageContaining("com.example.Other");
    }

    @Test
    void unknownFieldFailsNamingItAndTheSchema() {
        Struct s = new Struct(ADDRESS);
        assertThatThrownBy(() -> s.put("city", "x")).isInstanceOf(DataException.class)
                .hasMessageContaining("'city'").hasMessageContaining("com.example.Address")
                .hasMessageContaining("[street, zip, country]");
        assertThatThrownBy(() -> s.get("city")).isInstanceOf(DataException.class).hasMessageContaining("'city'");
        assertThatThrownBy(() -> s.getWithoutDefault("city")).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> s.getString("city")).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> s.get((String) null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> s.put((Field) null, 1)).isInstanceOf(DataException.class);
    }

    @Test
    void putAndGetByField() {
        Struct s = new Struct(ADDRESS);
        s.put(ADDRESS.field("zip"), 42);
        assertThat(s.get(ADDRESS.field("zip"))).isEqualTo(42);
        assertThat(s.getInt32("zip")).isEqualTo(42);
        // an equal field from an equal schema works, a field of another schema does not
        Field sameShape = new Field("zip", 1, Schema.INT32_SCHEMA);
        assertThat(s.put(sameShape, 7).getInt32("zip")).isEqualTo(7);
        assertThatThrownBy(() -> s.put(new Field("zip", 0, Schema.INT32_SCHEMA), 1)).isInstanceOf(DataException.class)
                .hasMessageContaining("'zip'");
        assertThatThrownBy(() -> s.put(new Field("zip", 1, Schema.INT64_SCHEMA), 1L)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> s.get(new Field("other", 0, Schema.INT32_SCHEMA))).isInstanceOf(DataException.class);
    }

    @Test
    void defaultsAreReturnedByGetButNotByGetWithoutDefault() {
        Struct s = address();
        assertThat(s.get("country")).isEqualTo("NL");
        assertThat(s.getString("country")).isEqualTo("NL");
        assertThat(s.getWithoutDefault("country")).isNull();
        s.put("country", "BE");
        assertThat(s.get("country")).isEqualTo("BE");
        Schema optional = SchemaBuilder.struct().field("o", Schema.OPTIONAL_INT32_SCHEMA).build();
        assertThat(new Struct(optional).get("o")).isNull();
        assertThat(new Struct(optional).put("o", null).getInt32("o")).isNull();
    }

    @Test
    void validateReportsMissingRequiredFields() {
        assertThatThrownBy(() -> new Struct(ADDRESS).put("street", "x").validate())
                .isInstanceOf(DataException.class)
                .hasMessage("Struct of schema 'com.example.Address' is missing required field 'zip' (not optional, no default value)");
        assertThatThrownBy(() -> new Struct(ADDRESS).validate())
                .isInstanceOf(DataException.class)
                .hasMessageContaining("missing required fields [street, zip]");
        assertThatCode(() -> address().validate()).doesNotThrowAnyException();
    }

    @Test
    void validateIsRecursiveAndNamesNestedPaths() {
        Schema person = SchemaBuilder.struct().name("com.example.Person")
                .field("name", Schema.STRING_SCHEMA)
                .field("address", ADDRESS)
                .field("previous", SchemaBuilder.array(ADDRESS).optional().build())
                .field("byLabel", SchemaBuilder.map(Schema.STRING_SCHEMA, ADDRESS).optional().build())
                .build();
        Struct incomplete = new Struct(ADDRESS).put("street", "x");
        Struct p = new Struct(person).put("name", "Alice").put("address", incomplete)
                .put("previous", List.of(address(), incomplete))
                .put("byLabel", Map.of("home", incomplete));
        assertThatThrownBy(p::validate).isInstanceOf(DataException.class)
                .hasMessageContaining("com.example.Person")
                .hasMessageContaining("[address.zip, previous[1].zip, byLabel[home].zip]");
    }

    @Test
    void validateChecksValuesChangedAfterPut() {
        Schema schema = SchemaBuilder.struct().field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build()).build();
        List<Object> tags = new ArrayList<>(List.of("a"));
        Struct s = new Struct(schema).put("tags", tags);
        tags.add(5);
        assertThatThrownBy(s::validate).isInstanceOf(DataException.class)
                .hasMessage("Invalid value for field 'tags[1]': expected STRING, got Integer");
    }

    @Test
    void nestedStructsInOptionalFields() {
        Schema person = SchemaBuilder.struct()
                .field("address", SchemaBuilder.struct().name("com.example.Address")
                        .field("street", Schema.STRING_SCHEMA)
                        .field("zip", Schema.INT32_SCHEMA)
                        .field("country", SchemaBuilder.string().defaultValue("NL").build())
                        .optional().build())
                .build();
        Struct p = new Struct(person).put("address", address());
        assertThat(p.getStruct("address").getInt32("zip")).isEqualTo(1234);
        assertThatCode(p::validate).doesNotThrowAnyException();
        assertThatCode(() -> new Struct(person).validate()).doesNotThrowAnyException();
    }

    @Test
    void arraysAndMapsOfStructs() {
        Schema schema = SchemaBuilder.struct()
                .field("list", SchemaBuilder.array(ADDRESS).build())
                .field("map", SchemaBuilder.map(Schema.STRING_SCHEMA, ADDRESS).build())
                .field("keyed", SchemaBuilder.map(ADDRESS, Schema.INT32_SCHEMA).build())
                .build();
        Map<String, Struct> map = new LinkedHashMap<>();
        map.put("home", address());
        Struct s = new Struct(schema).put("list", List.of(address(), address().put("zip", 1)))
                .put("map", map)
                .put("keyed", Map.of(address(), 1));
        assertThat(s.<Struct>getArray("list")).hasSize(2);
        assertThat(s.<Struct>getArray("list").get(1).getInt32("zip")).isEqualTo(1);
        assertThat(s.<String, Struct>getMap("map").get("home").getString("street")).isEqualTo("Main St");
        assertThat(s.<Struct, Integer>getMap("keyed")).containsEntry(address(), 1);
        assertThatCode(s::validate).doesNotThrowAnyException();
    }

    @Test
    void equalityIncludingBytes() {
        assertThat(all()).isEqualTo(all()).hasSameHashCodeAs(all());
        Schema schema = SchemaBuilder.struct().field("b", Schema.BYTES_SCHEMA)
                .field("l", SchemaBuilder.array(Schema.BYTES_SCHEMA).optional().build()).build();
        Struct a = new Struct(schema).put("b", new byte[] {1, 2}).put("l", List.of(new byte[] {3}));
        Struct b = new Struct(schema).put("b", new byte[] {1, 2}).put("l", List.of(new byte[] {3}));
        Struct buffer = new Struct(schema).put("b", ByteBuffer.wrap(new byte[] {1, 2})).put("l", List.of(new byte[] {3}));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isEqualTo(buffer).hasSameHashCodeAs(buffer);
        assertThat(a).isNotEqualTo(new Struct(schema).put("b", new byte[] {1, 3}).put("l", List.of(new byte[] {3})));
        assertThat(a).isNotEqualTo(new Struct(schema).put("b", new byte[] {1, 2}).put("l", List.of(new byte[] {4})));
        // same values, different schema
        Schema other = SchemaBuilder.struct().name("x").field("b", Schema.BYTES_SCHEMA)
                .field("l", SchemaBuilder.array(Schema.BYTES_SCHEMA).optional().build()).build();
        assertThat(a).isNotEqualTo(new Struct(other).put("b", new byte[] {1, 2}).put("l", List.of(new byte[] {3})));
        // an unset field with a default differs from an explicitly set one
        assertThat(address()).isNotEqualTo(address().put("country", "NL"));
        assertThat(a).isNotEqualTo(null).isNotEqualTo("x");
    }

    @Test
    void toStringShowsTheSetFields() {
        assertThat(address().toString()).isEqualTo("Struct{street=Main St,zip=1234}");
        Schema schema = SchemaBuilder.struct().field("b", Schema.BYTES_SCHEMA).build();
        assertThat(new Struct(schema).put("b", new byte[] {1, 2}).toString()).isEqualTo("Struct{b=[1, 2]}");
    }

    @Test
    void constructorNeedsAStructSchema() {
        assertThatThrownBy(() -> new Struct(Schema.INT32_SCHEMA)).isInstanceOf(DataException.class)
                .hasMessageContaining("STRUCT").hasMessageContaining("INT32");
        assertThatThrownBy(() -> new Struct(null)).isInstanceOf(DataException.class);
    }

    @Test
    void aBuilderSchemaIsSnapshotted() {
        SchemaBuilder builder = SchemaBuilder.struct().name("B").field("a", Schema.INT32_SCHEMA);
        Struct s = new Struct(builder).put("a", 1);
        builder.field("b", Schema.INT32_SCHEMA);
        assertThat(s.schema()).isInstanceOf(ConnectSchema.class);
        assertThat(s.schema().fields()).hasSize(1);
        assertThatThrownBy(() -> s.put("b", 2)).isInstanceOf(DataException.class);
    }
}
