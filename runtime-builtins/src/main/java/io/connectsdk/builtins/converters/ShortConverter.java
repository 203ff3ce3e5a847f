package io.connectsdk.builtins.converters;

import io.connectsdk.api.data.Schema;

/**
 * Converts 16-bit integers to and from 2 big-endian bytes, the format of Kafka's {@code ShortSerializer}; wire-compatible
 * with Kafka Connect's {@code org.apache.kafka.connect.converters.ShortConverter}. Usable as key, value and header
 * converter.
 *
 * <p><b>Settings:</b> only {@code converter.type} ({@code key}, {@code value} or {@code header}).
 * <b>Writing:</b> the schema must be {@code null} or of type INT16 (optional or not); the value must be
 * of class {@code Short}, else a {@link io.connectsdk.api.errors.DataException} naming the topic (Kafka Connect
 * ignores the schema). {@code null} is written as {@code null} (a tombstone).
 * <b>Reading:</b> returns {@link Schema#OPTIONAL_INT16_SCHEMA}; {@code null} bytes give a {@code null} value,
 * any length other than 2 a {@code DataException}.
 *
 * <p>Thread-safe once configured (it keeps no state), although the runtime uses one instance per task.
 */
public class ShortConverter extends FixedWidthConverter<Short> {
    /** Creates the converter; configure it before use. */
    public ShortConverter() {
        super(Short.class, Schema.OPTIONAL_INT16_SCHEMA, 2);
    }

    @Override
    byte[] encode(Short value) {
        return writeLong(value, 2);
    }

    @Override
    Short decode(byte[] bytes) {
        return (short) readLong(bytes, 2);
    }
}
