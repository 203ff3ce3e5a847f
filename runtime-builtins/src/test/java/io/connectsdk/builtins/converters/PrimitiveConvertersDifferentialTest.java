package io.connectsdk.builtins.converters;

import static io.connectsdk.builtins.converters.KafkaAdapter.fromKafka;
import static io.connectsdk.builtins.converters.KafkaAdapter.toKafka;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.storage.Converter;
import io.connectsdk.api.storage.HeaderConverter;
import io.connectsdk.builtins.BuiltinVersion;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each primitive converter against its Kafka Connect 4.4 counterpart: same bytes for the same
 * values, same results when reading those bytes (as key, value and header converter), and errors
 * that name the topic for what neither can convert.
 */
class PrimitiveConvertersDifferentialTest {
    private static final String TOPIC = "metrics";

    record Pair(String name, Supplier<Converter> ours, Supplier<org.apache.kafka.connect.storage.Converter> kafka,
                Schema schema, List<Object> values, Object wrongType, int badLength) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> pairs() {
        return Stream.of(
                new Pair("Short", ShortConverter::new, org.apache.kafka.connect.converters.ShortConverter::new,
                        Schema.INT16_SCHEMA, List.of((short) 0, (short) 1, (short) -1, Short.MIN_VALUE, Short.MAX_VALUE, (short) 256),
                        5, 3),
                new Pair("Integer", IntegerConverter::new, org.apache.kafka.connect.converters.IntegerConverter::new,
                        Schema.INT32_SCHEMA, List.of(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x01020304), 5L, 8),
                new Pair("Long", LongConverter::new, org.apache.kafka.connect.converters.LongConverter::new,
                        Schema.INT64_SCHEMA, List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0x0102030405060708L), 5, 4),
                new Pair("Float", FloatConverter::new, org.apache.kafka.connect.converters.FloatConverter::new,
                        Schema.FLOAT32_SCHEMA, List.of(0f, -0f, 1.5f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN,
                        Float.intBitsToFloat(0x7fc00001), Float.NEGATIVE_INFINITY), 1.5d, 8),
                new Pair("Double", DoubleConverter::new, org.apache.kafka.connect.converters.DoubleConverter::new,
                        Schema.FLOAT64_SCHEMA, List.of(0d, -0d, 0.1, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
                        Double.longBitsToDouble(0x7ff8000000000001L), Double.POSITIVE_INFINITY), 1.5f, 4),
                new Pair("Boolean", BooleanConverter::new, org.apache.kafka.connect.converters.BooleanConverter::new,
                        Schema.BOOLEAN_SCHEMA, List.of(true, false), "true", 2),
                new Pair("ByteArray", ByteArrayConverter::new, org.apache.kafka.connect.converters.ByteArrayConverter::new,
                        Schema.BYTES_SCHEMA, List.of(new byte[0], new byte[] {1, 2, 3}, new byte[] {-1, 0, 127}), "bytes", -1),
                new Pair("String UTF-8", StringConverter::new, org.apache.kafka.connect.storage.StringConverter::new,
                        Schema.STRING_SCHEMA, List.of("", "hello", "héllo 日本 \uD83D\uDE00", "\u0000"), null, -1))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void sameBytesAndReadsAsKafka(Pair pair) {
        for (boolean isKey : new boolean[] {true, false}) {
            Converter ours = pair.ours().get();
            ours.configure(Map.of(), isKey);
            org.apache.kafka.connect.storage.Converter kafka = pair.kafka().get();
            kafka.configure(Map.of(), isKey);
            for (Object v : pair.values()) {
                for (Schema schema : Arrays.asList(pair.schema(), null, optional(pair.schema()))) {
                    byte[] ob = ours.fromConnectData(TOPIC, schema, v);
                    byte[] kb = kafka.fromConnectData(TOPIC, toKafka(schema), v);
                    assertThat(ob).as("%s %s", pair, v).isEqualTo(kb);
                    SchemaAndValue or = ours.toConnectData(TOPIC, ob);
                    assertThat(or).as("%s %s", pair, v).isEqualTo(fromKafka(kafka.toConnectData(TOPIC, kb)));
                    assertThat(or.schema()).isEqualTo(optional(pair.schema()));
                    assertThat(or).isEqualTo(new SchemaAndValue(optional(pair.schema()), v));
                }
            }
            // null is a tombstone both ways
            assertThat(ours.fromConnectData(TOPIC, pair.schema(), null)).isNull();
            assertThat(kafka.fromConnectData(TOPIC, toKafka(pair.schema()), null)).isNull();
            assertThat(ours.toConnectData(TOPIC, null)).isEqualTo(fromKafka(kafka.toConnectData(TOPIC, null)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void sameBytesAsKafkaAsHeaderConverter(Pair pair) {
        HeaderConverter ours = (HeaderConverter) pair.ours().get();
        ours.configure(Map.of());
        org.apache.kafka.connect.storage.HeaderConverter kafka = (org.apache.kafka.connect.storage.HeaderConverter) pair.kafka().get();
        kafka.configure(Map.of("converter.type", "header"));
        for (Object v : pair.values()) {
            byte[] ob = ours.fromConnectHeader(TOPIC, "h", pair.schema(), v);
            assertThat(ob).isEqualTo(kafka.fromConnectHeader(TOPIC, "h", toKafka(pair.schema()), v));
            assertThat(ours.toConnectHeader(TOPIC, "h", ob)).isEqualTo(fromKafka(kafka.toConnectHeader(TOPIC, "h", ob)));
        }
        assertThat(((io.connectsdk.api.plugin.Versioned) ours).version()).isEqualTo(BuiltinVersion.VERSION);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void errorsNameTheTopic(Pair pair) {
        Converter ours = pair.ours().get();
        ours.configure(Map.of(), false);
        if (pair.wrongType() != null) {
            assertThatThrownBy(() -> ours.fromConnectData(TOPIC, null, pair.wrongType()))
                    .isInstanceOf(DataException.class).hasMessageContaining("topic '" + TOPIC + "'")
                    .hasMessageContaining(pair.wrongType().getClass().getName());
            Schema other = pair.schema().type() == Schema.Type.STRING ? Schema.INT32_SCHEMA : Schema.STRING_SCHEMA;
            assertThatThrownBy(() -> ours.fromConnectData(TOPIC, other, pair.values().get(0)))
                    .isInstanceOf(DataException.class).hasMessageContaining("topic '" + TOPIC + "'")
                    .hasMessageContaining(other.type().toString());
        }
        if (pair.badLength() >= 0) {
            assertThatThrownBy(() -> ours.toConnectData(TOPIC, new byte[pair.badLength()]))
                    .isInstanceOf(DataException.class).hasMessageContaining("topic '" + TOPIC + "'")
                    .hasMessageContaining("got " + pair.badLength());
            HeaderConverter header = (HeaderConverter) ours;
            assertThatThrownBy(() -> header.toConnectHeader(TOPIC, "hk", new byte[pair.badLength()]))
                    .isInstanceOf(DataException.class).hasMessageContaining("header 'hk' of topic '" + TOPIC + "'");
        }
    }

    private static Schema optional(Schema s) {
        switch (s.type()) {
            case INT16: return Schema.OPTIONAL_INT16_SCHEMA;
            case INT32: return Schema.OPTIONAL_INT32_SCHEMA;
            case INT64: return Schema.OPTIONAL_INT64_SCHEMA;
            case FLOAT32: return Schema.OPTIONAL_FLOAT32_SCHEMA;
            case FLOAT64: return Schema.OPTIONAL_FLOAT64_SCHEMA;
            case BOOLEAN: return Schema.OPTIONAL_BOOLEAN_SCHEMA;
            case BYTES: return Schema.OPTIONAL_BYTES_SCHEMA;
            default: return Schema.OPTIONAL_STRING_SCHEMA;
        }
    }

    @Test
    void booleanRejectsBytesOtherThanZeroAndOneLikeKafka() {
        BooleanConverter ours = new BooleanConverter();
        ours.configure(Map.of(), false);
        org.apache.kafka.connect.converters.BooleanConverter kafka = new org.apache.kafka.connect.converters.BooleanConverter();
        kafka.configure(Map.of(), false);
        assertThatThrownBy(() -> kafka.toConnectData(TOPIC, new byte[] {2}))
                .isInstanceOf(org.apache.kafka.connect.errors.DataException.class);
        assertThatThrownBy(() -> ours.toConnectData(TOPIC, new byte[] {2}))
                .isInstanceOf(DataException.class).hasMessageContaining("topic '" + TOPIC + "'").hasMessageContaining("0x02");
    }

    @Test
    void byteBuffersAreWrittenLikeKafka() {
        ByteArrayConverter ours = new ByteArrayConverter();
        org.apache.kafka.connect.converters.ByteArrayConverter kafka = new org.apache.kafka.connect.converters.ByteArrayConverter();
        byte[] data = {10, 20, 30, 40, 50};
        ByteBuffer forOurs = ByteBuffer.wrap(data, 1, 3);
        ByteBuffer forKafka = ByteBuffer.wrap(data, 1, 3);
        assertThat(ours.fromConnectData(TOPIC, Schema.OPTIONAL_BYTES_SCHEMA, forOurs))
                .isEqualTo(kafka.fromConnectData(TOPIC, org.apache.kafka.connect.data.Schema.OPTIONAL_BYTES_SCHEMA, forKafka))
                .containsExactly(10, 20, 30, 40);
        assertThat(forOurs.position()).as("our converter leaves the buffer alone").isEqualTo(1);
        byte[] same = {1};
        assertThat(ours.fromConnectData(TOPIC, null, same)).isSameAs(same);
    }

    @Test
    void stringConverterMatchesKafkaForEncodingsAndOverrides() {
        List<Map<String, Object>> configs = List.of(
                Map.of("converter.encoding", "UTF-16"),
                Map.of("converter.encoding", "ISO-8859-1"),
                Map.of("converter.encoding", "UTF-16", "value.serializer.encoding", "UTF-8"),
                Map.of("converter.encoding", "UTF-16", "key.deserializer.encoding", "UTF-16LE"),
                Map.of("serializer.encoding", "UTF-16"));
        List<Object> values = List.of("héllo", "日本", "", 42, List.of(1, "a"), 1.5);
        for (Map<String, Object> cfg : configs) {
            for (boolean isKey : new boolean[] {true, false}) {
                StringConverter ours = new StringConverter();
                ours.configure(cfg, isKey);
                org.apache.kafka.connect.storage.StringConverter kafka = new org.apache.kafka.connect.storage.StringConverter();
                kafka.configure(cfg, isKey);
                for (Object v : values) {
                    byte[] ob = ours.fromConnectData(TOPIC, null, v);
                    assertThat(ob).as("%s key=%s %s", cfg, isKey, v).isEqualTo(kafka.fromConnectData(TOPIC, null, v));
                    assertThat(ours.toConnectData(TOPIC, ob)).as("%s key=%s %s", cfg, isKey, v)
                            .isEqualTo(fromKafka(kafka.toConnectData(TOPIC, ob)));
                }
            }
        }
    }

    @Test
    void unknownEncodingIsAConfigExceptionNamingTheKey() {
        assertThatThrownBy(() -> new StringConverter().configure(Map.of("converter.encoding", "NO-SUCH-CHARSET"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("converter.encoding")
                .hasMessageContaining("NO-SUCH-CHARSET");
        assertThatThrownBy(() -> new StringConverter().configure(Map.of("key.deserializer.encoding", "??"), true))
                .isInstanceOf(ConfigException.class).hasMessageContaining("key.deserializer.encoding");
    }

    @Test
    void badConverterTypeIsAConfigExceptionNamingTheKey() {
        for (Supplier<HeaderConverter> s : List.<Supplier<HeaderConverter>>of(IntegerConverter::new, StringConverter::new,
                BooleanConverter::new)) {
            assertThatThrownBy(() -> s.get().configure(Map.of("converter.type", "sideways")))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("converter.type");
        }
    }
}
