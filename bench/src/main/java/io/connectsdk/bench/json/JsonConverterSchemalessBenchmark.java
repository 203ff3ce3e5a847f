package io.connectsdk.bench.json;

import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.builtins.json.JsonConverter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * connect-sdk's JsonConverter with {@code schemas.enable=false} on the runtime benchmark's record
 * ({@code {"id":…,"name":"record-<i>","payload":"xxx…"}}, 100 bytes): a struct written to bytes
 * (source path) and bytes read to a map (sink path). Scores are records per second.
 *
 * <p>Run: {@code java -jar bench/target/connect-sdk-benchmarks.jar JsonConverterSchemalessBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JsonConverterSchemalessBenchmark {
    private static final String TOPIC = "bench";
    private static final int RECORDS = 64;
    private static final int SIZE = 100;
    private static final Schema SCHEMA = SchemaBuilder.struct().name("bench.Record")
            .field("id", Schema.INT64_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("payload", Schema.STRING_SCHEMA)
            .build();

    private JsonConverter converter;
    private Struct[] structs;
    private byte[][] serialized;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), false);
        structs = new Struct[RECORDS];
        serialized = new byte[RECORDS][];
        for (int i = 0; i < RECORDS; i++) {
            long id = 1_000_000L + i;
            String name = "record-" + id;
            String head = "{\"id\":" + id + ",\"name\":\"" + name + "\",\"payload\":\"";
            String payload = "x".repeat(Math.max(0, SIZE - head.length() - 2));
            structs[i] = new Struct(SCHEMA).put("id", id).put("name", name).put("payload", payload);
            serialized[i] = converter.fromConnectData(TOPIC, SCHEMA, structs[i]);
            String expected = head + payload + "\"}";
            if (!new String(serialized[i], StandardCharsets.UTF_8).equals(expected)) {
                throw new IllegalStateException("unexpected JSON: " + new String(serialized[i], StandardCharsets.UTF_8));
            }
        }
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) & (RECORDS - 1);
        return i;
    }

    @Benchmark
    public byte[] writeStruct() {
        return converter.fromConnectData(TOPIC, SCHEMA, structs[nextIndex()]);
    }

    @Benchmark
    public SchemaAndValue readMap() {
        return converter.toConnectData(TOPIC, serialized[nextIndex()]);
    }
}
