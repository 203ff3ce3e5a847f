package io.connectsdk.builtins.json;

import static io.connectsdk.builtins.converters.KafkaAdapter.fromKafka;
import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.errors.DataException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads hand-written JSON (not produced by a converter: other layouts, whitespace, duplicate and
 * missing fields, numbers of other types, malformed input) with ours and Kafka Connect's
 * JsonConverter; both must succeed with equal results or both fail.
 */
class JsonConverterReadDifferentialTest {
    private static final String S_INT32 = "{\"type\":\"int32\",\"optional\":false}";
    private static final String S_STRUCT = "{\"type\":\"struct\",\"fields\":["
            + "{\"type\":\"int32\",\"optional\":false,\"field\":\"a\"},"
            + "{\"type\":\"string\",\"optional\":true,\"default\":\"dflt\",\"field\":\"b\"},"
            + "{\"type\":\"int64\",\"optional\":false,\"default\":9,\"field\":\"c\"},"
            + "{\"type\":\"double\",\"optional\":true,\"field\":\"d\"}],\"optional\":false,\"name\":\"S\"}";

    static String env(String schema, String payload) {
        return "{\"schema\":" + schema + ",\"payload\":" + payload + "}";
    }

    static List<String> plainInputs() {
        return List.of("1", "-0", "007", "1.5", "-0.0", "1e400", "1E-400", "0.1", "123456789012345678901234567890",
                "-9223372036854775808", "9223372036854775808", "1.00000000000000000001", "\"s\"", "\"\\u00e9\\n\"",
                "true", "false", "null", "[]", "{}", "[1,2.5,\"a\",null,{},[true]]", "{\"a\":{\"b\":[1]},\"c\":null}",
                "{\"a\":1,\"a\":2}", "", "   ", " 1 ", "1 2", "{\"a\":1} trailing", "[1,2", "{\"a\":}", "nul",
                "'single'", "NaN", "\"NaN\"", "[1,]", "1x", "{\"x\":1e2}");
    }

    static List<String> envelopeInputs() {
        List<String> in = new ArrayList<>();
        in.add(env(S_INT32, "5"));
        in.add(env(S_INT32, "1.7"));           // truncated to 1
        in.add(env(S_INT32, "-1.7"));
        in.add(env(S_INT32, "4294967297"));    // narrowed like a Java cast
        in.add(env(S_INT32, "null"));          // required: error
        in.add(env("{\"type\":\"int8\",\"optional\":false}", "300"));
        in.add(env("{\"type\":\"int16\",\"optional\":false}", "-70000"));
        in.add(env("{\"type\":\"int64\",\"optional\":false}", "18446744073709551617"));
        in.add(env("{\"type\":\"int64\",\"optional\":false}", "2.9e3"));
        in.add(env("{\"type\":\"float\",\"optional\":false}", "1"));
        in.add(env("{\"type\":\"float\",\"optional\":false}", "0.1"));
        in.add(env("{\"type\":\"float\",\"optional\":false}", "-0.0"));
        in.add(env("{\"type\":\"float\",\"optional\":false}", "3.4028236e38"));
        in.add(env("{\"type\":\"double\",\"optional\":false}", "1e2"));
        in.add(env("{\"type\":\"double\",\"optional\":false}", "-0.0"));
        in.add(env("{\"type\":\"double\",\"optional\":false}", "12345678901234567890123"));
        in.add(env("{\"type\":\"double\",\"optional\":false}", "2.4703282292062328E-324"));
        in.add(env("{\"type\":\"bytes\",\"optional\":false}", "\"AAEC\""));
        in.add(env("{\"type\":\"bytes\",\"optional\":false}", "\" AAEC \""));
        in.add(env("{\"type\":\"bytes\",\"optional\":false}", "\"AAE\""));
        in.add(env("{\"type\":\"bytes\",\"optional\":false}", "\"!!!\""));
        in.add(env("{\"type\":\"string\",\"optional\":true}", "null"));
        in.add(env("{\"type\":\"string\",\"optional\":true,\"default\":\"x\"}", "null"));
        in.add(env("{\"type\":\"boolean\",\"optional\":false}", "true"));
        in.add(env("null", "{\"a\":[1,2.5]}"));
        in.add(env("null", "null"));
        in.add(env(S_STRUCT, "{\"a\":1}"));
        in.add(env(S_STRUCT, "{\"a\":1,\"b\":null,\"c\":null,\"d\":null}"));
        in.add(env(S_STRUCT, "{\"a\":1,\"b\":\"x\",\"c\":2,\"d\":0.5,\"extra\":{\"ignored\":[1]}}"));
        in.add(env(S_STRUCT, "{\"b\":\"x\"}"));                     // a missing: error
        in.add(env(S_STRUCT, "{\"a\":1,\"a\":2}"));                 // last duplicate wins
        in.add(env(S_STRUCT, "[1]"));                               // not an object: error
        in.add("{\"payload\":{\"a\":3},\"schema\":" + S_STRUCT + "}");  // payload first
        in.add("{ \"schema\" : " + S_STRUCT + " ,\n \"payload\" : { \"a\" : 4 } }\n");
        in.add("{\"schema\":" + S_INT32 + ",\"payload\":1,\"payload\":2}");
        in.add("{\"schema\":{\"type\":\"string\",\"optional\":false},\"schema\":" + S_INT32 + ",\"payload\":3}");
        in.add("{\"schema\":" + S_INT32 + ",\"payload\":1,\"extra\":0}");   // error: extra field
        in.add("{\"schema\":" + S_INT32 + "}");                             // error: no payload
        in.add("{\"payload\":1}");                                          // error: no schema
        in.add("[1]");
        in.add("1");
        in.add("");
        in.add(env(S_INT32, "1") + " trailing garbage");
        in.add(env(S_INT32, "1"));
        in.add(env("{\"type\":\"array\",\"items\":{\"type\":\"int32\",\"optional\":true},\"optional\":false}", "[1,null,3]"));
        in.add(env("{\"type\":\"array\",\"optional\":false}", "[]"));                    // error: no items
        in.add(env("{\"type\":\"map\",\"keys\":{\"type\":\"int32\",\"optional\":false},"
                + "\"values\":{\"type\":\"string\",\"optional\":false},\"optional\":false}", "[[1,\"a\"],[2,\"b\"]]"));
        in.add(env("{\"type\":\"map\",\"keys\":{\"type\":\"int32\",\"optional\":false},"
                + "\"values\":{\"type\":\"string\",\"optional\":false},\"optional\":false}", "[[1,\"a\",3]]"));
        in.add(env("{\"type\":\"map\",\"keys\":{\"type\":\"int32\",\"optional\":false},"
                + "\"values\":{\"type\":\"string\",\"optional\":false},\"optional\":false}", "{\"1\":\"a\"}"));
        in.add(env("{\"type\":\"map\",\"keys\":{\"type\":\"string\",\"optional\":false},"
                + "\"values\":{\"type\":\"int64\",\"optional\":false},\"optional\":false}", "{\"k\":1,\"j\":-2}"));
        in.add(env("{\"type\":\"bytes\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Decimal\","
                + "\"version\":1,\"parameters\":{\"scale\":\"2\"}}", "1.5"));
        in.add(env("{\"type\":\"bytes\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Decimal\","
                + "\"parameters\":{\"scale\":\"2\"}}", "7"));
        in.add(env("{\"type\":\"bytes\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Decimal\","
                + "\"parameters\":{\"scale\":\"2\"}}", "\"AJY=\""));
        in.add(env("{\"type\":\"bytes\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Decimal\","
                + "\"parameters\":{\"scale\":\"2\"},\"default\":\"AQ==\"}", "null"));
        in.add(env("{\"type\":\"int32\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Date\"}", "19000"));
        in.add(env("{\"type\":\"int32\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Date\"}", "1.0"));
        in.add(env("{\"type\":\"int32\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Time\"}", "1000"));
        in.add(env("{\"type\":\"int64\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Timestamp\"}", "-5"));
        in.add(env("{\"type\":\"int64\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Timestamp\"}", "1.5"));
        in.add(env("{\"type\":\"int32\",\"optional\":\"true\",\"version\":\"2\",\"name\":5,\"doc\":[]}", "1"));
        in.add(env("{\"type\":\"int32\",\"optional\":false,\"version\":2.5}", "1"));
        in.add(env("{\"type\":\"int32\",\"optional\":false,\"parameters\":{\"a\":1}}", "1"));  // error
        in.add(env("{\"type\":\"int32\",\"optional\":false,\"parameters\":{\"b\":\"2\",\"a\":\"1\"}}", "1"));
        in.add(env("{\"type\":\"nope\"}", "1"));              // error: unknown type
        in.add(env("{\"optional\":true}", "1"));              // error: no type
        in.add(env("\"int32\"", "1"));                        // error: schema not an object
        in.add(env("{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\"}]}", "{}"));   // error: no field name
        in.add(env("{\"type\":\"int32\",\"default\":null,\"optional\":true}", "null"));
        return in;
    }

