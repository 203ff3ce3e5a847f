package io.connectsdk.builtins.converters;

import io.connectsdk.api.data.Schema;

/**
 * Converts IEEE 754 single-precision floats (raw bits, so NaN payloads are kept) to and from 4 big-endian bytes, the format of Kafka's {@code FloatSerializer}; wire-compatible
 * with Kafka Connect's {@code org.apache.kafka.connect.converters.FloatConverter}. Usable as key, value and header
 * converter.
 *
 * <p><b>Settings:</b> only {@code converter.type} ({@code key}, {@code value} or {@code header}).
 * <b>Writing:</b> the schema must be {@code null} or of type FLOAT32 (optional or not); the value must be
 * of class {@code Float}, else a {@link io.connectsdk.api.errors.DataException} naming the topic (Kafka Connect
 * ignores the schema). {@code null} is written as {@code null} (a tombstone).
 * <b>Reading:</b> returns {@link Schema#OPTIONAL_FLOAT32_SCHEMA}; {@code null} bytes give a {@code null} value,
 * any length other than 4 a {@code DataException}.
 *
 * <p>Thread-safe once configured (it keeps no state), although the runtime uses one instance per task.
 */
public class FloatConverter extends FixedWidthConverter<Float> {
    /** Creates the converter; configure it before use. */
    public FloatConverter() {
        super(Float.class, Schema.OPTIONAL_FLOAT32_SCHEMA, 4);
    }

    @Override
    byte[] encode(Float value) {
        return writeLong(Float.floatToRawIntBits(value), 4);
    }

    @Override
    Float decode(byte[] bytes) {
        return Float.intBitsToFloat((int) readLong(bytes, 4));
    }
}
