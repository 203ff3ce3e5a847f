package io.connectsdk.examples.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.data.Date;
import io.connectsdk.api.data.Decimal;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.data.Time;
import io.connectsdk.api.data.Timestamp;
import io.connectsdk.api.errors.DataException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    private static String json(Object value) {
        return JsonWriter.toJson(value, null);
    }

    @Test
    void escapesWhatJsonRequires() {
        assertThat(json("plain")).isEqualTo("\"plain\"");
        assertThat(json("q\"b\\s/")).isEqualTo("\"q\\\"b\\\\s/\"");
        assertThat(json("\n\r\t\b\f")).isEqualTo("\"\\n\\r\\t\\b\\f\"");
        assertThat(json("\u0000\u001f\u007f")).isEqualTo("\"\\u0000\\u001f\u007f\"");
        assertThat(json("\u2028\u2029")).isEqualTo("\"\\u2028\\u2029\"");
        assertThat(json("é€😀")).isEqualTo("\"é€😀\"");
        assertThat(json("lone \ud800 and \udc00")).isEqualTo("\"lone \\ud800 and \\udc00\"");
    }

    @Test
    void anyStringRoundTripsThroughAStrictParser() {
        Random random = new Random(20240101);
        for (int i = 0; i < 2_000; i++) {
            char[] chars = new char[random.nextInt(40)];
            for (int j = 0; j < chars.length; j++) {
                int kind = random.nextInt(4);
                chars[j] = (char) (kind == 0 ? random.nextInt(0x30) : kind == 1 ? 0xD800 + random.nextInt(0x800)
                        : kind == 2 ? random.nextInt(0x10000) : "\"\\/ab".charAt(random.nextInt(5)));
            }
            String s = new String(chars);
            assertThat(MiniJson.parse(json(s))).as("round trip of %s", Arrays.toString(chars)).isEqualTo(s);
        }
    }

    @Test
    void writesPrimitivesAsJsonNumbersBooleansAndNull() {
        assertThat(json(null)).isEqualTo("null");
        assertThat(json(true)).isEqualTo("true");
        assertThat(json((byte) -3)).isEqualTo("-3");
        assertThat(json(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
        assertThat(json(new BigInteger("123456789012345678901234567890"))).isEqualTo("123456789012345678901234567890");
        assertThat(json(1.5)).isEqualTo("1.5");
        assertThat(MiniJson.parse(json(1e-7))).isEqualTo(new BigDecimal("1.0E-7"));
        assertThat(json(2.5f)).isEqualTo("2.5");
        assertThat(json(Double.NaN)).isEqualTo("\"NaN\"");
        assertThat(json(Double.NEGATIVE_INFINITY)).isEqualTo("\"-Infinity\"");
        assertThat(json(new BigDecimal("12.50"))).isEqualTo("12.50");
        assertThat(json('x')).isEqualTo("\"x\"");
    }

    @Test
    void writesBytesAsBase64() {
        byte[] bytes = "hi!".getBytes(StandardCharsets.UTF_8);
        assertThat(json(bytes)).isEqualTo("\"aGkh\"");
        assertThat(json(ByteBuffer.wrap(bytes))).isEqualTo("\"aGkh\"");
    }

    @Test
    void writesStructsWithLogicalTypesArraysAndMaps() {
        Schema address = SchemaBuilder.struct().name("Address").field("city", Schema.STRING_SCHEMA)
                .field("zip", SchemaBuilder.string().optional().defaultValue("00000").build()).build();
        Schema schema = SchemaBuilder.struct().name("Order")
                .field("id", Schema.INT64_SCHEMA)
                .field("amount", Decimal.schema(2))
                .field("created", Timestamp.SCHEMA)
                .field("day", Date.SCHEMA)
                .field("at", Time.SCHEMA)
                .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
                .field("attrs", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
                .field("address", address)
                .field("note", Schema.OPTIONAL_STRING_SCHEMA)
                .build();
        Struct order = new Struct(schema)
                .put("id", 7L)
                .put("amount", new BigDecimal("19.99"))
                .put("created", new java.util.Date(1_704_067_200_123L))
                .put("day", new java.util.Date(1_704_067_200_000L))
                .put("at", new java.util.Date(37_230_500L))
                .put("tags", List.of("a", "b\"c"))
                .put("attrs", new LinkedHashMap<>(Map.of("n", 1)))
                .put("address", new Struct(address).put("city", "Zürich"));

        String json = JsonWriter.toJson(order, schema);

        assertThat(json).isEqualTo("{\"id\":7,\"amount\":19.99,\"created\":\"2024-01-01T00:00:00.123Z\","
                + "\"day\":\"2024-01-01\",\"at\":\"10:20:30.500\",\"tags\":[\"a\",\"b\\\"c\"],\"attrs\":{\"n\":1},"
                + "\"address\":{\"city\":\"Zürich\",\"zip\":\"00000\"},\"note\":null}");
        assertThat(MiniJson.parse(json)).isInstanceOf(Map.class);
    }

    @Test
    void writesEncodedLogicalValuesUsingTheirSchema() {
        Schema decimal = Decimal.schema(3);
        assertThat(JsonWriter.toJson(Decimal.fromLogical(decimal, new BigDecimal("-1.250")), decimal)).isEqualTo("-1.250");
        assertThat(JsonWriter.toJson(0L, Timestamp.SCHEMA)).isEqualTo("\"1970-01-01T00:00:00Z\"");
    }

    @Test
    void writesMapsWithComplexKeysAsPairs() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(List.of(1, 2), "x");
        map.put("k", null);
        assertThat(json(map)).isEqualTo("[[[1,2],\"x\"],[\"k\",null]]");
        Map<Object, Object> numeric = new LinkedHashMap<>();
        numeric.put(1, true);
        assertThat(json(numeric)).isEqualTo("{\"1\":true}");
    }

    @Test
    void refusesUnknownTypesAndCycles() {
        assertThatThrownBy(() -> json(new Object())).isInstanceOf(DataException.class).hasMessageContaining("Object");
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertThatThrownBy(() -> json(cycle)).isInstanceOf(DataException.class).hasMessageContaining("deeper");
    }
}
