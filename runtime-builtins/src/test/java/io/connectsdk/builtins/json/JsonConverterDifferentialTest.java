package io.connectsdk.builtins.json;

import static io.connectsdk.builtins.converters.KafkaAdapter.fromKafka;
import static io.connectsdk.builtins.converters.KafkaAdapter.toKafka;
import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.builtins.json.JsonCorpus.Case;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writes every record of {@link JsonCorpus} (hand-picked and random) with our JsonConverter and
 * with Apache Kafka Connect 4.4's, under every combination of settings, and requires identical
 * bytes (or both failing), then reads the bytes back with both and requires equal results.
 */
class JsonConverterDifferentialTest {
    private static final String TOPIC = "orders";

    static Stream<Arguments> settings() {
        List<Arguments> args = new ArrayList<>();
        for (boolean schemas : new boolean[] {true, false}) {
            for (String format : new String[] {"BASE64", "numeric"}) {
                for (boolean replace : new boolean[] {true, false}) {
                    args.add(Arguments.of(schemas, format, replace));
                }
            }
        }
        return args.stream();
    }

    static Map<String, Object> config(boolean schemas, String format, boolean replace) {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put("schemas.enable", String.valueOf(schemas));
        cfg.put("decimal.format", format);
        cfg.put("replace.null.with.default", replace);
        return cfg;
    }

    @ParameterizedTest(name = "schemas.enable={0} decimal.format={1} replace.null.with.default={2}")
    @MethodSource("settings")
    void sameBytesAndSameReadsAsKafka(boolean schemas, String format, boolean replace) {
        Map<String, Object> cfg = config(schemas, format, replace);
        JsonConverter ours = new JsonConverter();
        ours.configure(cfg, false);
        org.apache.kafka.connect.json.JsonConverter kafka = new org.apache.kafka.connect.json.JsonConverter();
        kafka.configure(cfg, false);

        List<Case> cases = new ArrayList<>(JsonCorpus.cases());
        cases.addAll(JsonCorpus.random(42, 400));
        List<String> failures = new ArrayList<>();
        int compared = 0;
        // twice through, so that the second pass runs on warm schema caches
        for (int pass = 0; pass < 2; pass++) {
            for (Case c : cases) {
                String problem = compare(ours, kafka, c);
                if (problem != null && pass == 0) {
                    failures.add(c.name() + ": " + problem);
                } else if (problem != null) {
                    failures.add("(warm caches) " + c.name() + ": " + problem);
                }
                compared++;
            }
        }
        assertThat(failures).as("cases differing from Kafka Connect (of %d)", compared).isEmpty();
    }

    /** @return a new instance of one struct schema of integers, a boolean and strings (a quoted field name too) */
    private static io.connectsdk.api.data.Schema flatSchema() {
        return io.connectsdk.api.data.SchemaBuilder.struct().name("Flat")
                .field("i8", io.connectsdk.api.data.Schema.INT8_SCHEMA)
                .field("i16", io.connectsdk.api.data.Schema.INT16_SCHEMA)
                .field("i32", io.connectsdk.api.data.Schema.INT32_SCHEMA)
                .field("i64", io.connectsdk.api.data.Schema.INT64_SCHEMA)
                .field("b", io.connectsdk.api.data.Schema.BOOLEAN_SCHEMA)
                .field("s", io.connectsdk.api.data.Schema.OPTIONAL_STRING_SCHEMA)
                .field("n\"\u00e9\t", io.connectsdk.api.data.Schema.OPTIONAL_INT64_SCHEMA)
                .build();
    }

