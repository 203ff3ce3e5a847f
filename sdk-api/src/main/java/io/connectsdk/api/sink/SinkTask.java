package io.connectsdk.api.sink;

import io.connectsdk.api.connector.Task;
import java.util.Collection;
import java.util.Map;

/**
 * A task that writes records from Kafka to a destination system.
 *
 * <p><b>Lifecycle.</b> Constructed with the public no-argument constructor, then
 * {@link #initialize(SinkTaskContext)} and {@link #start(Map)}; then, repeatedly and in any order
 * the consumer dictates: {@link #open(Collection)} when partitions are assigned,
 * {@link #put(Collection)} with batches of their records, {@link #preCommit(Map)} (which calls
 * {@link #flush(Map)}) before offsets are committed, {@link #close(Collection)} when partitions
 * are revoked; finally {@link #stop()}.
 *
 * <p><b>Threading.</b> Every method is called from the task's own thread, one at a time.
 *
 * <p><b>Delivery.</b> The runtime commits, for each partition, the offsets that
 * {@code preCommit} returns, and only after it returned. Records handed to {@code put} but not
 * yet durable at the destination must not be covered by a returned offset: after a crash they
 * are delivered again. So delivery is at-least-once; a sink that stores its own offsets
 * atomically with the data (and rewinds with {@link SinkTaskContext#offset(Map)} in {@code open})
 * gets exactly-once.
 *
 * <p><b>Errors.</b> {@link io.connectsdk.api.errors.RetriableException} from {@code put} makes the
 * runtime retry the same batch (after {@link SinkTaskContext#timeout(long)}); a bad record should
 * go to {@link SinkTaskContext#errantRecordReporter()}; any other exception fails the task.
 *
 * <p>A complete minimal sink, which prints records (register it and its connector in
 * {@code META-INF/services/io.connectsdk.api.sink.SinkConnector}):
 * <pre>{@code
 * public class PrintSinkConnector extends SinkConnector {
 *     private Map<String, String> props;
 *
 *     public String version() { return "1.0"; }
 *     public ConfigDef config() { return new ConfigDef(); }
 *     public void start(Map<String, String> props) { this.props = props; }
 *     public Class<? extends Task> taskClass() { return PrintSinkTask.class; }
 *     public List<Map<String, String>> taskConfigs(int maxTasks) {
 *         return Collections.nCopies(maxTasks, props);
 *     }
 *     public void stop() { }
 * }
 *
 * public class PrintSinkTask extends SinkTask {
 *     private PrintStream out;
 *
 *     public String version() { return "1.0"; }
 *     public void start(Map<String, String> props) { out = System.out; }
 *     public void put(Collection<SinkRecord> records) {
 *         for (SinkRecord r : records) {
 *             if (r.value() == null) {
 *                 context.errantRecordReporter().report(r, new DataException("tombstones are not printed"));
 *             } else {
 *                 out.println(r.topic() + "/" + r.kafkaPartition() + "@" + r.kafkaOffset() + ": " + r.value());
 *             }
 *         }
 *     }
 *     public void flush(Map<TopicPartition, Long> currentOffsets) { out.flush(); }
 *     public void stop() { }
 * }
 * }</pre>
 */
public abstract class SinkTask implements Task {
    /** The configuration key listing the topics to consume (read by the runtime). */
    public static final String TOPICS_CONFIG = SinkConnector.TOPICS_CONFIG;
    /** The configuration key with a regular expression of topics to consume (read by the runtime). */
    public static final String TOPICS_REGEX_CONFIG = SinkConnector.TOPICS_REGEX_CONFIG;

    /** The context given to {@link #initialize(SinkTaskContext)}; {@code null} before it. */
    protected SinkTaskContext context;

    /**
     * Gives the task its context. Called once, before {@link #start(Map)}.
     *
     * @param context never {@code null}
     */
    public void initialize(SinkTaskContext context) {
        this.context = context;
    }

    /**
     * Starts the task: open connections to the destination. Partitions are not assigned yet; see
     * {@link #open(Collection)}.
     *
     * @param props one of the connector's task configurations, never {@code null}
     */
    @Override
    public abstract void start(Map<String, String> props);

    /**
     * Writes (or buffers) a batch of records. May return before they are durable; see
     * {@link #flush(Map)}.
     *
     * @param records the batch, in offset order per partition; never {@code null}, may be empty
     *     (the runtime calls {@code put} with an empty batch when there is nothing new, so that
     *     time-based flushing can happen)
     */
    public abstract void put(Collection<SinkRecord> records);

    /**
     * Makes every record handed to {@link #put(Collection)} so far durable at the destination.
     * The default does nothing, which is right for sinks whose {@code put} writes synchronously.
     *
     * @param currentOffsets for each assigned partition, the offset after the last record handed
     *     to {@code put}; never {@code null}
     */
    public void flush(Map<TopicPartition, Long> currentOffsets) {
    }

    /**
     * Called before the runtime commits consumer offsets. The default calls
     * {@link #flush(Map)} and returns {@code currentOffsets}, i.e. commits everything handed to
     * {@code put}. A sink that writes asynchronously returns only the offsets that are durable;
     * omitting a partition (or returning an empty map) commits nothing for it.
     *
     * @param currentOffsets for each assigned partition, the offset after the last record handed
     *     to {@code put}; never {@code null}
     * @return the offsets to commit (the next offset to read, per partition); {@code null} means
     *     commit nothing
     */
    public Map<TopicPartition, Long> preCommit(Map<TopicPartition, Long> currentOffsets) {
        flush(currentOffsets);
        return currentOffsets;
    }

    /**
     * The consumer was assigned these partitions (at start and after a rebalance). Open writers
     * for them here and, if the destination keeps offsets, rewind with
     * {@link SinkTaskContext#offset(Map)}. The default does nothing.
     *
     * @param partitions the newly assigned partitions, never {@code null}
     */
    public void open(Collection<TopicPartition> partitions) {
    }

    /**
     * These partitions were revoked (rebalance or shutdown): release what belongs to them. Their
     * final offsets were already committed through {@link #preCommit(Map)}. The default does
     * nothing.
     *
     * @param partitions the revoked partitions, never {@code null}
     */
    public void close(Collection<TopicPartition> partitions) {
    }

    /**
     * Stops the task; called once, on the task thread, after {@link #close(Collection)} of the
     * assigned partitions.
     */
    @Override
    public abstract void stop();
}
