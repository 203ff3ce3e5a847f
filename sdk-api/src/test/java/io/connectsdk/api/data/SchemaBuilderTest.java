package io.connectsdk.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.data.Schema.Type;
import io.connectsdk.api.errors.DataException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaBuilderTest {

    static Stream<Arguments> primitives() {
        return Stream.of(
                Arguments.of(Type.INT8, (Supplier<SchemaBuilder>) SchemaBuilder::int8, Schema.INT8_SCHEMA, Schema.OPTIONAL_INT8_SCHEMA),
                Arguments.of(Type.INT16, (Supplier<SchemaBuilder>) SchemaBuilder::int16, Schema.INT16_SCHEMA, Schema.OPTIONAL_INT16_SCHEMA),
                Arguments.of(Type.INT32, (Supplier<SchemaBuilder>) SchemaBuilder::int32, Schema.INT32_SCHEMA, Schema.OPTIONAL_INT32_SCHEMA),
                Arguments.of(Type.INT64, (Supplier<SchemaBuilder>) SchemaBuilder::int64, Schema.INT64_SCHEMA, Schema.OPTIONAL_INT64_SCHEMA),
                Arguments.of(Type.FLOAT32, (Supplier<SchemaBuilder>) SchemaBuilder::float32, Schema.FLOAT32_SCHEMA, Schema.OPTIONAL_FLOAT32_SCHEMA),
                Arguments.of(Type.FLOAT64, (Supplier<SchemaBuilder>) SchemaBuilder::float64, Schema.FLOAT64_SCHEMA, Schema.OPTIONAL_FLOAT64_SCHEMA),
                Arguments.of(Type.BOOLEAN, (Supplier<SchemaBuilder>) SchemaBuilder::bool, Schema.BOOLEAN_SCHEMA, Schema.OPTIONAL_BOOLEAN_SCHEMA),
                Arguments.of(Type.STRING, (Supplier<SchemaBuilder>) SchemaBuilder::string, Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA),
                Arguments.of(Type.BYTES, (Supplier<SchemaBuilder>) SchemaBuilder::bytes, Schema.BYTES_SCHEMA, Schema.OPTIONAL_BYTES_SCHEMA));
    }

    @ParameterizedTest
    @MethodSource("primitives")
    void primitiveFactoriesMatchTheConstants(Type type, Supplier<SchemaBuilder> factory, Schema required, Schema optional) {
        ConnectSchema built = factory.get().build();
        assertThat(built.type()).isEqualTo(type);
        assertThat(built.isOptional()).isFalse();
        assertThat(built).isEqualTo(required).hasSameHashCodeAs(required);
        assertThat(SchemaBuilder.type(type).build()).isEqualTo(required);
        assertThat(factory.get().optional().build()).isEqualTo(optional);
        assertThat(optional.isOptional()).isTrue();
        assertThat(required.type().isPrimitive()).isTrue();
        assertThat(built.name()).isNull();
        assertThat(built.version()).isNull();
        assertThat(built.doc()).isNull();
        assertThat(built.defaultValue()).isNull();
        assertThat(built.parameters()).isEmpty();
        assertThat(built.schema()).isSameAs(built);
    }

    @Test
    void typeNamesAndPrimitiveness() {
        assertThat(Type.INT32.getName()).isEqualTo("int32");
        assertThat(Type.STRUCT.getName()).isEqualTo("struct");
        assertThat(Type.ARRAY.isPrimitive()).isFalse();
        assertThat(Type.MAP.isPrimitive()).isFalse();
        assertThat(Type.STRUCT.isPrimitive()).isFalse();
        assertThat(Type.BYTES.isPrimitive()).isTrue();
    }

    @Test
    void metadataIsKept() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("b", "2");
        params.put("c", "3");
        ConnectSchema s = SchemaBuilder.string().name("com.example.Name").version(3).doc("a name")
                .parameter("a", "1").parameters(params).optional().defaultValue("anon").build();
        assertThat(s.name()).isEqualTo("com.example.Name");
        assertThat(s.version()).isEqualTo(3);
        assertThat(s.doc()).isEqualTo("a name");
        assertThat(s.parameters()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"), Map.entry("c", "3"));
        assertThat(s.isOptional()).isTrue();
        assertThat(s.defaultValue()).isEqualTo("anon");
        assertThatThrownBy(() -> s.parameters().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void settingAnAttributeTwiceToTheSameValueIsAllowed() {
        ConnectSchema s = SchemaBuilder.int32().name("n").name("n").version(1).version(1).doc("d").doc("d")
                .optional().optional().defaultValue(1).defaultValue(1).parameter("p", "v").parameter("p", "v").build();
        assertThat(s.name()).isEqualTo("n");
    }

    @Test
    void settingAnAttributeTwiceToAnotherValueFailsNamingIt() {
        assertThatThrownBy(() -> SchemaBuilder.int32().name("a").name("b"))
                .isInstanceOf(DataException.class).hasMessageContaining("name").hasMessageContaining("a")
                .hasMessageContaining("b");
        assertThatThrownBy(() -> SchemaBuilder.int32().version(1).version(2))
                .isInstanceOf(DataException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> SchemaBuilder.int32().doc("x").doc("y"))
                .isInstanceOf(DataException.class).hasMessageContaining("doc");
        assertThatThrownBy(() -> SchemaBuilder.int32().optional().required())
                .isInstanceOf(DataException.class).hasMessageContaining("optional");
        assertThatThrownBy(() -> SchemaBuilder.int32().required().optional())
                .isInstanceOf(DataException.class).hasMessageContaining("optional");
        assertThatThrownBy(() -> SchemaBuilder.int32().defaultValue(1).defaultValue(2))
                .isInstanceOf(DataException.class).hasMessageContaining("default value");
        assertThatThrownBy(() -> SchemaBuilder.int32().parameter("p", "1").parameter("p", "2"))
                .isInstanceOf(DataException.class).hasMessageContaining("parameter 'p'");
    }

    @Test
    void nullAttributesAreRejected() {
        assertThatThrownBy(() -> SchemaBuilder.int32().name(null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> SchemaBuilder.int32().version(null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> SchemaBuilder.int32().doc(null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> SchemaBuilder.int32().parameter(null, "v")).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> SchemaBuilder.int32().parameter("k", null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> SchemaBuilder.int32().parameters(null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> SchemaBuilder.type(null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> SchemaBuilder.array(null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> SchemaBuilder.map(null, Schema.INT32_SCHEMA)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> SchemaBuilder.map(Schema.INT32_SCHEMA, null)).isInstanceOf(DataException.class);
        // a null default means "no default"
        assertThat(SchemaBuilder.int32().defaultValue(null).build().defaultValue()).isNull();
    }

    @Test
    void arrayAndMapNeedTheirOwnFactories() {
        assertThatThrownBy(() -> SchemaBuilder.type(Type.ARRAY)).isInstanceOf(DataException.class)
                .hasMessageContaining("array(");
        assertThatThrownBy(() -> SchemaBuilder.type(Type.MAP)).isInstanceOf(DataException.class)
                .hasMessageContaining("map(");
    }

    @Test
    void invalidDefaultFailsNamingTheSchema() {
        assertThatThrownBy(() -> SchemaBuilder.int32().name("com.example.Count").defaultValue("ten"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("com.example.Count")
                .hasMessageContaining("INT32")
                .hasMessageContaining("String");
        assertThatThrownBy(() -> SchemaBuilder.int64().defaultValue(1))
                .isInstanceOf(DataException.class).hasMessageContaining("INT64").hasMessageContaining("Integer");
    }

    @Test
    void defaultIsValidatedAgainOnBuild() {
        SchemaBuilder b = SchemaBuilder.int32().defaultValue(5).name(Date.LOGICAL_NAME);
        assertThatThrownBy(b::build).isInstanceOf(DataException.class).hasMessageContaining("java.util.Date");
    }

    @Test
    void complexDefaults() {
        ConnectSchema list = SchemaBuilder.array(Schema.STRING_SCHEMA).defaultValue(List.of("a", "b")).build();
        assertThat(list.defaultValue()).isEqualTo(List.of("a", "b"));
        ConnectSchema map = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).defaultValue(Map.of("a", 1)).build();
        assertThat(map.defaultValue()).isEqualTo(Map.of("a", 1));
        assertThatThrownBy(() -> SchemaBuilder.array(Schema.STRING_SCHEMA).defaultValue(List.of("a", 1)))
                .isInstanceOf(DataException.class).hasMessageContaining("[1]").hasMessageContaining("STRING");
        ConnectSchema bytes = SchemaBuilder.bytes().defaultValue(new byte[] {1, 2}).build();
        assertThat(bytes).isEqualTo(SchemaBuilder.bytes().defaultValue(new byte[] {1, 2}).build());
    }

    @Test
    void structDefault() {
        SchemaBuilder point = SchemaBuilder.struct().name("Point").field("x", Schema.INT32_SCHEMA).field("y", Schema.INT32_SCHEMA);
        Struct origin = new Struct(point).put("x", 0).put("y", 0);
        ConnectSchema withDefault = point.optional().defaultValue(origin).build();
        assertThat(withDefault.defaultValue()).isEqualTo(origin);

        SchemaBuilder growing = SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA);
        growing.defaultValue(new Struct(growing).put("x", 1));
        growing.field("y", Schema.INT32_SCHEMA);
        assertThatThrownBy(growing::build).isInstanceOf(DataException.class).hasMessageContaining("default");
    }

    @Test
    void structFields() {
        ConnectSchema s = SchemaBuilder.struct().name("com.example.Person")
                .field("name", Schema.STRING_SCHEMA)
                .field("age", Schema.OPTIONAL_INT32_SCHEMA)
                .build();
        assertThat(s.type()).isEqualTo(Type.STRUCT);
        assertThat(s.fields()).extracting(Field::name).containsExactly("name", "age");
        assertThat(s.fields()).extracting(Field::index).containsExactly(0, 1);
        assertThat(s.field("age").schema()).isEqualTo(Schema.OPTIONAL_INT32_SCHEMA);
        assertThat(s.field("nope")).isNull();
        assertThat(s.field(null)).isNull();
        assertThatThrownBy(() -> s.fields().add(new Field("x", 2, Schema.INT8_SCHEMA)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void duplicateFieldNameFailsNamingIt() {
        assertThatThrownBy(() -> SchemaBuilder.struct().name("P").field("id", Schema.INT32_SCHEMA).field("id", Schema.STRING_SCHEMA))
                .isInstanceOf(DataException.class).hasMessageContaining("'id'").hasMessageContaining("P");
    }

    @Test
    void fieldsOnlyOnStructs() {
        assertThatThrownBy(() -> SchemaBuilder.int32().field("x", Schema.INT32_SCHEMA))
                .isInstanceOf(DataException.class).hasMessageContaining("INT32").hasMessageContaining("'x'");
        assertThatThrownBy(() -> SchemaBuilder.struct().field(null, Schema.INT32_SCHEMA)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> SchemaBuilder.struct().field("x", null))
                .isInstanceOf(DataException.class).hasMessageContaining("'x'");
        SchemaBuilder self = SchemaBuilder.struct();
        assertThatThrownBy(() -> self.field("me", self)).isInstanceOf(DataException.class);
    }

    @Test
    void inapplicableAccessorsThrow() {
        assertThatThrownBy(() -> SchemaBuilder.int32().fields()).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> SchemaBuilder.int32().field("x")).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> SchemaBuilder.struct().keySchema()).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> SchemaBuilder.struct().valueSchema()).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> SchemaBuilder.array(Schema.INT32_SCHEMA).keySchema()).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Schema.INT32_SCHEMA.fields()).isInstanceOf(DataException.class)
                .hasMessageContaining("INT32");
        assertThatThrownBy(() -> Schema.STRING_SCHEMA.keySchema()).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Schema.STRING_SCHEMA.valueSchema()).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Schema.STRING_SCHEMA.field("x")).isInstanceOf(DataException.class);
    }

    @Test
    void arrayAndMap() {
        ConnectSchema array = SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build();
        assertThat(array.type()).isEqualTo(Type.ARRAY);
        assertThat(array.valueSchema()).isEqualTo(Schema.STRING_SCHEMA);
        ConnectSchema map = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).build();
        assertThat(map.type()).isEqualTo(Type.MAP);
        assertThat(map.keySchema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(map.valueSchema()).isEqualTo(Schema.INT64_SCHEMA);
    }

    @Test
    void builderIsASchemaAndNestedBuildersAreBuilt() {
        SchemaBuilder inner = SchemaBuilder.struct().name("Inner").field("a", Schema.INT32_SCHEMA);
        SchemaBuilder outer = SchemaBuilder.struct().name("Outer")
                .field("inner", inner)
                .field("list", SchemaBuilder.array(SchemaBuilder.string().optional()))
                .field("map", SchemaBuilder.map(SchemaBuilder.string(), inner));
        assertThat(outer.type()).isEqualTo(Type.STRUCT);
        assertThat(outer.field("inner").schema()).isSameAs(inner);
        assertThat(outer.fields()).hasSize(3);

        Schema built = outer.schema();
        assertThat(built).isInstanceOf(ConnectSchema.class);
        assertThat(built.field("inner").schema()).isInstanceOf(ConnectSchema.class);
        assertThat(built.field("list").schema().valueSchema()).isInstanceOf(ConnectSchema.class)
                .isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        assertThat(built.field("map").schema().valueSchema()).isInstanceOf(ConnectSchema.class);
        assertThat(built).isEqualTo(outer.build());

        // later changes to the builder do not affect what was built
        inner.field("b", Schema.INT32_SCHEMA);
        assertThat(built.field("inner").schema().fields()).hasSize(1);
        assertThat(outer.build()).isNotEqualTo(built);
    }

    @Test
    void builderEqualityIsIdentity() {
        SchemaBuilder a = SchemaBuilder.int32();
        assertThat(a).isEqualTo(a).isNotEqualTo(SchemaBuilder.int32());
        assertThat(a.toString()).isEqualTo("SchemaBuilder{INT32}");
    }
}
