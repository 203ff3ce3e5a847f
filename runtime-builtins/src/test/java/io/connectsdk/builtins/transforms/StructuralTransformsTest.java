package io.connectsdk.builtins.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.source.SourceRecord;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behaviour and error cases of HoistField, ValueToKey, SetSchemaMetadata, Filter and schema caching. */
class StructuralTransformsTest {
    private static final Schema PERSON = SchemaBuilder.struct().name("Person").version(1)
            .field("id", Schema.INT32_SCHEMA)
            .field("name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("level", SchemaBuilder.int8().optional().defaultValue((byte) 3).build())
            .build();

    private static SourceRecord record(Schema schema, Object value) {
        return new SourceRecord(Map.of("p", 1), Map.of("o", 2), "people", 0, Schema.STRING_SCHEMA, "k", schema, value);
    }

    @Test
    void hoistFieldWrapsWithAndWithoutSchema() {
        HoistField.Key<SourceRecord> t = new HoistField.Key<>();
        t.configure(Map.of("field", "wrapped"));
        SourceRecord out = t.apply(record(PERSON, null));
        assertThat(out.keySchema().fields()).hasSize(1);
        assertThat(out.keySchema().field("wrapped").schema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(((Struct) out.key()).get("wrapped")).isEqualTo("k");

        HoistField.Value<SourceRecord> v = new HoistField.Value<>();
        v.configure(Map.of("field", "w"));
        Map<String, Object> expected = new HashMap<>();
        expected.put("w", null);
        assertThat(v.apply(record(null, null)).value()).isEqualTo(expected);
        assertThatThrownBy(() -> v.apply(record(Schema.INT32_SCHEMA, null)))
                .isInstanceOf(DataException.class).hasMessageContaining("'w'");
    }

    @Test
    void valueToKeyBuildsTheKeyFromValueFields() {
        ValueToKey<SourceRecord> t = new ValueToKey<>();
        t.configure(Map.of("fields", "id,level"));
        Struct value = new Struct(PERSON).put("id", 7).put("name", "Ann");
        SourceRecord out = t.apply(record(PERSON, value));
        assertThat(out.keySchema().fields()).extracting(f -> f.name()).containsExactly("id", "level");
        assertThat(((Struct) out.key()).get("id")).isEqualTo(7);
        assertThat(((Struct) out.key()).get("level")).isEqualTo((byte) 3);
        assertThat(out.value()).isSameAs(value);

        ValueToKey<SourceRecord> missing = new ValueToKey<>();
        missing.configure(Map.of("fields", "id,ghost"));
        assertThatThrownBy(() -> missing.apply(record(PERSON, value)))
                .isInstanceOf(DataException.class).hasMessageContaining("'ghost'").hasMessageContaining("[id, name, level]");
        assertThatThrownBy(() -> missing.apply(record(null, "text")))
                .isInstanceOf(DataException.class).hasMessageContaining("Map").hasMessageContaining("java.lang.String");
    }

    @Test
    void setSchemaMetadataRenamesAnySchemaAndCopiesStructs() {
        SetSchemaMetadata.Value<SourceRecord> t = new SetSchemaMetadata.Value<>();
        t.configure(Map.of("schema.name", "Human", "schema.version", "2"));
        Struct value = new Struct(PERSON).put("id", 1);
        SourceRecord out = t.apply(record(PERSON, value));
        assertThat(out.valueSchema().name()).isEqualTo("Human");
        assertThat(out.valueSchema().version()).isEqualTo(2);
        assertThat(out.valueSchema().fields()).isEqualTo(PERSON.fields());
        assertThat(((Struct) out.value()).schema()).isEqualTo(out.valueSchema());
        assertThat(((Struct) out.value()).get("level")).isEqualTo((byte) 3);

        SourceRecord primitive = t.apply(record(Schema.OPTIONAL_INT64_SCHEMA, 5L));
        assertThat(primitive.valueSchema().name()).isEqualTo("Human");
        assertThat(primitive.valueSchema().isOptional()).isTrue();
        assertThat(primitive.value()).isEqualTo(5L);

        Schema withDefault = SchemaBuilder.struct().name("D").field("x", Schema.INT32_SCHEMA).optional().build();
        Schema defaulted = SchemaBuilder.struct().name("D").field("x", Schema.INT32_SCHEMA).optional()
                .defaultValue(new Struct(withDefault).put("x", 4)).build();
        SourceRecord renamedDefault = t.apply(record(defaulted, null));
        assertThat(((Struct) renamedDefault.valueSchema().defaultValue()).get("x")).isEqualTo(4);
        assertThat(((Struct) renamedDefault.valueSchema().defaultValue()).schema().name()).isEqualTo("Human");

        SourceRecord nothing = record(null, null);
        assertThat(t.apply(nothing)).isSameAs(nothing);
        assertThatThrownBy(() -> t.apply(record(null, "schemaless")))
                .isInstanceOf(DataException.class).hasMessageContaining("schema");
    }

    @Test
    void castAlsoCastsAStructDefaultValue() {
        // Kafka Connect 4.4 fails here ("does not support casting from STRUCT"); we cast the default's fields
        Schema plain = SchemaBuilder.struct().name("P").optional().field("n", Schema.INT32_SCHEMA).build();
        Schema withDefault = SchemaBuilder.struct().name("P").optional().field("n", Schema.INT32_SCHEMA)
                .defaultValue(new Struct(plain).put("n", 12)).build();
        Cast.Value<SourceRecord> cast = new Cast.Value<>();
        cast.configure(Map.of("spec", "n:string"));
        SourceRecord out = cast.apply(record(withDefault, new Struct(withDefault).put("n", 5)));
        assertThat(out.valueSchema().field("n").schema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(((Struct) out.valueSchema().defaultValue()).get("n")).isEqualTo("12");
        assertThat(((Struct) out.value()).get("n")).isEqualTo("5");
    }

    @Test
    void filterDropsEverything() {
        Filter<SinkRecord> filter = new Filter<>();
        filter.configure(Map.of());
        assertThat(filter.apply(new SinkRecord("t", 0, null, null, null, null, 0))).isNull();
        assertThat(filter.config().names()).isEmpty();
    }

    @Test
    void derivedSchemasAreBuiltOncePerInputSchema() {
        InsertField.Value<SourceRecord> t = new InsertField.Value<>();
        t.configure(Map.of("topic.field", "topic"));
        Schema first = t.apply(record(PERSON, new Struct(PERSON).put("id", 1))).valueSchema();
        Schema second = t.apply(record(PERSON, new Struct(PERSON).put("id", 2))).valueSchema();
        assertThat(second).isSameAs(first);
        Schema other = SchemaBuilder.struct().name("Other").field("id", Schema.INT32_SCHEMA).build();
        assertThat(t.apply(record(other, new Struct(other).put("id", 1))).valueSchema()).isNotEqualTo(first);
    }
}
