package it.tick;

import io.connectsdk.api.data.Schema;
import io.connectsdk.api.source.SourceRecord;
import io.connectsdk.api.source.SourceTask;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** One record per poll, 50 ms apart, resuming from the stored offset. */
public class TickSourceTask extends SourceTask {
    private static final Map<String, String> PARTITION = Map.of("source", "ticks");
    private final CountDownLatch stop = new CountDownLatch(1);
    private String topic;
    private long next;

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public void start(Map<String, String> props) {
        topic = props.get("topic");
        Map<String, Object> offset = context.offsetStorageReader().offset(PARTITION);
        next = offset == null ? 0 : ((Number) offset.get("next")).longValue();
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (stop.await(50, TimeUnit.MILLISECONDS)) {
            return null;
        }
        long n = next++;
        return List.of(new SourceRecord(PARTITION, Map.of("next", next), topic, Schema.STRING_SCHEMA, "tick " + n));
    }

    @Override
    public void stop() {
        stop.countDown();
    }
}
