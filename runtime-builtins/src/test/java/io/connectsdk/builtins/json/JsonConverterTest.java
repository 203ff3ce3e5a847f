package io.connectsdk.builtins.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.storage.ConverterType;
import io.connectsdk.builtins.BuiltinVersion;
import io.connectsdk.builtins.converters.KafkaAdapter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Behaviour of our JsonConverter that is ours alone: errors, settings, round trips, deliberate differences. */
class JsonConverterTest {
    private static final String TOPIC = "orders";

    private static JsonConverter converter(Map<String, ?> cfg) {
        JsonConverter c = new JsonConverter();
        c.configure(cfg, false);
        return c;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void realisticRecordRoundTrips() {
        for (String format : List.of("BASE64", "NUMERIC")) {
            JsonConverter c = converter(Map.of("decimal.format", format));
            Struct order = JsonCorpus.order(77);
            SchemaAndValue back = c.toConnectData(TOPIC, c.fromConnectData(TOPIC, JsonCorpus.ORDER, order));
            assertThat(back.schema()).isEqualTo(JsonCorpus.ORDER);
            // defaults are filled in on the way (note: "none", paid: false, medium: -7)
            Struct expected = JsonCorpus.order(77).put("note", "none").put("paid", false).put("medium", (short) -7);
            assertThat(back.value()).isEqualTo(expected);
        }
    }

    @Test
    void tombstonesStayNull() {
        JsonConverter c = converter(Map.of());
        assertThat(c.fromConnectData(TOPIC, null, null)).isNull();
        assertThat(c.toConnectData(TOPIC, null)).isEqualTo(SchemaAndValue.NULL);
        // a null with an optional schema is an envelope with a null payload, as in Kafka Connect
        assertThat(new String(c.fromConnectData(TOPIC, Schema.OPTIONAL_STRING_SCHEMA, null), StandardCharsets.UTF_8))
                .isEqualTo("{\"schema\":{\"type\":\"string\",\"optional\":true},\"payload\":null}");
    }

    @Test
    void nonFiniteNumbersRoundTrip() {
        JsonConverter c = converter(Map.of());
        for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            byte[] bytes = c.fromConnectData(TOPIC, Schema.FLOAT64_SCHEMA, d);
            assertThat(c.toConnectData(TOPIC, bytes).value()).isEqualTo(d);
            bytes = c.fromConnectData(TOPIC, Schema.FLOAT32_SCHEMA, (float) d);
            assertThat(c.toConnectData(TOPIC, bytes).value()).isEqualTo((float) d);
        }
    }

