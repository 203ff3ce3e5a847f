package io.connectsdk.builtins.converters;

import static io.connectsdk.builtins.converters.KafkaAdapter.fromKafka;
import static io.connectsdk.builtins.converters.KafkaAdapter.toKafka;
import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.api.data.Date;
import io.connectsdk.api.data.Decimal;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.data.Time;
import io.connectsdk.api.data.Timestamp;
import io.connectsdk.builtins.BuiltinVersion;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our SimpleHeaderConverter against Kafka Connect 4.4's: the same text for the same header
 * values, and the same inferred schema and value when reading the same text.
 */
class SimpleHeaderConverterDifferentialTest {
    private static final String TOPIC = "t";

    @BeforeAll
    static void kafkaFormatsDatesInTheDefaultTimeZone() {
        // we always use UTC; Kafka Connect uses the JVM's zone, so compare on a UTC JVM
        assertThat(TimeZone.getDefault().getRawOffset()).as("tests compare date texts on a UTC JVM").isZero();
    }

    static List<String> texts() {
        List<String> t = new ArrayList<>(List.of(
                "true", "false", "TRUE", " true ", "true,false", "null", " null", "42", "-1", "0", "127", "128", "-129",
                "32768", "2147483648", "9223372036854775807", "9223372036854775808", "99999999999999999999",
                "3.14", "-0.5", "1.0", "1e3", "1E-3", "1e39", "1e309", "1e-400", "0.1", "+7", "-", "+", "1,2", "1 2",
                "[1,2]", "[1, 2, 3]", "[]", "[ ]", "[1,2.5]", "[1,\"a\"]", "[1,null]", "[null]", "[true,false]",
                "[[1],[2,3]]", "[[1],[\"a\"]]", "[1,[2]]", "[1,", "[1 2]", "[,1]", "[1,]", "[\"a\",\"b\"]", "[\"a\", \"b\"]",
                "{\"a\":1}", "{\"a\":1,\"b\":2}", "{\"a\":1,\"b\":\"x\"}", "{}", "{\"a\":null}", "{1:2}", "{\"a\":}",
                "{:1}", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":[1,2],\"b\":[3]}", "{\"k\":{\"n\":1}}", "{null:1}",
                "2024-01-02", "1970-01-01", "2024-13-45", "12:30:00.000Z", "23:59:59.999Z", "12\\:30\\:00.000Z",
                "2024-01-02T12:30:00.000Z", "2024-01-02T12:30:00.123Z", "2024-01-02T12:30:00Z", "[2024-01-02,2024-01-03]",
                "[\"2024-01-02\"]", "[2024-01-02T12:30:00.000Z]", "[12:30:00.000Z,1]", "[1,2024-01-02]",
                "{\"d\":2024-01-02}", "\"2024-01-02\"", "1234567890", "12345-6-78",
                "plain text", "", " ", "  \t ", "hello world", "\"quoted\"", "\"a\\\"b\"", "a\\,b", "a,b", "a:b", "{a}",
                "[a]", "{\"a\":\"b\\\"c\"}", "[\"x\\\\y\"]", "\u00e9\u00e8", "\u0661\u0662", "5 apples", "0x1F", "NaN",
                "Infinity", "-Infinity", "1_000", "[\"a, \"]", "[\" a \",\"b\"]", "{\"a\":1}x", "[1]]", "[[]]", "[{}]",
                "{\"a\":{}}", "[1,2,3,4,5,6,7,8,9,10]", "[-1,1e2,3.5]", "[1.5,2.5]", "[\"1\",1]"));
        // random texts over an alphabet of the characters that matter
        Random r = new Random(2024);
        String alphabet = "[]{}\":, \\tnul1e0-.+2T:Z9a";
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(12);
            for (int k = 0; k < n; k++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            t.add(sb.toString());
        }
        return t;
    }

