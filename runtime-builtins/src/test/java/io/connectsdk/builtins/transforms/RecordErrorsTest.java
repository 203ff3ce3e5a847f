package io.connectsdk.builtins.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.source.SourceRecord;
import io.connectsdk.api.transforms.Transform;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records a transform cannot handle are DataExceptions that name the transform and the culprit. */
class RecordErrorsTest {
    private static final Schema SCHEMA = SchemaBuilder.struct().name("Row")
            .field("blob", Schema.BYTES_SCHEMA)
            .field("inner", SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).build())
            .field("text", Schema.STRING_SCHEMA)
            .build();
    private static final Struct ROW = new Struct(SCHEMA).put("blob", new byte[] {1})
            .put("inner", new Struct(SCHEMA.field("inner").schema()).put("x", 1)).put("text", "abc");

    private static <T extends Transform<SourceRecord>> T configured(T transform, String... keyValues) {
        java.util.Map<String, String> config = new java.util.HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        transform.configure(config);
        return transform;
    }

    private static SourceRecord record(Schema schema, Object value) {
        return new SourceRecord(null, null, "t", schema, value);
    }

    @Test
    void maskFieldRefusesBytesAndStructsNamingTheField() {
        assertThatThrownBy(() -> configured(new MaskField.Value<>(), "fields", "blob").apply(record(SCHEMA, ROW)))
                .isInstanceOf(DataException.class).hasMessageContaining("MaskField$Value").hasMessageContaining("'blob'");
        assertThatThrownBy(() -> configured(new MaskField.Value<>(), "fields", "inner").apply(record(SCHEMA, ROW)))
                .isInstanceOf(DataException.class).hasMessageContaining("'inner'").hasMessageContaining("Struct");
        assertThatThrownBy(() -> configured(new MaskField.Value<>(), "fields", "text", "replacement", "x")
                .apply(record(null, Map.of("text", 5))))
                .isInstanceOf(DataException.class).hasMessageContaining("'text'").hasMessageContaining("'x'");
        assertThatThrownBy(() -> configured(new MaskField.Key<>(), "fields", "a").apply(record(null, null)))
                .isInstanceOf(DataException.class).hasMessageContaining("MaskField$Key").hasMessageContaining("key");
    }

    @Test
    void maskFieldMasksWithTypedReplacements() {
        Struct masked = (Struct) configured(new MaskField.Value<>(), "fields", "text", "replacement", "***")
                .apply(record(SCHEMA, ROW)).value();
        assertThat(masked.get("text")).isEqualTo("***");
        assertThat(masked.get("blob")).isEqualTo(ROW.get("blob"));
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) configured(new MaskField.Value<>(), "fields", "n,b", "replacement", "300")
                .apply(record(null, Map.of("n", 1L, "b", (byte) 1))).value();
        assertThat(map).containsEntry("n", 300L).containsEntry("b", (byte) 44);
    }

    @Test
    void insertFieldOffsetNeedsASinkRecord() {
        assertThatThrownBy(() -> configured(new InsertField.Value<>(), "offset.field", "off").apply(record(null, Map.of())))
                .isInstanceOf(DataException.class).hasMessageContaining("offset.field").hasMessageContaining("SinkRecord");
    }

    @Test
    void extractFieldNamesTheMissingField() {
        assertThatThrownBy(() -> configured(new ExtractField.Value<>(), "field", "nope").apply(record(SCHEMA, ROW)))
                .isInstanceOf(DataException.class).hasMessageContaining("'nope'").hasMessageContaining("[blob, inner, text]");
        assertThatThrownBy(() -> configured(new ExtractField.Value<>(), "field", "x").apply(record(null, "str")))
                .isInstanceOf(DataException.class).hasMessageContaining("ExtractField$Value").hasMessageContaining("String");
    }

    @Test
    void castNamesTheFieldAndValue() {
        assertThatThrownBy(() -> configured(new Cast.Value<>(), "spec", "text:int32").apply(record(SCHEMA, ROW)))
                .isInstanceOf(DataException.class).hasMessageContaining("'text'").hasMessageContaining("abc");
        assertThatThrownBy(() -> configured(new Cast.Value<>(), "spec", "inner:string").apply(record(SCHEMA, ROW)))
                .isInstanceOf(DataException.class).hasMessageContaining("'inner'").hasMessageContaining("STRUCT");
        assertThat(configured(new Cast.Value<>(), "spec", "blob:string").apply(record(SCHEMA, ROW)).valueSchema()
                .field("blob").schema()).isEqualTo(Schema.STRING_SCHEMA);
    }

    @Test
    void replaceFieldAcceptsLegacyNames() {
        Struct out = (Struct) configured(new ReplaceField.Value<>(), "blacklist", "blob,inner")
                .apply(record(SCHEMA, ROW)).value();
        assertThat(out.schema().fields()).extracting(f -> f.name()).containsExactly("text");
        Struct kept = (Struct) configured(new ReplaceField.Value<>(), "whitelist", "blob", "include", "text")
                .apply(record(SCHEMA, ROW)).value();
        assertThat(kept.schema().fields()).extracting(f -> f.name()).containsExactly("text");
    }
}
