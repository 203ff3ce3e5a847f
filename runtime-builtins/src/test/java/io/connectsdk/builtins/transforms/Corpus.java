package io.connectsdk.builtins.transforms;

import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.data.Date;
import io.connectsdk.api.data.Decimal;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.data.Time;
import io.connectsdk.api.data.Timestamp;
import io.connectsdk.api.header.ConnectHeaders;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.sink.TimestampType;
import io.connectsdk.api.source.SourceRecord;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test records covering every schema type, optional and default fields, nulls, nested structs,
 * arrays and maps, with and without schemas, as source and sink records.
 */
final class Corpus {
    private Corpus() {
    }

    static final long DAY = 24L * 60 * 60 * 1000;
    static final long TS = 1_700_000_123_456L; // 2023-11-14T22:15:23.456Z

    static final Schema ADDRESS = SchemaBuilder.struct().name("com.example.Address")
            .field("street", Schema.STRING_SCHEMA)
            .field("zip", Schema.OPTIONAL_INT32_SCHEMA)
            .build();
    static final Schema OPTIONAL_ADDRESS = SchemaBuilder.struct().name("com.example.Address").optional()
            .field("street", Schema.STRING_SCHEMA)
            .field("zip", Schema.OPTIONAL_INT32_SCHEMA)
            .build();

