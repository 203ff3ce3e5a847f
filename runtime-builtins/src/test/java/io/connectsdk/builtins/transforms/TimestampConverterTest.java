package io.connectsdk.builtins.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.data.Date;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.data.Time;
import io.connectsdk.api.data.Timestamp;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.source.SourceRecord;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimestampConverterTest {
    private static final long DAY = 86_400_000L;
    private static final long MILLIS = 1_700_000_123_456L; // 2023-11-14T22:15:23.456Z

    private static TimestampConverter.Value<SourceRecord> value(String... keyValues) {
        TimestampConverter.Value<SourceRecord> t = new TimestampConverter.Value<>();
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        t.configure(config);
        return t;
    }

    private static SourceRecord record(Schema schema, Object value) {
        return new SourceRecord(null, null, "t", 0, schema, value);
    }

    @Test
    void convertsAWholeTimestampToEveryTarget() {
        SourceRecord in = record(Timestamp.SCHEMA, new java.util.Date(MILLIS));

        SourceRecord unix = value("target.type", "unix").apply(in);
        assertThat(unix.valueSchema()).isEqualTo(Schema.INT64_SCHEMA);
        assertThat(unix.value()).isEqualTo(MILLIS);

        assertThat(value("target.type", "unix", "unix.precision", "seconds").apply(in).value()).isEqualTo(MILLIS / 1000);
        assertThat(value("target.type", "unix", "unix.precision", "microseconds").apply(in).value()).isEqualTo(MILLIS * 1000);
        assertThat(value("target.type", "unix", "unix.precision", "nanoseconds").apply(in).value())
                .isEqualTo(MILLIS * 1_000_000);

        SourceRecord text = value("target.type", "string", "format", "yyyy-MM-dd'T'HH:mm:ss.SSS").apply(in);
        assertThat(text.valueSchema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(text.value()).isEqualTo("2023-11-14T22:15:23.456");

        SourceRecord date = value("target.type", "Date").apply(in);
        assertThat(date.valueSchema()).isEqualTo(Date.SCHEMA);
        assertThat(date.value()).isEqualTo(new java.util.Date(MILLIS - MILLIS % DAY));

        SourceRecord time = value("target.type", "Time").apply(in);
        assertThat(time.valueSchema()).isEqualTo(Time.SCHEMA);
        assertThat(time.value()).isEqualTo(new java.util.Date(MILLIS % DAY));
    }

    @Test
    void parsesStringsAndUnixInput() {
        SourceRecord parsed = value("target.type", "Timestamp", "format", "yyyy-MM-dd HH:mm")
                .apply(record(Schema.OPTIONAL_STRING_SCHEMA, "2023-11-14 22:15"));
        assertThat(parsed.valueSchema()).isEqualTo(Timestamp.builder().optional().build());
        assertThat(parsed.value()).isEqualTo(new java.util.Date(MILLIS - 23_456));

        SourceRecord fromSeconds = value("target.type", "Timestamp", "unix.precision", "seconds")
                .apply(record(Schema.INT64_SCHEMA, 1_700_000_123L));
        assertThat(fromSeconds.value()).isEqualTo(new java.util.Date(1_700_000_123_000L));

        // schemaless: the type is inferred from the Java class
        assertThat(value("target.type", "unix").apply(record(null, new java.util.Date(-1))).value()).isEqualTo(-1L);
        assertThat(value("target.type", "Date").apply(record(null, -1L)).value()).isEqualTo(new java.util.Date(-DAY));
    }

    @Test
    void convertsOneFieldOfAStructAndKeepsTheOthers() {
        Schema schema = SchemaBuilder.struct().name("Event").field("id", Schema.INT32_SCHEMA)
                .field("at", Schema.OPTIONAL_INT64_SCHEMA).build();
        Struct in = new Struct(schema).put("id", 1).put("at", MILLIS);
        SourceRecord out = value("target.type", "Timestamp", "field", "at").apply(record(schema, in));

        assertThat(out.valueSchema().name()).isEqualTo("Event");
        assertThat(out.valueSchema().field("at").schema()).isEqualTo(Timestamp.builder().optional().build());
        assertThat(((Struct) out.value()).get("id")).isEqualTo(1);
        assertThat(((Struct) out.value()).get("at")).isEqualTo(new java.util.Date(MILLIS));

        Struct unset = new Struct(schema).put("id", 2);
        assertThat(((Struct) value("target.type", "Timestamp", "field", "at").apply(record(schema, unset)).value()).get("at"))
                .isNull();
    }

    @Test
    void convertsOneEntryOfAMap() {
        Map<String, Object> in = new HashMap<>();
        in.put("at", "14/11/2023");
        in.put("other", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) value("target.type", "unix", "field", "at", "format", "dd/MM/yyyy")
                .apply(record(null, in)).value();
        assertThat(out).containsEntry("at", 1_699_920_000_000L).containsEntry("other", 1);
        assertThat(in).containsEntry("at", "14/11/2023");
    }

    @Test
    void badInputIsADataExceptionThatSaysWhy() {
        assertThatThrownBy(() -> value("target.type", "unix", "format", "yyyy").apply(record(Schema.STRING_SCHEMA, "x2023")))
                .isInstanceOf(DataException.class).hasMessageContaining("x2023").hasMessageContaining("yyyy");
        assertThatThrownBy(() -> value("target.type", "unix").apply(record(Schema.STRING_SCHEMA, "2023")))
                .isInstanceOf(DataException.class).hasMessageContaining("format");
        assertThatThrownBy(() -> value("target.type", "unix").apply(record(Schema.INT32_SCHEMA, 5)))
                .isInstanceOf(DataException.class).hasMessageContaining("not a timestamp");
        assertThatThrownBy(() -> value("target.type", "unix").apply(record(null, 5)))
                .isInstanceOf(DataException.class).hasMessageContaining("java.lang.Integer");
        assertThatThrownBy(() -> value("target.type", "unix", "field", "at").apply(record(null, "not a map")))
                .isInstanceOf(DataException.class).hasMessageContaining("Map");
    }
}
