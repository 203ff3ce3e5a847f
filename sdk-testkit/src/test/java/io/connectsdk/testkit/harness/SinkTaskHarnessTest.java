package io.connectsdk.testkit.harness;

import static io.connectsdk.testkit.harness.Records.tp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.sink.SinkTask;
import io.connectsdk.api.sink.TopicPartition;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SinkTaskHarnessTest {

    /**
     * Writes records to a list and logs every call. Values steer it: null is reported as errant,
     * "pause" pauses the record's partition, "resume" resumes it, "rewind:N" seeks to N,
     * "commit-now" requests a commit, "pause:other-9" pauses a partition it does not own.
     */
    public static class RecordingSink extends SinkTask {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<Object> written = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        volatile boolean commitOnlyWritten;
        private final Map<TopicPartition, Long> durable = new HashMap<>();

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(Map<String, String> props) {
            commitOnlyWritten = "true".equals(props.get("async"));
            log("start");
        }

        @Override
        public void open(Collection<TopicPartition> partitions) {
            log("open" + partitions);
        }

        @Override
        public void put(Collection<SinkRecord> records) {
            log("put" + records.size());
            for (SinkRecord r : records) {
                TopicPartition tp = new TopicPartition(r.topic(), r.kafkaPartition());
                Object v = r.value();
                if (v == null) {
                    context.errantRecordReporter().report(r, new DataException("tombstones are not supported"));
                } else if ("pause".equals(v)) {
                    context.pause(tp);
                } else if ("resume".equals(v)) {
                    context.resume(tp);
                } else if ("pause:other-9".equals(v)) {
                    context.pause(new TopicPartition("other", 9));
                } else if (v.toString().startsWith("rewind:")) {
                    context.offset(tp, Long.parseLong(v.toString().substring(7)));
                } else if ("commit-now".equals(v)) {
                    context.requestCommit();
                } else {
                    written.add(v);
                    durable.put(tp, r.kafkaOffset() + 1);
                }
            }
        }

        @Override
        public Map<TopicPartition, Long> preCommit(Map<TopicPartition, Long> currentOffsets) {
            log("preCommit" + new java.util.TreeMap<>(toStrings(currentOffsets)));
            return commitOnlyWritten ? new HashMap<>(durable) : currentOffsets;
        }

        @Override
        public void close(Collection<TopicPartition> partitions) {
            log("close" + partitions);
        }

        @Override
        public void stop() {
            log("stop");
        }

        private void log(String call) {
            calls.add(call);
            threads.add(Thread.currentThread().getName());
        }

        private static Map<String, Long> toStrings(Map<TopicPartition, Long> m) {
            Map<String, Long> out = new HashMap<>();
            m.forEach((k, v) -> out.put(k.toString(), v));
            return out;
        }
    }

    /** Violates the contract: commits an offset past what it was given. */
    public static class OverCommittingSink extends RecordingSink {
        @Override
        public Map<TopicPartition, Long> preCommit(Map<TopicPartition, Long> currentOffsets) {
            Map<TopicPartition, Long> more = new HashMap<>();
            currentOffsets.forEach((tp, o) -> more.put(tp, o + 10));
            return more;
        }
    }

    /** Violates the contract: uses its context from a thread of its own. */
    public static class BackgroundThreadSink extends RecordingSink {
        volatile Throwable seen;

        @Override
        public void put(Collection<SinkRecord> records) {
            Thread t = new Thread(() -> {
                try {
                    context.requestCommit();
                } catch (Throwable e) {
                    seen = e;
                }
            }, "sink-background");
            t.start();
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Violates the contract: put() blocks far longer than any call should. */
    public static class StuckSink extends RecordingSink {
        static final CountDownLatch RELEASE = new CountDownLatch(1);

        @Override
        public void put(Collection<SinkRecord> records) {
            try {
                RELEASE.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void drivesTheLifecycleInTheRuntimesOrderOnTheTaskThread() {
        RecordingSink task;
        try (SinkTaskHarness<RecordingSink> harness = SinkTaskHarness.of(RecordingSink.class)
                .assign(tp("orders", 0), tp("orders", 1))
                .put("orders", 0, "a", "b", "c")
                .put("orders", 1, "x")) {
            task = harness.task();
            assertThat(harness.flush()).containsOnly(Map.entry(tp("orders", 0), 3L), Map.entry(tp("orders", 1), 1L));
            assertThat(harness.committedOffsets()).containsOnly(Map.entry(tp("orders", 0), 3L), Map.entry(tp("orders", 1), 1L));
            assertThat(task.written).containsExactly("a", "b", "c", "x");
        }
        assertThat(task.calls).containsExactly(
                "start", "open[orders-0, orders-1]", "put3", "put1",
                "preCommit{orders-0=3, orders-1=1}",
                "preCommit{orders-0=3, orders-1=1}", "close[orders-0, orders-1]", "stop");
        assertThat(task.threads).containsOnly("sink-task-RecordingSink");
    }

    @Test
    void putBuildsRecordsWithIncreasingOffsetsPerPartition() {
        try (SinkTaskHarness<RecordingSink> harness = SinkTaskHarness.of(new RecordingSink()).assign(tp("t", 0))) {
            harness.put("t", 0, "a", "b").put("t", 0, "c");
            assertThat(harness.currentOffsets()).containsExactly(Map.entry(tp("t", 0), 3L));
            harness.put(Records.sink("t").offset(7).value("explicit").build());
            assertThat(harness.currentOffsets()).containsExactly(Map.entry(tp("t", 0), 8L));
            harness.put(); // an empty batch, as the runtime sends them
            assertThat(harness.task().calls).endsWith("put0");
        }
    }

    @Test
    void asyncSinksCommitOnlyWhatIsDurable() {
        try (SinkTaskHarness<RecordingSink> harness = SinkTaskHarness.of(RecordingSink.class).config("async", "true")
                .assign(tp("t", 0))) {
            harness.put("t", 0, "a", null, "pause");
            assertThat(harness.flush()).containsExactly(Map.entry(tp("t", 0), 1L));
        }
    }

    @Test
    void recordsErrantReportsPausesSeeksAndCommitRequests() {
        try (SinkTaskHarness<RecordingSink> harness = SinkTaskHarness.of(RecordingSink.class).assign(tp("t", 0), tp("t", 1))) {
            harness.put("t", 0, "a", null, "pause", "commit-now", "rewind:1");

            assertThat(harness.errantRecords()).singleElement().satisfies(e -> {
                assertThat(e.record().kafkaOffset()).isEqualTo(1L);
                assertThat(e.error()).isInstanceOf(DataException.class).hasMessage("tombstones are not supported");
            });
            assertThat(harness.pausedPartitions()).containsExactly(tp("t", 0));
            assertThat(harness.requestedCommits()).isEqualTo(1);
            assertThat(harness.seeks()).containsExactly(Map.entry(tp("t", 0), 1L));

            harness.put("t", 0, "again", "resume"); // redelivered from the rewound offset
            assertThat(harness.task().written).containsExactly("a", "again");
            assertThat(harness.currentOffsets()).containsEntry(tp("t", 0), 3L);
            assertThat(harness.pausedPartitions()).isEmpty();
        }
    }

    @Test
    void withoutErrorToleranceAReportFailsThePut() {
        try (SinkTaskHarness<RecordingSink> harness = SinkTaskHarness.of(RecordingSink.class).tolerateErrors(false)
                .assign(tp("t", 0))) {
            assertThatThrownBy(() -> harness.put("t", 0, (Object) null))
                    .isInstanceOf(ConnectException.class)
                    .hasMessageContaining("Tolerance exceeded")
                    .hasCauseInstanceOf(DataException.class);
            assertThat(harness.errantRecords()).hasSize(1);
        }
    }

    @Test
    void rebalanceCommitsClosesAndOpens() {
        try (SinkTaskHarness<RecordingSink> harness = SinkTaskHarness.of(RecordingSink.class).assign(tp("t", 0), tp("t", 1))) {
            harness.put("t", 0, "a").put("t", 0, "pause");
            harness.rebalance(List.of(tp("t", 0)), List.of(tp("t", 2)));

            assertThat(harness.assignment()).containsExactly(tp("t", 1), tp("t", 2));
            assertThat(harness.pausedPartitions()).isEmpty();
            assertThat(harness.task().calls).containsSubsequence("preCommit{t-0=2}", "close[t-0]", "open[t-2]");
            assertThat(harness.committedOffsets()).containsEntry(tp("t", 0), 2L);
        }
    }

    @Test
    void recordsOfUnassignedPartitionsAreRefusedWithAHint() {
        try (SinkTaskHarness<RecordingSink> harness = SinkTaskHarness.of(RecordingSink.class).assign(tp("t", 0))) {
            assertThatThrownBy(() -> harness.put("t", 3, "a"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("put(...): t-3 is not assigned to the task (assigned: [t-0]); the runtime only delivers records"
                            + " of assigned partitions: assign(Records.tp(\"t\", 3)) first");
            assertThatThrownBy(() -> harness.put(Records.sink("t").offset(5).build(), Records.sink("t").offset(4).build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("offsets of t-0 must increase within a batch, but 4 follows 5");
        }
    }

    @Test
    void committingPastTheReceivedRecordsIsAContractViolation() {
        try (SinkTaskHarness<OverCommittingSink> harness = SinkTaskHarness.of(OverCommittingSink.class).assign(tp("t", 0))) {
            harness.put("t", 0, "a", "b");
            assertThatThrownBy(harness::flush)
                    .isInstanceOf(ContractViolationError.class)
                    .hasMessage("Expected OverCommittingSink.preCommit() to return, for t-0, an offset of at most 2 (the"
                            + " offset after the last record it received), but it returned 12; committing past the data the"
                            + " sink received would lose records");
            assertThat(harness.committedOffsets()).isEmpty();
            assertThatThrownBy(harness::stop).isInstanceOf(ContractViolationError.class);
        }
    }

    @Test
    void pausingAPartitionTheTaskDoesNotOwnIsAContractViolation() {
        try (SinkTaskHarness<RecordingSink> harness = SinkTaskHarness.of(RecordingSink.class).assign(tp("t", 0))) {
            assertThatThrownBy(() -> harness.put("t", 0, "pause:other-9"))
                    .isInstanceOf(ContractViolationError.class)
                    .hasMessage("Expected SinkTaskContext.pause(...) to name assigned partitions only [t-0], but it named other-9");
        }
    }

    @Test
    void usingTheContextFromAnotherThreadIsAContractViolationEvenIfTheTaskSwallowsIt() {
        try (SinkTaskHarness<BackgroundThreadSink> harness = SinkTaskHarness.of(BackgroundThreadSink.class).assign(tp("t", 0))) {
            assertThatThrownBy(() -> harness.put("t", 0, "a"))
                    .isInstanceOf(ContractViolationError.class)
                    .hasMessage("Expected SinkTaskContext.requestCommit() to be called from the task's own thread"
                            + " 'sink-task-BackgroundThreadSink', but it was called from 'sink-background'");
            assertThat(harness.task().seen).isInstanceOf(ContractViolationError.class);
            assertThat(harness.requestedCommits()).isZero();
        }
    }

    @Test
    void aCallThatDoesNotReturnIsReportedWithTheTaskThreadsStack() {
        SinkTaskHarness<StuckSink> harness = SinkTaskHarness.of(StuckSink.class).callTimeout(Duration.ofMillis(300)).assign(tp("t", 0));
        try {
            assertThatThrownBy(() -> harness.put("t", 0, "a"))
                    .isInstanceOf(ContractViolationError.class)
                    .hasMessageStartingWith("Expected StuckSink.put(1 records) to return within 300 ms, but it was still running after 300 ms.")
                    .hasMessageContaining("at " + StuckSink.class.getName() + ".put(");
        } finally {
            StuckSink.RELEASE.countDown();
            harness.close();
        }
    }
}
