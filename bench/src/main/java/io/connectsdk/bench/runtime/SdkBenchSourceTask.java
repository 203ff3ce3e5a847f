package io.connectsdk.bench.runtime;

import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.source.RecordMetadata;
import io.connectsdk.api.source.SourceRecord;
import io.connectsdk.api.source.SourceTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Emits the {@link Workload} records; counts acknowledged ones in {@link #commitRecord}. */
public class SdkBenchSourceTask extends SourceTask {
    static final Schema JSON_SCHEMA = SchemaBuilder.struct().name("bench.Record")
            .field("id", Schema.INT64_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("payload", Schema.STRING_SCHEMA)
            .build();
    private static final Map<String, ?> PARTITION = Map.of("bench", "source");

    private String topic;
    private long total;
    private int size;
    private int batch;
    private boolean json;
    private long next;
    private long maxOutstanding;

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public void start(Map<String, String> props) {
        topic = props.get("topic");
        total = Long.parseLong(props.get("bench.records"));
        size = Integer.parseInt(props.get("bench.record.size"));
        batch = Integer.parseInt(props.getOrDefault("bench.batch", Integer.toString(Workload.POLL_BATCH)));
        json = Workload.JSON.equals(props.getOrDefault("bench.format", Workload.STRING));
        maxOutstanding = Long.parseLong(props.getOrDefault("bench.max.outstanding", "0"));
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (next >= total) {
            Thread.sleep(10);
            return null;
        }
        if (maxOutstanding > 0 && next - Progress.count() >= maxOutstanding) {
            Thread.sleep(1); // experiment (--max-outstanding): let acknowledgements catch up; never blocks the worker
            return null;
        }
        int n = (int) Math.min(batch, total - next);
        List<SourceRecord> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            long i = next++;
            Map<String, ?> offset = Map.of("position", i + 1);
            if (json) {
                Struct value = new Struct(JSON_SCHEMA)
                        .put("id", i)
                        .put("name", Workload.jsonName(i))
                        .put("payload", Workload.jsonPayload(i, size));
                out.add(new SourceRecord(PARTITION, offset, topic, JSON_SCHEMA, value));
            } else {
                out.add(new SourceRecord(PARTITION, offset, topic, Schema.STRING_SCHEMA, Workload.stringValue(i, size)));
            }
        }
        return out;
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        Progress.add(1);
    }

    @Override
    public void stop() {
    }
}
