package io.connectsdk.bench.json;

import io.connectsdk.api.data.Decimal;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.data.Timestamp;
import io.connectsdk.builtins.json.JsonConverter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * connect-sdk's JsonConverter against Apache Kafka Connect 4.4's on the same records: serialise
 * (Connect data to bytes) and deserialise (bytes to Connect data), with and without the schema
 * envelope. Each operation converts one record, so the score is records per second.
 *
 * <p>The record: an order struct with 11 fields (integers, string, optional string, Decimal,
 * Timestamp, boolean, double, an array of strings, a nested address struct and an optional map),
 * 64 distinct records used in turn. Setup checks that both converters write identical bytes.
 *
 * <p>Run: {@code java -jar bench/target/connect-sdk-benchmarks.jar JsonConverterBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JsonConverterBenchmark {
    private static final String TOPIC = "orders";
    private static final int RECORDS = 64;

    @Param({"true", "false"})
    public boolean schemasEnable;

    private JsonConverter ours;
    private org.apache.kafka.connect.json.JsonConverter kafka;
    private Schema ourSchema;
    private org.apache.kafka.connect.data.Schema kafkaSchema;
    private Struct[] ourRecords;
    private org.apache.kafka.connect.data.Struct[] kafkaRecords;
    private byte[][] serialized;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Map<String, Object> cfg = Map.of("schemas.enable", String.valueOf(schemasEnable));
        ours = new JsonConverter();
        ours.configure(cfg, false);
        kafka = new org.apache.kafka.connect.json.JsonConverter();
        kafka.configure(cfg, false);

        Schema address = SchemaBuilder.struct().name("com.example.Address")
                .field("street", Schema.STRING_SCHEMA)
                .field("city", Schema.STRING_SCHEMA)
                .field("zip", Schema.OPTIONAL_INT32_SCHEMA)
                .build();
        ourSchema = SchemaBuilder.struct().name("com.example.Order").version(1)
                .field("id", Schema.INT64_SCHEMA)
                .field("customer", Schema.STRING_SCHEMA)
                .field("quantity", Schema.INT32_SCHEMA)
                .field("amount", Decimal.schema(2))
                .field("created", Timestamp.SCHEMA)
                .field("express", Schema.BOOLEAN_SCHEMA)
                .field("weight", Schema.FLOAT64_SCHEMA)
                .field("note", Schema.OPTIONAL_STRING_SCHEMA)
                .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
                .field("address", address)
                .field("attributes", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).optional().build())
                .build();

        org.apache.kafka.connect.data.Schema kAddress = org.apache.kafka.connect.data.SchemaBuilder.struct()
                .name("com.example.Address")
                .field("street", org.apache.kafka.connect.data.Schema.STRING_SCHEMA)
                .field("city", org.apache.kafka.connect.data.Schema.STRING_SCHEMA)
                .field("zip", org.apache.kafka.connect.data.Schema.OPTIONAL_INT32_SCHEMA)
                .build();
        kafkaSchema = org.apache.kafka.connect.data.SchemaBuilder.struct().name("com.example.Order").version(1)
                .field("id", org.apache.kafka.connect.data.Schema.INT64_SCHEMA)
                .field("customer", org.apache.kafka.connect.data.Schema.STRING_SCHEMA)
                .field("quantity", org.apache.kafka.connect.data.Schema.INT32_SCHEMA)
                .field("amount", org.apache.kafka.connect.data.Decimal.schema(2))
                .field("created", org.apache.kafka.connect.data.Timestamp.SCHEMA)
                .field("express", org.apache.kafka.connect.data.Schema.BOOLEAN_SCHEMA)
                .field("weight", org.apache.kafka.connect.data.Schema.FLOAT64_SCHEMA)
                .field("note", org.apache.kafka.connect.data.Schema.OPTIONAL_STRING_SCHEMA)
                .field("tags", org.apache.kafka.connect.data.SchemaBuilder.array(
                        org.apache.kafka.connect.data.Schema.STRING_SCHEMA).build())
                .field("address", kAddress)
                .field("attributes", org.apache.kafka.connect.data.SchemaBuilder.map(
                        org.apache.kafka.connect.data.Schema.STRING_SCHEMA,
                        org.apache.kafka.connect.data.Schema.STRING_SCHEMA).optional().build())
                .build();

        ourRecords = new Struct[RECORDS];
        kafkaRecords = new org.apache.kafka.connect.data.Struct[RECORDS];
        serialized = new byte[RECORDS][];
        for (int i = 0; i < RECORDS; i++) {
            long id = 1_000_000L + i;
            String customer = "Customer " + i;
            BigDecimal amount = BigDecimal.valueOf(1999 + 37L * i, 2);
            java.util.Date created = new java.util.Date(1_700_000_000_000L + 60_000L * i);
            String note = i % 3 == 0 ? null : "leave at the door #" + i;
            List<String> tags = i % 2 == 0 ? List.of("new", "priority") : List.of("repeat");
            Map<String, String> attributes = null;
            if (i % 4 != 0) {
                attributes = new LinkedHashMap<>();
                attributes.put("channel", "web");
                attributes.put("campaign", "c" + (i % 5));
            }
            ourRecords[i] = new Struct(ourSchema).put("id", id).put("customer", customer).put("quantity", i % 7 + 1)
                    .put("amount", amount).put("created", created).put("express", i % 2 == 1)
                    .put("weight", 0.25 * i + 0.1).put("note", note).put("tags", tags)
                    .put("address", new Struct(address).put("street", i + " Main Street").put("city", "Springfield")
                            .put("zip", i % 5 == 0 ? null : 10_000 + i))
                    .put("attributes", attributes);
            kafkaRecords[i] = new org.apache.kafka.connect.data.Struct(kafkaSchema).put("id", id).put("customer", customer)
                    .put("quantity", i % 7 + 1).put("amount", amount).put("created", created).put("express", i % 2 == 1)
                    .put("weight", 0.25 * i + 0.1).put("note", note).put("tags", tags)
                    .put("address", new org.apache.kafka.connect.data.Struct(kAddress).put("street", i + " Main Street")
                            .put("city", "Springfield").put("zip", i % 5 == 0 ? null : 10_000 + i))
                    .put("attributes", attributes);
            byte[] a = ours.fromConnectData(TOPIC, ourSchema, ourRecords[i]);
            byte[] b = kafka.fromConnectData(TOPIC, kafkaSchema, kafkaRecords[i]);
            if (!Arrays.equals(a, b)) {
                throw new IllegalStateException("the converters disagree on record " + i + ":\n" + new String(a)
                        + "\n" + new String(b));
            }
            serialized[i] = a;
        }
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) & (RECORDS - 1);
        return i;
    }

    @Benchmark
    public byte[] serializeConnectSdk() {
        int i = nextIndex();
        return ours.fromConnectData(TOPIC, ourSchema, ourRecords[i]);
    }

    @Benchmark
    public byte[] serializeKafkaConnect() {
        int i = nextIndex();
        return kafka.fromConnectData(TOPIC, kafkaSchema, kafkaRecords[i]);
    }

    @Benchmark
    public SchemaAndValue deserializeConnectSdk() {
        return ours.toConnectData(TOPIC, serialized[nextIndex()]);
    }

    @Benchmark
    public org.apache.kafka.connect.data.SchemaAndValue deserializeKafkaConnect() {
        return kafka.toConnectData(TOPIC, serialized[nextIndex()]);
    }
}
