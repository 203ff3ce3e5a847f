package io.connectsdk.builtins.transforms.util;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;

/**
 * How a transform's field names are read (Kafka's KIP-821), set with
 * {@value #CONFIG} (default {@code V1}, case-insensitive).
 * <ul>
 *   <li>{@link #V1}: a field name is a top-level field, taken literally, dots included.</li>
 *   <li>{@link #V2}: a field name is a dotted path into nested structs or maps,
 *       {@code address.zip}; a step that itself contains dots is wrapped in backticks,
 *       {@code `foo.bar`.baz}; see {@link FieldPath}.</li>
 * </ul>
 */
public enum FieldSyntaxVersion {
    /** Top-level field names only. */
    V1,
    /** Dotted paths into nested data, with backtick quoting. */
    V2;

    /** The configuration key: {@value}. */
    public static final String CONFIG = "field.syntax.version";

    private static final String DOC = "How field names are read. V1: top-level field names, taken literally. "
            + "V2: dotted paths into nested structs and maps, e.g. address.zip; wrap a name that contains dots "
            + "in backticks, e.g. `foo.bar`.baz, and escape a backtick that ends a quoted name before a dot with a "
            + "backslash.";

    /**
     * Adds the {@value #CONFIG} key to {@code def}.
     *
     * @return {@code def}
     */
    public static ConfigDef define(ConfigDef def) {
        return def.define(CONFIG, ConfigDef.Type.STRING, V1.name(),
                ConfigDef.CaseInsensitiveValidString.in(V1.name(), V2.name()), ConfigDef.Importance.HIGH, DOC);
    }

    /**
     * @param value the configured value, any case
     * @return the version
     * @throws ConfigException naming {@value #CONFIG} if the value is not {@code V1} or {@code V2}
     */
    public static FieldSyntaxVersion parse(String value) {
        if (value != null) {
            for (FieldSyntaxVersion v : values()) {
                if (v.name().equalsIgnoreCase(value.trim())) {
                    return v;
                }
            }
        }
        throw new ConfigException(CONFIG, value, "must be V1 or V2 (case-insensitive)");
    }
}
