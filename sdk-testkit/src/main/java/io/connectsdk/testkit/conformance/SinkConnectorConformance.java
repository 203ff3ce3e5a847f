package io.connectsdk.testkit.conformance;

import io.connectsdk.api.connector.Task;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.sink.SinkConnector;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.sink.SinkTask;
import io.connectsdk.api.sink.TimestampType;
import io.connectsdk.api.sink.TopicPartition;
import io.connectsdk.testkit.cluster.EmbeddedKafkaCluster;
import io.connectsdk.testkit.connect.ConnectCluster;
import io.connectsdk.testkit.harness.SinkTaskHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite of a sink connector: extend it in the plugin project's tests, name the
 * connector, give a working configuration and a way to read back what reached the destination,
 * and every check of {@link ConnectorConformance} plus the sink checks below runs as one JUnit test.
 *
 * <pre>{@code
 * class FileSinkConnectorConformanceTest extends SinkConnectorConformance<FileSinkConnector> {
 *     @TempDir Path dir;
 *
 *     protected Class<FileSinkConnector> connectorClass() { return FileSinkConnector.class; }
 *     protected Map<String, String> validConfig() {
 *         return Map.of("file", dir.resolve("out.txt").toString(), "topics", "lines");
 *     }
 *     protected Collection<?> readBack() { ...the lines of dir/out.txt... }
 *     protected Map<String, String> skippedChecks() {
 *         return Map.of("SINK-STOP-DURING-PUT", "writes to a local file: put() never waits for the destination");
 *     }
 * }
 * }</pre>
 *
 * <h2>Sink hooks</h2>
 * <ul>
 *   <li>{@link #readBack()} (required): the identities of the records at the destination now;</li>
 *   <li>{@link #recordIdentity(SinkRecord)}: how a written record shows in {@link #readBack()}
 *       (default: its value as a string);</li>
 *   <li>{@link #inputRecord(String, int, long)}: the records the suite hands to the tasks (default:
 *       a STRING key and a STRING value unique to the check and the record's position);</li>
 *   <li>{@link #blockDestination()}: makes the destination hang, for {@code SINK-STOP-DURING-PUT}.</li>
 * </ul>
 * The input topic is the first of {@code topics} in {@link #validConfig()}; when it names neither
 * {@code topics} nor {@code topics.regex}, {@code topics=conformance-input} is added. The tasks run
 * in a {@link SinkTaskHarness} or, to simulate a crash or an interrupt, on a thread of the suite's.
 *
 * <h2>Sink checks</h2>
 * {@code SINK-ALL-WRITTEN}, {@code SINK-NO-GAP-AFTER-CRASH}, {@code SINK-STOP-DURING-PUT}; see
 * {@code CONFORMANCE.md}.
 *
 * @param <C> the connector type
 */
public abstract class SinkConnectorConformance<C extends SinkConnector> extends ConnectorConformance<C> {
    private static final String DEFAULT_TOPIC = "conformance-input";
    /** The positions of the input records of the worker part of SECRET-LEAK: after those of the harness part. */
    private static final long WORKER_OFFSETS = 100;

    /** For subclasses. */
    protected SinkConnectorConformance() {
    }

    /**
     * @return the identities (see {@link #recordIdentity(SinkRecord)}) of every record that is at
     *     the destination of the current check's {@link #validConfig()} now, in any order, with
     *     duplicates if it holds some twice; never {@code null}
     * @throws Exception when the destination cannot be read (the suite retries until its bound)
     */
    protected abstract Collection<?> readBack() throws Exception;

    /**
     * @param record a record the suite handed to a task
     * @return how it shows in {@link #readBack()}; default: {@code String.valueOf(record.value())}
     */
    protected Object recordIdentity(SinkRecord record) {
        return String.valueOf(record.value());
    }

    /**
     * @param topic the input topic
     * @param partition its partition
     * @param offset the record's offset; the same arguments must give an equal record (it is
     *     delivered again after a crash)
     * @return the record the suite hands to {@code put} at that position; default: key
     *     {@code "key-<offset>"} and value {@code "<check id>-<topic>-<partition>-<offset>"}, both
     *     STRING, with a create time
     */
    protected SinkRecord inputRecord(String topic, int partition, long offset) {
        return new SinkRecord(topic, partition, Schema.STRING_SCHEMA, "key-" + offset, Schema.STRING_SCHEMA,
                runId() + "-" + topic + "-" + partition + "-" + offset, offset, System.currentTimeMillis(),
                TimestampType.CREATE_TIME);
    }

    /**
     * Makes the destination stop answering (a hung server, a held lock) until the returned handle
     * is closed, so that the next write of a task blocks. The default throws
     * {@link UnsupportedOperationException}: implement it, or skip {@code SINK-STOP-DURING-PUT}
     * with a reason (for example "writes to a local file, which never blocks").
     *
     * @return closing it makes the destination answer again
     * @throws Exception when the destination cannot be blocked
     */
    protected AutoCloseable blockDestination() throws Exception {
        throw new UnsupportedOperationException("blockDestination() is not implemented");
    }

    // ------------------------------------------------------------------------------------------
    // Sink checks

    /** Every record handed to put() reaches the destination once the task has stopped. */
    @Test
    @Check("SINK-ALL-WRITTEN")
    @DisplayName("SINK-ALL-WRITTEN: every record handed to put(), over two partitions, reaches the destination")
    public final void sinkAllWritten() {
        String topic = inputTopic();
        TopicPartition tp0 = new TopicPartition(topic, 0);
        TopicPartition tp1 = new TopicPartition(topic, 1);
        List<SinkRecord> all = new ArrayList<>();
        try (SinkTaskHarness<SinkTask> harness = harness(firstTaskConfig())) {
            harness.assign(tp0, tp1);
            long offset = 0;
            for (int batch = 0; batch < 3; batch++) {
                List<SinkRecord> records = new ArrayList<>();
                for (int i = 0; i < 5; i++, offset++) {
                    records.add(inputRecord(topic, 0, offset));
                    records.add(inputRecord(topic, 1, offset));
                }
                harness.put(records);
                all.addAll(records);
            }
            harness.flush();
            harness.stop();
        }
        assertAtDestination(all, "Expected every record handed to put() to be at the destination after flush and stop");
    }

    /** After a crash between put() and the next flush, redelivery from the committed offset leaves no gap. */
    @Test
    @Check("SINK-NO-GAP-AFTER-CRASH")
    @DisplayName("SINK-NO-GAP-AFTER-CRASH: records covered by a committed offset are durable; a crash after put() leaves no gap")
    public final void sinkNoGapAfterCrash() {
        String topic = inputTopic();
        TopicPartition tp = new TopicPartition(topic, 0);
        List<SinkRecord> records = new ArrayList<>();
        for (long o = 0; o < 20; o++) {
            records.add(inputRecord(topic, 0, o));
        }
        Map<String, String> taskConfig = firstTaskConfig();
        SinkDriver crashed = driver(taskConfig, "crashed");
        long committed;
        try {
            crashed.call("start()", () -> {
                crashed.task.start(taskConfig);
                return null;
            }, recordTimeout());
            crashed.context.assignment.add(tp);
            crashed.call("open()", () -> {
                crashed.task.open(List.of(tp));
                return null;
            }, recordTimeout());
            crashed.call("put(offsets 0..9)", () -> {
                crashed.task.put(records.subList(0, 10));
                return null;
            }, recordTimeout());
            Map<TopicPartition, Long> returned = crashed.call("preCommit()", () -> crashed.task.preCommit(
                    new LinkedHashMap<>(Map.of(tp, 10L))), recordTimeout());
            Long at = returned == null ? null : returned.get(tp);
            committed = at == null ? 0 : Math.max(0, Math.min(at, 10));
            crashed.call("put(offsets 10..19)", () -> {
                crashed.task.put(records.subList(10, 20));
                return null;
            }, recordTimeout());
            // The worker dies here: nothing more is called on this task.
            List<SinkRecord> durable = records.subList(0, (int) committed);
            assertAtDestination(durable, "Expected the records below the offset " + committed + " that preCommit() returned"
                    + " (so the runtime committed it) to be at the destination when the worker crashed right after the next"
                    + " put(), else they are lost: a crash leaves a gap");
            long resume;
            try (SinkTaskHarness<SinkTask> harness = harness(taskConfig)) {
                harness.assign(tp);
                Long seek = harness.seeks().get(tp);
                resume = seek != null ? seek : committed;
                if (resume < 0 || resume > 20) {
                    throw new AssertionError("Expected the restarted task to rewind to an offset within 0..20, but it asked for "
                            + resume);
                }
                if (resume < 20) {
                    harness.put(records.subList((int) resume, 20));
                }
                harness.flush();
                harness.stop();
            }
            assertAtDestination(records, "Expected every record to be at the destination after the restarted task got the"
                    + " records from offset " + resume + " again (the committed offset " + committed
                    + (resume == committed ? "" : ", or where the task rewound to") + "): else the crash left a gap");
        } finally {
            crashed.call("cleaning up the crashed task", () -> {
                try {
                    crashed.task.stop();
                } catch (RuntimeException e) {
                    // a crashed task is not stopped by the runtime; this only releases its resources
                }
                return null;
            }, stopBound());
            crashed.shutdown();
        }
    }

    /** A put() blocked on a hung destination returns promptly once the task thread is interrupted. */
    @Test
    @Check("SINK-STOP-DURING-PUT")
    @DisplayName("SINK-STOP-DURING-PUT: put()/flush blocked on a hung destination return within the bound when the task is stopped")
    public final void sinkStopDuringPut() throws Exception {
        String topic = inputTopic();
        TopicPartition tp = new TopicPartition(topic, 0);
        List<SinkRecord> records = new ArrayList<>();
        for (long o = 0; o < 5; o++) {
            records.add(inputRecord(topic, 0, o));
        }
        Map<String, String> taskConfig = firstTaskConfig();
        SinkDriver driver = driver(taskConfig, "blocked");
        AutoCloseable block = null;
        boolean stopped = false;
        try {
            driver.call("start()", () -> {
                driver.task.start(taskConfig);
                return null;
            }, recordTimeout());
            driver.context.assignment.add(tp);
            driver.call("open()", () -> {
                driver.task.open(List.of(tp));
                return null;
            }, recordTimeout());
            try {
                block = blockDestination();
            } catch (UnsupportedOperationException e) {
                throw new AssertionError("Expected blockDestination() to make the destination hang so that the check can"
                        + " stop a task blocked in put(), but it is not implemented: implement it, or skip"
                        + " SINK-STOP-DURING-PUT in skippedChecks() with the reason put() cannot block", e);
            }
            Future<Object> writing = driver.submit(() -> {
                driver.task.put(records);
                return driver.task.preCommit(new LinkedHashMap<>(Map.of(tp, 5L)));
            });
            boolean blocked;
            try {
                writing.get(1, TimeUnit.SECONDS);
                blocked = false; // it did not block on the hung destination: nothing to stop
            } catch (ExecutionException e) {
                blocked = false; // it gave up on its own promptly
            } catch (TimeoutException e) {
                blocked = true;
            }
            if (!blocked) {
                // Nothing hung: let the destination answer again and release the task.
                block.close();
                block = null;
                return;
            }
            // Stop it as the runtime does with a task that overruns its graceful shutdown: interrupt its thread.
            long stopAt = System.nanoTime();
            driver.interrupt();
            try {
                writing.get(stopBound().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                // an exception (interrupted, retriable) is a fine way to return
            } catch (TimeoutException e) {
                throw new AssertionError("Expected put()/preCommit(), blocked on a hung destination, to return within "
                        + stopBound().toMillis() + " ms after the runtime interrupted the task thread to stop it (it does"
                        + " so when a task overruns task.shutdown.graceful.timeout.ms), but it was still running:"
                        + driver.stack());
            }
            Duration left = stopBound().minusNanos(System.nanoTime() - stopAt);
            stopped = true;
            driver.call("close() and stop() of a task whose destination hangs", () -> {
                try {
                    driver.task.close(List.of(tp));
                    driver.task.stop();
                } catch (RuntimeException e) {
                    // failing to close a hung destination is acceptable; hanging is not
                }
                return null;
            }, left.isNegative() ? Duration.ofMillis(1) : left);
        } finally {
            if (block != null) {
                block.close();
            }
            if (!stopped) {
                try {
                    driver.call("stop()", () -> {
                        driver.task.stop();
                        return null;
                    }, stopBound());
                } catch (RuntimeException | AssertionError e) {
                    // cleaning up after an earlier failure
                }
            }
            driver.shutdown();
        }
    }

    // ------------------------------------------------------------------------------------------
    // Kind-specific parts of the common checks

    @Override
    final Class<?> spiType() {
        return SinkConnector.class;
    }

    @Override
    final Map<String, String> withKindDefaults(Map<String, String> config) {
        if (config.containsKey(SinkConnector.TOPICS_CONFIG) || config.containsKey(SinkConnector.TOPICS_REGEX_CONFIG)) {
            return config;
        }
        Map<String, String> withTopic = new LinkedHashMap<>(config);
        withTopic.put(SinkConnector.TOPICS_CONFIG, DEFAULT_TOPIC);
        return withTopic;
    }

    @Override
    final void initializeTask(Task task, Map<String, String> taskConfig) {
        ((SinkTask) task).initialize(new Contexts.SinkTaskCtx(taskConfig));
    }

    @Override
    final void startThenStop(Map<String, String> taskConfig, boolean stopTwice) {
        SinkTaskHarness<SinkTask> harness = harness(taskConfig);
        try {
            harness.start();
            harness.stop();
            if (stopTwice) {
                try {
                    harness.task().stop();
                } catch (RuntimeException e) {
                    throw new AssertionError("Expected a second stop() of the task to do nothing, but it threw " + trace(e), e);
                }
            }
        } finally {
            harness.close();
        }
    }

    @Override
    final void exercise(Map<String, String> taskConfig, Consumer<String> observed) {
        String topic = inputTopic();
        TopicPartition tp = new TopicPartition(topic, 0);
        List<SinkRecord> records = new ArrayList<>();
        for (long o = 0; o < 5; o++) {
            records.add(inputRecord(topic, 0, o));
        }
        try (SinkTaskHarness<SinkTask> harness = harness(taskConfig)) {
            harness.assign(tp);
            harness.put(records);
            harness.flush();
            harness.errantRecords().forEach(e -> observed.accept(e.record() + " " + trace(e.error())));
            harness.stop();
        }
        try {
            observed.accept(String.valueOf(readBack()));
        } catch (Exception e) {
            observed.accept(trace(e));
        }
    }

    /**
     * Sink side of {@code BROKER-BOUNCE}: records produced before the bounce reach the destination;
     * the broker stops and starts again; records produced after it must reach the destination too,
     * with the connector and its tasks RUNNING. Values go through the worker's default
     * {@code StringConverter}: each input record's value is produced as {@code String.valueOf(value)}.
     */
    @Override
    final void bounce(EmbeddedKafkaCluster kafka, ConnectCluster connect, String name) {
        String topic = inputTopic();
        ensureTopic(kafka, topic);
        List<SinkRecord> records = new ArrayList<>();
        for (long o = 0; o < 20; o++) {
            records.add(inputRecord(topic, 0, o));
        }
        records.subList(0, 10).forEach(r -> kafka.produce(topic, String.valueOf(r.key()), String.valueOf(r.value())));
        connect.startConnector(name, connectorConfig());
        awaitDelivered(connect, name, records.subList(0, 10), "before the bounce");
        bounceBroker(kafka, () -> { });
        records.subList(10, 20).forEach(r -> kafka.produce(topic, String.valueOf(r.key()), String.valueOf(r.value())));
        awaitDelivered(connect, name, records, "after the broker restarted");
        assertRunning(connect, name, "after the broker restarted");
    }

    /**
     * Sink side of the worker part of {@code SECRET-LEAK}: produces five input records (those of
     * {@link #inputRecord(String, int, long) inputRecord(topic, 0, 100..104)}), creates the
     * connector and waits until they reach the destination or something failed; observes what is
     * at the destination then.
     */
    @Override
    final void runInWorker(EmbeddedKafkaCluster kafka, ConnectCluster connect, String name, Map<String, String> config,
                           Consumer<String> observed) {
        String topic = inputTopic();
        ensureTopic(kafka, topic);
        List<Object> wanted = new ArrayList<>();
        for (long o = WORKER_OFFSETS; o < WORKER_OFFSETS + 5; o++) { // not those exercise() wrote to the destination
            SinkRecord r = inputRecord(topic, 0, o);
            kafka.produce(topic, String.valueOf(r.key()), String.valueOf(r.value()));
            wanted.add(recordIdentity(r));
        }
        connect.startConnector(name, config);
        eventually(() -> !failures(connect, name).isEmpty() || missing(wanted).isEmpty());
        try {
            observed.accept(String.valueOf(readBack()));
        } catch (Exception e) {
            observed.accept(trace(e));
        }
    }

    /** Creates the topic with one partition unless it exists (the broker is shared by the checks of the class). */
    private static void ensureTopic(EmbeddedKafkaCluster kafka, String topic) {
        if (!kafka.topicNames().contains(topic)) {
            kafka.createTopic(topic, 1, Map.of());
        }
    }

    private void awaitDelivered(ConnectCluster connect, String name, List<SinkRecord> expected, String when) {
        List<Object> wanted = expected.stream().map(this::recordIdentity).toList();
        Duration bound = recordTimeout().plusSeconds(30);
        try {
            org.awaitility.Awaitility.await().atMost(bound).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> !failures(connect, name).isEmpty() || missing(wanted).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported below
        }
        failIf(failures(connect, name), "Expected the connector and its tasks to keep RUNNING " + when + ", but");
        List<Object> missing;
        try {
            missing = missing(wanted);
        } catch (Exception e) {
            throw new AssertionError("Expected readBack() to work, but it threw " + e, e);
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("Expected every record produced " + when + " to reach the destination within "
                    + bound.toMillis() + " ms, but " + missing.size() + " of " + wanted.size() + " did not: "
                    + abbreviate(missing));
        }
    }

    // ------------------------------------------------------------------------------------------

    /** @return the first topic of validConfig()'s {@code topics}, or the default topic */
    final String inputTopic() {
        String topics = connectorConfig().get(SinkConnector.TOPICS_CONFIG);
        if (topics == null || topics.isBlank()) {
            return DEFAULT_TOPIC;
        }
        return topics.split(",")[0].trim();
    }

    private void assertAtDestination(List<SinkRecord> expected, String message) {
        List<Object> wanted = expected.stream().map(this::recordIdentity).toList();
        boolean arrived = eventually(() -> missing(wanted).isEmpty());
        if (!arrived) {
            List<Object> missing;
            Collection<?> seen;
            try {
                seen = readBack();
                missing = missing(wanted);
            } catch (Exception e) {
                throw new AssertionError(message + ", but readBack() failed: " + e, e);
            }
            throw new AssertionError(message + ", but after " + recordTimeout().toMillis() + " ms " + missing.size() + " of "
                    + wanted.size() + " were missing\n  first missing: " + missing.get(0) + "\n  missing: "
                    + abbreviate(missing) + "\n  at the destination (" + seen.size() + "): " + abbreviate(List.copyOf(seen)));
        }
    }

    private List<Object> missing(List<Object> wanted) throws Exception {
        Collection<?> seen = readBack();
        if (seen == null) {
            throw new AssertionError("Expected readBack() to return what is at the destination, but it returned null");
        }
        Set<Object> present = new HashSet<>(seen);
        return wanted.stream().filter(w -> !present.contains(w)).toList();
    }

    private static String abbreviate(List<?> items) {
        if (items.size() <= 8) {
            return items.toString();
        }
        return items.subList(0, 8) + " ... and " + (items.size() - 8) + " more";
    }

    private SinkDriver driver(Map<String, String> taskConfig, String name) {
        Class<? extends Task> type = startedTaskClass();
        SinkTask task = (SinkTask) newTask(type);
        Contexts.SinkTaskCtx context = new Contexts.SinkTaskCtx(taskConfig);
        task.initialize(context);
        return new SinkDriver(task, context, name);
    }

    @SuppressWarnings("unchecked")
    private SinkTaskHarness<SinkTask> harness(Map<String, String> taskConfig) {
        Class<? extends Task> type = startedTaskClass();
        if (!SinkTask.class.isAssignableFrom(type)) {
            throw new AssertionError("Expected taskClass() of a sink connector to be a SinkTask, but it is " + type.getName());
        }
        return SinkTaskHarness.of((Class<SinkTask>) type).config(taskConfig).callTimeout(recordTimeout().plus(stopBound()));
    }
}
