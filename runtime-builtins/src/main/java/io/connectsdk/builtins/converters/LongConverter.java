package io.connectsdk.builtins.converters;

import io.connectsdk.api.data.Schema;

/**
 * Converts 64-bit integers to and from 8 big-endian bytes, the format of Kafka's {@code LongSerializer}; wire-compatible
 * with Kafka Connect's {@code org.apache.kafka.connect.converters.LongConverter}. Usable as key, value and header
 * converter.
 *
 * <p><b>Settings:</b> only {@code converter.type} ({@code key}, {@code value} or {@code header}).
 * <b>Writing:</b> the schema must be {@code null} or of type INT64 (optional or not); the value must be
 * of class {@code Long}, else a {@link io.connectsdk.api.errors.DataException} naming the topic (Kafka Connect
 * ignores the schema). {@code null} is written as {@code null} (a tombstone).
 * <b>Reading:</b> returns {@link Schema#OPTIONAL_INT64_SCHEMA}; {@code null} bytes give a {@code null} value,
 * any length other than 8 a {@code DataException}.
 *
 * <p>Thread-safe once configured (it keeps no state), although the runtime uses one instance per task.
 */
public class LongConverter extends FixedWidthConverter<Long> {
    /** Creates the converter; configure it before use. */
    public LongConverter() {
        super(Long.class, Schema.OPTIONAL_INT64_SCHEMA, 8);
    }

    @Override
    byte[] encode(Long value) {
        return writeLong(value, 8);
    }

    @Override
    Long decode(byte[] bytes) {
        return readLong(bytes, 8);
    }
}
