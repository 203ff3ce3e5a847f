package io.connectsdk.builtins.converters;

import io.connectsdk.api.data.Schema;

/**
 * Converts IEEE 754 double-precision floats (every NaN written as the
 * canonical NaN, like Kafka's serializer) to and from 8 big-endian bytes, the format of Kafka's {@code DoubleSerializer}; wire-compatible
 * with Kafka Connect's {@code org.apache.kafka.connect.converters.DoubleConverter}. Usable as key, value and header
 * converter.
 *
 * <p><b>Settings:</b> only {@code converter.type} ({@code key}, {@code value} or {@code header}).
 * <b>Writing:</b> the schema must be {@code null} or of type FLOAT64 (optional or not); the value must be
 * of class {@code Double}, else a {@link io.connectsdk.api.errors.DataException} naming the topic (Kafka Connect
 * ignores the schema). {@code null} is written as {@code null} (a tombstone).
 * <b>Reading:</b> returns {@link Schema#OPTIONAL_FLOAT64_SCHEMA}; {@code null} bytes give a {@code null} value,
 * any length other than 8 a {@code DataException}.
 *
 * <p>Thread-safe once configured (it keeps no state), although the runtime uses one instance per task.
 */
public class DoubleConverter extends FixedWidthConverter<Double> {
    /** Creates the converter; configure it before use. */
    public DoubleConverter() {
        super(Double.class, Schema.OPTIONAL_FLOAT64_SCHEMA, 8);
    }

    @Override
    byte[] encode(Double value) {
        return writeLong(Double.doubleToLongBits(value), 8);
    }

    @Override
    Double decode(byte[] bytes) {
        return Double.longBitsToDouble(readLong(bytes, 8));
    }
}
