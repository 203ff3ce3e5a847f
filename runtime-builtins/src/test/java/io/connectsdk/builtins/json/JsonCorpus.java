package io.connectsdk.builtins.json;

import io.connectsdk.api.data.Date;
import io.connectsdk.api.data.Decimal;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.data.Time;
import io.connectsdk.api.data.Timestamp;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Records (schema + value) covering every schema type and the corner cases of the JSON format. */
final class JsonCorpus {
    record Case(String name, Schema schema, Object value) {
        @Override
        public String toString() {
            return name;
        }
    }

    private JsonCorpus() {
    }

    static final Schema ADDRESS = SchemaBuilder.struct().name("com.example.Address").version(3).doc("A postal address")
            .field("street", Schema.STRING_SCHEMA)
            .field("zip", Schema.OPTIONAL_INT32_SCHEMA)
            .field("lines", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
            .build();

    static final Schema ORDER = SchemaBuilder.struct().name("com.example.Order").version(1)
            .doc("An order, with \"quotes\" and \\ backslashes and unicode: é 日本 \uD83D\uDE00")
            .parameter("owner", "team-a").parameter("z-last", "1").parameter("a-first", "2")
            .field("id", Schema.INT64_SCHEMA)
            .field("customer", Schema.STRING_SCHEMA)
            .field("amount", Decimal.builder(2).build())
            .field("discount", Decimal.builder(4).optional().build())
            .field("created", Timestamp.SCHEMA)
            .field("day", Date.builder().optional().build())
            .field("at", Time.builder().optional().build())
            .field("paid", SchemaBuilder.bool().defaultValue(false).build())
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("counts", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
            .field("byId", SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA).optional().build())
            .field("address", ADDRESS)
            .field("previous", SchemaBuilder.array(ADDRESS).optional().build())
            .field("note", SchemaBuilder.string().optional().defaultValue("none").doc("free text").build())
            .field("ratio", Schema.OPTIONAL_FLOAT64_SCHEMA)
            .field("weight", Schema.OPTIONAL_FLOAT32_SCHEMA)
            .field("blob", Schema.OPTIONAL_BYTES_SCHEMA)
            .field("small", Schema.OPTIONAL_INT8_SCHEMA)
            .field("medium", SchemaBuilder.int16().optional().defaultValue((short) -7).build())
            .field("field \"with\" quotes\n", Schema.OPTIONAL_STRING_SCHEMA)
            .field("\u00fcn\u00ef\u0001\u2028\\/\t", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .build();

    static Struct address(String street, Integer zip, List<String> lines) {
        return new Struct(ADDRESS).put("street", street).put("zip", zip).put("lines", lines);
    }

    static Struct order(long id) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("b", 2);
        counts.put("a", 1);
        counts.put("ü\"x", -3);
        Map<Integer, String> byId = new LinkedHashMap<>();
        byId.put(7, "seven");
        byId.put(-1, null);
        return new Struct(ORDER)
                .put("id", id)
                .put("customer", "Ada Lovelace")
                .put("amount", new BigDecimal("1234.50"))
                .put("discount", new BigDecimal("-0.0125"))
                .put("created", new java.util.Date(1_700_000_000_123L))
                .put("day", new java.util.Date(19_000L * 86_400_000L))
                .put("at", new java.util.Date(45_296_789L))
                .put("tags", List.of("new", "priority"))
                .put("counts", counts)
                .put("byId", byId)
                .put("address", address("1 Main St", 12345, List.of("c/o Bob")))
                .put("previous", List.of(address("Old Rd", null, null)))
                .put("ratio", 0.1)
                .put("weight", 1.5f)
                .put("blob", new byte[] {0, 1, 2, (byte) 0xff})
                .put("small", (byte) -128)
                .put("field \"with\" quotes\n", "q")
                .put("\u00fcn\u00ef\u0001\u2028\\/\t", true);
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // primitives, required and optional
        c.add(new Case("int8 min", Schema.INT8_SCHEMA, Byte.MIN_VALUE));
        c.add(new Case("int8 max", Schema.INT8_SCHEMA, Byte.MAX_VALUE));
        c.add(new Case("int16", Schema.INT16_SCHEMA, Short.MIN_VALUE));
        c.add(new Case("int32 max", Schema.INT32_SCHEMA, Integer.MAX_VALUE));
        c.add(new Case("int32 negative", Schema.OPTIONAL_INT32_SCHEMA, -42));
        c.add(new Case("int64 min", Schema.INT64_SCHEMA, Long.MIN_VALUE));
        c.add(new Case("int64 max", Schema.INT64_SCHEMA, Long.MAX_VALUE));
        for (float f : new float[] {0f, -0f, 1.1f, 0.1f, 3.4028235e38f, 1.4e-45f, 1e-10f, 123456.79f, 1e7f, 16777217f,
                Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            c.add(new Case("float32 " + f, Schema.FLOAT32_SCHEMA, f));
        }
        for (double d : new double[] {0d, -0d, 0.1, 1.0 / 3, 1e300, 4.9e-324, 1e7, 1e-3, 9007199254740993d, 123.456e-200,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            c.add(new Case("float64 " + d, Schema.FLOAT64_SCHEMA, d));
        }
        c.add(new Case("boolean true", Schema.BOOLEAN_SCHEMA, true));
        c.add(new Case("boolean false", Schema.OPTIONAL_BOOLEAN_SCHEMA, false));
        for (String s : new String[] {"", "hello", "héllo wörld", "日本語 \uD83D\uDE00", "quote\" backslash\\ slash/",
                "controls \u0000\u0001\u001f\b\f\n\r\t\u007f", "\u2028\u2029", "a".repeat(3000)}) {
            c.add(new Case("string " + s.length(), Schema.STRING_SCHEMA, s));
        }
        c.add(new Case("bytes empty", Schema.BYTES_SCHEMA, new byte[0]));
        c.add(new Case("bytes", Schema.BYTES_SCHEMA, new byte[] {1, 2, 3, -1, -128, 127}));
        byte[] big = new byte[1000];
        new Random(1).nextBytes(big);
        c.add(new Case("bytes 1000", Schema.OPTIONAL_BYTES_SCHEMA, big));
        c.add(new Case("bytes ByteBuffer", Schema.BYTES_SCHEMA, ByteBuffer.wrap(new byte[] {9, 8, 7})));

        // logical types
        for (int scale : new int[] {0, 2, 10, -2}) {
            Schema s = Decimal.schema(scale);
            for (String v : new String[] {"0", "1", "-1", "12345678901234567890123", "-0.5", "127", "128", "-129"}) {
                BigDecimal d = new BigDecimal(v).setScale(scale, java.math.RoundingMode.HALF_UP);
                c.add(new Case("decimal(" + scale + ") " + d, s, d));
            }
        }
        c.add(new Case("decimal tiny", Decimal.schema(20), new BigDecimal(BigInteger.ONE, 20)));
        c.add(new Case("decimal optional null", Decimal.builder(2).optional().build(), null));
        for (long day : new long[] {0, 1, 19_723, -1, -36_500, 2_932_896}) {
            c.add(new Case("date " + day, Date.SCHEMA, new java.util.Date(day * 86_400_000L)));
        }
        for (int ms : new int[] {0, 1, 45_000_123, 86_399_999}) {
            c.add(new Case("time " + ms, Time.SCHEMA, new java.util.Date(ms)));
        }
        for (long ms : new long[] {0, 1_704_153_600_000L, -1, -62_135_596_800_000L, 253_402_300_799_999L}) {
            c.add(new Case("timestamp " + ms, Timestamp.SCHEMA, new java.util.Date(ms)));
        }

        // nulls, optional and defaults
        c.add(new Case("optional int32 null", Schema.OPTIONAL_INT32_SCHEMA, null));
        c.add(new Case("optional string null", Schema.OPTIONAL_STRING_SCHEMA, null));
        c.add(new Case("optional struct null", SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).optional().build(), null));
        c.add(new Case("required int null (error)", Schema.INT32_SCHEMA, null));
        c.add(new Case("default int null", SchemaBuilder.int32().defaultValue(7).build(), null));
        c.add(new Case("optional default int null", SchemaBuilder.int32().optional().defaultValue(7).build(), null));
        c.add(new Case("default int set", SchemaBuilder.int32().defaultValue(7).build(), 8));
        c.add(new Case("default string null", SchemaBuilder.string().optional().defaultValue("dflt").build(), null));
        c.add(new Case("default bytes", SchemaBuilder.bytes().optional().defaultValue(new byte[] {1, 2}).build(), null));
        c.add(new Case("default decimal", Decimal.builder(3).optional().defaultValue(new BigDecimal("1.500")).build(), null));
        c.add(new Case("default date", Date.builder().optional().defaultValue(new java.util.Date(86_400_000L)).build(), null));
        c.add(new Case("default array", SchemaBuilder.array(Schema.INT32_SCHEMA).optional().defaultValue(List.of(1, 2)).build(), null));
        Map<String, Double> defMap = new LinkedHashMap<>();
        defMap.put("x", 1.5);
        defMap.put("y", -0.25);
        c.add(new Case("default map", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.FLOAT64_SCHEMA).optional()
                .defaultValue(defMap).build(), Map.of("z", 2.0)));
        c.add(new Case("default float", SchemaBuilder.float32().optional().defaultValue(2.5f).build(), null));
        c.add(new Case("default boolean false", SchemaBuilder.bool().defaultValue(false).build(), null));
        Schema withDefaults = SchemaBuilder.struct().name("D")
                .field("a", SchemaBuilder.int32().defaultValue(1).build())
                .field("b", SchemaBuilder.string().optional().defaultValue("bee").build())
                .field("c", SchemaBuilder.int64().optional().build())
                .build();
        c.add(new Case("struct defaults unset", withDefaults, new Struct(withDefaults)));
        c.add(new Case("struct defaults set", withDefaults, new Struct(withDefaults).put("a", 5).put("b", "x").put("c", 9L)));
        Schema requiredDefault = SchemaBuilder.struct().field("r", SchemaBuilder.int32().defaultValue(3).build()).build();
        c.add(new Case("required field with default unset", requiredDefault, new Struct(requiredDefault)));

        // complex types
        c.add(new Case("array of int", SchemaBuilder.array(Schema.INT32_SCHEMA).build(), List.of(1, 2, 3)));
        c.add(new Case("array empty", SchemaBuilder.array(Schema.STRING_SCHEMA).build(), List.of()));
        c.add(new Case("array with nulls", SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).build(),
                Arrays.asList("a", null, "c")));
        c.add(new Case("array of arrays", SchemaBuilder.array(SchemaBuilder.array(Schema.FLOAT64_SCHEMA).build()).build(),
                List.of(List.of(1.0, 2.0), List.of(), List.of(-3.5))));
        c.add(new Case("array of decimals", SchemaBuilder.array(Decimal.schema(1)).build(),
                List.of(new BigDecimal("1.5"), new BigDecimal("-2.0"))));
        Map<String, String> strMap = new LinkedHashMap<>();
        strMap.put("zeta", "z");
        strMap.put("alpha", null);
        strMap.put("", "empty key");
        c.add(new Case("map string keys", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA).build(), strMap));
        Map<Long, Boolean> longMap = new LinkedHashMap<>();
        longMap.put(3L, true);
        longMap.put(-1L, false);
        c.add(new Case("map long keys", SchemaBuilder.map(Schema.INT64_SCHEMA, Schema.BOOLEAN_SCHEMA).build(), longMap));
        Schema point = SchemaBuilder.struct().name("Point").field("x", Schema.INT32_SCHEMA).field("y", Schema.INT32_SCHEMA).build();
        Map<Struct, String> structKeys = new LinkedHashMap<>();
        structKeys.put(new Struct(point).put("x", 1).put("y", 2), "p12");
        c.add(new Case("map struct keys", SchemaBuilder.map(point, Schema.STRING_SCHEMA).build(), structKeys));
        Map<java.util.Date, BigDecimal> dateKeys = new LinkedHashMap<>();
        dateKeys.put(new java.util.Date(86_400_000L * 3), new BigDecimal("9.99"));
        c.add(new Case("map date keys decimal values", SchemaBuilder.map(Date.SCHEMA, Decimal.schema(2)).build(), dateKeys));
        c.add(new Case("map empty", SchemaBuilder.map(Schema.INT8_SCHEMA, Schema.INT8_SCHEMA).build(), Map.of()));
        c.add(new Case("map of maps", SchemaBuilder.map(Schema.STRING_SCHEMA,
                SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).build()).build(),
                Map.of("outer", Map.of("inner", 5L))));
        c.add(new Case("struct empty", SchemaBuilder.struct().build(), new Struct(SchemaBuilder.struct().build())));
        c.add(new Case("address", ADDRESS, address("x", null, List.of())));
        c.add(new Case("order", ORDER, order(1)));
        c.add(new Case("order optional fields unset", ORDER, new Struct(ORDER).put("id", 2L).put("customer", "c")
                .put("amount", new BigDecimal("0.00")).put("created", new java.util.Date(0)).put("tags", List.of())
                .put("counts", Map.of()).put("address", address("s", 1, null))));
        c.add(new Case("struct missing required (error)", ADDRESS, new Struct(ADDRESS)));
        c.add(new Case("wrong type (error)", Schema.INT32_SCHEMA, "not an int"));
        c.add(new Case("decimal wrong scale (error)", Decimal.schema(2), new BigDecimal("1.5")));
        c.add(new Case("schema names, versions, docs, parameters",
                SchemaBuilder.array(SchemaBuilder.int64().name("n").version(-1).doc("").parameter("", "").build())
                        .name("list").version(Integer.MAX_VALUE).doc("d\u0000").optional().build(),
                List.of(1L)));

        // schemaless
        c.add(new Case("schemaless int", null, 5));
        c.add(new Case("schemaless long", null, 5L));
        c.add(new Case("schemaless short and byte", null, Arrays.asList((short) 3, (byte) 4)));
        c.add(new Case("schemaless double", null, 2.5));
        c.add(new Case("schemaless float", null, 2.5f));
        c.add(new Case("schemaless NaN", null, Double.NaN));
        c.add(new Case("schemaless boolean", null, true));
        c.add(new Case("schemaless string", null, "s"));
        c.add(new Case("schemaless bytes", null, new byte[] {1, 2}));
        c.add(new Case("schemaless list", null, Arrays.asList(1, "two", 3.0, null, List.of(), Map.of())));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("k", 1L);
        nested.put("list", List.of("a"));
        nested.put("null", null);
        nested.put("map", Map.of("deep", true));
        c.add(new Case("schemaless map string keys", null, nested));
        Map<Object, Object> mixedKeys = new LinkedHashMap<>();
        mixedKeys.put("s", 1);
        mixedKeys.put(2, "two");
        mixedKeys.put(null, null);
        c.add(new Case("schemaless map mixed keys", null, mixedKeys));
        c.add(new Case("schemaless struct (error)", null, address("s", 1, null)));
        c.add(new Case("schemaless BigDecimal (error)", null, BigDecimal.ONE));
        return c;
    }

    /** Random schemas with random values, from a fixed seed. */
    static List<Case> random(long seed, int count) {
        Random r = new Random(seed);
        List<Case> c = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Schema s = randomSchema(r, 0);
            c.add(new Case("random " + seed + "#" + i, s, randomValue(r, s)));
        }
        return c;
    }

    private static Schema randomSchema(Random r, int depth) {
        int kind = r.nextInt(depth > 2 ? 13 : 17);
        SchemaBuilder b;
        switch (kind) {
            case 0: b = SchemaBuilder.int8(); break;
            case 1: b = SchemaBuilder.int16(); break;
            case 2: b = SchemaBuilder.int32(); break;
            case 3: b = SchemaBuilder.int64(); break;
            case 4: b = SchemaBuilder.float32(); break;
            case 5: b = SchemaBuilder.float64(); break;
            case 6: b = SchemaBuilder.bool(); break;
            case 7: b = SchemaBuilder.string(); break;
            case 8: b = SchemaBuilder.bytes(); break;
            case 9: b = Decimal.builder(r.nextInt(8) - 2); break;
            case 10: b = Date.builder(); break;
            case 11: b = Time.builder(); break;
            case 12: b = Timestamp.builder(); break;
            case 13: b = SchemaBuilder.array(randomSchema(r, depth + 1)); break;
            case 14: b = SchemaBuilder.map(r.nextBoolean() ? Schema.STRING_SCHEMA : randomSchema(r, depth + 1),
                    randomSchema(r, depth + 1)); break;
            default:
                b = SchemaBuilder.struct();
                int n = r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    b.field("f" + i, randomSchema(r, depth + 1));
                }
        }
        if (r.nextInt(3) == 0) {
            b.optional();
        }
        if (r.nextInt(5) == 0 && b.name() == null) {
            b.name("n" + r.nextInt(100)).version(r.nextInt(5));
        }
        if (r.nextInt(6) == 0) {
            b.doc("doc " + r.nextInt(100));
        }
        if (r.nextInt(5) == 0 && b.type() != Schema.Type.STRUCT) {
            Object d = randomValue(r, b.build());
            if (d != null) {
                b.defaultValue(d);
            }
        }
        return b.build();
    }

    static Object randomValue(Random r, Schema s) {
        if (s.isOptional() && r.nextInt(4) == 0) {
            return null;
        }
        String name = s.name();
        if (Decimal.LOGICAL_NAME.equals(name)) {
            return new BigDecimal(new BigInteger(r.nextInt(90) + 1, r).subtract(BigInteger.ONE.shiftLeft(40)), Decimal.scale(s));
        }
        if (Date.LOGICAL_NAME.equals(name)) {
            return new java.util.Date((r.nextInt(100_000) - 50_000) * 86_400_000L);
        }
        if (Time.LOGICAL_NAME.equals(name)) {
            return new java.util.Date(r.nextInt(86_400_000));
        }
        if (Timestamp.LOGICAL_NAME.equals(name)) {
            return new java.util.Date(r.nextLong() % 100_000_000_000_000L);
        }
        switch (s.type()) {
            case INT8: return (byte) r.nextInt();
            case INT16: return (short) r.nextInt();
            case INT32: return r.nextInt();
            case INT64: return r.nextLong();
            case FLOAT32: {
                float f = r.nextBoolean() ? r.nextFloat() * 1000 - 500 : Float.intBitsToFloat(r.nextInt());
                return Float.isFinite(f) ? f : 0.5f; // non-finite numbers read back differently in Kafka Connect
            }
            case FLOAT64: {
                double d = r.nextBoolean() ? r.nextGaussian() * 1e6 : Double.longBitsToDouble(r.nextLong());
                return Double.isFinite(d) ? d : 0.5;
            }
            case BOOLEAN: return r.nextBoolean();
            case STRING: {
                StringBuilder sb = new StringBuilder();
                int n = r.nextInt(12);
                for (int i = 0; i < n; i++) {
                    int cp = r.nextInt(4) == 0 ? r.nextInt(0x3000) : 0x20 + r.nextInt(0x5f);
                    if (Character.isSurrogate((char) cp)) {
                        cp = 'x';
                    }
                    sb.appendCodePoint(cp);
                }
                return sb.toString();
            }
            case BYTES: {
                byte[] b = new byte[r.nextInt(20)];
                r.nextBytes(b);
                return b;
            }
            case ARRAY: {
                List<Object> l = new ArrayList<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    l.add(randomValue(r, s.valueSchema()));
                }
                return l;
            }
            case MAP: {
                Map<Object, Object> m = new LinkedHashMap<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    Object k = randomValue(r, s.keySchema());
                    if (k != null) {
                        m.put(k, randomValue(r, s.valueSchema()));
                    }
                }
                return m;
            }
            default: {
                Struct st = new Struct(s);
                for (io.connectsdk.api.data.Field f : s.fields()) {
                    st.put(f, randomValue(r, f.schema()));
                }
                return st;
            }
        }
    }
}
