package io.connectsdk.api.source;

import java.util.Collection;
import java.util.Map;

/**
 * Reads the source offsets that the runtime committed for a connector, so that a task or connector
 * can resume where it stopped.
 *
 * <p>A <em>source partition</em> identifies a stream in the source system (for example
 * {@code {"file": "/var/log/app.log"}}), a <em>source offset</em> a position in it (for example
 * {@code {"position": 4711}}). Both are maps of strings to primitive values (strings, numbers,
 * booleans) and are compared by value. Offsets are committed only after the records that carried
 * them were acknowledged by Kafka.
 *
 * <p>Thread-safe. Calls may block briefly while the offset store is read.
 */
public interface OffsetStorageReader {
    /**
     * @param partition a source partition, as put into {@link SourceRecord#sourcePartition()}
     * @param <T> the partition map's value type
     * @return the last committed offset for it, or {@code null} when none was committed
     */
    <T> Map<String, Object> offset(Map<String, T> partition);

    /**
     * @param partitions source partitions
     * @param <T> the partition maps' value type
     * @return the last committed offset of each partition that has one; partitions without an
     *     offset are absent or map to {@code null}; never {@code null}
     */
    <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions);
}
