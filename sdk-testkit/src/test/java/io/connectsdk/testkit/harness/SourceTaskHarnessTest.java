package io.connectsdk.testkit.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.source.RecordMetadata;
import io.connectsdk.api.source.SourceRecord;
import io.connectsdk.api.source.SourceTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourceTaskHarnessTest {
    static final Map<String, String> PARTITION = Map.of("counter", "main");

    /** Emits "batch" counter values per poll, resuming from the committed "next" offset. */
    public static class CounterTask extends SourceTask {
        static final List<String> THREADS = new CopyOnWriteArrayList<>();
        final List<RecordMetadata> acknowledged = new CopyOnWriteArrayList<>();
        volatile int commits;
        volatile Object offsetValueRead;
        private String topic;
        private long next;
        private int batch;

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(Map<String, String> props) {
            THREADS.add("start:" + Thread.currentThread().getName());
            topic = props.get("topic");
            if (topic == null) {
                throw new ConfigException("topic", null, "is required");
            }
            batch = Integer.parseInt(props.getOrDefault("batch", "1"));
            Map<String, Object> offset = context.offsetStorageReader().offset(PARTITION);
            offsetValueRead = offset == null ? null : offset.get("next");
            next = offset == null ? 0 : (Long) offset.get("next"); // the cast a real task would make
        }

        @Override
        public List<SourceRecord> poll() {
            THREADS.add("poll:" + Thread.currentThread().getName());
            List<SourceRecord> out = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                long n = next++;
                out.add(new SourceRecord(PARTITION, Map.of("next", n + 1), topic, Schema.INT64_SCHEMA, n));
            }
            return out;
        }

        @Override
        public void commitRecord(SourceRecord record, RecordMetadata metadata) {
            THREADS.add("commitRecord:" + Thread.currentThread().getName());
            acknowledged.add(metadata);
        }

        @Override
        public void commit() {
            THREADS.add("commit:" + Thread.currentThread().getName());
            commits++;
        }

        @Override
        public void stop() {
            THREADS.add("stop:" + Thread.currentThread().getName());
        }
    }

    /** A source that waits (bounded) on a queue of data, as the SPI asks; stop() wakes a waiting poll. */
    public static class QueueTask extends SourceTask {
        static final BlockingQueue<String> DATA = new ArrayBlockingQueue<>(100);
        static final String POISON = "\u0000stop";
        volatile String stoppedBy;

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            String value = DATA.poll(200, TimeUnit.MILLISECONDS);
            if (value == null || value.equals(POISON)) {
                return null;
            }
            return List.of(new SourceRecord(null, null, "q", Schema.STRING_SCHEMA, value));
        }

        @Override
        public void stop() {
            stoppedBy = Thread.currentThread().getName();
            DATA.offer(POISON);
        }
    }

    /** Violates the contract: poll() never returns, whatever stop() or an interrupt do, until released. */
    public static class HangingTask extends SourceTask {
        static final CountDownLatch RELEASE = new CountDownLatch(1);

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public List<SourceRecord> poll() {
            while (true) {
                try {
                    if (RELEASE.await(10, TimeUnit.SECONDS)) {
                        return null;
                    }
                } catch (InterruptedException swallowed) {
                    // a broken task that ignores interrupts
                }
            }
        }

        @Override
        public void stop() {
            // does nothing to unblock poll()
        }
    }

    /** Half-violates the contract: stop() does not unblock poll(); only an interrupt does. */
    public static class InterruptOnlyTask extends SourceTask {
        private final CountDownLatch never = new CountDownLatch(1);

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            never.await();
            return null;
        }

        @Override
        public void stop() {
        }
    }

    /** Returns whatever record the test put in RECORDS. */
    public static class ScriptedTask extends SourceTask {
        static volatile List<SourceRecord> records = List.of();

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public List<SourceRecord> poll() {
            return records;
        }

        @Override
        public void stop() {
        }
    }

    /** Not instantiable by the runtime. */
    public static class NoDefaultConstructorTask extends ScriptedTask {
        public NoDefaultConstructorTask(String unused) {
        }
    }

    @AfterEach
    void cleanUp() {
        QueueTask.DATA.clear();
        CounterTask.THREADS.clear();
    }

    @Test
    void pollCommitAndRestartResumeFromTheCommittedOffsets() {
        try (SourceTaskHarness<CounterTask> harness = SourceTaskHarness.of(CounterTask.class)
                .config(Map.of("topic", "counts", "batch", "3"))
                .committedOffset(PARTITION, Map.of("next", 10L))
                .start()) {
            assertThat(harness.poll()).extracting(SourceRecord::value).containsExactly(10L, 11L, 12L);
            harness.commit();

            assertThat(harness.task().acknowledged).extracting(RecordMetadata::offset).containsExactly(0L, 1L, 2L);
            assertThat(harness.task().acknowledged).extracting(RecordMetadata::topic).containsOnly("counts");
            assertThat(harness.task().commits).isEqualTo(1);
            assertThat(harness.offsets()).containsExactly(Map.entry(Map.of("counter", "main"), Map.of("next", 13L)));

            harness.poll(); // 13..15, never committed: lost by the restart
            CounterTask before = harness.task();
            harness.restart();

            assertThat(harness.task()).isNotSameAs(before);
            assertThat(harness.poll()).extracting(SourceRecord::value).containsExactly(13L, 14L, 15L);
            assertThat(harness.polledRecords()).hasSize(9);
            assertThat(harness.uncommittedRecords()).hasSize(3);
        }
    }

    @Test
    void callsEachMethodOnTheThreadTheRuntimeUses() {
        try (SourceTaskHarness<CounterTask> harness = SourceTaskHarness.of(CounterTask.class).config("topic", "t").start()) {
            harness.poll();
            harness.commit();
            harness.stop();
        }
        String test = Thread.currentThread().getName();
        assertThat(CounterTask.THREADS).containsExactly(
                "start:source-task-CounterTask-1",
                "poll:source-task-CounterTask-1",
                "commitRecord:source-offset-commit-CounterTask-1",
                "commit:source-offset-commit-CounterTask-1",
                "stop:" + test);
    }

    @Test
    void offsetsComeBackAsLongAsFromTheRuntimesJsonStorage() {
        try (SourceTaskHarness<CounterTask> harness = SourceTaskHarness.of(CounterTask.class)
                .config("topic", "t")
                .committedOffset(PARTITION, Map.of("next", 5)) // an Integer, as a task might have written it
                .start()) {
            assertThat(harness.task().offsetValueRead).isEqualTo(5L);
            assertThat(harness.offset(Map.of("counter", "main"))).containsEntry("next", 5L);
        }
    }

    @Test
    void anExceptionFromStartReachesTheTestAndStopIsStillCalled() {
        SourceTaskHarness<CounterTask> harness = SourceTaskHarness.of(CounterTask.class);
        assertThatThrownBy(harness::start).isInstanceOf(ConfigException.class).hasMessageContaining("topic");
        assertThat(CounterTask.THREADS).last().asString().startsWith("stop:");
        assertThat(harness.isRunning()).isFalse();
        harness.close();
    }

    @Test
    void pollUntilCollectsRecordsOverSeveralPolls() {
        QueueTask.DATA.addAll(List.of("a", "b", "c"));
        try (SourceTaskHarness<QueueTask> harness = SourceTaskHarness.of(QueueTask.class).start()) {
            assertThat(harness.pollUntil(3, Duration.ofSeconds(10))).extracting(SourceRecord::value).containsExactly("a", "b", "c");
        }
    }

    @Test
    void pollUntilShowsWhatArrivedWhenTooFewRecordsCame() {
        QueueTask.DATA.addAll(List.of("a", "b"));
        try (SourceTaskHarness<QueueTask> harness = SourceTaskHarness.of(QueueTask.class).start()) {
            assertThatThrownBy(() -> harness.pollUntil(3, Duration.ofMillis(700)))
                    .isInstanceOf(AssertionError.class)
                    .isNotInstanceOf(ContractViolationError.class)
                    .hasMessageStartingWith("Expected at least 3 records from QueueTask.poll() within 700 ms, but got 2 record(s) in ")
                    .hasMessageContaining("value=a")
                    .hasMessageContaining("value=b");
        }
    }

    @Test
    void stopFromAnotherThreadUnblocksAWellBehavedPoll() {
        try (SourceTaskHarness<QueueTask> harness = SourceTaskHarness.ofFactory(QueueTask::new).start()) {
            assertThat(harness.stopDuringPoll()).isEmpty();
            assertThat(harness.task().stoppedBy).isEqualTo(Thread.currentThread().getName());
            assertThat(harness.isRunning()).isFalse();
        }
    }

    @Test
    void aPollThatNeverReturnsIsReportedWithWhereItIsStuck() {
        try (SourceTaskHarness<HangingTask> harness = SourceTaskHarness.of(HangingTask.class)
                .pollTimeout(Duration.ofMillis(300))
                .shutdownTimeout(Duration.ofMillis(300))
                .start()) {
            assertThatThrownBy(harness::poll)
                    .isInstanceOf(ContractViolationError.class)
                    .hasMessageStartingWith("Expected HangingTask.poll() to return within 300 ms, but it was still running after 300 ms."
                            + " A SourceTask's poll() must block for a bounded time")
                    .hasMessageContaining("Task thread 'source-task-HangingTask-1'")
                    .hasMessageContaining("inside HangingTask.poll()")
                    .hasMessageContaining("at " + HangingTask.class.getName() + ".poll(");

            // ...and stop() does not get it out either: the harness says so, with the stack
            assertThatThrownBy(harness::stop)
                    .isInstanceOf(ContractViolationError.class)
                    .hasMessageStartingWith("Expected HangingTask's task thread to return from poll() within 300 ms after stop(),"
                            + " but it was still running, and still was 1 s after an interrupt.")
                    .hasMessageContaining("must make that poll() return promptly")
                    .hasMessageContaining("at " + HangingTask.class.getName() + ".poll(");
            assertThat(harness.isRunning()).isFalse();
        } finally {
            HangingTask.RELEASE.countDown();
        }
    }

    @Test
    void aTaskThatOnlyAnInterruptStopsIsReportedUnlessAccepted() {
        try (SourceTaskHarness<InterruptOnlyTask> harness = SourceTaskHarness.of(InterruptOnlyTask.class)
                .shutdownTimeout(Duration.ofMillis(200)).start()) {
            assertThatThrownBy(harness::stopDuringPoll)
                    .isInstanceOf(ContractViolationError.class)
                    .hasMessageStartingWith("Expected InterruptOnlyTask's task thread to return from poll() within 200 ms after"
                            + " stop(), but it returned only after the harness interrupted it.")
                    .hasMessageContaining("acceptStopByInterrupt()");
        }
        try (SourceTaskHarness<InterruptOnlyTask> harness = SourceTaskHarness.of(InterruptOnlyTask.class)
                .shutdownTimeout(Duration.ofMillis(200)).acceptStopByInterrupt().start()) {
            assertThat(harness.stopDuringPoll()).isEmpty();
        }
    }

    @Test
    void recordsWhoseOffsetsCannotBeStoredAreContractViolations() {
        ScriptedTask.records = List.of(
                new SourceRecord(PARTITION, Map.of("pos", 1L), "t", Schema.STRING_SCHEMA, "ok"),
                new SourceRecord(PARTITION, Map.of("pos", List.of(1, 2)), "t", Schema.STRING_SCHEMA, "bad"));
        try (SourceTaskHarness<ScriptedTask> harness = SourceTaskHarness.of(ScriptedTask.class).start()) {
            assertThatThrownBy(harness::poll)
                    .isInstanceOf(ContractViolationError.class)
                    .hasMessageStartingWith("Expected every record returned by ScriptedTask.poll() to be well-formed, but record #1"
                            + " of 2 cannot be committed: the source offset {pos=[1, 2]} has a value of type")
                    .hasMessageContaining("under key 'pos'; only strings, numbers, booleans and null can be stored");
        }
    }

    @Test
    void recordsWhoseValueDoesNotMatchItsSchemaOrThatHaveNoTopicAreContractViolations() {
        ScriptedTask.records = List.of(new SourceRecord(null, null, "t", Schema.INT32_SCHEMA, "not an int"));
        try (SourceTaskHarness<ScriptedTask> harness = SourceTaskHarness.of(ScriptedTask.class).start()) {
            assertThatThrownBy(harness::poll)
                    .isInstanceOf(ContractViolationError.class)
                    .hasMessageContaining("record #0 of 1 does not match its schema (")
                    .hasMessageContaining("value");
            ScriptedTask.records = Collections.singletonList(new SourceRecord(null, null, null, null, "x"));
            assertThatThrownBy(harness::poll)
                    .isInstanceOf(ContractViolationError.class)
                    .hasMessageContaining("record #0 of 1 has no topic");
        }
    }

    @Test
    void aClassTheRuntimeCannotInstantiateIsRejectedUpFront() {
        assertThatThrownBy(() -> SourceTaskHarness.of(NoDefaultConstructorTask.class))
                .isInstanceOf(ContractViolationError.class)
                .hasMessage("Expected SourceTask " + NoDefaultConstructorTask.class.getName()
                        + " to have a public no-argument constructor (the runtime creates it with that), but it has none");
    }

    @Test
    void anInstanceCanBeDrivenAndRestartsMakeNewOnes() {
        CounterTask mine = new CounterTask();
        try (SourceTaskHarness<CounterTask> harness = SourceTaskHarness.of(mine).config("topic", "t").start()) {
            assertThat(harness.task()).isSameAs(mine);
            harness.poll();
            harness.commit();
            harness.restart();
            assertThat(harness.task()).isNotSameAs(mine).isInstanceOf(CounterTask.class);
            assertThat(harness.poll()).extracting(SourceRecord::value).containsExactly(1L);
        }
    }

    @Test
    void misuseOfTheHarnessIsExplained() {
        SourceTaskHarness<CounterTask> harness = SourceTaskHarness.of(CounterTask.class).config("topic", "t");
        assertThatThrownBy(harness::poll).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("poll(): the task is not running (call start() first)");
        harness.start();
        assertThatThrownBy(() -> harness.config("x", "y")).isInstanceOf(IllegalStateException.class);
        harness.close();
        harness.close();
        assertThatThrownBy(harness::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
