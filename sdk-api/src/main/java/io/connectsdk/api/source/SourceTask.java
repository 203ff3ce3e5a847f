package io.connectsdk.api.source;

import io.connectsdk.api.connector.Task;
import java.util.List;
import java.util.Map;

/**
 * A task that reads records from a source system. See {@link SourceConnector} for a complete
 * example.
 *
 * <p><b>Lifecycle.</b> Constructed with the public no-argument constructor, then
 * {@link #initialize(SourceTaskContext)}, {@link #start(Map)}, {@link #poll()} repeatedly,
 * {@link #commit()}/{@link #commitRecord(SourceRecord, RecordMetadata)} as offsets get committed,
 * and {@link #stop()}.
 *
 * <p><b>Threading.</b> {@code initialize}, {@code start}, {@code poll} and {@code stop}'s
 * clean-up run on the task's own thread. {@link #stop()} is the exception: it is called from
 * another thread, possibly while {@code poll} blocks, so it must be thread-safe and should make a
 * blocked {@code poll} return. The runtime also interrupts the task thread when it stops a task.
 * {@code commit} and {@code commitRecord} may be called from the runtime's offset-commit thread.
 *
 * <p><b>Errors.</b> A {@link io.connectsdk.api.errors.RetriableException} from {@code poll} makes
 * the runtime poll again; any other exception fails the task, its trace shown in the task status.
 */
public abstract class SourceTask implements Task {
    /** The context given to {@link #initialize(SourceTaskContext)}; {@code null} before it. */
    protected SourceTaskContext context;

    /**
     * Gives the task its context. Called once, before {@link #start(Map)}.
     *
     * @param context never {@code null}
     */
    public void initialize(SourceTaskContext context) {
        this.context = context;
    }

    /**
     * Starts the task: open the source, read the committed offsets from
     * {@code context.offsetStorageReader()} and position there.
     *
     * @param props one of the connector's task configurations, never {@code null}
     */
    @Override
    public abstract void start(Map<String, String> props);

    /**
     * Returns the next records. Should block for a short, bounded time (around a second at most)
     * when nothing is available, and then return {@code null} or an empty list so that the runtime
     * can commit offsets and notice a stop request.
     *
     * @return records, in source order per source partition; {@code null} or empty when there are
     *     none for now
     * @throws InterruptedException when the task thread is interrupted (the task is stopping)
     */
    public abstract List<SourceRecord> poll() throws InterruptedException;

    /**
     * Called after the runtime committed the offsets of the records returned so far (at every
     * {@code offset.flush.interval.ms} and at shutdown). A source system that needs
     * acknowledgements can send them here. The default does nothing.
     *
     * @throws InterruptedException when interrupted
     */
    public void commit() throws InterruptedException {
    }

    /**
     * Called once per record returned by {@link #poll()} when Kafka acknowledged it (or when it
     * was dropped by a transform or skipped by error tolerance; then {@code metadata} is
     * {@code null}). The default does nothing.
     *
     * @param record the record as {@code poll} returned it (before transforms)
     * @param metadata where Kafka stored it, or {@code null} when it was not written
     * @throws InterruptedException when interrupted
     */
    public void commitRecord(SourceRecord record, RecordMetadata metadata) throws InterruptedException {
    }

    /**
     * Asks the task to stop. Called from a thread other than the task's own, possibly while
     * {@link #poll()} blocks: make {@code poll} return promptly (for example by closing a
     * connection or setting a flag the poll loop checks). The runtime waits up to
     * {@code task.shutdown.graceful.timeout.ms} for the task thread to finish.
     */
    @Override
    public abstract void stop();
}
