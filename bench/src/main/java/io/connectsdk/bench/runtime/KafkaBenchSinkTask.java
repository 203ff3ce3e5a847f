package io.connectsdk.bench.runtime;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/** The twin of {@link SdkBenchSinkTask} on Kafka Connect's API. */
public class KafkaBenchSinkTask extends SinkTask {
    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public void start(Map<String, String> props) {
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        Progress.add(records.size());
    }

    @Override
    public void stop() {
    }
}
