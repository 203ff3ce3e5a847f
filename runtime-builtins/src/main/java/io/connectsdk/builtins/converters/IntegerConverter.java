package io.connectsdk.builtins.converters;

import io.connectsdk.api.data.Schema;

/**
 * Converts 32-bit integers to and from 4 big-endian bytes, the format of Kafka's {@code IntegerSerializer}; wire-compatible
 * with Kafka Connect's {@code org.apache.kafka.connect.converters.IntegerConverter}. Usable as key, value and header
 * converter.
 *
 * <p><b>Settings:</b> only {@code converter.type} ({@code key}, {@code value} or {@code header}).
 * <b>Writing:</b> the schema must be {@code null} or of type INT32 (optional or not); the value must be
 * of class {@code Integer}, else a {@link io.connectsdk.api.errors.DataException} naming the topic (Kafka Connect
 * ignores the schema). {@code null} is written as {@code null} (a tombstone).
 * <b>Reading:</b> returns {@link Schema#OPTIONAL_INT32_SCHEMA}; {@code null} bytes give a {@code null} value,
 * any length other than 4 a {@code DataException}.
 *
 * <p>Thread-safe once configured (it keeps no state), although the runtime uses one instance per task.
 */
public class IntegerConverter extends FixedWidthConverter<Integer> {
    /** Creates the converter; configure it before use. */
    public IntegerConverter() {
        super(Integer.class, Schema.OPTIONAL_INT32_SCHEMA, 4);
    }

    @Override
    byte[] encode(Integer value) {
        return writeLong(value, 4);
    }

    @Override
    Integer decode(byte[] bytes) {
        return (int) readLong(bytes, 4);
    }
}
