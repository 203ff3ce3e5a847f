package io.connectsdk.builtins.converters;

import io.connectsdk.api.data.Schema;

/**
 * Converts booleans to and from one byte ({@code 0x01} true, {@code 0x00} false), the format of
 * Kafka's {@code BooleanSerializer}; wire-compatible
 * with Kafka Connect's {@code org.apache.kafka.connect.converters.BooleanConverter}. Usable as key, value and header
 * converter.
 *
 * <p><b>Settings:</b> only {@code converter.type} ({@code key}, {@code value} or {@code header}).
 * <b>Writing:</b> the schema must be {@code null} or of type BOOLEAN (optional or not); the value must be
 * of class {@code Boolean}, else a {@link io.connectsdk.api.errors.DataException} naming the topic. {@code null} is written as {@code null} (a tombstone).
 * <b>Reading:</b> returns {@link Schema#OPTIONAL_BOOLEAN_SCHEMA}; {@code null} bytes give a {@code null} value,
 * any length other than 1, or another byte, a {@code DataException}.
 *
 * <p>Thread-safe once configured (it keeps no state), although the runtime uses one instance per task.
 */
public class BooleanConverter extends FixedWidthConverter<Boolean> {
    /** Creates the converter; configure it before use. */
    public BooleanConverter() {
        super(Boolean.class, Schema.OPTIONAL_BOOLEAN_SCHEMA, 1);
    }

    @Override
    byte[] encode(Boolean value) {
        return new byte[] {value ? (byte) 1 : (byte) 0};
    }

    @Override
    Boolean decode(byte[] bytes) {
        return bytes[0] == 1 ? Boolean.TRUE : bytes[0] == 0 ? Boolean.FALSE : null;
    }
}
