package io.connectsdk.runtime.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.metrics.Sensor;

/**
 * One task's MBeans, with Kafka Connect's names ({@code connector=<name>,task=<n>} tags):
 * <ul>
 *   <li>{@code connector-task-metrics}: {@code status}, {@code running-ratio}, {@code pause-ratio},
 *       {@code batch-size-avg/max}, {@code offset-commit-avg/max-time-ms},
 *       {@code offset-commit-success/failure-percentage};</li>
 *   <li>{@code source-task-metrics} (source tasks): {@code source-record-poll-rate/total},
 *       {@code source-record-write-rate/total}, {@code poll-batch-avg/max-time-ms},
 *       {@code source-record-active-count} and its {@code -avg/-max};</li>
 *   <li>{@code sink-task-metrics} (sink tasks): {@code sink-record-read-rate/total},
 *       {@code sink-record-send-rate/total}, {@code put-batch-avg/max-time-ms},
 *       {@code partition-count}, {@code offset-commit-completion-rate/total},
 *       {@code offset-commit-skip-rate/total}, {@code offset-commit-seq-no},
 *       {@code sink-record-active-count} and its {@code -avg/-max} (records given to {@code put} whose
 *       offsets are not committed yet, summed over the assigned partitions), and
 *       {@code sink-record-lag-max}, which Kafka Connect documents but does not publish: the
 *       consumer's {@code records-lag-max} (how many records the task's consumer is behind the end
 *       of a partition, the largest over its partitions in the sample window; {@code NaN} while it has
 *       fetched nothing in that window);</li>
 *   <li>{@code task-error-metrics}: see {@link ErrorMetrics}.</li>
 * </ul>
 * Not provided: the transaction metrics (no exactly-once source).
 *
 * <p><b>Threads.</b> Recorded on the task thread (error metrics also from producer callbacks);
 * read from JMX threads. Close when the task has stopped.
 */
public final class TaskMetrics implements AutoCloseable {
    private final ConnectMetrics.Group task;
    private final ConnectMetrics.Group kind;
    private final ErrorMetrics errors;
    private final Sensor batchSize;
    private final Sensor commitTime;
    private final boolean source;
    private Sensor polled;
    private Sensor written;
    private Sensor pollTime;
    private Sensor active;
    private Sensor read;
    private Sensor sent;
    private Sensor putTime;
    private Sensor commitCompletions;
    private Sensor commitSkips;
    private Sensor sinkActive;
    private volatile long sinkActiveNow;
    private volatile DoubleSupplier lag;
    private long commitSeq;
    private long commits;
    private long commitFailures;
    private long startedMs;
    private long stateSinceMs;
    private String state = "unassigned";
    private long runningMs;
    private long pausedMs;

