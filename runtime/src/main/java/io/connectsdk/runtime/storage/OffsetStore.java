package io.connectsdk.runtime.storage;

import java.util.Map;

/**
 * Where the committed source offsets of every connector live: a local file in standalone mode
 * ({@link FileOffsetStore}), a compacted Kafka topic in distributed mode.
 *
 * <p>Offsets are keyed by connector name and source partition. Partitions and offsets are maps of
 * strings to strings, numbers, booleans or {@code null} (what {@code SourceRecord} allows);
 * partitions are compared by value, and integral numbers read back as {@code Long} and other
 * numbers as {@code Double} whatever type was written, so {@code {"p": 1}} and {@code {"p": 1L}} are
 * the same partition.
 *
 * <p><b>Lifecycle.</b> {@link #start()} before any other call, {@link #stop()} at the end.
 * <b>Threading.</b> Thread-safe; {@link #put} calls are applied atomically and in the order they
 * are made.
 */
public interface OffsetStore {
    /** Loads the stored offsets. */
    void start();

    /** Releases resources. Offsets already put stay stored. */
    void stop();

    /**
     * @param connector the connector's name
     * @param partition a source partition
     * @return the last committed offset of that partition (unmodifiable), or {@code null} when none
     */
    Map<String, Object> offset(String connector, Map<String, ?> partition);

    /**
     * @param connector the connector's name
     * @return every partition of the connector with its offset; unmodifiable, empty when none
     */
    Map<Map<String, Object>, Map<String, Object>> offsets(String connector);

    /**
     * Stores offsets durably before returning; all or nothing.
     *
     * @param connector the connector's name
     * @param offsets offsets per source partition; a {@code null} offset removes the partition
     * @throws IllegalArgumentException when a partition or offset holds a value that cannot be
     *     stored (the message names the connector and the partition); nothing is stored then
     * @throws io.connectsdk.api.errors.ConnectException when they cannot be stored; nothing is
     *     stored then
     */
    void put(String connector, Map<? extends Map<String, ?>, ? extends Map<String, ?>> offsets);
}
