package io.connectsdk.builtins.json;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.storage.ConverterType;
import io.connectsdk.builtins.converters.ConverterTypes;
import java.util.Locale;
import java.util.Map;

/**
 * The settings of {@link JsonConverter}; the same keys, defaults and meanings as Kafka Connect's
 * {@code JsonConverterConfig}:
 * <ul>
 *   <li>{@value #SCHEMAS_ENABLE_CONFIG} (boolean, default {@code true}): write and expect the
 *       {@code {"schema":...,"payload":...}} envelope;</li>
 *   <li>{@value #SCHEMAS_CACHE_SIZE_CONFIG} (int, default 1000): how many schemas are kept in
 *       each direction (0 or less: none);</li>
 *   <li>{@value #SCHEMA_CONTENT_CONFIG} (string, default none): with schemas enabled, the JSON
 *       schema of every record, whose bytes are then the payload alone (reading only);</li>
 *   <li>{@value #DECIMAL_FORMAT_CONFIG} ({@code BASE64} (default) or {@code NUMERIC}, any case);</li>
 *   <li>{@value #REPLACE_NULL_WITH_DEFAULT_CONFIG} (boolean, default {@code true}): write and read
 *       a {@code null} that has a schema default as the default;</li>
 *   <li>{@code converter.type} ({@code key}, {@code value}, {@code header}).</li>
 * </ul>
 * Bad values are reported as a {@link io.connectsdk.api.config.ConfigException} naming the key.
 * Immutable and thread-safe.
 */
public final class JsonConverterConfig extends AbstractConfig {
    /** Whether records carry their schema in an envelope. */
    public static final String SCHEMAS_ENABLE_CONFIG = "schemas.enable";
    /** Default of {@value #SCHEMAS_ENABLE_CONFIG}. */
    public static final boolean SCHEMAS_ENABLE_DEFAULT = true;
    /** The size of each schema cache. */
    public static final String SCHEMAS_CACHE_SIZE_CONFIG = "schemas.cache.size";
    /** Default of {@value #SCHEMAS_CACHE_SIZE_CONFIG}. */
    public static final int SCHEMAS_CACHE_SIZE_DEFAULT = 1000;
    /** A fixed JSON schema for reading envelope-less records. */
    public static final String SCHEMA_CONTENT_CONFIG = "schema.content";
    /** How decimals are written. */
    public static final String DECIMAL_FORMAT_CONFIG = "decimal.format";
    /** Default of {@value #DECIMAL_FORMAT_CONFIG}. */
    public static final String DECIMAL_FORMAT_DEFAULT = DecimalFormat.BASE64.name();
    /** Whether a {@code null} with a schema default is converted as the default. */
    public static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";
    /** Default of {@value #REPLACE_NULL_WITH_DEFAULT_CONFIG}. */
    public static final boolean REPLACE_NULL_WITH_DEFAULT_DEFAULT = true;

    private static final ConfigDef CONFIG_DEF = ConverterTypes.newConfigDef()
            .define(SCHEMAS_ENABLE_CONFIG, ConfigDef.Type.BOOLEAN, SCHEMAS_ENABLE_DEFAULT, null,
                    ConfigDef.Importance.HIGH, "Include schemas within each of the serialized values and keys.",
                    "Schemas", 1, ConfigDef.Width.MEDIUM, "Enable Schemas")
            .define(SCHEMAS_CACHE_SIZE_CONFIG, ConfigDef.Type.INT, SCHEMAS_CACHE_SIZE_DEFAULT, null,
                    ConfigDef.Importance.HIGH, "The maximum number of schemas that can be cached in this converter instance.",
                    "Schemas", 2, ConfigDef.Width.MEDIUM, "Schema Cache Size")
            .define(SCHEMA_CONTENT_CONFIG, ConfigDef.Type.STRING, null, null, ConfigDef.Importance.HIGH,
                    "When set (and schemas.enable is true), this JSON schema is used for every record, whose bytes "
                            + "are then the payload alone, without an envelope. Only affects reading (sinks).",
                    "Schemas", 3, ConfigDef.Width.MEDIUM, "Schema Content")
            .define(DECIMAL_FORMAT_CONFIG, ConfigDef.Type.STRING, DECIMAL_FORMAT_DEFAULT,
                    ConfigDef.CaseInsensitiveValidString.in(DecimalFormat.BASE64.name(), DecimalFormat.NUMERIC.name()),
                    ConfigDef.Importance.LOW, "Controls which format this converter will serialize decimals in. "
                            + "Case insensitive: BASE64 (default) or NUMERIC.",
                    "Serialization", 1, ConfigDef.Width.MEDIUM, "Decimal Format")
            .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, REPLACE_NULL_WITH_DEFAULT_DEFAULT, null,
                    ConfigDef.Importance.LOW, "Whether to replace fields that have a default value and that are null "
                            + "with the default value. When false, null is used.",
                    "Serialization", 2, ConfigDef.Width.MEDIUM, "Replace null with default");

    private final ConverterType type;
    private final boolean schemasEnabled;
    private final int schemaCacheSize;
    private final String schemaContent;
    private final DecimalFormat decimalFormat;
    private final boolean replaceNullWithDefault;

    /**
     * @param configs the converter's settings, not {@code null}
     * @throws io.connectsdk.api.config.ConfigException naming each bad key
     */
    public JsonConverterConfig(Map<String, ?> configs) {
        super(CONFIG_DEF, configs);
        this.type = ConverterTypes.typeOf(values());
        this.schemasEnabled = getBoolean(SCHEMAS_ENABLE_CONFIG);
        this.schemaCacheSize = getInt(SCHEMAS_CACHE_SIZE_CONFIG);
        String content = getString(SCHEMA_CONTENT_CONFIG);
        this.schemaContent = content == null || content.isEmpty() ? null : content;
        this.decimalFormat = DecimalFormat.valueOf(getString(DECIMAL_FORMAT_CONFIG).toUpperCase(Locale.ROOT));
        this.replaceNullWithDefault = getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
    }

    /** @return the definition of every key, shared; do not modify */
    public static ConfigDef configDef() {
        return CONFIG_DEF;
    }

    /** @return how the converter is used ({@link ConverterType#HEADER} when not set) */
    public ConverterType type() {
        return type;
    }

    /** @return {@value #SCHEMAS_ENABLE_CONFIG} */
    public boolean schemasEnabled() {
        return schemasEnabled;
    }

    /** @return {@value #SCHEMAS_CACHE_SIZE_CONFIG} */
    public int schemaCacheSize() {
        return schemaCacheSize;
    }

    /** @return {@value #SCHEMA_CONTENT_CONFIG}, or {@code null} when not set or empty */
    public String schemaContent() {
        return schemaContent;
    }

    /** @return {@value #DECIMAL_FORMAT_CONFIG} */
    public DecimalFormat decimalFormat() {
        return decimalFormat;
    }

    /** @return {@value #REPLACE_NULL_WITH_DEFAULT_CONFIG} */
    public boolean replaceNullWithDefault() {
        return replaceNullWithDefault;
    }
}
