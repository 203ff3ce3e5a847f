package io.connectsdk.api.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A parsed configuration with typed getters. Plugins usually subclass it for their own typed
 * configuration:
 *
 * <pre>{@code
 * class MySourceConfig extends AbstractConfig {
 *     static final ConfigDef CONFIG = new ConfigDef()
 *         .define("topic", Type.STRING, Importance.HIGH, "Topic to write to.");
 *
 *     MySourceConfig(Map<String, ?> props) {
 *         super(CONFIG, props);
 *     }
 *
 *     String topic() {
 *         return getString("topic");
 *     }
 * }
 * }</pre>
 *
 * <p>It may also be used directly ({@code new AbstractConfig(def, props)}). Construct it in
 * {@code start(...)} or {@code configure(...)}; the {@link ConfigException} of an invalid
 * configuration then propagates to the runtime, which reports every error to the user.
 *
 * <p>Immutable apart from the record of read keys ({@link #unused()}); thread-safe.
 * {@link #toString()} shows {@link Password} values as {@value Password#HIDDEN}.
 */
public class AbstractConfig {
    private final ConfigDef definition;
    private final Map<String, Object> originals;
    private final Map<String, Object> values;
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    /**
     * Parses {@code originals} with {@code definition}.
     *
     * @param definition the keys; not {@code null}
     * @param originals the configuration as given: string keys, values as strings or already typed;
     *     not {@code null} (empty means nothing is set: defaults apply and required keys are
     *     missing). Keys that {@code definition} does not know are kept in {@link #originals()}. The
     *     map is copied
     * @throws ConfigException with every error of every key when the configuration is invalid, or
     *     when a key is not a string
     */
    public AbstractConfig(ConfigDef definition, Map<?, ?> originals) {
        this.definition = Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(originals, "originals");
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : originals.entrySet()) {
            if (!(entry.getKey() instanceof String)) {
                throw new ConfigException("Configuration key " + entry.getKey() + " is not a string");
            }
            copy.put((String) entry.getKey(), entry.getValue());
        }
        this.originals = Collections.unmodifiableMap(copy);
        this.values = definition.parse(this.originals);
    }

    /** @return the definition this configuration was parsed with */
    public ConfigDef definition() {
        return definition;
    }

    /**
     * @param key a defined key
     * @return its parsed value, of the key's {@link ConfigDef.Type}; {@code null} when not set and
     *     the default is {@code null}
     * @throws ConfigException when the key is not defined
     */
    public Object get(String key) {
        if (!values.containsKey(key)) {
            throw new ConfigException("Unknown configuration \"" + key + "\": it is not defined");
        }
        used.add(key);
        return values.get(key);
    }

    private Object get(String key, ConfigDef.Type expected) {
        Object value = get(key);
        ConfigDef.Type actual = definition.configKeys().get(key).type();
        if (actual != expected) {
            throw new ConfigException("Configuration \"" + key + "\" is of type " + actual + ", not " + expected);
        }
        return value;
    }

    /**
     * @param key a defined key of type {@link ConfigDef.Type#STRING}
     * @return its value; {@code null} when not set and the default is {@code null}
     * @throws ConfigException when the key is not defined or of another type
     */
    public String getString(String key) {
        return (String) get(key, ConfigDef.Type.STRING);
    }

    /**
     * @param key a defined key of type {@link ConfigDef.Type#INT}
     * @return its value; {@code null} when not set and the default is {@code null}
     * @throws ConfigException when the key is not defined or of another type
     */
    public Integer getInt(String key) {
        return (Integer) get(key, ConfigDef.Type.INT);
    }

    /**
     * @param key a defined key of type {@link ConfigDef.Type#SHORT}
     * @return its value; {@code null} when not set and the default is {@code null}
     * @throws ConfigException when the key is not defined or of another type
     */
    public Short getShort(String key) {
        return (Short) get(key, ConfigDef.Type.SHORT);
    }

    /**
     * @param key a defined key of type {@link ConfigDef.Type#LONG}
     * @return its value; {@code null} when not set and the default is {@code null}
     * @throws ConfigException when the key is not defined or of another type
     */
    public Long getLong(String key) {
        return (Long) get(key, ConfigDef.Type.LONG);
    }

    /**
     * @param key a defined key of type {@link ConfigDef.Type#DOUBLE}
     * @return its value; {@code null} when not set and the default is {@code null}
     * @throws ConfigException when the key is not defined or of another type
     */
    public Double getDouble(String key) {
        return (Double) get(key, ConfigDef.Type.DOUBLE);
    }

    /**
     * @param key a defined key of type {@link ConfigDef.Type#BOOLEAN}
     * @return its value; {@code null} when not set and the default is {@code null}
     * @throws ConfigException when the key is not defined or of another type
     */
    public Boolean getBoolean(String key) {
        return (Boolean) get(key, ConfigDef.Type.BOOLEAN);
    }

    /**
     * @param key a defined key of type {@link ConfigDef.Type#LIST}
     * @return its value, unmodifiable; {@code null} when not set and the default is {@code null}
     * @throws ConfigException when the key is not defined or of another type
     */
    @SuppressWarnings("unchecked")
    public List<String> getList(String key) {
        return (List<String>) get(key, ConfigDef.Type.LIST);
    }

    /**
     * @param key a defined key of type {@link ConfigDef.Type#CLASS}
     * @return its value (loaded, not initialized); {@code null} when not set and the default is
     *     {@code null}
     * @throws ConfigException when the key is not defined or of another type
     */
    public Class<?> getClass(String key) {
        return (Class<?>) get(key, ConfigDef.Type.CLASS);
    }

    /**
     * @param key a defined key of type {@link ConfigDef.Type#PASSWORD}
     * @return its value; {@code null} when not set and the default is {@code null}
     * @throws ConfigException when the key is not defined or of another type
     */
    public Password getPassword(String key) {
        return (Password) get(key, ConfigDef.Type.PASSWORD);
    }

    /**
     * @return the configuration as given to the constructor, including keys that are not defined
     *     (for example those of other components); unmodifiable
     */
    public Map<String, Object> originals() {
        return originals;
    }

    /**
     * @return {@link #originals()} with every value as a string: strings as they are, other values
     *     converted as {@link ConfigDef#convertToString} does (<b>a {@link Password} becomes its
     *     secret</b>; {@code null} stays {@code null}); a new, modifiable map
     */
    public Map<String, String> originalsStrings() {
        Map<String, String> strings = new LinkedHashMap<>();
        originals.forEach((k, v) -> strings.put(k, toStringValue(v)));
        return strings;
    }

    private static String toStringValue(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Password) {
            return ConfigDef.convertToString(value, ConfigDef.Type.PASSWORD);
        }
        if (value instanceof List) {
            return ConfigDef.convertToString(value, ConfigDef.Type.LIST);
        }
        if (value instanceof Class) {
            return ConfigDef.convertToString(value, ConfigDef.Type.CLASS);
        }
        return value.toString();
    }

    /**
     * Same as {@code originalsWithPrefix(prefix, true)}.
     *
     * @param prefix the prefix, for example {@code "transforms.mask."}; not {@code null}
     * @return the matching originals with the prefix removed from their keys
     */
    public Map<String, Object> originalsWithPrefix(String prefix) {
        return originalsWithPrefix(prefix, true);
    }

    /**
     * Selects the originals whose key starts with a prefix (and is longer than it), for passing on
     * to a nested component.
     *
     * @param prefix the prefix; not {@code null}
     * @param strip whether to remove the prefix from the keys
     * @return the matching originals, in order; a new, modifiable map
     */
    public Map<String, Object> originalsWithPrefix(String prefix, boolean strip) {
        Objects.requireNonNull(prefix, "prefix");
        Map<String, Object> result = new LinkedHashMap<>();
        originals.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.length() > prefix.length()) {
                result.put(strip ? k.substring(prefix.length()) : k, v);
            }
        });
        return result;
    }

    /**
     * @return the parsed value of every defined key (defaults applied), in definition order;
     *     unmodifiable. Does not mark keys as used
     */
    public Map<String, Object> values() {
        return values;
    }

    /**
     * @return the keys of {@link #originals()} that were never read through {@link #get(String)} or a
     *     typed getter, for example to warn about misspelt keys; a new set, in original order
     */
    public Set<String> unused() {
        Set<String> unused = new LinkedHashSet<>(originals.keySet());
        unused.removeAll(used);
        return unused;
    }

    /** @return the class name and the parsed values; a {@link Password} shows as {@value Password#HIDDEN} */
    @Override
    public String toString() {
        String simpleName = getClass().getSimpleName();
        return (simpleName.isEmpty() ? getClass().getName() : simpleName) + values;
    }
}
