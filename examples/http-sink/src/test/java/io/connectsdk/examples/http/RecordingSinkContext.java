package io.connectsdk.examples.http;

import io.connectsdk.api.sink.ErrantRecordReporter;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.sink.SinkTaskContext;
import io.connectsdk.api.sink.TopicPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Test-only sink context that records errant records and the requested retry timeout. */
final class RecordingSinkContext implements SinkTaskContext {
    /** A reported record and why. */
    record Errant(SinkRecord record, Throwable error) {
    }

    private final Map<String, String> configs;
    final List<Errant> errant = new ArrayList<>();
    long timeoutMs = -1;

    RecordingSinkContext(Map<String, String> configs) {
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
        this.timeoutMs = timeoutMs;
    }

    @Override
    public Set<TopicPartition> assignment() {
        return Set.of();
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
            errant.add(new Errant(record, error));
            return CompletableFuture.completedFuture(null);
        };
    }
}
