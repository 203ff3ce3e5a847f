package io.connectsdk.builtins.values;

import static io.connectsdk.builtins.converters.KafkaAdapter.fromKafka;
import static io.connectsdk.builtins.converters.KafkaAdapter.toKafka;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.data.Date;
import io.connectsdk.api.data.Decimal;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.data.Time;
import io.connectsdk.api.data.Timestamp;
import io.connectsdk.api.errors.DataException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Our {@link Values} conversions against Kafka Connect 4.4's {@code Values}, for a table of inputs:
 * the same result, or both failing.
 */
class ValuesDifferentialTest {
    private static final java.util.Date DAY_5 = new java.util.Date(5 * 86_400_000L);
    private static final java.util.Date NOON = new java.util.Date(12 * 3_600_000L);
    private static final java.util.Date INSTANT = new java.util.Date(5 * 86_400_000L + 12 * 3_600_000L + 7);

    /** Inputs as (value, its schema or null). */
    static List<Object[]> inputs() {
        return List.of(
                new Object[] {true, Schema.BOOLEAN_SCHEMA}, new Object[] {false, null},
                new Object[] {(byte) 5, Schema.INT8_SCHEMA}, new Object[] {(short) -300, null}, new Object[] {70_000, null},
                new Object[] {5_000_000_000L, Schema.INT64_SCHEMA}, new Object[] {1.75f, null}, new Object[] {-2.5e10, null},
                new Object[] {new BigDecimal("12.50"), Decimal.schema(2)}, new Object[] {"42", null},
                new Object[] {"-3.9", null}, new Object[] {"true", null}, new Object[] {"false", Schema.STRING_SCHEMA},
                new Object[] {"1e3", null}, new Object[] {"abc", null}, new Object[] {"", null},
                new Object[] {"[1,2]", null}, new Object[] {"{\"a\":1}", null}, new Object[] {"2024-01-02", null},
                new Object[] {"12:30:00.000Z", null}, new Object[] {"2024-01-02T12:30:00.000Z", null},
                new Object[] {DAY_5, Date.SCHEMA}, new Object[] {NOON, Time.SCHEMA}, new Object[] {INSTANT, Timestamp.SCHEMA},
                new Object[] {INSTANT, null}, new Object[] {new byte[] {1, 2}, Schema.BYTES_SCHEMA},
                new Object[] {List.of(1, 2), null}, new Object[] {Map.of("k", "v"), null}, new Object[] {0, null},
                new Object[] {Double.NaN, null});
    }

    private static void same(String what, BiFunction<Schema, Object, Object> ours,
                             BiFunction<org.apache.kafka.connect.data.Schema, Object, Object> kafka) {
        List<String> failures = new ArrayList<>();
        for (Object[] in : inputs()) {
            Schema schema = (Schema) in[1];
            Object o;
            Object k;
            String oe = null;
            String ke = null;
            try {
                o = ours.apply(schema, in[0]);
            } catch (DataException e) {
                o = null;
                oe = e.getMessage();
            }
            try {
                k = fromKafka((org.apache.kafka.connect.data.Schema) null, kafka.apply(toKafka(schema), toKafka(schema, in[0])));
            } catch (org.apache.kafka.connect.errors.DataException | NumberFormatException e) {
                k = null;
                ke = e.toString();
            }
            if ((oe == null) != (ke == null)) {
                failures.add(what + "(" + show(in[0]) + ", " + schema + "): ours " + (oe == null ? show(o) : "failed: " + oe)
                        + "; Kafka's " + (ke == null ? show(k) : "failed: " + ke));
            } else if (oe == null && !new SchemaAndValue(null, o).equals(new SchemaAndValue(null, k))) {
                failures.add(what + "(" + show(in[0]) + ", " + schema + "): ours " + show(o) + "; Kafka's " + show(k));
            }
        }
        assertThat(failures).isEmpty();
    }

    private static String show(Object o) {
        return o instanceof byte[] ? Arrays.toString((byte[]) o) : String.valueOf(o) + (o == null ? "" : " (" + o.getClass().getSimpleName() + ")");
    }

    @Test
    void numbersAndBooleans() {
        same("boolean", Values::convertToBoolean, org.apache.kafka.connect.data.Values::convertToBoolean);
        same("byte", Values::convertToByte, org.apache.kafka.connect.data.Values::convertToByte);
        same("short", Values::convertToShort, org.apache.kafka.connect.data.Values::convertToShort);
        same("int", Values::convertToInteger, org.apache.kafka.connect.data.Values::convertToInteger);
        same("long", Values::convertToLong, org.apache.kafka.connect.data.Values::convertToLong);
        same("float", Values::convertToFloat, org.apache.kafka.connect.data.Values::convertToFloat);
        same("double", Values::convertToDouble, org.apache.kafka.connect.data.Values::convertToDouble);
    }

