package io.connectsdk.testkit.conformance;

import io.connectsdk.api.sink.ErrantRecordReporter;
import io.connectsdk.api.sink.SinkConnectorContext;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.sink.SinkTaskContext;
import io.connectsdk.api.sink.TopicPartition;
import io.connectsdk.api.source.OffsetStorageReader;
import io.connectsdk.api.source.SourceConnectorContext;
import io.connectsdk.api.source.SourceTaskContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** Minimal runtime contexts for the calls the suites make without a harness. */
final class Contexts {
    private Contexts() {
    }

    /** A connector context that records what the connector asks for. */
    static final class ConnectorCtx implements SourceConnectorContext, SinkConnectorContext {
        final List<Exception> raised = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void requestTaskReconfiguration() {
        }

        @Override
        public void raiseError(Exception e) {
            raised.add(e);
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return NO_OFFSETS;
        }
    }

    /** An offset reader with no committed offsets. */
    static final OffsetStorageReader NO_OFFSETS = new OffsetStorageReader() {
        @Override
        public <T> Map<String, Object> offset(Map<String, T> partition) {
            return null;
        }

        @Override
        public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
            return Map.of();
        }
    };

    /** A source task context with no committed offsets. */
    static SourceTaskContext sourceTask(Map<String, String> configs) {
        Map<String, String> copy = Collections.unmodifiableMap(new LinkedHashMap<>(configs));
        return new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return copy;
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return NO_OFFSETS;
            }
        };
    }

    /** A sink task context for the suite's own sink driver; thread-safe, checks nothing. */
    static final class SinkTaskCtx implements SinkTaskContext {
        private final Map<String, String> configs;
        final Set<TopicPartition> assignment = Collections.synchronizedSet(new LinkedHashSet<>());
        final Map<TopicPartition, Long> seeks = Collections.synchronizedMap(new LinkedHashMap<>());
        final List<Map.Entry<SinkRecord, Throwable>> errant = Collections.synchronizedList(new ArrayList<>());

        SinkTaskCtx(Map<String, String> configs) {
            this.configs = Collections.unmodifiableMap(new LinkedHashMap<>(configs));
        }

        @Override
        public Map<String, String> configs() {
            return configs;
        }

        @Override
        public void offset(Map<TopicPartition, Long> offsets) {
            seeks.putAll(offsets);
        }

        @Override
        public void offset(TopicPartition tp, long offset) {
            seeks.put(tp, offset);
        }

        @Override
        public void timeout(long timeoutMs) {
        }

        @Override
        public Set<TopicPartition> assignment() {
            synchronized (assignment) {
                return Set.copyOf(assignment);
            }
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
            return this::report;
        }

        private Future<Void> report(SinkRecord record, Throwable error) {
            errant.add(Map.entry(record, error));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public String toString() {
            return "SinkTaskCtx" + Arrays.asList(assignment.toArray());
        }
    }
}
