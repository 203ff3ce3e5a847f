package io.connectsdk.builtins.converters;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.storage.HeaderConverter;
import io.connectsdk.builtins.BuiltinVersion;
import io.connectsdk.builtins.values.Values;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Stores header values as UTF-8 text and infers their schema when reading them back;
 * wire-compatible with Kafka Connect's {@code org.apache.kafka.connect.storage.SimpleHeaderConverter}
 * (the runtime's default header converter).
 *
 * <p><b>Settings:</b> none. <b>Writing:</b> the text of {@link Values#convertToString(Schema, Object)}
 * (the schema is not written); {@code null} stays {@code null}. <b>Reading:</b>
 * {@link Values#parseString(String)}: booleans, the smallest fitting integer type, floats, ISO
 * dates/times/timestamps, lists {@code [..]}, maps {@code {..}}, else the text as STRING;
 * {@code null} bytes give {@link SchemaAndValue#NULL}. Should parsing fail unexpectedly, the raw
 * bytes are returned with {@link Schema#BYTES_SCHEMA}, as Kafka Connect does. See {@link Values}
 * for the few deliberate differences from Kafka Connect.
 *
 * <p>Stateless and thread-safe.
 */
public class SimpleHeaderConverter implements HeaderConverter {
    private static final ConfigDef CONFIG_DEF = new ConfigDef();

    /** Creates the converter. */
    public SimpleHeaderConverter() {
    }

    @Override
    public String version() {
        return BuiltinVersion.VERSION;
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        String text = new String(value, StandardCharsets.UTF_8);
        try {
            return Values.parseString(text);
        } catch (RuntimeException | StackOverflowError e) {
            // Kafka Connect falls back to the raw bytes too
            return new SchemaAndValue(Schema.BYTES_SCHEMA, value);
        }
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Values.convertToString(schema, value).getBytes(StandardCharsets.UTF_8);
        } catch (DataException e) {
            throw new DataException("SimpleHeaderConverter cannot write header '" + headerKey + "' of topic '"
                    + topic + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
    }
}
