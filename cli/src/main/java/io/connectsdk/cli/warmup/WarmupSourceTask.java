package io.connectsdk.cli.warmup;

import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.source.SourceRecord;
import io.connectsdk.api.source.SourceTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes the warm-up records, in polls of up to 100, then idles. */
public class WarmupSourceTask extends SourceTask {
    private static final Schema VALUE = SchemaBuilder.struct().name("warmup.Record")
            .field("id", Schema.INT64_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .build();
    private static final Map<String, ?> PARTITION = Map.of("warmup", "source");

    private String topic;
    private int total;
    private int next;

    @Override
    public String version() {
        return "1";
    }

    @Override
    public void start(Map<String, String> props) {
        topic = props.get(WarmupSourceConnector.TOPIC);
        total = Integer.parseInt(props.get(WarmupSourceConnector.RECORDS));
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (next >= total) {
            Thread.sleep(50); // all written: idle until the worker stops
            return null;
        }
        int n = Math.min(100, total - next);
        List<SourceRecord> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int i = next++;
            Struct value = new Struct(VALUE).put("id", (long) i).put("name", "record-" + i);
            out.add(new SourceRecord(PARTITION, Map.of("position", i + 1), topic, Schema.STRING_SCHEMA, "key-" + i,
                    VALUE, value));
        }
        return out;
    }

    @Override
    public void stop() {
    }
}