    /**
     * @param metrics the worker's metrics
     * @param connector the task's connector
     * @param taskNumber the task's number
     * @param source a source task (else a sink task)
     * @param status reads its state, lower case
     * @param count for a source task, how many records wait for Kafka's acknowledgement; for a sink
     *     task, how many partitions it is assigned
     */
    public TaskMetrics(ConnectMetrics metrics, String connector, int taskNumber, boolean source, Supplier<String> status,
                       IntSupplier count) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("connector", connector);
        tags.put("task", Integer.toString(taskNumber));
        this.source = source;
        this.startedMs = System.currentTimeMillis();
        this.stateSinceMs = startedMs;
        task = metrics.group("connector-task-metrics", tags);
        task.gauge("status", "The status of the connector task. One of 'unassigned', 'running', 'paused', 'failed', "
                + "or 'restarting'.", status);
        task.gauge("running-ratio", "The fraction of time this task has spent in the running state.",
                () -> ratio("running"));
        task.gauge("pause-ratio", "The fraction of time this task has spent in the pause state.", () -> ratio("paused"));
        batchSize = task.avgAndMax("batch-size-avg", "batch-size-max", "number of records in the batches the task has "
                + "processed");
        commitTime = task.avgAndMax("offset-commit-avg-time-ms", "offset-commit-max-time-ms", "time in milliseconds "
                + "taken by this task to commit offsets");
        task.gauge("offset-commit-success-percentage", "The percentage of this task's offset commit attempts that "
                + "succeeded.", () -> commitPercentage(true));
        task.gauge("offset-commit-failure-percentage", "The percentage of this task's offset commit attempts that "
                + "failed.", () -> commitPercentage(false));
        if (source) {
            kind = metrics.group("source-task-metrics", tags);
            polled = kind.totalAndRate("source-record-poll-total", "source-record-poll-rate",
                    "records produced/polled (before transformation) by this task");
            written = kind.totalAndRate("source-record-write-total", "source-record-write-rate",
                    "records written to Kafka by this task (after transformations, without the records they dropped)");
            pollTime = kind.avgAndMax("poll-batch-avg-time-ms", "poll-batch-max-time-ms",
                    "time in milliseconds taken by this task to poll for a batch of source records");
            kind.gauge("source-record-active-count", "The number of records that have been produced by this task but "
                    + "not yet completely written to Kafka.", () -> (double) count.getAsInt());
            active = kind.avgAndMax("source-record-active-count-avg", "source-record-active-count-max",
                    "number of records that have been produced by this task but not yet completely written to Kafka");
        } else {
            kind = metrics.group("sink-task-metrics", tags);
            read = kind.totalAndRate("sink-record-read-total", "sink-record-read-rate",
                    "records read from Kafka by this task (before transformations)");
            sent = kind.totalAndRate("sink-record-send-total", "sink-record-send-rate",
                    "records put to this task (after transformations, without the records they dropped)");
            putTime = kind.avgAndMax("put-batch-avg-time-ms", "put-batch-max-time-ms",
                    "time in milliseconds taken by this task to put a batch of sink records");
            kind.gauge("partition-count", "The number of topic partitions assigned to this task.",
                    () -> (double) count.getAsInt());
            commitCompletions = kind.totalAndRate("offset-commit-completion-total", "offset-commit-completion-rate",
                    "offset commits that completed successfully");
            commitSkips = kind.totalAndRate("offset-commit-skip-total", "offset-commit-skip-rate",
                    "offset commit completions that were received too late (a later commit had started) and skipped");
            kind.gauge("offset-commit-seq-no", "The current sequence number for offset commits.", this::commitSeq);
            kind.gauge("sink-record-active-count", "The number of records that have been read from Kafka but not yet "
                    + "completely committed/flushed/acknowledged by the sink task.", () -> (double) sinkActiveNow);
            sinkActive = kind.avgAndMax("sink-record-active-count-avg", "sink-record-active-count-max",
                    "number of records that have been read from Kafka but not yet completely committed/flushed/"
                    + "acknowledged by the sink task");
            kind.gauge("sink-record-lag-max", "The maximum lag in terms of number of records that the sink task is "
                    + "behind the end of any of its topic partitions (its consumer's records-lag-max).", this::lag);
        }
        errors = new ErrorMetrics(metrics, tags);
    }

    /** @return the task's error metrics */
    public ErrorMetrics errors() {
        return errors;
    }

    /** @param newState the task's state now, lower case ({@code running}, {@code paused}, ...) */
    public synchronized void state(String newState) {
        long now = System.currentTimeMillis();
        accumulate(now);
        state = newState;
    }

    private void accumulate(long now) {
        if ("running".equals(state)) {
            runningMs += now - stateSinceMs;
        } else if ("paused".equals(state)) {
            pausedMs += now - stateSinceMs;
        }
        stateSinceMs = now;
    }

    private synchronized double ratio(String which) {
        long now = System.currentTimeMillis();
        accumulate(now);
        long total = now - startedMs;
        return total <= 0 ? 0.0 : (double) ("running".equals(which) ? runningMs : pausedMs) / total;
    }

    private synchronized double commitPercentage(boolean success) {
        return commits == 0 ? 0.0 : 100.0 * (success ? commits - commitFailures : commitFailures) / commits;
    }

    private synchronized double commitSeq() {
        return commitSeq;
    }

    private double lag() {
        DoubleSupplier l = lag;
        return l == null ? Double.NaN : l.getAsDouble();
    }

    /**
     * A sink task starts an offset commit.
     *
     * @return the commit's sequence number ({@code offset-commit-seq-no}); a completion that arrives
     *     when the number has moved on is a skip ({@link #offsetCommitSkipped()})
     */
    public synchronized long sinkCommitStarted() {
        return ++commitSeq;
    }

    /** @return the sequence number of the sink task's latest offset commit */
    public synchronized long sinkCommitSeq() {
        return commitSeq;
    }

    /** An asynchronous offset commit completed after a later one had started, and was ignored. */
    public void offsetCommitSkipped() {
        commitSkips.record();
    }

    /**
     * @param active records given to {@code put} whose offsets are not committed yet, summed over the
     *     sink task's partitions
     */
    public void sinkActive(long active) {
        sinkActiveNow = active;
        sinkActive.record(active);
    }

    /**
     * @param lag reads how many records the sink task's consumer is behind, at most, over its
     *     partitions ({@code NaN} when unknown); called from JMX threads
     */
    public void sinkLag(DoubleSupplier lag) {
        this.lag = lag;
    }

    /**
     * @param durationMs how long an offset commit took
     * @param succeeded whether it succeeded
     */
    public void offsetCommit(long durationMs, boolean succeeded) {
        synchronized (this) {
            commits++;
            if (!succeeded) {
                commitFailures++;
            }
        }
        commitTime.record(durationMs);
        if (succeeded && commitCompletions != null) {
            commitCompletions.record();
        }
    }

    /**
     * A source task's {@code poll()} returned.
     *
     * @param records how many records it returned
     * @param durationMs how long it took
     */
    public void sourcePoll(int records, long durationMs) {
        pollTime.record(durationMs);
        if (records > 0) {
            polled.record(records);
            batchSize.record(records);
        }
    }

    /**
     * A source task's batch was handed to the producer.
     *
     * @param written records sent (after transformations)
     * @param outstanding records now waiting for Kafka's acknowledgement
     */
    public void sourceSent(int written, int outstanding) {
        if (written > 0) {
            this.written.record(written);
        }
        active.record(outstanding);
    }

    /**
     * A sink task's {@code put()} returned.
     *
     * @param read records consumed for this batch (before transformations)
     * @param put records given to {@code put} (after transformations)
     * @param durationMs how long {@code put} took
     */
    public void sinkPut(int read, int put, long durationMs) {
        if (read > 0) {
            this.read.record(read);
        }
        if (put > 0) {
            sent.record(put);
            batchSize.record(put);
        }
        putTime.record(durationMs);
    }

    /** @return whether these are a source task's metrics */
    public boolean source() {
        return source;
    }

    @Override
    public void close() {
        task.close();
        kind.close();
        errors.close();
    }
}
