package io.connectsdk.builtins.transforms;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.header.Headers;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.builtins.BuiltinVersion;
import io.connectsdk.builtins.values.Values;
import java.util.Map;

/**
 * Adds a header with a fixed value to every record; Kafka Connect's {@code InsertHeader}.
 *
 * <p>Configuration:
 * <ul>
 *   <li>{@code header} (required): the header key.</li>
 *   <li>{@code value.literal} (required): the value, in the text form of Connect values, parsed
 *       as Kafka Connect's {@code Values.parseString} does ({@code 42} is an {@code INT8},
 *       {@code true} a {@code BOOLEAN}, {@code [1,2]} an array, anything unparseable a
 *       {@code STRING}); see {@link Values#parseString(String)}.</li>
 * </ul>
 *
 * <p>Behaviour: the header is added after the existing ones (an existing header with the same key
 * is kept); the input record is not modified (the result is a copy).
 *
 * <p>Thread-safety: one instance per task, called from that task's thread.
 *
 * @param <R> the record type
 */
public class InsertHeader<R extends ConnectRecord<R>> implements Transform<R> {
    /** Key: the header key. */
    public static final String HEADER_CONFIG = "header";
    /** Key: the header value, as text. */
    public static final String VALUE_LITERAL_CONFIG = "value.literal";

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(HEADER_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonNullValidator(),
                    ConfigDef.Importance.HIGH, "The key of the header.")
            .define(VALUE_LITERAL_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonNullValidator(),
                    ConfigDef.Importance.HIGH, "The value of the header, in Connect's text form; its type is inferred.");

    private String header;
    private SchemaAndValue literal;

    /** Creates the transform; configure it before use. */
    public InsertHeader() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, configs);
        header = config.getString(HEADER_CONFIG);
        String text = config.getString(VALUE_LITERAL_CONFIG);
        try {
            literal = Values.parseString(text);
        } catch (DataException e) {
            throw new ConfigException(VALUE_LITERAL_CONFIG, text, "cannot be parsed as a Connect value: " + e.getMessage());
        }
    }

    @Override
    public R apply(R record) {
        Headers headers = record.headers().duplicate();
        headers.add(header, literal);
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value(), record.timestamp(), headers);
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
    }

    @Override
    public String version() {
        return BuiltinVersion.VERSION;
    }
}
