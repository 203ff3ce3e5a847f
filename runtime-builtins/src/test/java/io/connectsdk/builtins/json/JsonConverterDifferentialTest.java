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
