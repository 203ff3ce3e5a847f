package io.connectsdk.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.data.Schema.Type;
import io.connectsdk.api.errors.DataException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectSchemaTest {

    static Stream<Arguments> validValues() {
        Schema struct = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).build();
        return Stream.of(
                Arguments.of(Schema.INT8_SCHEMA, (byte) 1),
                Arguments.of(Schema.INT16_SCHEMA, (short) 1),
                Arguments.of(Schema.INT32_SCHEMA, 1),
                Arguments.of(Schema.INT64_SCHEMA, 1L),
                Arguments.of(Schema.FLOAT32_SCHEMA, 1.5f),
                Arguments.of(Schema.FLOAT64_SCHEMA, 1.5d),
                Arguments.of(Schema.BOOLEAN_SCHEMA, true),
                Arguments.of(Schema.STRING_SCHEMA, "s"),
                Arguments.of(Schema.BYTES_SCHEMA, new byte[] {1}),
                Arguments.of(Schema.BYTES_SCHEMA, ByteBuffer.wrap(new byte[] {1})),
                Arguments.of(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), List.of(1, 2)),
                Arguments.of(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), new ArrayList<>()),
                Arguments.of(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(), Map.of("a", 1)),
                Arguments.of(struct, new Struct(struct).put("a", 1)),
                Arguments.of(Decimal.schema(2), new BigDecimal("1.23")),
                Arguments.of(Date.SCHEMA, new java.util.Date(0)),
                Arguments.of(Time.SCHEMA, new java.util.Date(1000)),
                Arguments.of(Timestamp.SCHEMA, new java.util.Date()),
                Arguments.of(Timestamp.SCHEMA, new java.sql.Timestamp(5)));
    }

    @ParameterizedTest
    @MethodSource("validValues")
    void acceptsValuesOfTheRightJavaType(Schema schema, Object value) {
        assertThatCode(() -> ConnectSchema.validateValue(schema, value)).doesNotThrowAnyException();
        assertThatCode(() -> ConnectSchema.validateValue("f", schema, value)).doesNotThrowAnyException();
        assertThatCode(() -> ((ConnectSchema) schema).validateValue(value)).doesNotThrowAnyException();
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of(Schema.INT8_SCHEMA, 1, "INT8", "Integer"),
                Arguments.of(Schema.INT16_SCHEMA, (byte) 1, "INT16", "Byte"),
                Arguments.of(Schema.INT32_SCHEMA, 1L, "INT32", "Long"),
                Arguments.of(Schema.INT64_SCHEMA, 1, "INT64", "Integer"),
                Arguments.of(Schema.FLOAT32_SCHEMA, 1.0d, "FLOAT32", "Double"),
                Arguments.of(Schema.FLOAT64_SCHEMA, 1.0f, "FLOAT64", "Float"),
                Arguments.of(Schema.BOOLEAN_SCHEMA, "true", "BOOLEAN", "String"),
                Arguments.of(Schema.STRING_SCHEMA, 'c', "STRING", "Character"),
                Arguments.of(Schema.BYTES_SCHEMA, "bytes", "BYTES", "String"),
                Arguments.of(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), new int[] {1}, "ARRAY", "int[]"),
                Arguments.of(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(), List.of(), "MAP", "List"),
                Arguments.of(SchemaBuilder.struct().build(), Map.of(), "STRUCT", "Map"),
                Arguments.of(Decimal.schema(2), new byte[] {1}, Decimal.LOGICAL_NAME, "byte[]"),
                Arguments.of(Date.SCHEMA, 1, Date.LOGICAL_NAME, "Integer"),
                Arguments.of(Time.SCHEMA, 1, Time.LOGICAL_NAME, "Integer"),
                Arguments.of(Timestamp.SCHEMA, 1L, Timestamp.LOGICAL_NAME, "Long"));
    }

    @ParameterizedTest
    @MethodSource("invalidValues")
    void rejectsValuesOfTheWrongJavaType(Schema schema, Object value, String expected, String actual) {
        assertThatThrownBy(() -> ConnectSchema.validateValue(schema, value))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("Invalid value: expected ")
                .hasMessageContaining(expected)
                .hasMessageContaining("got " + actual);
        assertThatThrownBy(() -> ConnectSchema.validateValue("myField", schema, value))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("Invalid value for field 'myField': expected ");
    }

    @Test
    void messageFormat() {
        assertThatThrownBy(() -> ConnectSchema.validateValue("zip", Schema.INT32_SCHEMA, "12345"))
                .hasMessage("Invalid value for field 'zip': expected INT32, got String");
    }

    @Test
    void nullOnlyForOptionalSchemas() {
        assertThatCode(() -> ConnectSchema.validateValue(Schema.OPTIONAL_INT32_SCHEMA, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ConnectSchema.validateValue("count", Schema.INT32_SCHEMA, null))
                .isInstanceOf(DataException.class)
                .hasMessage("Invalid value for field 'count': expected INT32, got null (the schema is not optional)");
        Schema withDefault = SchemaBuilder.int32().defaultValue(3).build();
        assertThatThrownBy(() -> ConnectSchema.validateValue(withDefault, null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> ConnectSchema.validateValue(null, 1)).isInstanceOf(DataException.class);
    }

    @Test
    void nestedValuesAreCheckedWithTheirPath() {
        Schema tags = SchemaBuilder.array(Schema.STRING_SCHEMA).build();
        assertThatThrownBy(() -> ConnectSchema.validateValue("tags", tags, Arrays.asList("a", 5)))
                .hasMessage("Invalid value for field 'tags[1]': expected STRING, got Integer");
        assertThatThrownBy(() -> ConnectSchema.validateValue(tags, Arrays.asList("a", null)))
                .hasMessageStartingWith("Invalid value at '[1]': expected STRING, got null");
        assertThatCode(() -> ConnectSchema.validateValue(SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).build(),
                Arrays.asList("a", null))).doesNotThrowAnyException();

        Schema attrs = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build();
        Map<Object, Object> badValue = new LinkedHashMap<>();
        badValue.put("size", "big");
        assertThatThrownBy(() -> ConnectSchema.validateValue("attrs", attrs, badValue))
                .hasMessage("Invalid value for field 'attrs[size]': expected INT32, got String");
        Map<Object, Object> badKey = new HashMap<>();
        badKey.put(7, 1);
        assertThatThrownBy(() -> ConnectSchema.validateValue("attrs", attrs, badKey))
                .hasMessage("Invalid value for field 'attrs{7}': expected STRING, got Integer");

        Schema matrix = SchemaBuilder.array(SchemaBuilder.array(Schema.INT32_SCHEMA)).build();
        assertThatThrownBy(() -> ConnectSchema.validateValue("m", matrix, List.of(List.of(1), List.of(2, 3L))))
                .hasMessage("Invalid value for field 'm[1][1]': expected INT32, got Long");
    }

    @Test
    void structValuesNeedAMatchingSchema() {
        Schema a = SchemaBuilder.struct().name("A").field("x", Schema.INT32_SCHEMA).build();
        Schema b = SchemaBuilder.struct().name("A").field("x", Schema.INT64_SCHEMA).build();
        Struct sb = new Struct(b).put("x", 1L);
        assertThatThrownBy(() -> ConnectSchema.validateValue("s", a, sb))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("field 's'").hasMessageContaining("expected a Struct with schema A:STRUCT");
        // a struct of the required schema fits an optional slot of the same struct type
        Schema optionalA = SchemaBuilder.struct().name("A").field("x", Schema.INT32_SCHEMA).optional().build();
        assertThatCode(() -> ConnectSchema.validateValue(optionalA, new Struct(a).put("x", 1))).doesNotThrowAnyException();
        // a struct built against an equal builder fits too
        SchemaBuilder builder = SchemaBuilder.struct().name("A").field("x", Schema.INT32_SCHEMA);
        assertThatCode(() -> ConnectSchema.validateValue(a, new Struct(builder).put("x", 1))).doesNotThrowAnyException();
        assertThatCode(() -> ConnectSchema.validateValue(builder, new Struct(a).put("x", 1))).doesNotThrowAnyException();
    }

    @Test
    void schemaTypeOfJavaClasses() {
        assertThat(ConnectSchema.schemaType(Byte.class)).isEqualTo(Type.INT8);
        assertThat(ConnectSchema.schemaType(Short.class)).isEqualTo(Type.INT16);
        assertThat(ConnectSchema.schemaType(Integer.class)).isEqualTo(Type.INT32);
        assertThat(ConnectSchema.schemaType(int.class)).isEqualTo(Type.INT32);
        assertThat(ConnectSchema.schemaType(Long.class)).isEqualTo(Type.INT64);
        assertThat(ConnectSchema.schemaType(Float.class)).isEqualTo(Type.FLOAT32);
        assertThat(ConnectSchema.schemaType(Double.class)).isEqualTo(Type.FLOAT64);
        assertThat(ConnectSchema.schemaType(Boolean.class)).isEqualTo(Type.BOOLEAN);
        assertThat(ConnectSchema.schemaType(String.class)).isEqualTo(Type.STRING);
        assertThat(ConnectSchema.schemaType(byte[].class)).isEqualTo(Type.BYTES);
        assertThat(ConnectSchema.schemaType(ByteBuffer.wrap(new byte[0]).getClass())).isEqualTo(Type.BYTES);
        assertThat(ConnectSchema.schemaType(ArrayList.class)).isEqualTo(Type.ARRAY);
        assertThat(ConnectSchema.schemaType(HashMap.class)).isEqualTo(Type.MAP);
        assertThat(ConnectSchema.schemaType(Struct.class)).isEqualTo(Type.STRUCT);
        assertThat(ConnectSchema.schemaType(BigDecimal.class)).isNull();
        assertThat(ConnectSchema.schemaType(Object.class)).isNull();
        assertThat(ConnectSchema.schemaType(null)).isNull();
    }

    @Test
    void equalityCoversEveryAttribute() {
        SchemaBuilder base = SchemaBuilder.int32();
        ConnectSchema plain = base.build();
        assertThat(plain).isEqualTo(new ConnectSchema(Type.INT32)).isEqualTo(Schema.INT32_SCHEMA);
        assertThat(plain).isNotEqualTo(SchemaBuilder.int32().optional().build());
        assertThat(plain).isNotEqualTo(SchemaBuilder.int32().name("n").build());
        assertThat(plain).isNotEqualTo(SchemaBuilder.int32().version(1).build());
        assertThat(plain).isNotEqualTo(SchemaBuilder.int32().doc("d").build());
        assertThat(plain).isNotEqualTo(SchemaBuilder.int32().parameter("p", "v").build());
        assertThat(plain).isNotEqualTo(SchemaBuilder.int32().defaultValue(1).build());
        assertThat(plain).isNotEqualTo(Schema.INT64_SCHEMA);
        assertThat(plain).isNotEqualTo(base);
        assertThat(SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).build())
                .isNotEqualTo(SchemaBuilder.struct().field("b", Schema.INT32_SCHEMA).build())
                .isNotEqualTo(SchemaBuilder.struct().field("a", Schema.INT64_SCHEMA).build())
                .isEqualTo(SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).build());
        assertThat(SchemaBuilder.array(Schema.INT32_SCHEMA).build()).isNotEqualTo(SchemaBuilder.array(Schema.INT64_SCHEMA).build());
        assertThat(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
                .isNotEqualTo(SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.INT32_SCHEMA).build());
        ConnectSchema d1 = SchemaBuilder.bytes().defaultValue(new byte[] {1, 2}).build();
        ConnectSchema d2 = SchemaBuilder.bytes().defaultValue(ByteBuffer.wrap(new byte[] {1, 2})).build();
        assertThat(d1).isEqualTo(d2).hasSameHashCodeAs(d2);
    }

    @Test
    void constructorRejectsInconsistentAttributes() {
        assertThatThrownBy(() -> new ConnectSchema(null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> new ConnectSchema(Type.STRUCT)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> new ConnectSchema(Type.INT32, false, "x", null, null, null))
                .isInstanceOf(DataException.class).hasMessageContaining("default");
        assertThatThrownBy(() -> new ConnectSchema(Type.ARRAY, false, null, null, null, null, null, null, null, null))
                .isInstanceOf(DataException.class).hasMessageContaining("ARRAY");
        assertThatThrownBy(() -> new ConnectSchema(Type.MAP, false, null, null, null, null, null, null, null, Schema.INT32_SCHEMA))
                .isInstanceOf(DataException.class).hasMessageContaining("MAP");
        assertThatThrownBy(() -> new ConnectSchema(Type.INT32, false, null, null, null, null, null,
                List.of(new Field("a", 0, Schema.INT32_SCHEMA)), null, null))
                .isInstanceOf(DataException.class).hasMessageContaining("fields");
        assertThatThrownBy(() -> new ConnectSchema(Type.STRUCT, false, null, "S", null, null, null,
                List.of(new Field("a", 1, Schema.INT32_SCHEMA)), null, null))
                .isInstanceOf(DataException.class).hasMessageContaining("'a'").hasMessageContaining("index");
        assertThatThrownBy(() -> new ConnectSchema(Type.STRUCT, false, null, "S", null, null, null,
                List.of(new Field("a", 0, Schema.INT32_SCHEMA), new Field("a", 1, Schema.INT32_SCHEMA)), null, null))
                .isInstanceOf(DataException.class).hasMessageContaining("Duplicate field name 'a'");
        assertThatThrownBy(() -> new ConnectSchema(Type.ARRAY, false, null, null, null, null, null, null,
                Schema.INT32_SCHEMA, Schema.INT32_SCHEMA)).isInstanceOf(DataException.class).hasMessageContaining("key schema");
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("k", null);
        assertThatThrownBy(() -> new ConnectSchema(Type.STRUCT, false, null, null, null, null, nullValue, null, null, null))
                .isInstanceOf(DataException.class);
    }

    @Test
    void constructorCopiesItsInputs() {
        Map<String, String> params = new HashMap<>();
        params.put("a", "1");
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("x", 0, SchemaBuilder.int32()));
        ConnectSchema s = new ConnectSchema(Type.STRUCT, true, null, "S", 2, "doc", params, fields, null, null);
        params.put("b", "2");
        fields.add(new Field("y", 1, Schema.INT32_SCHEMA));
        assertThat(s.parameters()).containsOnlyKeys("a");
        assertThat(s.fields()).hasSize(1);
        assertThat(s.field("x").schema()).isInstanceOf(ConnectSchema.class).isEqualTo(Schema.INT32_SCHEMA);
        assertThat(s.isOptional()).isTrue();
        assertThat(s.version()).isEqualTo(2);
        assertThat(s.doc()).isEqualTo("doc");
    }

    @Test
    void toStringIsDescriptive() {
        assertThat(Schema.INT32_SCHEMA.toString()).isEqualTo("Schema{INT32}");
        assertThat(Schema.OPTIONAL_STRING_SCHEMA.toString()).isEqualTo("Schema{STRING, optional}");
        assertThat(SchemaBuilder.struct().name("com.example.Order").build().toString())
                .isEqualTo("Schema{com.example.Order:STRUCT}");
        assertThat(SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).build().toString()).isEqualTo("Schema{ARRAY<STRING?>}");
        assertThat(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build().toString())
                .isEqualTo("Schema{MAP<STRING,INT32>}");
        assertThat(SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).build().toString())
                .isEqualTo("Schema{STRUCT{a:INT32}}");
    }

    @Test
    void schemaAndValue() {
        SchemaAndValue sv = new SchemaAndValue(Schema.BYTES_SCHEMA, new byte[] {1});
        assertThat(sv.schema()).isSameAs(Schema.BYTES_SCHEMA);
        assertThat(sv).isEqualTo(new SchemaAndValue(Schema.BYTES_SCHEMA, new byte[] {1}))
                .hasSameHashCodeAs(new SchemaAndValue(Schema.BYTES_SCHEMA, new byte[] {1}))
                .isNotEqualTo(new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, new byte[] {1}));
        assertThat(SchemaAndValue.NULL.schema()).isNull();
        assertThat(SchemaAndValue.NULL.value()).isNull();
        assertThat(sv.toString()).contains("[1]");
        // not validated: schemaless and mismatching pairs are representable
        assertThat(new SchemaAndValue(Schema.INT32_SCHEMA, "x").value()).isEqualTo("x");
    }

    @Test
    void field() {
        Field f = new Field("a", 0, Schema.INT32_SCHEMA);
        assertThat(f.name()).isEqualTo("a");
        assertThat(f.index()).isZero();
        assertThat(f.schema()).isSameAs(Schema.INT32_SCHEMA);
        assertThat(f).isEqualTo(new Field("a", 0, SchemaBuilder.int32().build()))
                .hasSameHashCodeAs(new Field("a", 0, SchemaBuilder.int32().build()))
                .isNotEqualTo(new Field("a", 1, Schema.INT32_SCHEMA))
                .isNotEqualTo(new Field("b", 0, Schema.INT32_SCHEMA));
        assertThat(f.toString()).contains("a").contains("INT32");
        assertThatThrownBy(() -> new Field(null, 0, Schema.INT32_SCHEMA)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> new Field("a", 0, null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> new Field("a", -1, Schema.INT32_SCHEMA)).isInstanceOf(DataException.class);
    }
}
