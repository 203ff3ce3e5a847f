package io.connectsdk.api.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The definition of a plugin's configuration: its keys, each with a {@link Type}, a default (or
 * none, making the key required), an optional {@link Validator} and {@link Recommender}, an
 * {@link Importance}, documentation and display metadata (group, order in group, {@link Width},
 * display name, dependents).
 *
 * <p>One definition drives everything: {@link #parse(Map)} turns the user's (usually string)
 * properties into typed values or throws one {@link ConfigException} listing every error;
 * {@link #validate(Map)} reports the same errors per key without throwing (the REST validate
 * endpoint and {@code connect-sdk validate}); {@link #toMarkdown()} renders the reference
 * documentation; {@link AbstractConfig} wraps the parsed values in typed getters.
 *
 * <pre>{@code
 * static final ConfigDef CONFIG = new ConfigDef()
 *     .define("topic", Type.STRING, Importance.HIGH, "Topic to write to.")
 *     .define("batch.size", Type.INT, 100, Range.between(1, 10_000), Importance.MEDIUM,
 *             "Largest number of records returned by one poll.")
 *     .define(ConfigDef.key("mode").type(Type.STRING).defaultValue("bulk")
 *             .validator(ValidString.in("bulk", "incremental")).importance(Importance.HIGH)
 *             .doc("How rows are read.").group("Source").build());
 * }</pre>
 *
 * <p><b>Lifecycle and threads.</b> Define every key once, typically in a static initializer, and
 * then only read the definition. Definition ({@code define}) is not thread-safe; once it is over,
 * {@code parse}, {@code validate} and the other read methods may be called from any thread
 * concurrently (the runtime calls them from REST threads as well as connector and task threads).
 *
 * <p><b>Values.</b> A value of {@code null} in the properties, like a missing key, means "not set":
 * the default applies, or the key is reported as missing when it is required. Strings are trimmed
 * before parsing (as Kafka Connect does). Validators are called with the parsed value, which is
 * {@code null} only when the key is not set and its default is {@code null}; the built-in
 * validators accept {@code null} except {@link NonNullValidator}.
 *
 * <p><b>Secrets.</b> Values of type {@link Type#PASSWORD} are parsed to {@link Password} and appear
 * as {@value Password#HIDDEN} in every message, {@code toString()} and generated document.
 */
public class ConfigDef {

    /**
     * The default value of a required key: a key with this default must be set by the user.
     * Compared by identity.
     */
    public static final Object NO_DEFAULT_VALUE = new Object() {
        @Override
        public String toString() {
            return "<no default value>";
        }
    };

    private static final Pattern COMMA_WITH_WHITESPACE = Pattern.compile("\\s*,\\s*");

    private final Map<String, ConfigKey> configKeys = new LinkedHashMap<>();
    private final List<String> groups = new ArrayList<>();

    /** Creates an empty definition. */
    public ConfigDef() {
    }

    /**
     * Creates a definition holding every key of {@code base} (in its order); keys defined on the new
     * one afterwards do not change {@code base}.
     *
     * @param base the definition to start from; not {@code null}
     */
    public ConfigDef(ConfigDef base) {
        Objects.requireNonNull(base, "base");
        configKeys.putAll(base.configKeys);
        groups.addAll(base.groups);
    }

    /**
     * Starts the definition of one key, to be completed fluently and passed to
     * {@link #define(ConfigKey.Builder)}. The key is required (no default), of importance
     * {@link Importance#MEDIUM} and width {@link Width#NONE} unless told otherwise; its type must be
     * set.
     *
     * @param name the key, for example {@code "batch.size"}; not {@code null} or blank
     * @return a new builder
     */
    public static ConfigKey.Builder key(String name) {
        return new ConfigKey.Builder(name);
    }

    // ------------------------------------------------------------------------------------------
    // Definition

    /**
     * Adds a key. When the key has a group but no order in it (a negative order), it gets the next
     * order of that group (1, 2, ...).
     *
     * @param key the key; not {@code null}
     * @return this definition
     * @throws IllegalArgumentException when a key of that name is already defined
     */
    public ConfigDef define(ConfigKey key) {
        Objects.requireNonNull(key, "key");
        if (configKeys.containsKey(key.name())) {
            throw new IllegalArgumentException("Configuration key \"" + key.name() + "\" is defined twice");
        }
        ConfigKey toAdd = key;
        if (key.group() != null) {
            if (!groups.contains(key.group())) {
                groups.add(key.group());
            }
            if (key.orderInGroup() < 0) {
                int order = 1;
                for (ConfigKey k : configKeys.values()) {
                    if (key.group().equals(k.group())) {
                        order = Math.max(order, k.orderInGroup() + 1);
                    }
                }
                toAdd = key.withOrderInGroup(order);
            }
        }
        configKeys.put(toAdd.name(), toAdd);
        return this;
    }

    /**
     * Adds the key that {@code builder} describes ({@link ConfigKey.Builder#build()} is called).
     *
     * @param builder the key's builder, from {@link #key(String)}; not {@code null}
     * @return this definition
     * @throws IllegalArgumentException when a key of that name is already defined or the builder is
     *     incomplete
     * @throws ConfigException when the default value does not parse or is rejected by the validator
     */
    public ConfigDef define(ConfigKey.Builder builder) {
        return define(Objects.requireNonNull(builder, "builder").build());
    }

    /**
     * Adds a key with every attribute.
     *
     * @param name the key; not {@code null} or blank
     * @param type its type; not {@code null}
     * @param defaultValue its default, either already typed or as a string to parse; {@code null} for
     *     no value, {@link #NO_DEFAULT_VALUE} for a required key
     * @param validator checks the parsed value; {@code null} for none
     * @param importance how much the user should care; not {@code null}
     * @param documentation what the key means, for users; {@code null} leaves it undocumented
     * @param group the group the key is shown in; {@code null} for none
     * @param orderInGroup the key's position in its group (1-based; negative: next free)
     * @param width how wide the value's input field should be; {@code null} means {@link Width#NONE}
     * @param displayName the label shown for the key; {@code null} means the key's name
     * @param dependents keys whose recommendations or visibility depend on this key's value;
     *     {@code null} for none
     * @param recommender suggests values and visibility; {@code null} for none
     * @return this definition
     * @throws IllegalArgumentException when the key is already defined or a required argument is
     *     missing
     * @throws ConfigException when the default value does not parse or is rejected by the validator
     */
    public ConfigDef define(String name, Type type, Object defaultValue, Validator validator, Importance importance,
            String documentation, String group, int orderInGroup, Width width, String displayName,
            List<String> dependents, Recommender recommender) {
        return define(key(name).type(type).defaultValue(defaultValue).validator(validator).importance(importance)
                .doc(documentation).group(group).orderInGroup(orderInGroup).width(width).displayName(displayName)
                .dependents(dependents).recommender(recommender));
    }

    /**
     * Adds a key with a validator and display metadata; see
     * {@link #define(String, Type, Object, Validator, Importance, String, String, int, Width, String, List, Recommender)}.
     *
     * @param name the key; not {@code null} or blank
     * @param type its type; not {@code null}
     * @param defaultValue its default (typed or a string); {@code null} for no value
     * @param validator checks the parsed value; {@code null} for none
     * @param importance how much the user should care; not {@code null}
     * @param documentation what the key means; {@code null} leaves it undocumented
     * @param group its group; {@code null} for none
     * @param orderInGroup its 1-based position in the group (negative: next free)
     * @param width its width hint; {@code null} means {@link Width#NONE}
     * @param displayName its label; {@code null} means the name
     * @return this definition
     * @throws IllegalArgumentException when the key is already defined or an argument is missing
     * @throws ConfigException when the default value is invalid
     */
    public ConfigDef define(String name, Type type, Object defaultValue, Validator validator, Importance importance,
            String documentation, String group, int orderInGroup, Width width, String displayName) {
        return define(name, type, defaultValue, validator, importance, documentation, group, orderInGroup, width,
                displayName, null, null);
    }

    /**
     * Adds a key with display metadata and no validator; see
     * {@link #define(String, Type, Object, Validator, Importance, String, String, int, Width, String, List, Recommender)}.
     *
     * @param name the key; not {@code null} or blank
     * @param type its type; not {@code null}
     * @param defaultValue its default (typed or a string); {@code null} for no value
     * @param importance how much the user should care; not {@code null}
     * @param documentation what the key means; {@code null} leaves it undocumented
     * @param group its group; {@code null} for none
     * @param orderInGroup its 1-based position in the group (negative: next free)
     * @param width its width hint; {@code null} means {@link Width#NONE}
     * @param displayName its label; {@code null} means the name
     * @return this definition
     * @throws IllegalArgumentException when the key is already defined or an argument is missing
     * @throws ConfigException when the default value is invalid
     */
    public ConfigDef define(String name, Type type, Object defaultValue, Importance importance, String documentation,
            String group, int orderInGroup, Width width, String displayName) {
        return define(name, type, defaultValue, null, importance, documentation, group, orderInGroup, width,
                displayName, null, null);
    }

    /**
     * Adds a key with a default and a validator; see
     * {@link #define(String, Type, Object, Validator, Importance, String, String, int, Width, String, List, Recommender)}.
     *
     * @param name the key; not {@code null} or blank
     * @param type its type; not {@code null}
     * @param defaultValue its default (typed or a string); {@code null} for no value
     * @param validator checks the parsed value; {@code null} for none
     * @param importance how much the user should care; not {@code null}
     * @param documentation what the key means; {@code null} leaves it undocumented
     * @return this definition
     * @throws IllegalArgumentException when the key is already defined or an argument is missing
     * @throws ConfigException when the default value is invalid
     */
    public ConfigDef define(String name, Type type, Object defaultValue, Validator validator, Importance importance,
            String documentation) {
        return define(name, type, defaultValue, validator, importance, documentation, null, -1, null, null, null,
                null);
    }

    /**
     * Adds a key with a default; see
     * {@link #define(String, Type, Object, Validator, Importance, String, String, int, Width, String, List, Recommender)}.
     *
     * @param name the key; not {@code null} or blank
     * @param type its type; not {@code null}
     * @param defaultValue its default (typed or a string); {@code null} for no value
     * @param importance how much the user should care; not {@code null}
     * @param documentation what the key means; {@code null} leaves it undocumented
     * @return this definition
     * @throws IllegalArgumentException when the key is already defined or an argument is missing
     * @throws ConfigException when the default value is invalid
     */
    public ConfigDef define(String name, Type type, Object defaultValue, Importance importance, String documentation) {
        return define(name, type, defaultValue, null, importance, documentation);
    }

    /**
     * Adds a required key (one with no default); see
     * {@link #define(String, Type, Object, Validator, Importance, String, String, int, Width, String, List, Recommender)}.
     *
     * @param name the key; not {@code null} or blank
     * @param type its type; not {@code null}
     * @param importance how much the user should care; not {@code null}
     * @param documentation what the key means; {@code null} leaves it undocumented
     * @return this definition
     * @throws IllegalArgumentException when the key is already defined or an argument is missing
     */
    public ConfigDef define(String name, Type type, Importance importance, String documentation) {
        return define(name, type, NO_DEFAULT_VALUE, null, importance, documentation);
    }

    // ------------------------------------------------------------------------------------------
    // Reading the definition

    /** @return every key by name, in definition order; unmodifiable view, never {@code null} */
    public Map<String, ConfigKey> configKeys() {
        return Collections.unmodifiableMap(configKeys);
    }

    /** @return the names of every key, in definition order; unmodifiable view */
    public Set<String> names() {
        return Collections.unmodifiableSet(configKeys.keySet());
    }

    /** @return the groups, in the order their first key was defined; unmodifiable view */
    public List<String> groups() {
        return Collections.unmodifiableList(groups);
    }

    /**
     * @param name a key; {@code null} finds nothing
     * @return the key's definition, or empty when it is not defined
     */
    public Optional<ConfigKey> find(String name) {
        return Optional.ofNullable(name == null ? null : configKeys.get(name));
    }

    /**
     * @return the (parsed) default of every key that has one, in definition order; a key whose
     *     default is {@code null} maps to {@code null}; unmodifiable
     */
    public Map<String, Object> defaultValues() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (ConfigKey key : configKeys.values()) {
            if (key.hasDefault()) {
                defaults.put(key.name(), key.defaultValue());
            }
        }
        return Collections.unmodifiableMap(defaults);
    }

    // ------------------------------------------------------------------------------------------
    // Parsing and validation

    /**
     * Parses and validates a configuration. Every defined key is handled: a set value is parsed to
     * its type and checked by the key's validator; an unset key takes its default; an unset
     * required key is an error. Keys that are not defined are ignored (see
     * {@link #unknownKeys(Map, String...)}). Recommenders are not consulted.
     *
     * @param props the configuration, values as strings or already typed (see {@link Type}); not
     *     {@code null}. A {@code null} value means "not set"
     * @return the parsed value of every defined key (possibly {@code null}), in definition order;
     *     unmodifiable
     * @throws ConfigException when any value is missing or invalid; it lists every error of every
     *     key in {@link ConfigException#errors()}, and the caller should report it to the user as
     *     a whole
     */
    public Map<String, Object> parse(Map<String, ?> props) {
        Objects.requireNonNull(props, "props");
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Map<String, Object> parsed = parseAll(props, errors);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return Collections.unmodifiableMap(parsed);
    }

    /**
     * Checks a configuration without throwing for bad values: one {@link ConfigValue} per defined
     * key, in definition order, with the parsed value ({@code null} when it did not parse), every
     * error message (the same ones {@link #parse(Map)} reports) and, for keys with a
     * {@link Recommender}, the recommended values and the visibility computed from the whole parsed
     * configuration (defaults applied; {@code null} for values in error). Keys without a recommender
     * are visible and have no recommended values. An exception thrown by a validator or recommender
     * becomes an error message of its key.
     *
     * <p>{@link io.connectsdk.api.connector.Connector#validate(Map)} wraps the result in a
     * {@link Config}; plugins add cross-key errors with {@link ConfigValue#addErrorMessage(String)}.
     *
     * @param props the configuration; not {@code null}. A {@code null} value means "not set"
     * @return a new, modifiable list; never {@code null}
     */
    public List<ConfigValue> validate(Map<String, ?> props) {
        Objects.requireNonNull(props, "props");
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Map<String, Object> parsed = parseAll(props, errors);
        Map<String, Object> view = Collections.unmodifiableMap(parsed);
        List<ConfigValue> result = new ArrayList<>(configKeys.size());
        for (ConfigKey key : configKeys.values()) {
            String name = key.name();
            ConfigValue value = new ConfigValue(name, parsed.get(name), new ArrayList<>(),
                    new ArrayList<>(errors.getOrDefault(name, List.of())));
            Recommender recommender = key.recommender();
            if (recommender != null) {
                try {
                    List<Object> recommended = recommender.validValues(name, view);
                    value.recommendedValues(recommended == null ? new ArrayList<>() : new ArrayList<>(recommended));
                } catch (RuntimeException e) {
                    value.addErrorMessage("Failed to compute the recommended values of configuration " + name + ": "
                            + e);
                }
                try {
                    value.visible(recommender.visible(name, view));
                } catch (RuntimeException e) {
                    value.addErrorMessage("Failed to compute the visibility of configuration " + name + ": " + e);
                }
            }
            result.add(value);
        }
        return result;
    }

    /**
     * Finds the keys of a configuration that this definition does not know, for example to warn
     * about typos.
     *
     * @param props the configuration; not {@code null}
     * @param allowedPrefixes prefixes of keys that belong to someone else and are not reported, for
     *     example {@code "transforms."}; none, or {@code null}, allows none
     * @return the unknown keys, sorted; unmodifiable, empty when there are none
     */
    public Set<String> unknownKeys(Map<String, ?> props, String... allowedPrefixes) {
        Objects.requireNonNull(props, "props");
        Set<String> unknown = new TreeSet<>();
        for (String name : props.keySet()) {
            if (name == null || configKeys.containsKey(name)) {
                continue;
            }
            boolean allowed = false;
            if (allowedPrefixes != null) {
                for (String prefix : allowedPrefixes) {
                    if (prefix != null && name.startsWith(prefix)) {
                        allowed = true;
                        break;
                    }
                }
            }
            if (!allowed) {
                unknown.add(name);
            }
        }
        return Collections.unmodifiableSet(unknown);
    }

    private Map<String, Object> parseAll(Map<String, ?> props, Map<String, List<String>> errors) {
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (ConfigKey key : configKeys.values()) {
            List<String> messages = new ArrayList<>();
            Object value = parseValue(key, props.get(key.name()), messages);
            parsed.put(key.name(), value);
            if (!messages.isEmpty()) {
                errors.put(key.name(), messages);
            }
        }
        return parsed;
    }

    /** Parses and validates one value; errors go to {@code messages}; returns null on error. */
    private static Object parseValue(ConfigKey key, Object raw, List<String> messages) {
        String name = key.name();
        Object value;
        if (raw == null) {
            if (!key.hasDefault()) {
                messages.add("Missing required configuration \"" + name + "\" which has no default value.");
                return null;
            }
            value = key.defaultValue();
        } else {
            try {
                value = parseType(name, raw, key.type());
            } catch (ConfigException e) {
                messages.addAll(messagesOf(e));
                return null;
            }
        }
        if (key.validator() != null) {
            try {
                key.validator().ensureValid(name, value);
            } catch (ConfigException e) {
                messages.addAll(messagesOf(e));
            } catch (RuntimeException e) {
                messages.add("Invalid value " + display(value, key.type()) + " for configuration " + name
                        + ": the validator failed with " + e);
            }
        }
        if (key.type() == Type.PASSWORD && !messages.isEmpty()) {
            scrub(messages, raw);
            scrub(messages, value);
        }
        return messages.isEmpty() ? value : null;
    }

    /** Replaces a secret that a careless validator may have put in its message. */
    private static void scrub(List<String> messages, Object secretHolder) {
        String secret = secretHolder instanceof Password ? ((Password) secretHolder).value()
                : secretHolder instanceof String ? (String) secretHolder : null;
        if (secret == null) {
            return;
        }
        for (String s : new String[] {secret, secret.trim()}) {
            if (!s.isEmpty() && !Password.HIDDEN.contains(s)) {
                messages.replaceAll(m -> m == null ? null : m.replace(s, Password.HIDDEN));
            }
        }
    }

    private static List<String> messagesOf(ConfigException e) {
        List<String> messages = new ArrayList<>();
        for (List<String> perKey : e.errors().values()) {
            messages.addAll(perKey);
        }
        if (messages.isEmpty()) {
            messages.add(e.getMessage());
        }
        return messages;
    }

    private static Object display(Object value, Type type) {
        return type == Type.PASSWORD && value != null ? Password.HIDDEN : value;
    }

    /**
     * Parses one value to a type, as {@link #parse(Map)} does (see {@link Type} for what each type
     * accepts). Strings are trimmed first.
     *
     * @param name the key, for the error message
     * @param value the value, a string or already typed; {@code null} gives {@code null}
     * @param type the type to parse to; not {@code null}
     * @return the typed value
     * @throws ConfigException naming the key and the value (masked for {@link Type#PASSWORD}) when
     *     the value is not of the type
     */
    public static Object parseType(String name, Object value, Type type) {
        Objects.requireNonNull(type, "type");
        if (value == null) {
            return null;
        }
        String trimmed = value instanceof String ? ((String) value).trim() : null;
        switch (type) {
            case BOOLEAN:
                if (value instanceof Boolean) {
                    return value;
                }
                if (trimmed != null) {
                    if (trimmed.equalsIgnoreCase("true")) {
                        return Boolean.TRUE;
                    }
                    if (trimmed.equalsIgnoreCase("false")) {
                        return Boolean.FALSE;
                    }
                    throw new ConfigException(name, value, "Expected value to be either true or false");
                }
                throw wrongClass(name, value, type);
            case STRING:
                if (trimmed != null) {
                    return trimmed;
                }
                throw wrongClass(name, value, type);
            case SHORT:
            case INT:
            case LONG:
                return parseWholeNumber(name, value, trimmed, type);
            case DOUBLE:
                if (value instanceof Number) {
                    return ((Number) value).doubleValue();
                }
                if (trimmed != null) {
                    try {
                        return Double.parseDouble(trimmed);
                    } catch (NumberFormatException e) {
                        throw new ConfigException(name, value, "Not a number of type DOUBLE");
                    }
                }
                throw wrongClass(name, value, type);
            case LIST:
                if (value instanceof List) {
                    List<String> list = new ArrayList<>();
                    for (Object element : (List<?>) value) {
                        if (!(element instanceof String)) {
                            throw new ConfigException(name, value, "Expected a list of strings, but an element is "
                                    + (element == null ? "null" : "a " + element.getClass().getName()));
                        }
                        list.add((String) element);
                    }
                    return Collections.unmodifiableList(list);
                }
                if (trimmed != null) {
                    if (trimmed.isEmpty()) {
                        return List.of();
                    }
                    return Collections.unmodifiableList(Arrays.asList(COMMA_WITH_WHITESPACE.split(trimmed, -1)));
                }
                throw wrongClass(name, value, type);
            case CLASS:
                if (value instanceof Class) {
                    return value;
                }
                if (trimmed != null) {
                    return loadClass(name, trimmed);
                }
                throw wrongClass(name, value, type);
            case PASSWORD:
                if (value instanceof Password) {
                    return value;
                }
                if (trimmed != null) {
                    return new Password(trimmed);
                }
                throw new ConfigException(name, Password.HIDDEN, "Expected a string or a Password, but got a "
                        + value.getClass().getName());
            default:
                throw new IllegalStateException("Unknown type " + type);
        }
    }

    private static ConfigException wrongClass(String name, Object value, Type type) {
        return new ConfigException(name, value, "Expected a value of type " + type + " (or a string), but got a "
                + value.getClass().getName());
    }

    private static final BigInteger[][] RANGES = {
        {BigInteger.valueOf(Short.MIN_VALUE), BigInteger.valueOf(Short.MAX_VALUE)},
        {BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE)},
        {BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)},
    };

    private static Object parseWholeNumber(String name, Object value, String trimmed, Type type) {
        BigInteger number;
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            number = BigInteger.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger) {
            number = (BigInteger) value;
        } else if (trimmed != null) {
            try {
                number = new BigInteger(trimmed);
            } catch (NumberFormatException e) {
                throw new ConfigException(name, value, "Not a number of type " + type);
            }
        } else {
            throw wrongClass(name, value, type);
        }
        BigInteger[] range = RANGES[type == Type.SHORT ? 0 : type == Type.INT ? 1 : 2];
        if (number.compareTo(range[0]) < 0 || number.compareTo(range[1]) > 0) {
            throw new ConfigException(name, value, "Out of range for type " + type + " [" + range[0] + ".."
                    + range[1] + "]");
        }
        switch (type) {
            case SHORT:
                return number.shortValue();
            case INT:
                return number.intValue();
            default:
                return number.longValue();
        }
    }

    /**
     * Loads a class without initializing it: with the thread's context classloader (the plugin's
     * loader when the runtime calls plugin code), then with the loader of this SDK.
     */
    private static Class<?> loadClass(String name, String className) {
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        ClassLoader own = ConfigDef.class.getClassLoader();
        loaders.add(own != null ? own : ClassLoader.getSystemClassLoader());
        Throwable failure = null;
        for (ClassLoader loader : loaders) {
            try {
                return Class.forName(className, false, loader);
            } catch (ClassNotFoundException e) {
                // try the next loader
            } catch (LinkageError e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new ConfigException(name, className, "Class " + className + " could not be loaded: " + failure);
        }
        throw new ConfigException(name, className, "Class " + className + " could not be found.");
    }

    /**
     * Converts a parsed value back to the string form that {@link #parseType} accepts: a list
     * becomes comma-separated, a class its name, a {@link Password} <b>its secret</b> (this method
     * is for passing configurations on, not for display).
     *
     * @param parsedValue a value of the type; {@code null} gives {@code null}
     * @param type its type; not {@code null}
     * @return the string form
     */
    public static String convertToString(Object parsedValue, Type type) {
        Objects.requireNonNull(type, "type");
        if (parsedValue == null) {
            return null;
        }
        if (parsedValue instanceof Password) {
            return ((Password) parsedValue).value();
        }
        if (parsedValue instanceof List) {
            StringBuilder sb = new StringBuilder();
            for (Object element : (List<?>) parsedValue) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(element instanceof Class ? ((Class<?>) element).getName() : String.valueOf(element));
            }
            return sb.toString();
        }
        if (parsedValue instanceof Class) {
            return ((Class<?>) parsedValue).getName();
        }
        return parsedValue.toString();
    }

    // ------------------------------------------------------------------------------------------
    // Documentation

    /**
     * Renders the reference documentation of every key as Markdown: keys without a group first, in
     * definition order, then one {@code ###} section per group with its keys by order in group. Each
     * key is a {@code ####} heading with its name, its documentation (nothing when it has none) and a
     * list of its type, default (or "required"), valid values (the validator's {@code toString()}),
     * importance and dependents. Defaults of {@link Type#PASSWORD} keys print as
     * {@value Password#HIDDEN}.
     *
     * @return the Markdown text; empty when no key is defined
     */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        for (ConfigKey key : configKeys.values()) {
            if (key.group() == null) {
                appendMarkdown(sb, key);
            }
        }
        for (String group : groups) {
            sb.append("### ").append(group).append("\n\n");
            List<ConfigKey> inGroup = new ArrayList<>();
            for (ConfigKey key : configKeys.values()) {
                if (group.equals(key.group())) {
                    inGroup.add(key);
                }
            }
            inGroup.sort((a, b) -> Integer.compare(a.orderInGroup(), b.orderInGroup()));
            for (ConfigKey key : inGroup) {
                appendMarkdown(sb, key);
            }
        }
        return sb.toString();
    }

    private static void appendMarkdown(StringBuilder sb, ConfigKey key) {
        sb.append("#### `").append(key.name()).append("`\n\n");
        if (key.documentation() != null && !key.documentation().isBlank()) {
            sb.append(key.documentation().strip()).append("\n\n");
        }
        sb.append("* Type: ").append(key.type().name().toLowerCase(Locale.ROOT)).append('\n');
        if (key.hasDefault()) {
            sb.append("* Default: ").append(markdownDefault(key)).append('\n');
        } else {
            sb.append("* Required: yes (no default)\n");
        }
        if (key.validator() != null) {
            String valid = String.valueOf(key.validator());
            if (!valid.isBlank()) {
                sb.append("* Valid values: ").append(valid).append('\n');
            }
        }
        sb.append("* Importance: ").append(key.importance().name().toLowerCase(Locale.ROOT)).append('\n');
        if (!key.displayName().equals(key.name())) {
            sb.append("* Display name: ").append(key.displayName()).append('\n');
        }
        if (!key.dependents().isEmpty()) {
            sb.append("* Dependents: ");
            for (int i = 0; i < key.dependents().size(); i++) {
                sb.append(i == 0 ? "`" : ", `").append(key.dependents().get(i)).append('`');
            }
            sb.append('\n');
        }
        sb.append('\n');
    }

    private static String markdownDefault(ConfigKey key) {
        Object value = key.defaultValue();
        if (value == null) {
            return "null";
        }
        if (key.type() == Type.PASSWORD) {
            return "`" + Password.HIDDEN + "`";
        }
        String text = convertToString(value, key.type());
        return text.isEmpty() ? "`\"\"`" : "`" + text + "`";
    }

    // ------------------------------------------------------------------------------------------
    // Types

    /**
     * The type of a key's value: what {@link #parse(Map)} accepts and what it produces. Every type
     * accepts a string (trimmed first) and {@code null} (not set).
     */
    public enum Type {
        /** {@code Boolean}; from {@code "true"} or {@code "false"}, in any case. */
        BOOLEAN,
        /** {@code String}, trimmed. */
        STRING,
        /** {@code Integer}; from a decimal string or any whole {@code Number} in range. */
        INT,
        /** {@code Short}; from a decimal string or any whole {@code Number} in range. */
        SHORT,
        /** {@code Long}; from a decimal string or any whole {@code Number} in range. */
        LONG,
        /** {@code Double}; from a string {@link Double#parseDouble} accepts or any {@code Number}. */
        DOUBLE,
        /**
         * {@code List<String>}, unmodifiable; from a comma-separated string (elements trimmed, an
         * empty string gives an empty list, empty elements are kept) or a {@code List} of strings
         * (taken as it is).
         */
        LIST,
        /**
         * {@code Class<?>}; from a binary class name, loaded (not initialized) with the thread's
         * context classloader or, when that fails, the loader of this SDK; or a {@code Class}.
         */
        CLASS,
        /** {@link Password}; from a string (trimmed) or a {@code Password}. Shown as {@value Password#HIDDEN}. */
        PASSWORD;

        /** @return whether values of this type are secrets that must never be shown */
        public boolean isSensitive() {
            return this == PASSWORD;
        }
    }

    /** How much the user should care about a key; orders keys in documentation and UIs. */
    public enum Importance {
        /** Most users set or review it. */
        HIGH,
        /** Some users need it. */
        MEDIUM,
        /** Rarely changed. */
        LOW
    }

    /** A hint for UIs: how wide the input field of a key's value should be. */
    public enum Width {
        /** No hint. */
        NONE,
        /** A short value, such as a number. */
        SHORT,
        /** A medium value, such as a host name. */
        MEDIUM,
        /** A long value, such as a list or a URL. */
        LONG
    }

    // ------------------------------------------------------------------------------------------
    // Validators and recommenders

    /**
     * Checks a parsed value. A lambda {@code (name, value) -> ...} is a validator; prefer
     * {@link LambdaValidator#with} when the generated documentation should describe the valid values.
     *
     * <p>Implementations must be stateless and thread-safe (they are called from any thread), and
     * should override {@code toString()} to describe the valid values for the documentation.
     */
    @FunctionalInterface
    public interface Validator {
        /**
         * @param name the key, for the error message
         * @param value the parsed value, of the key's {@link Type}; {@code null} when the key is not
         *     set and its default is {@code null}
         * @throws ConfigException naming the key and the value when the value is invalid; the caller
         *     ({@link #parse(Map)}, {@link #validate(Map)}) reports it as an error of the key. Build it
         *     with {@link ConfigException#ConfigException(String, Object, String)} and pass
         *     secrets as the {@link Password}, so they are masked
         */
        void ensureValid(String name, Object value);
    }

    /**
     * Suggests the values of a key and whether it is relevant, given the rest of the configuration
     * (for example, the {@code table} choices of a database connector once {@code connection.url}
     * is set). Used by {@link #validate(Map)}, hence by the REST validate endpoint and UIs; never by
     * {@link #parse(Map)}. The recommended values are advice, not a check.
     *
     * <p>Called from any thread; implementations must be thread-safe. An exception they throw is
     * reported as an error message of the key.
     */
    @FunctionalInterface
    public interface Recommender {
        /**
         * @param name the key whose values are wanted
         * @param parsedConfig every key's parsed value (defaults applied; {@code null} for a value in
         *     error); unmodifiable
         * @return the values to suggest, of the key's type; empty or {@code null} for no suggestion
         */
        List<Object> validValues(String name, Map<String, Object> parsedConfig);

        /**
         * @param name the key
         * @param parsedConfig every key's parsed value, as for {@link #validValues}
         * @return whether a UI should show the key; by default {@code true}
         */
        default boolean visible(String name, Map<String, Object> parsedConfig) {
            return true;
        }
    }

    private static String join(List<String> values) {
        return String.join(", ", values);
    }

    /** Accepts a number within bounds (inclusive), and {@code null}. */
    public static final class Range implements Validator {
        private final Number min;
        private final Number max;

        private Range(Number min, Number max) {
            this.min = min;
            this.max = max;
        }

        /**
         * @param min the smallest valid value; not {@code null}
         * @return a validator of numbers {@code >= min}, described as {@code [min,...]}
         */
        public static Range atLeast(Number min) {
            return new Range(Objects.requireNonNull(min, "min"), null);
        }

        /**
         * @param max the largest valid value; not {@code null}
         * @return a validator of numbers {@code <= max}, described as {@code [...,max]}
         */
        public static Range atMost(Number max) {
            return new Range(null, Objects.requireNonNull(max, "max"));
        }

        /**
         * @param min the smallest valid value; not {@code null}
         * @param max the largest valid value; not {@code null} and not below {@code min}
         * @return a validator of numbers in {@code [min, max]}, described as {@code [min,...,max]}
         */
        public static Range between(Number min, Number max) {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (compare(min, max) > 0) {
                throw new IllegalArgumentException("Range minimum " + min + " is above its maximum " + max);
            }
            return new Range(min, max);
        }

        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return;
            }
            if (!(value instanceof Number)) {
                throw new ConfigException(name, value, "Value must be a number");
            }
            Number n = (Number) value;
            if (min != null && compare(n, min) < 0) {
                throw new ConfigException(name, value, "Value must be at least " + min);
            }
            if (max != null && compare(n, max) > 0) {
                throw new ConfigException(name, value, "Value must be no more than " + max);
            }
        }

        private static boolean isWhole(Number n) {
            return n instanceof Byte || n instanceof Short || n instanceof Integer || n instanceof Long;
        }

        private static int compare(Number a, Number b) {
            if (isWhole(a) && isWhole(b)) {
                return Long.compare(a.longValue(), b.longValue());
            }
            return Double.compare(a.doubleValue(), b.doubleValue());
        }

        /** @return {@code [min,...]}, {@code [...,max]} or {@code [min,...,max]} */
        @Override
        public String toString() {
            if (min == null) {
                return "[...," + max + "]";
            }
            if (max == null) {
                return "[" + min + ",...]";
            }
            return "[" + min + ",...," + max + "]";
        }
    }

    /** Accepts one of a fixed set of strings, compared exactly, and {@code null}. */
    public static final class ValidString implements Validator {
        private final List<String> validStrings;

        private ValidString(List<String> validStrings) {
            this.validStrings = validStrings;
        }

        /**
         * @param validStrings the valid values; at least one, none {@code null}
         * @return a validator of those values, described as {@code [a, b, c]}
         */
        public static ValidString in(String... validStrings) {
            return new ValidString(copyOfValid(validStrings));
        }

        /** @return the valid values, unmodifiable */
        public List<String> validStrings() {
            return validStrings;
        }

        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return;
            }
            if (!validStrings.contains(value)) {
                throw new ConfigException(name, value, "String must be one of: " + join(validStrings));
            }
        }

        /** @return the valid values, as {@code [a, b, c]} */
        @Override
        public String toString() {
            return "[" + join(validStrings) + "]";
        }
    }

    private static List<String> copyOfValid(String... validStrings) {
        if (validStrings == null || validStrings.length == 0) {
            throw new IllegalArgumentException("At least one valid string is needed");
        }
        return List.of(validStrings);
    }

    /** Accepts one of a fixed set of strings, ignoring case, and {@code null}. */
    public static final class CaseInsensitiveValidString implements Validator {
        private final List<String> validStrings;
        private final Set<String> lowerCase = new LinkedHashSet<>();

        private CaseInsensitiveValidString(List<String> validStrings) {
            this.validStrings = validStrings;
            for (String s : validStrings) {
                lowerCase.add(s.toLowerCase(Locale.ROOT));
            }
        }

        /**
         * @param validStrings the valid values; at least one, none {@code null}
         * @return a validator of those values in any case, described as
         *     {@code [a, b, c] (case insensitive)}
         */
        public static CaseInsensitiveValidString in(String... validStrings) {
            return new CaseInsensitiveValidString(copyOfValid(validStrings));
        }

        /** @return the valid values as given, unmodifiable */
        public List<String> validStrings() {
            return validStrings;
        }

        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return;
            }
            if (!(value instanceof String) || !lowerCase.contains(((String) value).toLowerCase(Locale.ROOT))) {
                throw new ConfigException(name, value, "String must be one of (case insensitive): "
                        + join(validStrings));
            }
        }

        /** @return the valid values, as {@code [a, b, c] (case insensitive)} */
        @Override
        public String toString() {
            return "[" + join(validStrings) + "] (case insensitive)";
        }
    }

    /**
     * Rejects an empty string (strings are trimmed when parsed, so also a blank one) and an empty
     * {@link Password}; accepts {@code null} (combine with {@link NonNullValidator} to forbid it).
     */
    public static final class NonEmptyString implements Validator {
        /** Creates the validator; it is stateless, one instance may be shared. */
        public NonEmptyString() {
        }

        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return;
            }
            if (value instanceof Password) {
                String secret = ((Password) value).value();
                if (secret == null || secret.isEmpty()) {
                    throw new ConfigException(name, value, "Password must be non-empty");
                }
                return;
            }
            if (!(value instanceof String)) {
                throw new ConfigException(name, value, "Value must be a string");
            }
            if (((String) value).isEmpty()) {
                throw new ConfigException(name, value, "String must be non-empty");
            }
        }

        /** @return {@code non-empty string} */
        @Override
        public String toString() {
            return "non-empty string";
        }
    }

    /** Rejects {@code null}: for keys whose default is {@code null} but that must be set. */
    public static final class NonNullValidator implements Validator {
        /** Creates the validator; it is stateless, one instance may be shared. */
        public NonNullValidator() {
        }

        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                throw new ConfigException(name, null, "Value must be non-null");
            }
        }

        /** @return {@code non-null value} */
        @Override
        public String toString() {
            return "non-null value";
        }
    }

    /**
     * Applies a validator to every element of a list value, reporting every bad element; accepts
     * {@code null}. Rejects a value that is not a {@code List}.
     */
    public static final class ListOf implements Validator {
        private final Validator elementValidator;

        private ListOf(Validator elementValidator) {
            this.elementValidator = elementValidator;
        }

        /**
         * @param elementValidator the validator of each element; not {@code null}
         * @return a validator of lists, described as {@code list of <element description>}
         */
        public static ListOf of(Validator elementValidator) {
            return new ListOf(Objects.requireNonNull(elementValidator, "elementValidator"));
        }

        /** @return the validator of each element */
        public Validator elementValidator() {
            return elementValidator;
        }

        /**
         * @throws ConfigException for a bad element, or, for several, one exception whose
         *     {@link ConfigException#errors()} lists them all
         */
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return;
            }
            if (!(value instanceof List)) {
                throw new ConfigException(name, value, "Value must be a list");
            }
            List<ConfigException> failures = new ArrayList<>();
            for (Object element : (List<?>) value) {
                try {
                    elementValidator.ensureValid(name, element);
                } catch (ConfigException e) {
                    failures.add(e);
                }
            }
            if (failures.size() == 1) {
                throw failures.get(0);
            }
            if (!failures.isEmpty()) {
                List<String> messages = new ArrayList<>();
                for (ConfigException e : failures) {
                    messages.addAll(messagesOf(e));
                }
                throw new ConfigException(Map.of(String.valueOf(name), messages));
            }
        }

        /** @return {@code list of <element description>} */
        @Override
        public String toString() {
            return "list of " + elementValidator;
        }
    }

    /**
     * Accepts a list whose every element is one of a fixed set of strings (compared exactly), and
     * {@code null}. An empty list is valid.
     */
    public static final class ValidList implements Validator {
        private final ValidString validString;
        private final ListOf delegate;

        private ValidList(ValidString validString) {
            this.validString = validString;
            this.delegate = ListOf.of(validString);
        }

        /**
         * @param validStrings the valid elements; at least one, none {@code null}
         * @return a validator of lists of those values, described as {@code [a, b, c]}
         */
        public static ValidList in(String... validStrings) {
            return new ValidList(ValidString.in(validStrings));
        }

        /** @return the valid elements, unmodifiable */
        public List<String> validStrings() {
            return validString.validStrings();
        }

        @Override
        public void ensureValid(String name, Object value) {
            delegate.ensureValid(name, value);
        }

        /** @return the valid elements, as {@code [a, b, c]} */
        @Override
        public String toString() {
            return validString.toString();
        }
    }

    /**
     * Applies several validators in order and stops at the first that rejects the value (so a later
     * validator may rely on an earlier one, for example a {@link NonNullValidator} first).
     */
    public static final class CompositeValidator implements Validator {
        private final List<Validator> validators;

        private CompositeValidator(List<Validator> validators) {
            this.validators = validators;
        }

        /**
         * @param validators the validators, in the order to apply them; none {@code null}
         * @return a validator described as the descriptions of its parts, separated by {@code ", "}
         */
        public static CompositeValidator of(Validator... validators) {
            return new CompositeValidator(List.of(validators));
        }

        /** @return the validators, in order; unmodifiable */
        public List<Validator> validators() {
            return validators;
        }

        @Override
        public void ensureValid(String name, Object value) {
            for (Validator validator : validators) {
                validator.ensureValid(name, value);
            }
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            for (Validator validator : validators) {
                String part = String.valueOf(validator);
                if (!part.isBlank()) {
                    parts.add(part);
                }
            }
            return join(parts);
        }
    }

    /** A validator made of a check and a description, for custom rules with good documentation. */
    public static final class LambdaValidator implements Validator {
        private final BiConsumer<String, Object> ensureValid;
        private final Supplier<String> description;

        private LambdaValidator(BiConsumer<String, Object> ensureValid, Supplier<String> description) {
            this.ensureValid = ensureValid;
            this.description = description;
        }

        /**
         * @param ensureValid the check: given the key and the parsed value (possibly {@code null}),
         *     throws {@link ConfigException} when the value is invalid; not {@code null}
         * @param description describes the valid values, for {@link #toString()}; not {@code null}
         * @return the validator
         */
        public static LambdaValidator with(BiConsumer<String, Object> ensureValid, Supplier<String> description) {
            return new LambdaValidator(Objects.requireNonNull(ensureValid, "ensureValid"),
                    Objects.requireNonNull(description, "description"));
        }

        @Override
        public void ensureValid(String name, Object value) {
            ensureValid.accept(name, value);
        }

        /** @return what the description supplier gives */
        @Override
        public String toString() {
            return description.get();
        }
    }

    // ------------------------------------------------------------------------------------------
    // Keys

    /**
     * The definition of one key. Immutable and thread-safe; build one with
     * {@link ConfigDef#key(String)} or a {@code define(...)} overload.
     */
    public static final class ConfigKey {
        private final String name;
        private final Type type;
        private final Object defaultValue;
        private final Validator validator;
        private final Importance importance;
        private final String documentation;
        private final String group;
        private final int orderInGroup;
        private final Width width;
        private final String displayName;
        private final List<String> dependents;
        private final Recommender recommender;

        private ConfigKey(Builder b, Object parsedDefault, int orderInGroup) {
            this.name = b.name;
            this.type = b.type;
            this.defaultValue = parsedDefault;
            this.validator = b.validator;
            this.importance = b.importance;
            this.documentation = b.documentation;
            this.group = b.group;
            this.orderInGroup = orderInGroup;
            this.width = b.width == null ? Width.NONE : b.width;
            this.displayName = b.displayName == null ? b.name : b.displayName;
            this.dependents = List.copyOf(b.dependents);
            this.recommender = b.recommender;
        }

        private ConfigKey(ConfigKey k, int orderInGroup) {
            this.name = k.name;
            this.type = k.type;
            this.defaultValue = k.defaultValue;
            this.validator = k.validator;
            this.importance = k.importance;
            this.documentation = k.documentation;
            this.group = k.group;
            this.orderInGroup = orderInGroup;
            this.width = k.width;
            this.displayName = k.displayName;
            this.dependents = k.dependents;
            this.recommender = k.recommender;
        }

        ConfigKey withOrderInGroup(int order) {
            return new ConfigKey(this, order);
        }

        /** @return the key, never {@code null} */
        public String name() {
            return name;
        }

        /** @return the type of its values, never {@code null} */
        public Type type() {
            return type;
        }

        /**
         * @return the default, already parsed to the type; {@code null} when the default is no value;
         *     {@link ConfigDef#NO_DEFAULT_VALUE} when the key is required
         */
        public Object defaultValue() {
            return defaultValue;
        }

        /** @return whether the key has a default ({@code false}: the key is required) */
        public boolean hasDefault() {
            return defaultValue != NO_DEFAULT_VALUE;
        }

        /** @return the validator, or {@code null} for none */
        public Validator validator() {
            return validator;
        }

        /** @return the importance, never {@code null} */
        public Importance importance() {
            return importance;
        }

        /**
         * @return the documentation for users; {@code null} or blank when the key is undocumented
         *     (which plugin validation reports)
         */
        public String documentation() {
            return documentation;
        }

        /** @return the group, or {@code null} for none */
        public String group() {
            return group;
        }

        /** @return the 1-based position in the group; negative when the key has no group */
        public int orderInGroup() {
            return orderInGroup;
        }

        /** @return the width hint, never {@code null} */
        public Width width() {
            return width;
        }

        /** @return the label for UIs; the name unless set */
        public String displayName() {
            return displayName;
        }

        /**
         * @return the keys whose recommendations or visibility depend on this key's value;
         *     unmodifiable, possibly empty
         */
        public List<String> dependents() {
            return dependents;
        }

        /** @return the recommender, or {@code null} for none */
        public Recommender recommender() {
            return recommender;
        }

        /** @return a description of the key; a {@link Type#PASSWORD} default shows as {@value Password#HIDDEN} */
        @Override
        public String toString() {
            Object shownDefault = !hasDefault() ? "<required>"
                    : type == Type.PASSWORD && defaultValue != null ? Password.HIDDEN : defaultValue;
            return "ConfigKey{name=" + name + ", type=" + type + ", default=" + shownDefault + ", importance="
                    + importance + (group == null ? "" : ", group=" + group + ", orderInGroup=" + orderInGroup) + "}";
        }

        /**
         * Builds a {@link ConfigKey}; from {@link ConfigDef#key(String)}. Not thread-safe; every
         * setter returns this builder.
         */
        public static final class Builder {
            private final String name;
            private Type type;
            private Object defaultValue = NO_DEFAULT_VALUE;
            private Validator validator;
            private Importance importance = Importance.MEDIUM;
            private String documentation;
            private String group;
            private int orderInGroup = -1;
            private Width width = Width.NONE;
            private String displayName;
            private final List<String> dependents = new ArrayList<>();
            private Recommender recommender;

            Builder(String name) {
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("A configuration key needs a name, got \"" + name + "\"");
                }
                this.name = name;
            }

            /**
             * @param type the type of the values; required
             * @return this builder
             */
            public Builder type(Type type) {
                this.type = type;
                return this;
            }

            /**
             * @param defaultValue the default, typed or as a string to parse; {@code null} for no
             *     value; {@link ConfigDef#NO_DEFAULT_VALUE} (the initial setting) makes the key required
             * @return this builder
             */
            public Builder defaultValue(Object defaultValue) {
                this.defaultValue = defaultValue;
                return this;
            }

            /**
             * Makes the key required (no default), as it is initially.
             *
             * @return this builder
             */
            public Builder required() {
                this.defaultValue = NO_DEFAULT_VALUE;
                return this;
            }

            /**
             * @param validator checks the parsed value; {@code null} for none
             * @return this builder
             */
            public Builder validator(Validator validator) {
                this.validator = validator;
                return this;
            }

            /**
             * @param importance how much users should care; initially {@link Importance#MEDIUM}
             * @return this builder
             */
            public Builder importance(Importance importance) {
                this.importance = importance;
                return this;
            }

            /**
             * @param documentation what the key means, for users; {@code null} for none
             * @return this builder
             */
            public Builder doc(String documentation) {
                this.documentation = documentation;
                return this;
            }

            /**
             * @param group the group the key is shown in; {@code null} for none
             * @return this builder
             */
            public Builder group(String group) {
                this.group = group;
                return this;
            }

            /**
             * @param orderInGroup the 1-based position in the group; negative (the initial setting)
             *     takes the next free position when the key is defined
             * @return this builder
             */
            public Builder orderInGroup(int orderInGroup) {
                this.orderInGroup = orderInGroup;
                return this;
            }

            /**
             * @param width the width hint; {@code null} means {@link Width#NONE}
             * @return this builder
             */
            public Builder width(Width width) {
                this.width = width;
                return this;
            }

            /**
             * @param displayName the label for UIs; {@code null} means the name
             * @return this builder
             */
            public Builder displayName(String displayName) {
                this.displayName = displayName;
                return this;
            }

            /**
             * @param dependents keys whose recommendations or visibility depend on this key (replacing
             *     any set before); {@code null} for none
             * @return this builder
             */
            public Builder dependents(List<String> dependents) {
                this.dependents.clear();
                if (dependents != null) {
                    for (String d : dependents) {
                        this.dependents.add(Objects.requireNonNull(d, "dependent of " + name));
                    }
                }
                return this;
            }

            /**
             * @param dependents keys whose recommendations or visibility depend on this key
             * @return this builder
             */
            public Builder dependents(String... dependents) {
                return dependents(dependents == null ? null : Arrays.asList(dependents));
            }

            /**
             * @param recommender suggests values and visibility; {@code null} for none
             * @return this builder
             */
            public Builder recommender(Recommender recommender) {
                this.recommender = recommender;
                return this;
            }

            /**
             * @return the key, with its default parsed to the type and checked by the validator
             * @throws IllegalArgumentException when the type or importance is missing
             * @throws ConfigException when the default does not parse or the validator rejects it
             */
            public ConfigKey build() {
                if (type == null) {
                    throw new IllegalArgumentException("Configuration key \"" + name + "\" has no type");
                }
                if (importance == null) {
                    throw new IllegalArgumentException("Configuration key \"" + name + "\" has no importance");
                }
                Object parsedDefault = defaultValue;
                if (defaultValue != NO_DEFAULT_VALUE) {
                    try {
                        parsedDefault = parseType(name, defaultValue, type);
                    } catch (ConfigException e) {
                        throw new ConfigException("Invalid default value of configuration " + name + ": "
                                + e.getMessage(), e);
                    }
                    if (validator != null) {
                        try {
                            validator.ensureValid(name, parsedDefault);
                        } catch (RuntimeException e) {
                            throw new ConfigException("Invalid default value " + display(parsedDefault, type)
                                    + " of configuration " + name + ": " + e.getMessage(), e);
                        }
                    }
                }
                return new ConfigKey(this, parsedDefault, group == null ? -1 : orderInGroup);
            }
        }
    }
}
