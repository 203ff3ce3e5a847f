package io.connectsdk.builtins.converters;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.storage.Converter;
import io.connectsdk.api.storage.ConverterType;
import io.connectsdk.api.storage.HeaderConverter;
import io.connectsdk.builtins.BuiltinVersion;
import java.util.Map;

/**
 * The shared part of the converters of one primitive type in a fixed number of big-endian bytes,
 * the formats of Kafka's own serializers. Writing accepts a {@code null} schema or one of the
 * converter's type (optional or not, any name) and a value of the exact Java class; reading
 * returns the optional schema of the type. {@code null} converts to {@code null} both ways.
 *
 * @param <T> the Java class of values
 */
abstract class FixedWidthConverter<T> implements Converter, HeaderConverter {
    private static final ConfigDef CONFIG_DEF = ConverterTypes.newConfigDef();

    private final Class<T> javaType;
    private final Schema.Type schemaType;
    private final Schema readSchema;
    private final int width;
    private ConverterType converterType = ConverterType.VALUE;

    FixedWidthConverter(Class<T> javaType, Schema readSchema, int width) {
        this.javaType = javaType;
        this.schemaType = readSchema.type();
        this.readSchema = readSchema;
        this.width = width;
    }

    /** @param value not {@code null} @return exactly {@code width} bytes */
    abstract byte[] encode(T value);

    /** @param bytes exactly {@code width} bytes @return the value; {@code null} when the bytes are invalid */
    abstract T decode(byte[] bytes);

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
        configure(ConverterTypes.withType(configs, isKey));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        converterType = ConverterTypes.typeOf(configs);
    }

    /** @return how this instance is used, from {@code converter.type} */
    ConverterType converterType() {
        return converterType;
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        return write(schema, value, topic, null);
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        return read(value, topic, null);
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        return write(schema, value, topic, headerKey);
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        return read(value, topic, headerKey);
    }

    @Override
    public void close() {
    }

    private byte[] write(Schema schema, Object value, String topic, String headerKey) {
        if (schema != null && schema.type() != schemaType) {
            throw new DataException(getClass().getSimpleName() + " cannot write " + where(topic, headerKey)
                    + ": the schema is " + schema.type() + ", expected " + schemaType + " or no schema");
        }
        if (value == null) {
            return null;
        }
        if (!javaType.isInstance(value)) {
            throw new DataException(getClass().getSimpleName() + " cannot write " + where(topic, headerKey)
                    + ": expected a " + javaType.getName() + " (" + schemaType + "), got a " + value.getClass().getName());
        }
        return encode(javaType.cast(value));
    }

    private SchemaAndValue read(byte[] bytes, String topic, String headerKey) {
        if (bytes == null) {
            return new SchemaAndValue(readSchema, null);
        }
        if (bytes.length != width) {
            throw new DataException(getClass().getSimpleName() + " cannot read " + where(topic, headerKey)
                    + ": expected " + width + (width == 1 ? " byte" : " bytes") + ", got " + bytes.length);
        }
        T decoded = decode(bytes);
        if (decoded == null) {
            throw new DataException(getClass().getSimpleName() + " cannot read " + where(topic, headerKey)
                    + ": invalid byte 0x" + String.format("%02x", bytes[0] & 0xff));
        }
        return new SchemaAndValue(readSchema, decoded);
    }

    static String where(String topic, String headerKey) {
        return headerKey == null ? "data of topic '" + topic + "'"
                : "header '" + headerKey + "' of topic '" + topic + "'";
    }

    static long readLong(byte[] b, int width) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }

    static byte[] writeLong(long v, int width) {
        byte[] b = new byte[width];
        for (int i = width - 1; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }
}
