package io.connectsdk.builtins.converters;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.storage.Converter;
import io.connectsdk.api.storage.HeaderConverter;
import io.connectsdk.builtins.BuiltinVersion;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Passes bytes through unchanged; wire-compatible with Kafka Connect's
 * {@code org.apache.kafka.connect.converters.ByteArrayConverter}. Usable as key, value and header
 * converter.
 *
 * <p><b>Settings:</b> none ({@code converter.type} is accepted and ignored).
 * <b>Writing:</b> the schema must be {@code null} or of type BYTES (optional or not); the value a
 * {@code byte[]} (returned as is, not copied) or a {@link ByteBuffer} (its bytes from the start to
 * its limit, as Kafka Connect does; the buffer's position is left unchanged), else a
 * {@link DataException} naming the topic. {@code null} stays {@code null}.
 * <b>Reading:</b> returns {@link Schema#OPTIONAL_BYTES_SCHEMA} and the bytes as given.
 *
 * <p>Stateless and thread-safe.
 */
public class ByteArrayConverter implements Converter, HeaderConverter {
    private static final ConfigDef CONFIG_DEF = ConverterTypes.newConfigDef();

    /** Creates the converter. */
    public ByteArrayConverter() {
    }

    @Override
    public String version() {
        return BuiltinVersion.VERSION;
    }

    /** @return the definition of {@code converter.type}, the only setting */
    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        return write(schema, value, topic, null);
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        return new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, value);
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        return write(schema, value, topic, headerKey);
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        return toConnectData(topic, value);
    }

    @Override
    public void close() {
    }

    private static byte[] write(Schema schema, Object value, String topic, String headerKey) {
        if (schema != null && schema.type() != Schema.Type.BYTES) {
            throw new DataException("ByteArrayConverter cannot write " + FixedWidthConverter.where(topic, headerKey)
                    + ": the schema is " + schema.type() + ", expected BYTES or no schema");
        }
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof ByteBuffer) {
            ByteBuffer buffer = ((ByteBuffer) value).duplicate();
            buffer.rewind();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        throw new DataException("ByteArrayConverter cannot write " + FixedWidthConverter.where(topic, headerKey)
                + ": expected a byte[] or ByteBuffer, got a " + value.getClass().getName());
    }
}
