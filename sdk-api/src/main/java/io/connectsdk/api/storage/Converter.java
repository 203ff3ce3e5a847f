package io.connectsdk.api.storage;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.header.Headers;
import io.connectsdk.api.plugin.Versioned;
import java.io.Closeable;
import java.util.Map;

/**
 * Translates between connect-sdk's data ({@link Schema} + value) and the bytes stored in Kafka,
 * for record keys or values ({@code key.converter}, {@code value.converter}).
 *
 * <p><b>Lifecycle.</b> Constructed with the public no-argument constructor, then
 * {@link #configure(Map, boolean)} once, then any number of conversions, then {@link #close()}.
 *
 * <p><b>Threading.</b> One instance belongs to one task and is called from that task's thread
 * only; it need not be thread-safe.
 *
 * <p><b>Errors.</b> Data that cannot be converted gives a
 * {@link io.connectsdk.api.errors.DataException} naming the topic; the runtime then applies the
 * connector's {@code errors.tolerance}. Register implementations in
 * {@code META-INF/services/io.connectsdk.api.storage.Converter}.
 */
public interface Converter extends Versioned, Closeable {
    /**
     * Configures the converter.
     *
     * @param configs the settings with the {@code key.converter.}/{@code value.converter.} prefix
     *     removed (for example {@code schemas.enable}), never {@code null}
     * @param isKey {@code true} when converting keys, {@code false} for values
     */
    void configure(Map<String, ?> configs, boolean isKey);

    /**
     * Serializes a value.
     *
     * @param topic the topic the bytes go to, never {@code null}
     * @param schema the value's schema, or {@code null} for schemaless data
     * @param value the value, may be {@code null}
     * @return the bytes; {@code null} for a {@code null} value (a tombstone) unless the format
     *     says otherwise
     */
    byte[] fromConnectData(String topic, Schema schema, Object value);

    /**
     * Serializes a value, with access to the record's headers (for formats that put schema ids
     * there). The default ignores the headers.
     *
     * @param topic the topic, never {@code null}
     * @param headers the record's headers, mutable, never {@code null}
     * @param schema the value's schema, or {@code null}
     * @param value the value, may be {@code null}
     * @return the bytes, may be {@code null}
     */
    default byte[] fromConnectData(String topic, Headers headers, Schema schema, Object value) {
        return fromConnectData(topic, schema, value);
    }

    /**
     * Deserializes bytes read from Kafka.
     *
     * @param topic the topic the bytes come from, never {@code null}
     * @param value the bytes, may be {@code null} (a tombstone)
     * @return schema and value; {@link SchemaAndValue#NULL} or a null value for {@code null}
     *     input; never {@code null}
     */
    SchemaAndValue toConnectData(String topic, byte[] value);

    /**
     * Deserializes bytes, with access to the record's headers. The default ignores the headers.
     *
     * @param topic the topic, never {@code null}
     * @param headers the record's headers, never {@code null}
     * @param value the bytes, may be {@code null}
     * @return schema and value, never {@code null}
     */
    default SchemaAndValue toConnectData(String topic, Headers headers, byte[] value) {
        return toConnectData(topic, value);
    }

    /** @return the definition of the converter's settings; the default defines none */
    default ConfigDef config() {
        return new ConfigDef();
    }

    /** Releases resources. Called once; the default does nothing. */
    @Override
    default void close() {
    }
}
