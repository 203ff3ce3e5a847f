package io.connectsdk.builtins.converters;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.storage.ConverterType;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code converter.type} setting that every built-in converter understands, as in Kafka
 * Connect: {@code key}, {@code value} or {@code header}. {@code Converter.configure(map, isKey)} sets
 * it from {@code isKey}; {@code HeaderConverter.configure(map)} reads it and, unlike Kafka Connect
 * (where the worker always sets it), defaults to {@code header} when it is missing.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConverterTypes {
    /** The key naming how a converter instance is used: {@code key}, {@code value} or {@code header}. */
    public static final String TYPE_CONFIG = "converter.type";

    private ConverterTypes() {
    }

    /**
     * @return a new definition holding only {@value #TYPE_CONFIG} (no default: the runtime or
     *     {@code configure} sets it), to which a converter adds its own keys
     */
    public static ConfigDef newConfigDef() {
        return new ConfigDef().define(TYPE_CONFIG, ConfigDef.Type.STRING, null,
                ConfigDef.ValidString.in("key", "value", "header"), ConfigDef.Importance.LOW,
                "How this converter is used: key, value or header. Set by the runtime.");
    }

    /**
     * @param configs the converter's configuration, not {@code null}
     * @param isKey whether the converter converts keys
     * @return a copy of {@code configs} with {@value #TYPE_CONFIG} set to {@code key} or {@code value}
     */
    public static Map<String, Object> withType(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> copy = new HashMap<>(configs);
        copy.put(TYPE_CONFIG, isKey ? ConverterType.KEY.configName() : ConverterType.VALUE.configName());
        return copy;
    }

    /**
     * @param configs the converter's configuration, not {@code null}
     * @return the type named by {@value #TYPE_CONFIG}; {@link ConverterType#HEADER} when missing
     * @throws ConfigException naming {@value #TYPE_CONFIG} when the value is not one of the three
     */
    public static ConverterType typeOf(Map<String, ?> configs) {
        Object raw = configs.get(TYPE_CONFIG);
        if (raw == null) {
            return ConverterType.HEADER;
        }
        if (raw instanceof ConverterType) {
            return (ConverterType) raw;
        }
        String name = raw.toString().trim();
        for (ConverterType t : ConverterType.values()) {
            if (t.configName().equals(name)) {
                return t;
            }
        }
        throw new ConfigException(TYPE_CONFIG, raw, "must be one of key, value, header");
    }
}
