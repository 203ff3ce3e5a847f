package io.connectsdk.examples.file;

import io.connectsdk.api.sink.ErrantRecordReporter;
import io.connectsdk.api.sink.SinkTaskContext;
import io.connectsdk.api.sink.TopicPartition;
import java.util.Map;
import java.util.Set;

/** Test-only sink context: no consumer behind it; errant records fail the test. */
final class FakeSinkTaskContext implements SinkTaskContext {
    private final Map<String, String> configs;

    FakeSinkTaskContext(Map<String, String> configs) {
        this.configs = configs;
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
    }

    @Override
    public void timeout(long timeoutMs) {
    }

    @Override
    public Set<TopicPartition> assignment() {
        return Set.of(new TopicPartition("lines", 0));
    }

    @Override
    public void pause(TopicPartition... partitions) {
    }

    @Override
    public void resume(TopicPartition... partitions) {
    }

    @Override
    public void requestCommit() {
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        return (record, error) -> {
            throw new AssertionError("unexpected errant record " + record, error);
        };
    }
}