    /** Every type, optional fields, fields with defaults, logical types, nested structs, array and map. */
    static final Schema EVERYTHING = SchemaBuilder.struct().name("com.example.Everything").version(3).doc("all types")
            .parameter("origin", "test")
            .field("i8", Schema.INT8_SCHEMA)
            .field("i16", Schema.INT16_SCHEMA)
            .field("i32", Schema.INT32_SCHEMA)
            .field("i64", Schema.INT64_SCHEMA)
            .field("f32", Schema.FLOAT32_SCHEMA)
            .field("f64", Schema.FLOAT64_SCHEMA)
            .field("bool", Schema.BOOLEAN_SCHEMA)
            .field("str", Schema.STRING_SCHEMA)
            .field("bytes", Schema.BYTES_SCHEMA)
            .field("opt_str", Schema.OPTIONAL_STRING_SCHEMA)
            .field("opt_i64", Schema.OPTIONAL_INT64_SCHEMA)
            .field("def_i32", SchemaBuilder.int32().optional().defaultValue(42).build())
            .field("def_str", SchemaBuilder.string().defaultValue("fallback").build())
            .field("dec", Decimal.schema(2))
            .field("date", Date.SCHEMA)
            .field("time", Time.SCHEMA)
            .field("ts", Timestamp.SCHEMA)
            .field("opt_ts", Timestamp.builder().optional().build())
            .field("arr", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("map", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
            .field("address", ADDRESS)
            .field("opt_address", OPTIONAL_ADDRESS)
            .build();

    /** Nesting without maps (Flatten supports no MAP fields with schemas). */
    static final Schema NESTED = SchemaBuilder.struct().name("com.example.Nested")
            .field("id", Schema.INT64_SCHEMA)
            .field("info", SchemaBuilder.struct().name("com.example.Info")
                    .field("name", Schema.STRING_SCHEMA)
                    .field("score", SchemaBuilder.float64().optional().defaultValue(1.5).build())
                    .field("home", OPTIONAL_ADDRESS)
                    .build())
            .field("opt_info", SchemaBuilder.struct().name("com.example.OptInfo").optional()
                    .field("label", Schema.STRING_SCHEMA)
                    .field("count", SchemaBuilder.int32().defaultValue(7).build())
                    .build())
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
            .field("ts", Timestamp.builder().optional().build())
            .build();

    /** An optional struct schema, to check optionality handling at the top level. */
    static final Schema OPTIONAL_SIMPLE = SchemaBuilder.struct().name("com.example.Simple").optional()
            .field("id", Schema.INT32_SCHEMA)
            .field("name", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    static Struct everythingFull() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b", 2);
        return new Struct(EVERYTHING)
                .put("i8", (byte) -7).put("i16", (short) 300).put("i32", 70_000).put("i64", 5_000_000_000L)
                .put("f32", 1.25f).put("f64", -2.5e10).put("bool", true).put("str", "123")
                .put("bytes", "hi!".getBytes(StandardCharsets.UTF_8))
                .put("opt_str", "present").put("opt_i64", 9L).put("def_i32", 5).put("def_str", "given")
                .put("dec", new BigDecimal("12.34"))
                .put("date", new java.util.Date(19_000 * DAY))
                .put("time", new java.util.Date(12_345_678L))
                .put("ts", new java.util.Date(TS))
                .put("opt_ts", new java.util.Date(TS + DAY))
                .put("arr", Arrays.asList("x", "y"))
                .put("map", map)
                .put("address", new Struct(ADDRESS).put("street", "Main St").put("zip", 12345))
                .put("opt_address", new Struct(OPTIONAL_ADDRESS).put("street", "Side St"));
    }

    /** Optionals null, defaulted fields unset, optional nested struct null. */
    static Struct everythingSparse() {
        return new Struct(EVERYTHING)
                .put("i8", (byte) 0).put("i16", (short) -1).put("i32", 0).put("i64", -1L)
                .put("f32", 0f).put("f64", 0.1).put("bool", false).put("str", "true")
                .put("bytes", ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .put("dec", new BigDecimal("-0.50"))
                .put("date", new java.util.Date(0))
                .put("time", new java.util.Date(0))
                .put("ts", new java.util.Date(-DAY - 1))
                .put("arr", new ArrayList<>())
                .put("map", new LinkedHashMap<>())
                .put("address", new Struct(ADDRESS).put("street", ""));
    }

    static Struct nestedFull() {
        Schema info = NESTED.field("info").schema();
        Schema optInfo = NESTED.field("opt_info").schema();
        return new Struct(NESTED).put("id", 1L)
                .put("info", new Struct(info).put("name", "n").put("score", 9.5)
                        .put("home", new Struct(OPTIONAL_ADDRESS).put("street", "Elm").put("zip", 1)))
                .put("opt_info", new Struct(optInfo).put("label", "l").put("count", 3))
                .put("tags", Arrays.asList("t1", "t2"))
                .put("ts", new java.util.Date(TS));
    }

    static Struct nestedSparse() {
        Schema info = NESTED.field("info").schema();
        return new Struct(NESTED).put("id", 2L).put("info", new Struct(info).put("name", "m"));
    }

    static Map<String, Object> schemalessMap() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("c", "deep");
        inner.put("d", null);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("a", 1);
        nested.put("b", inner);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", 17L);
        map.put("name", "x");
        map.put("num", "42");
        map.put("flag", Boolean.TRUE);
        map.put("f", 2.75);
        map.put("small", (short) 9);
        map.put("nested", nested);
        map.put("list", Arrays.asList(1, 2, 3));
        map.put("bytes", new byte[] {9, 8});
        map.put("nul", null);
        map.put("when", TS);
        map.put("when_str", "2023-11-14");
        map.put("dotted.name", "dots");
        return map;
    }

    /** (schema, value) pairs used as record keys and values. */
    static List<Object[]> payloads() {
        List<Object[]> p = new ArrayList<>();
        p.add(new Object[] {EVERYTHING, everythingFull()});
        p.add(new Object[] {EVERYTHING, everythingSparse()});
        p.add(new Object[] {NESTED, nestedFull()});
        p.add(new Object[] {NESTED, nestedSparse()});
        p.add(new Object[] {OPTIONAL_SIMPLE, new Struct(OPTIONAL_SIMPLE).put("id", 5)});
        p.add(new Object[] {OPTIONAL_SIMPLE, null});
        p.add(new Object[] {EVERYTHING, null});
        p.add(new Object[] {Schema.STRING_SCHEMA, "123"});
        p.add(new Object[] {Schema.OPTIONAL_INT64_SCHEMA, 1234567890123L});
        p.add(new Object[] {Schema.OPTIONAL_INT64_SCHEMA, null});
        p.add(new Object[] {Schema.FLOAT64_SCHEMA, 3.9});
        p.add(new Object[] {Timestamp.SCHEMA, new java.util.Date(TS)});
        p.add(new Object[] {Schema.BYTES_SCHEMA, new byte[] {0, 1}});
        p.add(new Object[] {SchemaBuilder.array(Schema.INT32_SCHEMA).build(), Arrays.asList(1, 2)});
        p.add(new Object[] {null, schemalessMap()});
        p.add(new Object[] {null, new LinkedHashMap<>()});
        p.add(new Object[] {null, null});
        p.add(new Object[] {null, "plain"});
        p.add(new Object[] {null, 77L});
        p.add(new Object[] {null, true});
        return p;
    }

    /** Every payload as key and value of source and sink records, with and without timestamp/partition. */
    static List<ConnectRecord<?>> records() {
        List<ConnectRecord<?>> records = new ArrayList<>();
        List<Object[]> payloads = payloads();
        for (int i = 0; i < payloads.size(); i++) {
            Object[] value = payloads.get(i);
            Object[] key = payloads.get((i + 3) % payloads.size());
            ConnectHeaders headers = new ConnectHeaders();
            headers.addString("h1", "v1");
            headers.addInt("h2", i);
            String topic = i % 2 == 0 ? "orders-raw" : "orders";
            Map<String, Object> sourcePartition = Map.of("file", "f" + i);
            Map<String, Object> sourceOffset = Map.of("pos", (long) i);
            // value payload in both key and value positions, so that $Key and $Value see every payload
            records.add(new SourceRecord(sourcePartition, sourceOffset, topic, i % 3 == 0 ? null : 2,
                    (Schema) value[0], value[1], (Schema) value[0], value[1], TS + i, headers));
            records.add(new SinkRecord(topic, 1, (Schema) key[0], key[1], (Schema) value[0], value[1], 100L + i,
                    i % 4 == 0 ? null : TS - i, i % 4 == 0 ? TimestampType.NO_TIMESTAMP_TYPE : TimestampType.CREATE_TIME,
                    headers));
            records.add(new SinkRecord(topic, 0, (Schema) value[0], value[1], (Schema) key[0], key[1], 7L,
                    TS, TimestampType.LOG_APPEND_TIME, null));
        }
        return records;
    }
}
