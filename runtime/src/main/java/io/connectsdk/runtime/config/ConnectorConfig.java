package io.connectsdk.runtime.config;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigDef.Importance;
import io.connectsdk.api.config.ConfigDef.Type;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.config.ConfigValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The runtime's view of a connector configuration: the keys every connector has, with Kafka
 * Connect's names and defaults ({@value #NAME_CONFIG}, {@value #CONNECTOR_CLASS_CONFIG},
 * {@value #TASKS_MAX_CONFIG}, converter overrides, {@value #TRANSFORMS_CONFIG},
 * {@value #PREDICATES_CONFIG} and the {@code errors.*} settings). Any other key belongs to the
 * connector and is passed to it unchanged. Use {@link SourceConnectorConfig} or
 * {@link SinkConnectorConfig} once the connector's type is known.
 *
 * <p>Beyond each key's own checks, the constructor checks that every alias listed in
 * {@code transforms} and {@code predicates} is unique and has a {@code .type}, and that a
 * transform's {@code predicate} names a declared predicate. Every error of every key is reported
 * at once in one {@link ConfigException}.
 *
 * <p>{@code connector.class} and the converter keys are kept as strings (class name or alias);
 * resolving them is the plugin registry's job, because of plugin isolation.
 *
 * <p>Client overrides: {@code producer.override.*}, {@code consumer.override.*} and
 * {@code admin.override.*} keys override the worker's client settings for this connector, subject
 * to the worker's {@code connector.client.config.override.policy} (default {@code All}).
 *
 * <p>Immutable and thread-safe.
 */
public class ConnectorConfig extends AbstractConfig {
    /** The connector's unique name. Required. */
    public static final String NAME_CONFIG = "name";
    /** The connector's class name or alias. Required. */
    public static final String CONNECTOR_CLASS_CONFIG = "connector.class";
    /** The most tasks the connector may create. */
    public static final String TASKS_MAX_CONFIG = "tasks.max";
    /** Whether generating more than {@code tasks.max} task configurations fails the connector. */
    public static final String TASKS_MAX_ENFORCE_CONFIG = "tasks.max.enforce";
    /** Key converter override. */
    public static final String KEY_CONVERTER_CLASS_CONFIG = WorkerConfig.KEY_CONVERTER_CLASS_CONFIG;
    /** Value converter override. */
    public static final String VALUE_CONVERTER_CLASS_CONFIG = WorkerConfig.VALUE_CONVERTER_CLASS_CONFIG;
    /** Header converter override. */
    public static final String HEADER_CONVERTER_CLASS_CONFIG = WorkerConfig.HEADER_CONVERTER_CLASS_CONFIG;
    /** Aliases of the transforms, in the order they are applied. */
    public static final String TRANSFORMS_CONFIG = "transforms";
    /** Aliases of the predicates that transforms may refer to. */
    public static final String PREDICATES_CONFIG = "predicates";
    /** What to do when an external configuration provider reports a change. */
    public static final String CONFIG_RELOAD_ACTION_CONFIG = "config.action.reload";
    /** How long a failed (retriable) operation is retried, ms; 0 none, -1 forever. */
    public static final String ERRORS_RETRY_TIMEOUT_CONFIG = "errors.retry.timeout";
    /** The longest delay between two retries, ms. */
    public static final String ERRORS_RETRY_MAX_DELAY_CONFIG = "errors.retry.delay.max.ms";
    /** {@code none} (fail the task) or {@code all} (skip bad records). */
    public static final String ERRORS_TOLERANCE_CONFIG = "errors.tolerance";
    /** Whether errors are logged. */
    public static final String ERRORS_LOG_ENABLE_CONFIG = "errors.log.enable";
    /** Whether logged errors include the record. */
    public static final String ERRORS_LOG_INCLUDE_MESSAGES_CONFIG = "errors.log.include.messages";
    /** Prefix of producer overrides. */
    public static final String PRODUCER_OVERRIDE_PREFIX = "producer.override.";
    /** Prefix of consumer overrides. */
    public static final String CONSUMER_OVERRIDE_PREFIX = "consumer.override.";
    /** Prefix of admin client overrides. */
    public static final String ADMIN_OVERRIDE_PREFIX = "admin.override.";

    /** @param props the connector configuration; not {@code null} */
    public ConnectorConfig(Map<String, String> props) {
        this(configDef(), props);
    }

    /**
     * @param definition the complete definition, usually {@link #configDef()} plus own keys
     * @param props the connector configuration
     * @throws ConfigException naming every bad key
     */
    protected ConnectorConfig(ConfigDef definition, Map<String, String> props) {
        super(definition, requireValid(definition, props));
    }

    private static Map<String, String> requireValid(ConfigDef definition, Map<String, String> props) {
        Map<String, List<String>> errors = validate(definition, props);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return props;
    }

    /** @return a new definition of the keys common to every connector */
    public static ConfigDef configDef() {
        String common = "Common";
        String errorGroup = "Error Handling";
        return new ConfigDef()
                .define(ConfigDef.key(NAME_CONFIG).type(Type.STRING).required()
                        .validator(ConfigDef.CompositeValidator.of(new ConfigDef.NonEmptyString(),
                                ConfigDef.LambdaValidator.with(ConnectorConfig::checkName,
                                        () -> "non-empty string without control characters")))
                        .importance(Importance.HIGH).group(common)
                        .doc("Globally unique name of the connector."))
                .define(ConfigDef.key(CONNECTOR_CLASS_CONFIG).type(Type.STRING).required()
                        .validator(new ConfigDef.NonEmptyString()).importance(Importance.HIGH).group(common)
                        .doc("The connector's class name, or an alias: its simple class name, or that name "
                                + "without the Connector suffix."))
                .define(ConfigDef.key(TASKS_MAX_CONFIG).type(Type.INT).defaultValue(1)
                        .validator(ConfigDef.Range.atLeast(1)).importance(Importance.HIGH).group(common)
                        .doc("Maximum number of tasks to use for this connector."))
                .define(ConfigDef.key(TASKS_MAX_ENFORCE_CONFIG).type(Type.BOOLEAN).defaultValue(true)
                        .importance(Importance.LOW).group(common)
                        .doc("Whether a connector that generates more task configurations than tasks.max fails."))
                .define(ConfigDef.key(KEY_CONVERTER_CLASS_CONFIG).type(Type.STRING).defaultValue(null)
                        .importance(Importance.LOW).group(common)
                        .doc("Converter (class name or alias) for keys; overrides the worker's. Its settings "
                                + "are the key.converter.* keys of this configuration."))
                .define(ConfigDef.key(VALUE_CONVERTER_CLASS_CONFIG).type(Type.STRING).defaultValue(null)
                        .importance(Importance.LOW).group(common)
                        .doc("Converter (class name or alias) for values; overrides the worker's. Its settings "
                                + "are the value.converter.* keys of this configuration."))
                .define(ConfigDef.key(HEADER_CONVERTER_CLASS_CONFIG).type(Type.STRING).defaultValue(null)
                        .importance(Importance.LOW).group(common)
                        .doc("HeaderConverter (class name or alias) for headers; overrides the worker's."))
                .define(ConfigDef.key(TRANSFORMS_CONFIG).type(Type.LIST).defaultValue(List.of())
                        .importance(Importance.LOW).group("Transforms")
                        .doc("Aliases of the transforms to apply to records, in order. Each alias needs "
                                + "transforms.<alias>.type and may have transforms.<alias>.predicate and "
                                + "transforms.<alias>.negate."))
                .define(ConfigDef.key(PREDICATES_CONFIG).type(Type.LIST).defaultValue(List.of())
                        .importance(Importance.LOW).group("Predicates")
                        .doc("Aliases of the predicates used by transforms. Each alias needs predicates.<alias>.type."))
                .define(ConfigDef.key(CONFIG_RELOAD_ACTION_CONFIG).type(Type.STRING).defaultValue("restart")
                        .validator(ConfigDef.CaseInsensitiveValidString.in("none", "restart"))
                        .importance(Importance.LOW).group(common)
                        .doc("What to do when a config provider's values expire (the provider gave them a time to "
                                + "live): restart (the connector and its tasks restart then and read the values "
                                + "again) or none."))
                .define(ConfigDef.key(ERRORS_RETRY_TIMEOUT_CONFIG).type(Type.LONG).defaultValue(0L)
                        .validator(ConfigDef.Range.atLeast(-1)).importance(Importance.MEDIUM).group(errorGroup)
                        .doc("How long, in ms, a failed retriable operation (converter, transform) is retried. "
                                + "0 retries nothing, -1 retries forever."))
                .define(ConfigDef.key(ERRORS_RETRY_MAX_DELAY_CONFIG).type(Type.LONG).defaultValue(60000L)
                        .validator(ConfigDef.Range.atLeast(0)).importance(Importance.MEDIUM).group(errorGroup)
                        .doc("Longest delay, in ms, between two retries; delays grow exponentially from 300 ms."))
                .define(ConfigDef.key(ERRORS_TOLERANCE_CONFIG).type(Type.STRING).defaultValue("none")
                        .validator(ConfigDef.CaseInsensitiveValidString.in("none", "all"))
                        .importance(Importance.MEDIUM).group(errorGroup)
                        .doc("none: an error in a converter or transform fails the task. all: the record is "
                                + "skipped (logged and sent to the dead letter queue when configured)."))
                .define(ConfigDef.key(ERRORS_LOG_ENABLE_CONFIG).type(Type.BOOLEAN).defaultValue(false)
                        .importance(Importance.MEDIUM).group(errorGroup)
                        .doc("Whether each failed operation and skipped record is logged."))
                .define(ConfigDef.key(ERRORS_LOG_INCLUDE_MESSAGES_CONFIG).type(Type.BOOLEAN).defaultValue(false)
                        .importance(Importance.MEDIUM).group(errorGroup)
                        .doc("Whether logged errors include the record (keys, values, headers)."));
    }

    private static void checkName(String key, Object value) {
        if (value instanceof String) {
            String s = (String) value;
            for (int i = 0; i < s.length(); i++) {
                if (Character.isISOControl(s.charAt(i))) {
                    throw new ConfigException(key, value, "a connector name may not contain control characters");
                }
            }
        }
    }

    /**
     * Checks a configuration against a definition and the cross-key rules of connector
     * configurations, without throwing.
     *
     * @param definition the definition
     * @param props the configuration
     * @return the error messages per key, in definition order; empty when it is valid
     */
    public static Map<String, List<String>> validate(ConfigDef definition, Map<String, String> props) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (ConfigValue v : definition.validate(props)) {
            if (!v.errorMessages().isEmpty()) {
                errors.computeIfAbsent(v.name(), k -> new ArrayList<>()).addAll(v.errorMessages());
            }
        }
        checkAliases(props, TRANSFORMS_CONFIG, errors);
        checkAliases(props, PREDICATES_CONFIG, errors);
        List<String> predicates = aliases(props.get(PREDICATES_CONFIG));
        for (String alias : aliases(props.get(TRANSFORMS_CONFIG))) {
            String predicateKey = TRANSFORMS_CONFIG + "." + alias + ".predicate";
            String predicate = props.get(predicateKey);
            if (predicate != null && !predicate.isBlank() && !predicates.contains(predicate.trim())) {
                add(errors, predicateKey, "Invalid value " + predicate + " for configuration " + predicateKey
                        + ": no predicate of that name is declared in " + PREDICATES_CONFIG + " (declared: "
                        + predicates + ")");
            }
            String negateKey = TRANSFORMS_CONFIG + "." + alias + ".negate";
            String negate = props.get(negateKey);
            if (negate != null && !negate.trim().equalsIgnoreCase("true") && !negate.trim().equalsIgnoreCase("false")) {
                add(errors, negateKey, "Invalid value " + negate + " for configuration " + negateKey
                        + ": Expected value to be either true or false");
            }
        }
        return errors;
    }

    private static void checkAliases(Map<String, String> props, String listKey, Map<String, List<String>> errors) {
        List<String> aliases = aliases(props.get(listKey));
        Set<String> seen = new HashSet<>();
        for (String alias : aliases) {
            if (alias.isEmpty()) {
                add(errors, listKey, "Invalid value " + props.get(listKey) + " for configuration " + listKey
                        + ": an alias is empty");
                continue;
            }
            if (!seen.add(alias)) {
                add(errors, listKey, "Invalid value " + props.get(listKey) + " for configuration " + listKey
                        + ": alias " + alias + " is listed twice");
                continue;
            }
            String typeKey = listKey + "." + alias + ".type";
            String type = props.get(typeKey);
            if (type == null || type.isBlank()) {
                add(errors, typeKey, "Missing required configuration \"" + typeKey + "\": "
                        + listKey.substring(0, listKey.length() - 1) + " alias " + alias + " has no class");
            }
        }
    }

    private static List<String> aliases(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (String s : value.split(",", -1)) {
            result.add(s.trim());
        }
        return result;
    }

    static void add(Map<String, List<String>> errors, String key, String message) {
        errors.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
    }

    /** @return {@value #NAME_CONFIG} */
    public String name() {
        return getString(NAME_CONFIG);
    }

    /** @return {@value #CONNECTOR_CLASS_CONFIG}, a class name or alias */
    public String connectorClass() {
        return getString(CONNECTOR_CLASS_CONFIG);
    }

    /** @return {@value #TASKS_MAX_CONFIG} */
    public int tasksMax() {
        return getInt(TASKS_MAX_CONFIG);
    }

    /** @return {@value #TASKS_MAX_ENFORCE_CONFIG} */
    public boolean enforceTasksMax() {
        return getBoolean(TASKS_MAX_ENFORCE_CONFIG);
    }

    /** @return the transform aliases, in order; never {@code null} */
    public List<String> transformAliases() {
        return getList(TRANSFORMS_CONFIG);
    }

    /** @return whether errors are tolerated ({@code errors.tolerance=all}) */
    public boolean toleratesAllErrors() {
        return getString(ERRORS_TOLERANCE_CONFIG).toLowerCase(Locale.ROOT).equals("all");
    }

    /**
     * @return whether the connector and its tasks restart when a config provider's values expire
     *     ({@value #CONFIG_RELOAD_ACTION_CONFIG}{@code =restart}, the default)
     */
    public boolean restartsOnConfigExpiry() {
        return getString(CONFIG_RELOAD_ACTION_CONFIG).toLowerCase(Locale.ROOT).equals("restart");
    }

    /** @return {@value #ERRORS_RETRY_TIMEOUT_CONFIG} */
    public long errorRetryTimeoutMs() {
        return getLong(ERRORS_RETRY_TIMEOUT_CONFIG);
    }

    /** @return {@value #ERRORS_RETRY_MAX_DELAY_CONFIG} */
    public long errorMaxDelayMs() {
        return getLong(ERRORS_RETRY_MAX_DELAY_CONFIG);
    }

    /** @return {@value #ERRORS_LOG_ENABLE_CONFIG} */
    public boolean errorLogEnabled() {
        return getBoolean(ERRORS_LOG_ENABLE_CONFIG);
    }

    /** @return {@value #ERRORS_LOG_INCLUDE_MESSAGES_CONFIG} */
    public boolean errorLogIncludesMessages() {
        return getBoolean(ERRORS_LOG_INCLUDE_MESSAGES_CONFIG);
    }

    /** @return the configuration as given, every value a string; unmodifiable */
    public Map<String, String> originalsAsStrings() {
        return Collections.unmodifiableMap(originalsStrings());
    }
}
