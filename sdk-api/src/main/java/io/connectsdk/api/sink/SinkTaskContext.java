package io.connectsdk.api.sink;

import java.util.Map;
import java.util.Set;

/**
 * What a {@link SinkTask} can ask of the runtime: control over its consumer (offsets, pause,
 * resume), commit requests and the errant-record reporter.
 *
 * <p>Given through {@link SinkTask#initialize(SinkTaskContext)} before {@code start}. Call these
 * methods from the task's own thread (inside {@code start}, {@code open}, {@code put},
 * {@code flush}/{@code preCommit} or {@code close}); changes take effect before the next batch is
 * fetched.
 */
public interface SinkTaskContext {
    /** @return the task's current configuration, never {@code null} */
    Map<String, String> configs();

    /**
     * Rewinds or advances consumption: the next records delivered for each partition start at the
     * given offset. Typical use: in {@code open}, when the destination stores its own offsets.
     *
     * @param offsets the next offset to read per partition, never {@code null}
     */
    void offset(Map<TopicPartition, Long> offsets);

    /**
     * Same as {@link #offset(Map)} for one partition.
     *
     * @param tp the partition
     * @param offset the next offset to read
     */
    void offset(TopicPartition tp, long offset);

    /**
     * After a {@link io.connectsdk.api.errors.RetriableException} from {@code put}, how long the
     * runtime waits before handing the same records to {@code put} again.
     *
     * @param timeoutMs milliseconds, 0 or more
     */
    void timeout(long timeoutMs);

    /** @return the partitions currently assigned to this task; never {@code null} */
    Set<TopicPartition> assignment();

    /**
     * Stops fetching from these partitions until {@link #resume(TopicPartition...)}; records
     * already fetched may still be delivered. Pausing survives until resumed or until the
     * partition is revoked.
     *
     * @param partitions assigned partitions
     */
    void pause(TopicPartition... partitions);

    /**
     * Resumes fetching from paused partitions.
     *
     * @param partitions assigned partitions
     */
    void resume(TopicPartition... partitions);

    /**
     * Asks the runtime to flush and commit offsets as soon as possible instead of waiting for
     * {@code offset.flush.interval.ms}.
     */
    void requestCommit();

    /**
     * @return the reporter for records the task cannot write; never {@code null} in the
     *     connect-sdk runtime
     */
    ErrantRecordReporter errantRecordReporter();
}
