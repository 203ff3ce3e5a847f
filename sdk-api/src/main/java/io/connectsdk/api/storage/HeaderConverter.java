package io.connectsdk.api.storage;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.plugin.Configurable;
import io.connectsdk.api.plugin.Versioned;
import java.io.Closeable;

/**
 * Translates between header values ({@link Schema} + value) and the bytes of Kafka record headers
 * ({@code header.converter}).
 *
 * <p><b>Lifecycle.</b> Constructed with the public no-argument constructor,
 * {@link #configure(java.util.Map)} once, conversions, then {@link #close()}.
 * <b>Threading.</b> One instance per task, called from the task's thread only.
 * <b>Errors.</b> {@link io.connectsdk.api.errors.DataException} naming the header key.
 * Register implementations in {@code META-INF/services/io.connectsdk.api.storage.HeaderConverter}.
 */
public interface HeaderConverter extends Configurable, Versioned, Closeable {
    /**
     * @param topic the record's topic, never {@code null}
     * @param headerKey the header's key, never {@code null}
     * @param value the header's bytes, may be {@code null}
     * @return schema and value; never {@code null} ({@link SchemaAndValue#NULL} for null input)
     */
    SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value);

    /**
     * @param topic the record's topic, never {@code null}
     * @param headerKey the header's key, never {@code null}
     * @param schema the value's schema, or {@code null} for schemaless values
     * @param value the value, may be {@code null}
     * @return the bytes, may be {@code null}
     */
    byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value);

    /** @return the definition of the converter's settings; the default defines none */
    default ConfigDef config() {
        return new ConfigDef();
    }

    /** Releases resources. Called once; the default does nothing. */
    @Override
    default void close() {
    }
}
