package io.connectsdk.testkit.conformance;

import io.connectsdk.api.connector.Task;
import io.connectsdk.api.header.Header;
import io.connectsdk.api.source.SourceConnector;
import io.connectsdk.api.source.SourceRecord;
import io.connectsdk.api.source.SourceTask;
import io.connectsdk.testkit.cluster.EmbeddedKafkaCluster;
import io.connectsdk.testkit.cluster.KafkaCluster;
import io.connectsdk.testkit.cluster.KafkaRecord;
import io.connectsdk.testkit.cluster.TopicReader;
import io.connectsdk.testkit.connect.ConnectCluster;
import io.connectsdk.testkit.harness.ContractViolationError;
import io.connectsdk.testkit.harness.SourceTaskHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite of a source connector: extend it in the plugin project's tests, name the
 * connector and give a working configuration, and every check of {@link ConnectorConformance} plus
 * the source checks below runs as one JUnit test.
 *
 * <pre>{@code
 * class FileSourceConnectorConformanceTest extends SourceConnectorConformance<FileSourceConnector> {
 *     @TempDir Path dir;
 *
 *     protected Class<FileSourceConnector> connectorClass() { return FileSourceConnector.class; }
 *     protected Map<String, String> validConfig() {
 *         return Map.of("file", dir.resolve("in.txt").toString(), "topic", "lines");
 *     }
 *     protected void produceSourceData(int count) { ...append count lines to dir/in.txt... }
 * }
 * }</pre>
 *
 * <h2>Source hooks</h2>
 * <ul>
 *   <li>{@link #produceSourceData(int)}: make records available in the source system (default: the
 *       source generates its own data);</li>
 *   <li>{@link #recordIdentity(SourceRecord)}: what makes two records "the same record" when
 *       looking for losses and duplicates (default: topic, source partition and source offset);</li>
 *   <li>{@link #pollBound()}: how long {@code poll()} may block when there is nothing to read.</li>
 * </ul>
 * The tasks run in a {@link SourceTaskHarness} (no broker): the harness also fails a check when a
 * polled record is malformed or a call overruns its bound.
 *
 * <h2>Source checks</h2>
 * {@code SOURCE-RECORDS-WELL-FORMED}, {@code SOURCE-RESUME-NO-LOSS},
 * {@code SOURCE-DUPLICATES-AFTER-LAST-COMMIT-ONLY}, {@code SOURCE-POLL-IDLE},
 * {@code SOURCE-STOP-DURING-POLL}; see {@code CONFORMANCE.md}.
 *
 * @param <C> the connector type
 */
public abstract class SourceConnectorConformance<C extends SourceConnector> extends ConnectorConformance<C> {
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    /** How many records {@link #produceSourceData(int)} is asked for at a time. */
    static final int BATCH = 20;

    /** For subclasses. */
    protected SourceConnectorConformance() {
    }

    /**
     * Makes at least {@code count} new records available to the connector's tasks: for example
     * appends lines to the file a file source reads, or inserts rows. Called before the tasks
     * poll, and again between polls. The default does nothing, for sources that generate data.
     *
     * @param count how many records to add, at least 1
     */
    protected void produceSourceData(int count) {
    }

    /**
     * @param record a polled record
     * @return what identifies it across restarts: equal for a record polled again after a restart,
     *     different for different records. Default: its topic, source partition and source offset
     *     (numbers compared by value), or its topic, key and value when it has no source offset
     */
    protected Object recordIdentity(SourceRecord record) {
        if (record.sourceOffset() == null) {
            return List.of(String.valueOf(record.topic()), String.valueOf(normalize(record.key())),
                    String.valueOf(normalize(record.value())));
        }
        return List.of(String.valueOf(record.topic()), String.valueOf(normalize(record.sourcePartition())),
                String.valueOf(normalize(record.sourceOffset())));
    }

    /** @return how long one {@code poll()} may block when the source has nothing new; default 2 s */
    protected Duration pollBound() {
        return Duration.ofSeconds(2);
    }

    // ------------------------------------------------------------------------------------------
    // Source checks

    /** Polled records can be produced and resumed from: a legal topic, a source partition and offset. */
    @Test
    @Check("SOURCE-RECORDS-WELL-FORMED")
    @DisplayName("SOURCE-RECORDS-WELL-FORMED: records have a legal topic, a source partition and offset, values matching schemas")
    public final void sourceRecordsWellFormed() {
        List<SourceRecord> records;
        try (SourceTaskHarness<SourceTask> harness = harness(firstTaskConfig())) {
            produceSourceData(BATCH);
            harness.start();
            records = harness.pollUntil(1, recordTimeout());
        }
        List<String> problems = new ArrayList<>();
        for (SourceRecord r : records) {
            String problem = null;
            if (r.topic() == null || !TOPIC.matcher(r.topic()).matches() || r.topic().equals(".") || r.topic().equals("..")) {
                problem = "a legal Kafka topic name (1 to 249 of [a-zA-Z0-9._-]), but it is \"" + r.topic() + "\"";
            } else if (r.sourcePartition() == null || r.sourceOffset() == null) {
                problem = "a source partition and a source offset (else a restarted task cannot resume), but it has partition "
                        + r.sourcePartition() + " and offset " + r.sourceOffset();
            } else if (r.kafkaPartition() != null && r.kafkaPartition() < 0) {
                problem = "no Kafka partition or one of 0 or more, but it has " + r.kafkaPartition();
            }
            if (problem != null) {
                problems.add("Expected record " + r + " to have " + problem);
                if (problems.size() >= 5) {
                    break;
                }
            }
        }
        failIf(problems, "Expected well-formed records");
    }

    /** After a restart, every record that was polled but not committed is polled again. */
    @Test
    @Check("SOURCE-RESUME-NO-LOSS")
    @DisplayName("SOURCE-RESUME-NO-LOSS: after a restart from the committed offsets, no uncommitted record is lost")
    public final void sourceResumeNoLoss() {
        Resume r = resume();
        Set<Object> after = ids(r.after);
        List<SourceRecord> lost = r.uncommitted.stream().filter(x -> !after.contains(recordIdentity(x))).toList();
        if (!lost.isEmpty()) {
            throw new AssertionError("Expected every record polled after the last commit (" + r.uncommitted.size()
                    + ") to be polled again by the task restarted from the committed offsets, but " + lost.size()
                    + " never came back within " + recordTimeout().toMillis() + " ms (" + r.after.size()
                    + " records were polled after the restart)\n  first lost:  " + lost.get(0) + "\n  first after restart: "
                    + (r.after.isEmpty() ? "none" : r.after.get(0)) + "\n  last committed: "
                    + r.committed.get(r.committed.size() - 1));
        }
    }

    /** After a restart, no record that was committed before it is polled again. */
    @Test
    @Check("SOURCE-DUPLICATES-AFTER-LAST-COMMIT-ONLY")
    @DisplayName("SOURCE-DUPLICATES-AFTER-LAST-COMMIT-ONLY: after a restart, no committed record is polled again")
    public final void sourceDuplicatesAfterLastCommitOnly() {
        Resume r = resume();
        Set<Object> committed = ids(r.committed);
        List<SourceRecord> duplicates = r.after.stream().filter(x -> committed.contains(recordIdentity(x))).toList();
        if (!duplicates.isEmpty()) {
            throw new AssertionError("Expected the task restarted from the committed offsets to resume after the last"
                    + " committed record, so that only records after the last commit are polled again, but "
                    + duplicates.size() + " of the " + r.committed.size() + " committed records were polled again"
                    + "\n  first duplicate: " + duplicates.get(0) + "\n  committed offset: " + r.offsets);
        }
    }

    /** poll() returns within its bound when the source has no data. */
    @Test
    @Check("SOURCE-POLL-IDLE")
    @DisplayName("SOURCE-POLL-IDLE: poll() returns promptly when the source has nothing new")
    public final void sourcePollIdle() {
        try (SourceTaskHarness<SourceTask> harness = harness(firstTaskConfig()).pollTimeout(pollBound())) {
            harness.start();
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                try {
                    harness.poll();
                } catch (ContractViolationError e) {
                    throw new AssertionError("Expected poll() to return within " + pollBound().toMillis() + " ms when the"
                            + " source has nothing new (so that the runtime can commit offsets and stop the task), but poll #"
                            + (i + 1) + " was still blocked after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                            + " ms: " + e.getMessage(), e);
                }
            }
        }
    }

    /** stop() makes a blocked poll() return, and itself returns, within the bound. */
    @Test
    @Check("SOURCE-STOP-DURING-POLL")
    @DisplayName("SOURCE-STOP-DURING-POLL: stop() during a blocked poll() returns and unblocks it within the bound")
    public final void sourceStopDuringPoll() {
        SourceTaskHarness<SourceTask> harness = harness(firstTaskConfig()).shutdownTimeout(stopBound())
                .pollTimeout(recordTimeout().plus(stopBound()));
        AtomicReference<Thread> stopper = new AtomicReference<>();
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "conformance-stopper");
            t.setDaemon(true);
            stopper.set(t);
            return t;
        });
        try {
            harness.start();
            Future<?> stopping = executor.submit(harness::stopDuringPoll);
            Duration outer = stopBound().plusSeconds(2);
            try {
                stopping.get(outer.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                String where = describe(stopper.get());
                stopping.cancel(true);
                throw new AssertionError("Expected stop(), called while poll() waits, to return within "
                        + stopBound().toMillis() + " ms, but it had not returned after " + outer.toMillis() + " ms:" + where);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof ContractViolationError) {
                    throw new AssertionError("Expected stop() to make a waiting poll() return within " + stopBound().toMillis()
                            + " ms, but: " + cause.getMessage(), cause);
                }
                throw new AssertionError("Expected stop() during poll() to work, but it threw " + cause, cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } finally {
            executor.shutdownNow();
            try {
                harness.close();
            } catch (RuntimeException | AssertionError e) {
                // already reported
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Kind-specific parts of the common checks

    @Override
    final Class<?> spiType() {
        return SourceConnector.class;
    }

    @Override
    final Map<String, String> withKindDefaults(Map<String, String> config) {
        return config;
    }

    @Override
    final void initializeTask(Task task, Map<String, String> taskConfig) {
        ((SourceTask) task).initialize(Contexts.sourceTask(taskConfig));
    }

    @Override
    final void startThenStop(Map<String, String> taskConfig, boolean stopTwice) {
        SourceTaskHarness<SourceTask> harness = harness(taskConfig);
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
        try (SourceTaskHarness<SourceTask> harness = harness(taskConfig)) {
            produceSourceData(BATCH);
            harness.start();
            for (SourceRecord r : harness.pollUntil(1, recordTimeout())) {
                observed.accept(describe(r));
            }
            harness.commit();
        }
    }

    /**
     * Source side of {@code BROKER-BOUNCE}: data before the bounce reaches Kafka; the broker stops,
     * new data is produced while it is down (for {@link #BOUNCE_DOWNTIME} at least), the broker
     * starts again; that data must reach Kafka too, with the connector and its tasks RUNNING.
     */
    @Override
    final void bounce(EmbeddedKafkaCluster kafka, ConnectCluster connect, String name) {
        Duration bound = recordTimeout().plusSeconds(30);
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            long earlier = countBefore(admin, kafka); // records of other checks on the shared broker
            produceSourceData(BATCH);
            connect.startConnector(name, connectorConfig());
            long before = awaitCount(admin, kafka, connect, name, earlier + BATCH, bound, "before the bounce");
            bounceBroker(kafka, () -> produceSourceData(BATCH));
            long after = awaitCount(admin, kafka, connect, name, before + BATCH, bound, "after the broker restarted");
            assertRunning(connect, name, "after the broker restarted (" + (after - earlier) + " records in Kafka)");
        }
    }

    /**
     * Source side of the worker part of {@code SECRET-LEAK}: makes data available, creates the
     * connector and waits until records reach Kafka or something failed; observes every record
     * then in Kafka (the secret is unique to the check, so records of other checks do not matter).
     */
    @Override
    final void runInWorker(EmbeddedKafkaCluster kafka, ConnectCluster connect, String name, Map<String, String> config,
                           Consumer<String> observed) {
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            long earlier = countBefore(admin, kafka);
            produceSourceData(BATCH);
            connect.startConnector(name, config);
            eventually(() -> !failures(connect, name).isEmpty() || recordCount(admin, kafka) > earlier);
            for (String topic : kafka.topicNames()) {
                if (!topic.startsWith("__")) {
                    readAll(admin, kafka, topic, observed);
                }
            }
        }
    }

    private long countBefore(Admin admin, KafkaCluster kafka) {
        try {
            return recordCount(admin, kafka);
        } catch (Exception e) {
            throw new IllegalStateException("connect-sdk test kit: cannot count the records in Kafka: " + e, e);
        }
    }

    /** Reads a topic up to its end offsets of now (bounded by recordTimeout()), giving each record's text. */
    private void readAll(Admin admin, KafkaCluster kafka, String topic, Consumer<String> observed) {
        long end;
        try {
            end = endOffsets(admin, Set.of(topic));
        } catch (Exception e) {
            observed.accept("cannot read topic " + topic + ": " + e);
            return;
        }
        try (TopicReader reader = new TopicReader(kafka, topic)) {
            eventually(() -> {
                reader.poll(Duration.ofMillis(100));
                return reader.count() >= end;
            });
            for (KafkaRecord r : reader.records()) {
                StringBuilder sb = new StringBuilder(topic).append(" key=").append(r.keyAsString()).append(" value=")
                        .append(r.valueAsString());
                r.headers().forEach(h -> sb.append(" header ").append(h.key()).append('=').append(h.valueAsString()));
                observed.accept(sb.toString());
            }
        }
    }

    private long awaitCount(Admin admin, KafkaCluster kafka, ConnectCluster connect, String name, long atLeast,
                            Duration bound, String when) {
        long[] seen = {-1};
        try {
            Awaitility.await().atMost(bound).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
                if (!failures(connect, name).isEmpty()) {
                    return true;
                }
                seen[0] = recordCount(admin, kafka);
                return seen[0] >= atLeast;
            });
        } catch (ConditionTimeoutException e) {
            // reported below
        }
        List<String> failed = failures(connect, name);
        failIf(failed, "Expected the connector and its tasks to keep RUNNING " + when + ", but");
        if (seen[0] < atLeast) {
            throw new AssertionError("Expected at least " + atLeast + " records in Kafka " + when + " within "
                    + bound.toMillis() + " ms, but there were " + seen[0]);
        }
        return seen[0];
    }

    /** @return the number of records in every (non-internal) topic */
    private static long recordCount(Admin admin, KafkaCluster kafka) throws Exception {
        Set<String> topics = kafka.topicNames();
        if (topics.isEmpty()) {
            return 0;
        }
        return endOffsets(admin, topics);
    }

    /** @return the sum of the end offsets of the topics' partitions */
    private static long endOffsets(Admin admin, Set<String> topics) throws Exception {
        Map<org.apache.kafka.common.TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
            d.partitions().forEach(p -> latest.put(new org.apache.kafka.common.TopicPartition(d.name(), p.partition()),
                    OffsetSpec.latest()));
        }
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset()).sum();
    }

    // ------------------------------------------------------------------------------------------

    private record Resume(List<SourceRecord> committed, List<SourceRecord> uncommitted, List<SourceRecord> after,
                          Map<Map<String, Object>, Map<String, Object>> offsets) {
    }

    /** Polls and commits, polls without committing, restarts, and polls until the uncommitted records are back. */
    private Resume resume() {
        try (SourceTaskHarness<SourceTask> harness = harness(firstTaskConfig())) {
            produceSourceData(BATCH);
            harness.start();
            List<SourceRecord> committed = harness.pollUntil(1, recordTimeout());
            harness.commit();
            Map<Map<String, Object>, Map<String, Object>> offsets = harness.offsets();
            produceSourceData(BATCH);
            List<SourceRecord> uncommitted = harness.pollUntil(1, recordTimeout());
            harness.restart();
            Set<Object> wanted = ids(uncommitted);
            List<SourceRecord> after = new ArrayList<>();
            long deadline = System.nanoTime() + recordTimeout().toNanos();
            while (!ids(after).containsAll(wanted) && System.nanoTime() - deadline < 0) {
                after.addAll(harness.poll());
            }
            return new Resume(committed, uncommitted, after, offsets);
        }
    }

    private Set<Object> ids(Collection<SourceRecord> records) {
        Set<Object> ids = new LinkedHashSet<>();
        records.forEach(r -> ids.add(recordIdentity(r)));
        return ids;
    }

    @SuppressWarnings("unchecked")
    private SourceTaskHarness<SourceTask> harness(Map<String, String> taskConfig) {
        Class<? extends Task> type = startedTaskClass();
        if (!SourceTask.class.isAssignableFrom(type)) {
            throw new AssertionError("Expected taskClass() of a source connector to be a SourceTask, but it is " + type.getName());
        }
        return SourceTaskHarness.of((Class<SourceTask>) type).config(taskConfig).pollTimeout(pollBound().plus(recordTimeout()))
                .shutdownTimeout(stopBound());
    }

    private static String describe(SourceRecord r) {
        StringBuilder sb = new StringBuilder(String.valueOf(r));
        sb.append(" key=").append(r.key()).append(" value=").append(r.value()).append(" partition=")
                .append(r.sourcePartition()).append(" offset=").append(r.sourceOffset());
        if (r.headers() != null) {
            for (Header h : r.headers()) {
                sb.append(" header ").append(h.key()).append('=').append(h.value());
            }
        }
        return sb.toString();
    }

    private static String describe(Thread t) {
        if (t == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n  stopping thread '" + t.getName() + "' (" + t.getState() + ")");
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 12); i++) {
            sb.append("\n      at ").append(frames[i]);
        }
        return sb.toString();
    }

    /** Numbers compared by value (the offset store turns ints into longs), maps by sorted content. */
    static Object normalize(Object value) {
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float || value instanceof Double) {
            double d = ((Number) value).doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? (Object) (long) d : (Object) d;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), normalize(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SourceConnectorConformance::normalize).toList();
        }
        return value;
    }
}
