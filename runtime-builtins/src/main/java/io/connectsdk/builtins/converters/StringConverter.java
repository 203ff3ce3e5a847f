package io.connectsdk.builtins.converters;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.storage.Converter;
import io.connectsdk.api.storage.ConverterType;
import io.connectsdk.api.storage.HeaderConverter;
import io.connectsdk.builtins.BuiltinVersion;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Converts values to and from their text in a character set; wire-compatible with Kafka Connect's
 * {@code org.apache.kafka.connect.storage.StringConverter}. Usable as key, value and header
 * converter.
 *
 * <p><b>Settings</b> (with the same precedence as Kafka Connect):
 * <ul>
 *   <li>{@code converter.encoding} (default {@code UTF-8}): the Java character set;</li>
 *   <li>{@code key.serializer.encoding} / {@code value.serializer.encoding} (by {@code isKey};
 *       {@code value.*} for headers) override it for writing, and
 *       {@code key.deserializer.encoding} / {@code value.deserializer.encoding} for reading;</li>
 *   <li>{@code converter.type}: {@code key}, {@code value} or {@code header}.</li>
 * </ul>
 * An unknown character set is a {@link ConfigException} naming the key that set it.
 *
 * <p><b>Writing:</b> any value as its {@code toString()} (the schema is not looked at);
 * {@code null} stays {@code null}. <b>Reading:</b> returns {@link Schema#OPTIONAL_STRING_SCHEMA}
 * and the decoded text; malformed input is replaced (never an error), as {@link String} does.
 *
 * <p>Thread-safe once configured, although the runtime uses one instance per task.
 */
public class StringConverter implements Converter, HeaderConverter {
    /** The character set setting. */
    public static final String ENCODING_CONFIG = "converter.encoding";
    /** The default character set name. */
    public static final String ENCODING_DEFAULT = StandardCharsets.UTF_8.name();

    private static final ConfigDef CONFIG_DEF = ConverterTypes.newConfigDef()
            .define(ENCODING_CONFIG, ConfigDef.Type.STRING, ENCODING_DEFAULT, ConfigDef.Importance.HIGH,
                    "The name of the Java character set to use for encoding strings as byte arrays.");

    private Charset writeCharset = StandardCharsets.UTF_8;
    private Charset readCharset = StandardCharsets.UTF_8;

    /** Creates the converter; configure it before use (unconfigured, it uses UTF-8). */
    public StringConverter() {
    }

    @Override
    public String version() {
        return BuiltinVersion.VERSION;
    }

    /** @return the definition of {@code converter.encoding} and {@code converter.type} */
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
        ConverterType type = ConverterTypes.typeOf(configs);
        String prefix = type == ConverterType.KEY ? "key." : "value.";
        Object base = configs.get(ENCODING_CONFIG);
        String baseKey = ENCODING_CONFIG;
        if (base == null) {
            base = ENCODING_DEFAULT;
        } else if (!(base instanceof String)) {
            throw new ConfigException(ENCODING_CONFIG, base, "must be the name of a character set");
        }
        writeCharset = charset(configs, prefix + "serializer.encoding", baseKey, (String) base);
        readCharset = charset(configs, prefix + "deserializer.encoding", baseKey, (String) base);
    }

    private static Charset charset(Map<String, ?> configs, String overrideKey, String baseKey, String base) {
        Object override = configs.get(overrideKey);
        String key = override instanceof String ? overrideKey : baseKey;
        String name = override instanceof String ? (String) override : base;
        try {
            return Charset.forName(name.trim());
        } catch (IllegalArgumentException e) { // illegal or unsupported name
            throw new ConfigException(key, name, "not a character set this JVM supports");
        }
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        return value == null ? null : value.toString().getBytes(writeCharset);
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, value == null ? null : new String(value, readCharset));
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        return fromConnectData(topic, schema, value);
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        return toConnectData(topic, value);
    }

    @Override
    public void close() {
    }
}