    @Test
    void stringsListsMapsStructs() {
        same("string", Values::convertToString, org.apache.kafka.connect.data.Values::convertToString);
        same("list", Values::convertToList, org.apache.kafka.connect.data.Values::convertToList);
        same("map", Values::convertToMap, org.apache.kafka.connect.data.Values::convertToMap);
        Schema s = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).build();
        Struct struct = new Struct(s).put("a", 1);
        assertThat(Values.convertToStruct(null, struct)).isSameAs(struct);
        assertThatThrownBy(() -> Values.convertToStruct(null, "{\"a\":1}")).isInstanceOf(DataException.class);
    }

    @Test
    void logicalTypes() {
        same("date", Values::convertToDate, org.apache.kafka.connect.data.Values::convertToDate);
        same("time", Values::convertToTime, org.apache.kafka.connect.data.Values::convertToTime);
        same("timestamp", Values::convertToTimestamp, org.apache.kafka.connect.data.Values::convertToTimestamp);
        same("decimal(2)", (s, v) -> Values.convertToDecimal(s, v, 2),
                (s, v) -> org.apache.kafka.connect.data.Values.convertToDecimal(s, v, 2));
    }

    @Test
    void nullsConvertLikeKafka() {
        assertThat(Values.convertToInteger(null, null)).isNull();
        assertThat(Values.convertToString(null, null)).isNull();
        assertThatThrownBy(() -> Values.convertToList(null, null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Values.convertToDate(null, null)).isInstanceOf(DataException.class);
        assertThat(Values.convertTo(Schema.OPTIONAL_INT32_SCHEMA, null, null)).isNull();
        assertThatThrownBy(() -> Values.convertTo(Schema.INT32_SCHEMA, null, null)).isInstanceOf(DataException.class);
    }

    @Test
    void convertToTargetsLogicalTypes() {
        assertThat(Values.convertTo(Date.SCHEMA, Timestamp.SCHEMA, INSTANT)).isEqualTo(DAY_5);
        assertThat(Values.convertTo(Time.SCHEMA, Timestamp.SCHEMA, INSTANT)).isEqualTo(new java.util.Date(12 * 3_600_000L + 7));
        assertThat(Values.convertTo(Timestamp.SCHEMA, Date.SCHEMA, DAY_5)).isEqualTo(DAY_5);
        assertThat(Values.convertTo(Decimal.schema(1), null, "2.5")).isEqualTo(new BigDecimal("2.5"));
        assertThat(Values.convertTo(Schema.BYTES_SCHEMA, null, java.nio.ByteBuffer.wrap(new byte[] {3})))
                .isEqualTo(new byte[] {3});
        assertThat(Values.convertTo(Schema.INT16_SCHEMA, null, "300")).isEqualTo((short) 300);
        assertThatThrownBy(() -> Values.convertTo(Schema.INT16_SCHEMA, null, "many"))
                .isInstanceOf(DataException.class).hasMessageContaining("many");
    }

    @Test
    void infersSchemas() {
        assertThat(Values.inferSchema("s")).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(Values.inferSchema(Arrays.asList(1, null, 2)))
                .isEqualTo(SchemaBuilder.array(Schema.OPTIONAL_INT32_SCHEMA).build());
        assertThat(Values.inferSchema(Map.of("a", 1L))).isEqualTo(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).build());
        assertThat(Values.inferSchema(List.of(1, "x"))).isNull();
        assertThat(Values.inferSchema(List.of())).isNull();
        assertThat(Values.inferSchema(new Object())).isNull();
    }

    @Test
    void parsesListsAndMapsWithoutCommonSchemaAsSchemaless() {
        // Kafka Connect returns an ARRAY/MAP schema with a null element schema here, which connect-sdk cannot express
        assertThat(Values.parseString("[1,\"a\"]")).isEqualTo(new SchemaAndValue(null, List.of((byte) 1, "a")));
        assertThat(Values.parseString("{}")).isEqualTo(new SchemaAndValue(null, Map.of()));
        assertThat(Values.parseString("null")).isEqualTo(SchemaAndValue.NULL);
        assertThat(Values.parseString("[1,2]"))
                .isEqualTo(new SchemaAndValue(SchemaBuilder.array(Schema.INT8_SCHEMA).build(), List.of((byte) 1, (byte) 2)));
    }
}
