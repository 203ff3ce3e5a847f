package io.connectsdk.testkit.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.storage.Converter;
import io.connectsdk.builtins.converters.StringConverter;
import io.connectsdk.builtins.json.JsonConverter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConverterHarnessTest {
    static final Schema ORDER = SchemaBuilder.struct().name("Order")
            .field("id", Schema.INT64_SCHEMA)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("blob", Schema.OPTIONAL_BYTES_SCHEMA)
            .build();

    /** Violates what a round trip expects: keeps only the first 3 characters. */
    public static class TruncatingConverter implements Converter {
        Boolean configuredForKey;

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
            configuredForKey = isKey;
        }

        @Override
        public byte[] fromConnectData(String topic, Schema schema, Object value) {
            String s = String.valueOf(value);
            return s.substring(0, Math.min(3, s.length())).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public SchemaAndValue toConnectData(String topic, byte[] value) {
            return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, new String(value, StandardCharsets.UTF_8));
        }

        @Override
        public String version() {
            return "1.0";
        }
    }

    @Test
    void roundTripsAStructThroughTheBuiltInJsonConverter() {
        Struct order = Records.struct(ORDER).put("id", 42L).put("tags", List.of("a", "b"))
                .put("blob", new byte[] {1, 2, 3}).build();
        try (ConverterHarness harness = ConverterHarness.of(new JsonConverter()).config("schemas.enable", "true").forValue()) {
            SchemaAndValue back = harness.roundTrip(ORDER, order);
            assertThat(back.schema().name()).isEqualTo("Order");
            assertThat(new String(harness.serialize(Schema.STRING_SCHEMA, "hi"), StandardCharsets.UTF_8)).contains("\"hi\"");
        }
    }

    @Test
    void showsWhatWasSentAndWhatCameBackWhenAValueDoesNotSurvive() {
        try (ConverterHarness harness = ConverterHarness.of(new TruncatingConverter())) {
            assertThatThrownBy(() -> harness.roundTrip(Schema.STRING_SCHEMA, "hello"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("Expected TruncatingConverter (value) to give back the value it serialized, but it did not."
                            + "\n  sent:     hello (java.lang.String) with schema " + Schema.STRING_SCHEMA
                            + "\n  bytes:    3 byte(s): hel"
                            + "\n  received: hel (java.lang.String) with schema " + Schema.OPTIONAL_STRING_SCHEMA);
        }
    }

    @Test
    void aChangedNumberTypeIsReportedWithBothTypes() {
        try (ConverterHarness harness = ConverterHarness.of(new JsonConverter()).config("schemas.enable", "false")) {
            assertThatThrownBy(() -> harness.roundTrip(7))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("sent:     7 (java.lang.Integer) (schemaless)")
                    .hasMessageContaining("received: 7 (java.lang.Long)");
            assertThat(harness.roundTrip(7L).value()).isEqualTo(7L);
        }
    }

    @Test
    void configuresForKeysOrValuesOnFirstUse() {
        TruncatingConverter converter = new TruncatingConverter();
        ConverterHarness harness = ConverterHarness.of(converter).forKey();
        assertThat(converter.configuredForKey).isNull();
        harness.serialize("abc");
        assertThat(converter.configuredForKey).isTrue();
        assertThatThrownBy(harness::forValue).isInstanceOf(IllegalStateException.class);
        try (ConverterHarness strings = ConverterHarness.of(new StringConverter()).topic("names")) {
            assertThat(strings.roundTrip(Schema.OPTIONAL_STRING_SCHEMA, "Zoë").value()).isEqualTo("Zoë");
            assertThat(strings.deserialize(null).value()).isNull();
        }
    }
}