    @Test
    void readsTextLikeKafka() {
        SimpleHeaderConverter ours = new SimpleHeaderConverter();
        ours.configure(Map.of());
        org.apache.kafka.connect.storage.SimpleHeaderConverter kafka = new org.apache.kafka.connect.storage.SimpleHeaderConverter();
        kafka.configure(Map.of());
        List<String> failures = new ArrayList<>();
        for (String text : texts()) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            SchemaAndValue o = ours.toConnectHeader(TOPIC, "h", bytes);
            SchemaAndValue k = fromKafka(kafka.toConnectHeader(TOPIC, "h", bytes));
            if (!o.equals(k)) {
                failures.add("'" + text + "': ours " + o + ", Kafka's " + k);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(ours.toConnectHeader(TOPIC, "h", null)).isEqualTo(SchemaAndValue.NULL);
        assertThat(ours.version()).isEqualTo(BuiltinVersion.VERSION);
    }

    static List<Object[]> values() {
        Schema point = SchemaBuilder.struct().name("P").field("x", Schema.INT32_SCHEMA)
                .field("label", Schema.OPTIONAL_STRING_SCHEMA)
                .field("d", SchemaBuilder.float64().optional().defaultValue(0.5).build()).build();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b \"q\"", List.of("x", "y\\z"));
        map.put("c", null);
        Map<Integer, String> intKeys = new LinkedHashMap<>();
        intKeys.put(1, "one");
        intKeys.put(2, null);
        return List.of(
                new Object[] {Schema.STRING_SCHEMA, "plain"},
                new Object[] {Schema.STRING_SCHEMA, "with \"quotes\" and \\"},
                new Object[] {Schema.INT8_SCHEMA, (byte) -5},
                new Object[] {Schema.INT64_SCHEMA, Long.MAX_VALUE},
                new Object[] {Schema.FLOAT32_SCHEMA, 3.14f},
                new Object[] {Schema.FLOAT64_SCHEMA, 1e-300},
                new Object[] {Schema.BOOLEAN_SCHEMA, true},
                new Object[] {Schema.BYTES_SCHEMA, new byte[] {0, 1, -1}},
                new Object[] {Schema.BYTES_SCHEMA, ByteBuffer.wrap(new byte[] {7, 8, 9})},
                new Object[] {Decimal.schema(3), new BigDecimal("-12.345")},
                new Object[] {Decimal.schema(0), new BigDecimal("1E+5")},
                new Object[] {Date.SCHEMA, new java.util.Date(19_000L * 86_400_000L)},
                new Object[] {Time.SCHEMA, new java.util.Date(45_000_123L)},
                new Object[] {Timestamp.SCHEMA, new java.util.Date(1_700_000_000_123L)},
                new Object[] {Timestamp.SCHEMA, new java.util.Date(1_700_006_400_000L - 1_700_006_400_000L % 86_400_000L)},
                new Object[] {Timestamp.SCHEMA, new java.util.Date(-1_000L)},
                new Object[] {SchemaBuilder.array(Schema.STRING_SCHEMA).build(), List.of("a", "b,c", "")},
                new Object[] {SchemaBuilder.array(Schema.OPTIONAL_INT32_SCHEMA).build(), Arrays.asList(1, null, 3)},
                new Object[] {null, map},
                new Object[] {SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA).build(), intKeys},
                new Object[] {point, new Struct(point).put("x", 1).put("label", "l")},
                new Object[] {point, new Struct(point).put("x", 2)},
                new Object[] {SchemaBuilder.array(point).build(), List.of(new Struct(point).put("x", 3))},
                new Object[] {null, List.of(1, "x", 2.5, true)},
                new Object[] {null, "schemaless"});
    }

    @Test
    void writesTextLikeKafka() {
        SimpleHeaderConverter ours = new SimpleHeaderConverter();
        org.apache.kafka.connect.storage.SimpleHeaderConverter kafka = new org.apache.kafka.connect.storage.SimpleHeaderConverter();
        for (Object[] sv : values()) {
            Schema schema = (Schema) sv[0];
            byte[] ob = ours.fromConnectHeader(TOPIC, "h", schema, sv[1]);
            byte[] kb = kafka.fromConnectHeader(TOPIC, "h", toKafka(schema), toKafka(schema, sv[1]));
            assertThat(new String(ob, StandardCharsets.UTF_8)).as("%s", sv[1]).isEqualTo(new String(kb, StandardCharsets.UTF_8));
            // and what is written reads back the same in both
            assertThat(ours.toConnectHeader(TOPIC, "h", ob)).isEqualTo(fromKafka(kafka.toConnectHeader(TOPIC, "h", kb)));
        }
        assertThat(ours.fromConnectHeader(TOPIC, "h", Schema.OPTIONAL_STRING_SCHEMA, null)).isNull();
    }

    @Test
    void readsBackWhatItWrites() {
        SimpleHeaderConverter c = new SimpleHeaderConverter();
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("x", 300);
        m.put("y", -2);
        SchemaAndValue back = c.toConnectHeader(TOPIC, "h", c.fromConnectHeader(TOPIC, "h", null, m));
        assertThat(back.schema()).isEqualTo(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT16_SCHEMA).build());
        assertThat(back.value()).isEqualTo(Map.of("x", (short) 300, "y", (short) -2));
        back = c.toConnectHeader(TOPIC, "h", c.fromConnectHeader(TOPIC, "h", Date.SCHEMA, new java.util.Date(86_400_000L * 5)));
        assertThat(back).isEqualTo(new SchemaAndValue(Date.SCHEMA, new java.util.Date(86_400_000L * 5)));
    }
}
