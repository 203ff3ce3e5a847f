package io.connectsdk.runtime.worker;

import io.connectsdk.api.config.Config;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.config.ConfigValue;
import io.connectsdk.api.config.Password;
import io.connectsdk.api.connector.Connector;
import io.connectsdk.api.storage.Converter;
import io.connectsdk.api.storage.HeaderConverter;
import io.connectsdk.api.transforms.Predicate;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.runtime.config.ConnectorConfig;
import io.connectsdk.runtime.config.SinkConnectorConfig;
import io.connectsdk.runtime.config.SourceConnectorConfig;
import io.connectsdk.runtime.herder.ConfigInfos;
import io.connectsdk.runtime.herder.ConfigInfos.ConfigInfo;
import io.connectsdk.runtime.herder.ConfigKeyInfo;
import io.connectsdk.runtime.herder.ConnectorType;
import io.connectsdk.runtime.herder.Herder;
import io.connectsdk.runtime.herder.NotFoundException;
import io.connectsdk.runtime.herder.ConfigInfos.ConfigValueInfo;
import io.connectsdk.runtime.plugin.LoaderSwap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Answers {@link Herder#validateConnectorConfig} and {@link Herder#pluginConfig} from a
 * {@link Worker}, for any herder.
 *
 * <p>The errors of a validation are exactly those {@link Worker#validateConnectorConfig(Map)}
 * reports (what creating the connector would refuse), attached to the definitions of the common
 * keys ({@link SourceConnectorConfig}/{@link SinkConnectorConfig}), of each listed transform and
 * predicate (under {@code transforms.<alias>.} and {@code predicates.<alias>.}, in groups
 * {@code Transforms: <alias>} and {@code Predicates: <alias>}, as in Kafka Connect) and of the
 * connector's {@code config()}; a transform's or predicate's own definition adds the errors of the
 * keys the worker reported nothing for. An error on a key without a definition is shown with a
 * {@code null} definition, before the defined keys, as Kafka Connect does. Thread-safe.
 */
public final class ConnectorValidation {
    private static final String TRANSFORMS = ConnectorConfig.TRANSFORMS_CONFIG;
    private static final String PREDICATES = ConnectorConfig.PREDICATES_CONFIG;

    private final Worker worker;

    /** @param worker resolves the plugins and validates */
    public ConnectorValidation(Worker worker) {
        this.worker = Objects.requireNonNull(worker, "worker");
    }

    /** One key being assembled. */
    private static final class Item {
        ConfigKeyInfo definition;
        String value;
        List<String> recommended = List.of();
        final Set<String> errors = new LinkedHashSet<>();
        boolean visible = true;

        ConfigInfo build(String name) {
            return new ConfigInfo(definition, new ConfigValueInfo(name, value, recommended, List.copyOf(errors), visible));
        }
    }

    /** The result under construction: items by key, in order, and the groups. */
    private static final class Result {
        final Map<String, Item> items = new LinkedHashMap<>();
        final Set<String> groups = new LinkedHashSet<>();

        /** Adds a key unless it is there already; its value's errors only when {@code withErrors}. */
        void add(ConfigKeyInfo definition, ConfigValueInfo value, boolean withErrors) {
            Item item = items.get(definition.name());
            if (item == null) {
                item = new Item();
                item.definition = definition;
                item.value = value.value();
                item.recommended = value.recommendedValues();
                item.visible = value.visible();
                items.put(definition.name(), item);
            } else if (item.definition == null) {
                item.definition = definition;
            }
            if (withErrors) {
                item.errors.addAll(value.errors());
            }
        }

        Item item(String name) {
            return items.computeIfAbsent(name, k -> new Item());
        }

        void addErrors(String name, List<String> messages) {
            item(name).errors.addAll(messages);
        }
    }

    /**
     * @param config a connector configuration with {@code connector.class}; {@code null} values are
     *     reported as errors of their keys
     * @return the definitions and validated values, with Kafka Connect's JSON shape
     * @throws NotFoundException when {@code connector.class} names no installed connector
     * @throws ConfigException when {@code connector.class} is missing
     */
    public ConfigInfos validate(Map<String, String> config) {
        Map<String, String> props = new LinkedHashMap<>();
        List<String> nullKeys = new ArrayList<>();
        config.forEach((k, v) -> {
            if (v == null) {
                nullKeys.add(k);
            } else {
                props.put(k, v);
            }
        });
        String connectorName = props.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG);
        if (connectorName == null || connectorName.isBlank()) {
            throw new ConfigException(ConnectorConfig.CONNECTOR_CLASS_CONFIG, connectorName,
                    "the configuration names no connector class");
        }
        Class<? extends Connector> connectorClass = resolveConnector(props, connectorName.trim());

        ConfigDef[] connectorDef = new ConfigDef[1];
        Config[] connectorValues = new Config[1];
        Map<String, List<String>> errors = worker.validateConnectorConfig(props, (def, values) -> {
            connectorDef[0] = def;
            connectorValues[0] = values;
        });

        Result result = new Result();
        ConfigDef base = Worker.connectorType(connectorClass) == ConnectorType.SINK
                ? SinkConnectorConfig.configDef() : SourceConnectorConfig.configDef();
        addDefinition(result, base, base.validate(props));
        for (String alias : aliases(props.get(TRANSFORMS))) {
            addPlugin(result, props, errors, alias, Transform.class);
        }
        for (String alias : aliases(props.get(PREDICATES))) {
            addPlugin(result, props, errors, alias, Predicate.class);
        }
        if (connectorDef[0] != null) {
            List<ConfigValue> values = connectorValues[0] == null ? List.of() : connectorValues[0].configValues();
            addDefinition(result, connectorDef[0], values);
            for (ConfigValue v : values) {
                if (!result.items.containsKey(v.name())) {
                    Item item = result.item(v.name());
                    ConfigValueInfo info = ConfigValueInfo.of(v.name(), v, null);
                    item.value = info.value();
                    item.recommended = info.recommendedValues();
                    item.visible = info.visible();
                    item.errors.addAll(info.errors());
                }
            }
        }
        errors.forEach(result::addErrors);
        // The connector validated the values of config provider variables; the answer shows the variables, as
        // given, rather than the secrets they stand for.
        props.forEach((key, raw) -> {
            Item item = result.items.get(key);
            if (raw.contains("${") && item != null && item.value != null && !item.value.equals(Password.HIDDEN)) {
                item.value = raw;
            }
        });
        for (String key : nullKeys) {
            result.addErrors(key, List.of("The value of configuration " + key + " is null; give it a string value "
                    + "or leave the key out"));
        }

        // As in Kafka Connect, the keys without a definition come first.
        List<ConfigInfo> undefined = new ArrayList<>();
        List<ConfigInfo> defined = new ArrayList<>(result.items.size());
        int errorCount = 0;
        for (Map.Entry<String, Item> e : result.items.entrySet()) {
            ConfigInfo info = e.getValue().build(e.getKey());
            errorCount += info.value().errors().size();
            (info.definition() == null ? undefined : defined).add(info);
        }
        List<ConfigInfo> configs = new ArrayList<>(undefined);
        configs.addAll(defined);
        return new ConfigInfos(connectorClass.getName(), errorCount, List.copyOf(result.groups), List.copyOf(configs));
    }

    /**
     * @param pluginName the class name or alias of a connector, converter, header converter,
     *     transform or predicate (looked up in that order)
     * @return the definitions of the plugin's own keys
     * @throws NotFoundException when no installed plugin has that name
     */
    @SuppressWarnings("try") // LoaderSwap works by its scope
    public List<ConfigKeyInfo> pluginConfig(String pluginName) {
        String name = pluginName == null ? "" : pluginName.trim();
        WorkerPlugins plugins = worker.plugins();
        Class<?> pluginClass = null;
        Class<?> spi = null;
        if (!name.isEmpty()) {
            for (Class<?> candidate : List.of(Connector.class, Converter.class, HeaderConverter.class, Transform.class,
                    Predicate.class)) {
                try {
                    pluginClass = plugins.resolve(name, candidate);
                    spi = candidate;
                    break;
                } catch (IllegalArgumentException notThisKind) {
                    // try the next kind
                }
            }
        }
        if (pluginClass == null) {
            throw new NotFoundException("Unknown plugin " + pluginName + ": no installed connector, converter, header "
                    + "converter, transform or predicate has this class name or alias");
        }
        Object plugin = plugins.newInstance(pluginClass);
        ConfigDef def;
        try (LoaderSwap swap = LoaderSwap.forPlugin(plugin)) {
            def = configOf(plugin, spi);
        }
        List<ConfigKeyInfo> result = new ArrayList<>();
        if (def != null) {
            for (ConfigDef.ConfigKey key : def.configKeys().values()) {
                result.add(ConfigKeyInfo.of(key));
            }
        }
        return result;
    }

    private static ConfigDef configOf(Object plugin, Class<?> spi) {
        if (spi == Connector.class) {
            return ((Connector) plugin).config();
        }
        if (spi == Converter.class) {
            return ((Converter) plugin).config();
        }
        if (spi == HeaderConverter.class) {
            return ((HeaderConverter) plugin).config();
        }
        if (spi == Transform.class) {
            return ((Transform<?>) plugin).config();
        }
        return ((Predicate<?>) plugin).config();
    }

    /** Resolves {@code connector.class}; an unknown one is a {@link NotFoundException}. */
    private Class<? extends Connector> resolveConnector(Map<String, String> props, String connectorName) {
        try {
            return worker.connectorClass(props);
        } catch (ConfigException e) {
            if (props.containsKey(Worker.PLUGIN_VERSION_CONNECTOR_CONFIG)) {
                // Installed, but not in that version: a validation error of the version, not an unknown plugin.
                Map<String, String> anyVersion = new LinkedHashMap<>(props);
                anyVersion.remove(Worker.PLUGIN_VERSION_CONNECTOR_CONFIG);
                try {
                    return worker.connectorClass(anyVersion);
                } catch (ConfigException notInstalled) {
                    // fall through
                }
            }
            String reason = e.errors().getOrDefault(ConnectorConfig.CONNECTOR_CLASS_CONFIG, List.of(e.getMessage()))
                    .get(0);
            throw new NotFoundException("Unknown connector plugin " + connectorName + ": " + reason);
        }
    }

    private static void addDefinition(Result result, ConfigDef def, List<ConfigValue> values) {
        Map<String, ConfigValue> byName = new LinkedHashMap<>();
        for (ConfigValue v : values) {
            byName.putIfAbsent(v.name(), v);
        }
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            ConfigValue v = byName.getOrDefault(key.name(), new ConfigValue(key.name()));
            result.add(ConfigKeyInfo.of(key), ConfigValueInfo.of(key.name(), v, key.type()), true);
        }
        addGroups(result, def);
    }

    private static void addGroups(Result result, ConfigDef def) {
        for (String g : def.groups()) {
            if (g != null) {
                result.groups.add(g);
            }
        }
    }

    /**
     * Adds {@code <list>.<alias>.type} (and a transform's {@code predicate} and {@code negate}) and,
     * when the type resolves, the plugin's own keys under {@code <list>.<alias>.}, all in the group
     * {@code Transforms: <alias>} or {@code Predicates: <alias>}. A key of the plugin gets the
     * errors of its own definition only when the worker reported none for it.
     */
    @SuppressWarnings("try") // LoaderSwap works by its scope
    private void addPlugin(Result result, Map<String, String> props, Map<String, List<String>> workerErrors,
                           String alias, Class<?> spi) {
        boolean transform = spi == Transform.class;
        String kind = transform ? "transform" : "predicate";
        String prefix = (transform ? TRANSFORMS : PREDICATES) + "." + alias + ".";
        String group = (transform ? "Transforms: " : "Predicates: ") + alias;
        int order = 1;
        addSynthetic(result, props, group, order++, prefix + "type", ConfigDef.Type.CLASS, true, null,
                ConfigDef.Importance.HIGH, "Class name or alias of " + kind + " '" + alias + "'.",
                (transform ? "Transform" : "Predicate") + " type for " + alias);
        if (transform) {
            addSynthetic(result, props, group, order++, prefix + "predicate", ConfigDef.Type.STRING, false, null,
                    ConfigDef.Importance.MEDIUM, "The name of a predicate (declared in " + PREDICATES + ") that selects "
                            + "the records transform '" + alias + "' applies to; unset: every record.",
                    "Predicate for " + alias);
            addSynthetic(result, props, group, order++, prefix + "negate", ConfigDef.Type.BOOLEAN, false, "false",
                    ConfigDef.Importance.MEDIUM, "Whether transform '" + alias + "' applies to the records its "
                            + "predicate does not select.", "Negate the predicate of " + alias);
        }
        String type = props.get(prefix + "type");
        if (type == null || type.isBlank()) {
            return;
        }
        Object plugin;
        try {
            plugin = worker.plugins().newInstance(type.trim(), spi, props.get(prefix + Worker.PLUGIN_VERSION_SUFFIX));
        } catch (RuntimeException unresolved) {
            return; // the worker's validation reports it on the type key
        }
        Map<String, String> own = new LinkedHashMap<>();
        props.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                own.put(k.substring(prefix.length()), v);
            }
        });
        ConfigDef def;
        List<ConfigValue> values;
        try (LoaderSwap swap = LoaderSwap.forPlugin(plugin)) {
            def = transform ? ((Transform<?>) plugin).config() : ((Predicate<?>) plugin).config();
            values = def == null ? List.of() : def.validate(own);
        } catch (RuntimeException e) {
            return; // the worker's validation reports a plugin that cannot be configured
        } finally {
            closeQuietly(plugin);
        }
        if (def == null) {
            return;
        }
        Map<String, ConfigValue> byName = new LinkedHashMap<>();
        for (ConfigValue v : values) {
            byName.putIfAbsent(v.name(), v);
        }
        String label = kind + " '" + alias + "' (" + plugin.getClass().getName() + "): ";
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            String name = prefix + key.name();
            ConfigValue v = byName.getOrDefault(key.name(), new ConfigValue(key.name()));
            List<String> labelled = new ArrayList<>();
            for (String m : v.errorMessages()) {
                labelled.add(label + m);
            }
            v.errorMessages().clear();
            v.errorMessages().addAll(labelled);
            result.add(ConfigKeyInfo.of(key, prefix, group, order++), ConfigValueInfo.of(name, v, key.type()),
                    !workerErrors.containsKey(name));
        }
    }

    @SuppressWarnings("try") // LoaderSwap works by its scope
    private static void closeQuietly(Object plugin) {
        if (plugin instanceof AutoCloseable c) {
            try (LoaderSwap swap = LoaderSwap.forPlugin(plugin)) {
                c.close();
            } catch (Exception ignored) {
                // never configured: nothing to release
            }
        }
    }

    private static void addSynthetic(Result result, Map<String, String> props, String group, int order, String name,
                                     ConfigDef.Type type, boolean required, String defaultValue,
                                     ConfigDef.Importance importance, String doc, String displayName) {
        result.groups.add(group);
        String raw = props.get(name);
        String value = raw != null ? raw.trim() : defaultValue;
        if (raw != null && type != ConfigDef.Type.CLASS) {
            try {
                value = ConfigDef.convertToString(ConfigDef.parseType(name, raw, type), type);
            } catch (ConfigException invalid) {
                value = null; // as for any invalid value; the worker's validation reports it
            }
        }
        ConfigKeyInfo definition = new ConfigKeyInfo(name, type.name(), required, defaultValue, importance.name(), doc,
                group, order, ConfigDef.Width.LONG.name(), displayName, List.of());
        result.add(definition, new ConfigValueInfo(name, value, List.of(), List.of(), true), true);
    }

    /** The aliases listed in {@code transforms} or {@code predicates}: trimmed, non-empty, each once. */
    private static List<String> aliases(String value) {
        Set<String> result = new LinkedHashSet<>();
        if (value != null) {
            for (String s : value.split(",")) {
                if (!s.isBlank()) {
                    result.add(s.trim());
                }
            }
        }
        return List.copyOf(result);
    }
}