    @Test
    void flatStructsWriteLikeKafka() {
        // structs of integers, booleans and strings, as most sources write them, with every kind of value
        io.connectsdk.api.data.Schema flat = flatSchema();
        List<String> strings = List.of("", "plain text", "q\"uote", "back\\slash", "tab\t", "nl\n", "\u0001",
                "\u007f", "caf\u00e9", "\u20ac", "\ud83d\ude00", "</script>");
        long[] longs = {0, 1, -1, 9, 10, -10, 123456789012345678L, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE};
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < Math.max(strings.size(), longs.length); i++) {
            long l = longs[i % longs.length];
            io.connectsdk.api.data.Struct st = new io.connectsdk.api.data.Struct(flat).put("i8", (byte) l)
                    .put("i16", (short) l).put("i32", (int) l).put("i64", l).put("b", i % 2 == 0)
                    .put("s", i % 5 == 4 ? null : strings.get(i % strings.size()))
                    .put("n\"\u00e9\t", i % 3 == 0 ? null : l);
            cases.add(new Case("flat #" + i, flat, st));
        }
        io.connectsdk.api.data.Struct missing = new io.connectsdk.api.data.Struct(flat).put("i8", (byte) 1);
        cases.add(new Case("flat, required fields unset", flat, missing));
        io.connectsdk.api.data.Schema equalCopy = flatSchema();
        cases.add(new Case("flat, an equal schema instance", equalCopy, cases.get(1).value()));
        cases.add(new Case("no fields", io.connectsdk.api.data.SchemaBuilder.struct().build(),
                new io.connectsdk.api.data.Struct(io.connectsdk.api.data.SchemaBuilder.struct().build())));
        for (boolean schemas : new boolean[] {true, false}) {
            Map<String, Object> cfg = config(schemas, "BASE64", true);
            JsonConverter ours = new JsonConverter();
            ours.configure(cfg, false);
            org.apache.kafka.connect.json.JsonConverter kafka = new org.apache.kafka.connect.json.JsonConverter();
            kafka.configure(cfg, false);
            List<String> failures = new ArrayList<>();
            for (int pass = 0; pass < 2; pass++) {
                for (Case c : cases) {
                    String problem = compare(ours, kafka, c);
                    if (problem != null) {
                        failures.add(c.name() + ": " + problem);
                    }
                }
            }
            assertThat(failures).as("schemas.enable=%s", schemas).isEmpty();
        }
    }

    @Test
    void freshAndReusedInstancesAgree() {
        // a converter that has cached many schemas writes and reads like a fresh one
        JsonConverter reused = new JsonConverter();
        reused.configure(Map.of("schemas.cache.size", "3"), false);
        List<Case> cases = JsonCorpus.random(7, 200);
        for (Case c : cases) {
            byte[] a = write(reused, c);
            JsonConverter fresh = new JsonConverter();
            fresh.configure(Map.of(), false);
            byte[] b = write(fresh, c);
            assertThat(a).as(c.name()).isEqualTo(b);
            if (a != null) {
                assertThat(reused.toConnectData(TOPIC, a)).as(c.name()).isEqualTo(fresh.toConnectData(TOPIC, b));
            }
        }
    }

    private static byte[] write(JsonConverter converter, Case c) {
        try {
            return converter.fromConnectData(TOPIC, c.schema(), c.value());
        } catch (DataException e) {
            return ("error").getBytes(StandardCharsets.UTF_8);
        }
    }

    /** @return what differs, or {@code null} */
    static String compare(JsonConverter ours, org.apache.kafka.connect.json.JsonConverter kafka, Case c) {
        byte[] ob = null;
        byte[] kb = null;
        RuntimeException oe = null;
        RuntimeException ke = null;
        try {
            ob = ours.fromConnectData(TOPIC, c.schema(), c.value());
        } catch (DataException e) {
            oe = e;
        }
        try {
            kb = kafka.fromConnectData(TOPIC, toKafka(c.schema()), toKafka(c.schema(), c.value()));
        } catch (org.apache.kafka.connect.errors.DataException e) {
            ke = e;
        }
        if ((oe == null) != (ke == null)) {
            return "write: ours " + (oe == null ? "succeeded" : "failed: " + oe.getMessage()) + ", Kafka's "
                    + (ke == null ? "succeeded" : "failed: " + ke);
        }
        if (oe != null) {
            if (!oe.getMessage().contains("topic '" + TOPIC + "'")) {
                return "our error does not name the topic: " + oe.getMessage();
            }
            return null;
        }
        if (ob == null || kb == null) {
            return ob == kb ? null : "write: ours " + text(ob) + ", Kafka's " + text(kb);
        }
        if (!java.util.Arrays.equals(ob, kb)) {
            return "write: bytes differ\n  ours:  " + text(ob) + "\n  Kafka: " + text(kb);
        }
        // read back the (identical) bytes with both
        SchemaAndValue or;
        SchemaAndValue kr;
        try {
            or = ours.toConnectData(TOPIC, ob);
        } catch (DataException e) {
            return "read: ours failed: " + e.getMessage() + " on " + text(ob);
        }
        if (hasNonFinite(c.value())) {
            // Kafka Connect reads "NaN"/"Infinity" back as 0; we read them back as written
            return or.value() != null || c.value() == null ? null : "read: lost a non-finite number";
        }
        try {
            kr = fromKafka(kafka.toConnectData(TOPIC, kb));
        } catch (org.apache.kafka.connect.errors.DataException e) {
            return "read: Kafka's failed: " + e;
        }
        if (!or.equals(kr)) {
            return "read: results differ\n  ours:  " + or + "\n  Kafka: " + kr + "\n  bytes: " + text(ob);
        }
        return null;
    }

    private static boolean hasNonFinite(Object value) {
        if (value instanceof Float) {
            return !Float.isFinite((Float) value);
        }
        if (value instanceof Double) {
            return !Double.isFinite((Double) value);
        }
        return false;
    }

    static String text(byte[] b) {
        return b == null ? "null" : new String(b, StandardCharsets.UTF_8);
    }
}