    @Test
    void plainJsonReadsLikeKafka() {
        assertSameReads(Map.of("schemas.enable", "false"), plainInputs());
    }

    @Test
    void envelopesReadLikeKafka() {
        assertSameReads(Map.of(), envelopeInputs());
        assertSameReads(Map.of("replace.null.with.default", "false"), envelopeInputs());
    }

    @Test
    void fixedSchemaContentReadsLikeKafka() {
        Map<String, String> cfg = Map.of("schema.content", S_STRUCT);
        assertSameReads(cfg, List.of("{\"a\":1}", "{\"a\":1,\"d\":2}", "{}", "null", "[1]",
                env(S_STRUCT, "{\"a\":1}")));
    }

    private static void assertSameReads(Map<String, String> cfg, List<String> inputs) {
        JsonConverter ours = new JsonConverter();
        ours.configure(cfg, false);
        org.apache.kafka.connect.json.JsonConverter kafka = new org.apache.kafka.connect.json.JsonConverter();
        kafka.configure(cfg, false);
        List<String> failures = new ArrayList<>();
        // twice, so that the second reads go through the warm caches and the same-schema fast path
        for (int pass = 0; pass < 2; pass++) {
            for (String json : inputs) {
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                SchemaAndValue o = null;
                SchemaAndValue k = null;
                String oe = null;
                String ke = null;
                try {
                    o = ours.toConnectData("t", bytes);
                } catch (DataException e) {
                    oe = e.getMessage();
                    if (!oe.contains("topic 't'")) {
                        failures.add(json + ": our error does not name the topic: " + oe);
                    }
                }
                try {
                    k = fromKafka(kafka.toConnectData("t", bytes));
                } catch (org.apache.kafka.connect.errors.DataException e) {
                    ke = e.toString();
                }
                if ((oe == null) != (ke == null)) {
                    failures.add(json + ": ours " + (oe == null ? "read " + o : "failed: " + oe) + "; Kafka's "
                            + (ke == null ? "read " + k : "failed: " + ke));
                } else if (oe == null && !o.equals(k)) {
                    failures.add(json + ": ours read " + o + "; Kafka's read " + k);
                }
            }
        }
        assertThat(failures).as("inputs read differently with %s", cfg).isEmpty();
    }
}