    @Test
    void byteBufferIsWrittenFromPositionToLimit() {
        ByteBuffer slice = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5}, 1, 3);
        JsonConverter c = converter(Map.of("schemas.enable", "false"));
        assertThat(new String(c.fromConnectData(TOPIC, Schema.BYTES_SCHEMA, slice), StandardCharsets.UTF_8))
                .isEqualTo("\"AgME\""); // {2, 3, 4}; Kafka Connect writes the whole backing array
        assertThat(slice.position()).isEqualTo(1);
    }

    @Test
    void writingAValueOfTheWrongTypeNamesTopicAndField() {
        JsonConverter c = converter(Map.of());
        assertThatThrownBy(() -> c.fromConnectData(TOPIC, Schema.INT32_SCHEMA, "forty-two"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("topic 'orders'").hasMessageContaining("INT32").hasMessageContaining("String");
        Schema s = SchemaBuilder.struct().field("outer", SchemaBuilder.struct().field("inner",
                SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build()).build()).build();
        Struct missing = new Struct(s).put("outer", new Struct(s.field("outer").schema()));
        assertThatThrownBy(() -> c.fromConnectData(TOPIC, s, missing))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("topic 'orders'").hasMessageContaining("field 'outer.inner'");
    }

    @Test
    void readingAValueOfTheWrongTypeNamesTopicAndField() {
        JsonConverter c = converter(Map.of());
        String json = "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"array\",\"items\":{\"type\":\"struct\","
                + "\"fields\":[{\"type\":\"int32\",\"optional\":false,\"field\":\"zip\"}],\"optional\":false},"
                + "\"optional\":false,\"field\":\"addresses\"}],\"optional\":false},"
                + "\"payload\":{\"addresses\":[{\"zip\":1},{\"zip\":\"not a number\"}]}}";
        assertThatThrownBy(() -> c.toConnectData(TOPIC, utf8(json)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("topic 'orders'")
                .hasMessageContaining("field 'addresses[1].zip'")
                .hasMessageContaining("expected an int32, found a string");
        // Kafka Connect would silently read these as 0 and false
        assertThatThrownBy(() -> c.toConnectData(TOPIC, utf8("{\"schema\":{\"type\":\"boolean\",\"optional\":false},"
                + "\"payload\":\"true\"}"))).isInstanceOf(DataException.class).hasMessageContaining("expected a boolean");
    }

    @Test
    void badJsonIsADataExceptionNamingTheTopic() {
        JsonConverter c = converter(Map.of("schemas.enable", false));
        assertThatThrownBy(() -> c.toConnectData(TOPIC, utf8("{\"a\": [1, 2")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("topic 'orders'").hasMessageContaining("invalid JSON");
    }

    @Test
    void missingEnvelopeTellsToDisableSchemas() {
        JsonConverter c = converter(Map.of());
        assertThatThrownBy(() -> c.toConnectData(TOPIC, utf8("{\"name\":\"plain\"}")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("topic 'orders'")
                .hasMessageContaining("\"schema\" and \"payload\"")
                .hasMessageContaining("schemas.enable=false");
    }

    @Test
    void headerErrorsNameTheHeader() {
        JsonConverter c = new JsonConverter();
        c.configure(Map.of());
        assertThat(c.converterType()).isEqualTo(ConverterType.HEADER);
        assertThatThrownBy(() -> c.toConnectHeader(TOPIC, "trace-id", utf8("nope")))
                .isInstanceOf(DataException.class).hasMessageContaining("header 'trace-id' of topic 'orders'");
        byte[] bytes = c.fromConnectHeader(TOPIC, "h", Schema.INT16_SCHEMA, (short) 5);
        assertThat(c.toConnectHeader(TOPIC, "h", bytes)).isEqualTo(new SchemaAndValue(Schema.INT16_SCHEMA, (short) 5));
    }

    @ParameterizedTest
    @CsvSource({
        "decimal.format, FOO",
        "schemas.enable, maybe",
        "schemas.cache.size, many",
        "replace.null.with.default, 2",
        "converter.type, sideways",
        "schema.content, '{\"type\":'",
        "schema.content, '{\"type\":\"nope\"}'"
    })
    void badSettingsNameTheKey(String key, String value) {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put(key, value);
        JsonConverter c = new JsonConverter();
        assertThatThrownBy(() -> c.configure(cfg))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key);
    }

    @Test
    void settingsAreParsedLikeKafka() {
        JsonConverter c = new JsonConverter();
        c.configure(Map.of("decimal.format", "numeric", "schemas.enable", "FALSE", "schemas.cache.size", 5), true);
        JsonConverterConfig cfg = c.currentConfig();
        assertThat(cfg.decimalFormat()).isEqualTo(DecimalFormat.NUMERIC);
        assertThat(cfg.schemasEnabled()).isFalse();
        assertThat(cfg.schemaCacheSize()).isEqualTo(5);
        assertThat(cfg.replaceNullWithDefault()).isTrue();
        assertThat(c.converterType()).isEqualTo(ConverterType.KEY);
        assertThat(c.config().names()).containsExactlyInAnyOrder("converter.type", "schemas.enable",
                "schemas.cache.size", "schema.content", "decimal.format", "replace.null.with.default");
        assertThat(c.version()).isEqualTo(BuiltinVersion.VERSION);
    }

    @Test
    void unconfiguredConverterUsesTheDefaults() {
        JsonConverter ours = new JsonConverter();
        org.apache.kafka.connect.json.JsonConverter kafka = new org.apache.kafka.connect.json.JsonConverter();
        kafka.configure(Map.of(), false);
        Struct order = JsonCorpus.order(3);
        assertThat(ours.fromConnectData(TOPIC, JsonCorpus.ORDER, order)).isEqualTo(kafka.fromConnectData(TOPIC,
                KafkaAdapter.toKafka(JsonCorpus.ORDER), KafkaAdapter.toKafka(JsonCorpus.ORDER, order)));
    }

    @Test
    void aStructWithAnEquivalentSchemaInstanceIsAccepted() {
        // a struct built with a non-optional copy of an optional field's schema is valid in connect-sdk
        Schema inner = SchemaBuilder.struct().name("In").field("v", Schema.INT32_SCHEMA).build();
        Schema optionalInner = SchemaBuilder.struct().name("In").field("v", Schema.INT32_SCHEMA).optional().build();
        Schema outer = SchemaBuilder.struct().field("in", optionalInner).build();
        Struct value = new Struct(outer).put("in", new Struct(inner).put("v", 1));
        JsonConverter c = converter(Map.of("schemas.enable", "false"));
        assertThat(new String(c.fromConnectData(TOPIC, outer, value), StandardCharsets.UTF_8)).isEqualTo("{\"in\":{\"v\":1}}");
    }

    @Test
    void schemaCacheSizeZeroStillWorks() {
        JsonConverter c = converter(Map.of("schemas.cache.size", 0));
        for (int i = 0; i < 3; i++) {
            byte[] bytes = c.fromConnectData(TOPIC, JsonCorpus.ORDER, JsonCorpus.order(i));
            assertThat(((Struct) c.toConnectData(TOPIC, bytes).value()).getInt64("id")).isEqualTo((long) i);
        }
    }

    @Test
    void eachRecordIsWrittenAloneAlsoAfterAFailedOne() {
        for (String schemas : List.of("true", "false")) {
            JsonConverter c = converter(Map.of("schemas.enable", schemas));
            Schema s = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA)
                    .field("b", SchemaBuilder.array(Schema.STRING_SCHEMA).build()).build();
            String envelope = schemas.equals("true") ? "{\"schema\":{\"type\":\"struct\",\"fields\":["
                    + "{\"type\":\"int32\",\"optional\":false,\"field\":\"a\"},{\"type\":\"array\",\"items\":"
                    + "{\"type\":\"string\",\"optional\":false},\"optional\":false,\"field\":\"b\"}],"
                    + "\"optional\":false},\"payload\":" : "";
            String end = schemas.equals("true") ? "}" : "";
            Struct good = new Struct(s).put("a", 1).put("b", List.of("x", "y"));
            assertThat(new String(c.fromConnectData(TOPIC, s, good), StandardCharsets.UTF_8))
                    .isEqualTo(envelope + "{\"a\":1,\"b\":[\"x\",\"y\"]}" + end);
            assertThat(new String(c.fromConnectData(TOPIC, null, 5L), StandardCharsets.UTF_8))
                    .isEqualTo(schemas.equals("true") ? "{\"schema\":null,\"payload\":5}" : "5");
            // fails in the middle of the array, inside the struct
            List<Object> items = new java.util.ArrayList<>(List.of("x"));
            Struct bad = new Struct(s).put("a", 2).put("b", items);
            items.add(3);
            assertThatThrownBy(() -> c.fromConnectData(TOPIC, s, bad)).isInstanceOf(DataException.class);
            assertThat(new String(c.fromConnectData(TOPIC, s, good), StandardCharsets.UTF_8))
                    .isEqualTo(envelope + "{\"a\":1,\"b\":[\"x\",\"y\"]}" + end);
            assertThat(new String(c.fromConnectData(TOPIC, null, "s"), StandardCharsets.UTF_8))
                    .isEqualTo(schemas.equals("true") ? "{\"schema\":null,\"payload\":\"s\"}" : "\"s\"");
            // larger than the generator's buffer, twice (with and without characters to escape)
            for (String big : List.of("y".repeat(50_000), "\"z\u00e9".repeat(20_000))) {
                String json = "\"" + big.replace("\"", "\\\"") + "\"";
                for (int i = 0; i < 2; i++) {
                    assertThat(new String(c.fromConnectData(TOPIC, null, big), StandardCharsets.UTF_8))
                            .isEqualTo(schemas.equals("true") ? "{\"schema\":null,\"payload\":" + json + "}" : json);
                }
            }
        }
    }
}
