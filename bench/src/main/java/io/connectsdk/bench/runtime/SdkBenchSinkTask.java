package io.connectsdk.bench.runtime;

import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.sink.SinkTask;
import java.util.Collection;
import java.util.Map;

/** Drops every record; counts them in {@link #put}. */
public class SdkBenchSinkTask extends SinkTask {
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
