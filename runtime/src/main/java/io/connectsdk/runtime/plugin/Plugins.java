package io.connectsdk.runtime.plugin;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.connector.Connector;
import io.connectsdk.api.connector.Task;
import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.plugin.Versioned;
import io.connectsdk.api.storage.Converter;
import io.connectsdk.api.storage.ConverterType;
import io.connectsdk.api.storage.HeaderConverter;
import io.connectsdk.api.transforms.Predicate;
import io.connectsdk.api.transforms.Transform;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin registry: every plugin found on {@code plugin.path} and on the runtime's classpath, and
 * the factory the worker uses to create plugin instances.
 *
 * <p><b>Discovery.</b> Each plugin location (see {@link PluginLocation}) gets its own
 * {@link PluginClassLoader}; {@link ServiceLoader} runs on it for every {@link PluginType} and only
 * the classes defined by that loader count for the location (the child-first loader also sees the
 * runtime's service files). The classpath's own plugins (the built-ins) are found the same way with
 * the runtime's loader. Each plugin is instantiated once, with its loader as the thread context
 * loader, to read its {@code version()}. JDBC drivers registered in a location's
 * {@code META-INF/services/java.sql.Driver} are loaded then too, so they register with
 * {@link java.sql.DriverManager}, which hands a driver only to callers whose loader can see it: the
 * plugin that bundles it. Entries that fail (missing class, throwing constructor, ...) are skipped
 * and reported by {@link #problems()}; {@code connect-sdk validate} explains them in detail. A
 * location whose discovery does not finish within the {@linkplain Builder#discoveryTimeout
 * discovery timeout} (a static initializer, constructor or {@code version()} that blocks) is skipped
 * and reported with where its thread was stuck, instead of holding up the worker's start.
 *
 * <p><b>Names.</b> A plugin is named by its full class name or an alias: its simple class name or
 * that name without the type's suffix ({@code Connector}, {@code Converter}, {@code HeaderConverter},
 * {@code Transform}/{@code Transformation}, {@code Predicate}). An alias shared by different classes
 * of the same kind is refused with the candidates listed.
 *
 * <p><b>Versions.</b> A class installed in several locations is several plugins; the highest
 * version (by {@link PluginVersions}) wins unless the configuration asks for an exact one with
 * {@code connector.plugin.version}, {@code key.converter.plugin.version},
 * {@code value.converter.plugin.version}, {@code header.converter.plugin.version},
 * {@code transforms.<alias>.plugin.version} or {@code predicates.<alias>.plugin.version}.
 *
 * <p><b>Instances.</b> The {@code new...} methods construct (and, where given a configuration,
 * configure) a plugin with its own loader as the thread context class loader; wrap every later call
 * into the instance in {@link LoaderSwap#forPlugin(Object)}.
 *
 * <p><b>Threading and lifecycle.</b> Immutable after construction and safe for concurrent use.
 * {@link #close()} closes the plugin class loaders: call it when the worker stops, after every
 * plugin instance has been stopped.
 */
public final class Plugins implements AutoCloseable {
    /** Worker setting: comma-separated directories whose children are plugin locations. */
    public static final String PLUGIN_PATH_CONFIG = "plugin.path";
    /** Connector setting naming the connector class or alias. */
    public static final String CONNECTOR_CLASS_CONFIG = "connector.class";
    /** Suffix of every version-selection key, e.g. {@code connector.plugin.version}. */
    public static final String PLUGIN_VERSION_SUFFIX = "plugin.version";

    /** How long one plugin location's discovery may take by default: 60 s. */
    public static final java.time.Duration DEFAULT_DISCOVERY_TIMEOUT = java.time.Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(Plugins.class);

    private final List<PluginDesc> plugins;
    private final List<PluginClassLoader> loaders;
    private final List<String> problems;
    private final Map<PluginType, Map<String, List<PluginDesc>>> aliases;

    private Plugins(List<PluginDesc> found, List<PluginClassLoader> loaders, List<String> problems) {
        Map<PluginType, Map<String, List<PluginDesc>>> candidates = aliasIndex(found);
        List<PluginDesc> withAliases = new ArrayList<>(found.size());
        for (PluginDesc d : found) {
            List<String> usable = new ArrayList<>();
            for (String alias : candidateAliases(d.className(), d.type())) {
                if (classNames(candidates.get(d.type().aliasGroup()).get(alias)).size() == 1) {
                    usable.add(alias);
                }
            }
            withAliases.add(d.withAliases(usable));
        }
        this.plugins = List.copyOf(withAliases);
        this.aliases = aliasIndex(this.plugins);
        this.loaders = List.copyOf(loaders);
        this.problems = List.copyOf(problems);
    }

    /**
     * Discovers the plugins of a {@code plugin.path} value and of the runtime's classpath (the loader
     * of this class).
     *
     * @param pluginPath comma-separated directories; {@code null} or blank for none
     * @return the registry; close it when done
     * @throws PluginLocationException naming the entry when a directory is missing or a location is unreadable
     */
    public static Plugins discover(String pluginPath) {
        return builder().pluginPath(pluginPath).build();
    }

    /** @return a builder for a registry with other options */
    public static Builder builder() {
        return new Builder();
    }

    /** @return every plugin, classpath plugins first, then each location in {@code plugin.path} order */
    public List<PluginDesc> plugins() {
        return plugins;
    }

    /**
     * @param types the types wanted
     * @return the plugins of those types, in discovery order
     */
    public List<PluginDesc> plugins(PluginType... types) {
        Set<PluginType> wanted = Set.of(types);
        return plugins.stream().filter(p -> wanted.contains(p.type())).toList();
    }

    /**
     * @return one message per service entry that could not be used (naming the location, the class and
     *     the reason); empty when discovery was clean
     */
    public List<String> problems() {
        return problems;
    }

    /**
     * @return aliases shared by several classes of one kind, per alias group; such aliases cannot be
     *     used, the full class name must be
     */
    public Map<PluginType, Map<String, List<PluginDesc>>> ambiguousAliases() {
        return ambiguousAliases(plugins);
    }

    /**
     * Finds the plugin a name selects.
     *
     * @param type the kind wanted; {@link PluginType#SOURCE} and {@link PluginType#SINK} both mean
     *     "any connector"
     * @param name a full class name or an alias, never {@code null}
     * @param version the exact version wanted, or {@code null} for the highest installed
     * @return the plugin
     * @throws ConfigException naming the plugin when it is unknown, the alias is ambiguous or the
     *     version is not installed; the message lists what is installed
     */
    public PluginDesc resolve(PluginType type, String name, String version) {
        return resolve(type, name, version, null, null);
    }

    /**
     * Creates a connector.
     *
     * @param name the connector's class name or alias
     * @return a new instance, constructed with its plugin's loader as context loader
     * @throws ConfigException when the name selects no single connector
     * @throws ConnectException when construction fails
     */
    public Connector newConnector(String name) {
        return newConnector(name, null);
    }

    /**
     * @param name the connector's class name or alias
     * @param version the exact version, or {@code null} for the highest installed
     * @return a new instance
     * @throws ConfigException when the name or version selects no single connector
     */
    public Connector newConnector(String name, String version) {
        return instantiate(resolve(PluginType.SOURCE, name, version), Connector.class);
    }

    /**
     * Creates the connector named by a connector configuration's {@code connector.class} (and
     * {@code connector.plugin.version}). It is not started.
     *
     * @param connectorConfig the connector configuration, never {@code null}
     * @return a new instance
     * @throws ConfigException naming {@code connector.class} or {@code connector.plugin.version}
     */
    public Connector newConnector(Map<String, ?> connectorConfig) {
        String versionKey = "connector." + PLUGIN_VERSION_SUFFIX;
        String name = required(connectorConfig, CONNECTOR_CLASS_CONFIG);
        PluginDesc desc = resolve(PluginType.SOURCE, name, optional(connectorConfig, versionKey),
                CONNECTOR_CLASS_CONFIG, versionKey);
        return instantiate(desc, Connector.class);
    }

    /**
     * Creates a task of a connector, with the task class's loader as context loader.
     *
     * @param taskClass what {@link Connector#taskClass()} returned, never {@code null}
     * @param <T> the task type
     * @return a new instance
     * @throws ConnectException naming the class when it cannot be constructed
     */
    public <T extends Task> T newTask(Class<T> taskClass) {
        Objects.requireNonNull(taskClass, "taskClass");
        ClassLoader loader = taskClass.getClassLoader() != null ? taskClass.getClassLoader()
                : ClassLoader.getSystemClassLoader();
        return construct(taskClass, loader, "task", locationOf(loader));
    }

    /**
     * Creates an unconfigured converter.
     *
     * @param name class name or alias
     * @param version exact version or {@code null} for the highest
     * @return a new instance
     * @throws ConfigException when the name or version selects no single converter
     */
    public Converter newConverter(String name, String version) {
        return instantiate(resolve(PluginType.CONVERTER, name, version), Converter.class);
    }

    /**
     * Creates and configures the key or value converter a configuration names:
     * {@code key.converter} / {@code value.converter}, with {@code <prefix>.plugin.version}, and
     * {@code configure}d with the {@code <prefix>.}-settings (prefix removed).
     *
     * @param config worker or connector settings, never {@code null}
     * @param type {@link ConverterType#KEY} or {@link ConverterType#VALUE}
     * @return the configured converter
     * @throws ConfigException naming the key when it is missing or selects no single converter
     */
    public Converter newConverter(Map<String, ?> config, ConverterType type) {
        if (type == ConverterType.HEADER) {
            throw new IllegalArgumentException("header converters are HeaderConverters: use newHeaderConverter");
        }
        String key = type.configName() + ".converter";
        String versionKey = key + "." + PLUGIN_VERSION_SUFFIX;
        PluginDesc desc = resolve(PluginType.CONVERTER, required(config, key), optional(config, versionKey), key, versionKey);
        Converter converter = instantiate(desc, Converter.class);
        Map<String, Object> settings = subConfig(config, key + ".", Set.of(PLUGIN_VERSION_SUFFIX));
        configure(desc, key, () -> converter.configure(settings, type == ConverterType.KEY));
        return converter;
    }

    /**
     * Creates an unconfigured header converter.
     *
     * @param name class name or alias
     * @param version exact version or {@code null} for the highest
     * @return a new instance
     */
    public HeaderConverter newHeaderConverter(String name, String version) {
        return instantiate(resolve(PluginType.HEADER_CONVERTER, name, version), HeaderConverter.class);
    }

    /**
     * Creates and configures the header converter named by {@code header.converter} (and
     * {@code header.converter.plugin.version}).
     *
     * @param config worker or connector settings, never {@code null}
     * @return the configured header converter
     * @throws ConfigException naming the key when it is missing or selects no single header converter
     */
    public HeaderConverter newHeaderConverter(Map<String, ?> config) {
        String key = "header.converter";
        String versionKey = key + "." + PLUGIN_VERSION_SUFFIX;
        PluginDesc desc = resolve(PluginType.HEADER_CONVERTER, required(config, key), optional(config, versionKey),
                key, versionKey);
        HeaderConverter converter = instantiate(desc, HeaderConverter.class);
        Map<String, Object> settings = subConfig(config, key + ".", Set.of(PLUGIN_VERSION_SUFFIX));
        configure(desc, key, () -> converter.configure(settings));
        return converter;
    }

    /**
     * Creates an unconfigured transform.
     *
     * @param name class name or alias
     * @param version exact version or {@code null} for the highest
     * @param <R> the record type
     * @return a new instance
     */
    @SuppressWarnings("unchecked")
    public <R extends ConnectRecord<R>> Transform<R> newTransform(String name, String version) {
        return instantiate(resolve(PluginType.TRANSFORM, name, version), Transform.class);
    }

    /**
     * Creates and configures the transform {@code transforms.<alias>.type} names (version from
     * {@code transforms.<alias>.plugin.version}), configured with its
     * {@code transforms.<alias>.}-settings minus {@code type}, {@code plugin.version},
     * {@code predicate} and {@code negate} (those belong to the runtime).
     *
     * @param config connector settings, never {@code null}
     * @param alias the transform's name in {@code transforms=...}
     * @param <R> the record type
     * @return the configured transform
     * @throws ConfigException naming the key when it is missing or selects no single transform
     */
    @SuppressWarnings("unchecked")
    public <R extends ConnectRecord<R>> Transform<R> newTransform(Map<String, ?> config, String alias) {
        String prefix = "transforms." + alias + ".";
        PluginDesc desc = resolve(PluginType.TRANSFORM, required(config, prefix + "type"),
                optional(config, prefix + PLUGIN_VERSION_SUFFIX), prefix + "type", prefix + PLUGIN_VERSION_SUFFIX);
        Transform<R> transform = instantiate(desc, Transform.class);
        Map<String, Object> settings = subConfig(config, prefix, Set.of("type", PLUGIN_VERSION_SUFFIX, "predicate", "negate"));
        configure(desc, prefix + "type", () -> transform.configure(settings));
        return transform;
    }

    /**
     * Creates an unconfigured predicate.
     *
     * @param name class name or alias
     * @param version exact version or {@code null} for the highest
     * @param <R> the record type
     * @return a new instance
     */
    @SuppressWarnings("unchecked")
    public <R extends ConnectRecord<R>> Predicate<R> newPredicate(String name, String version) {
        return instantiate(resolve(PluginType.PREDICATE, name, version), Predicate.class);
    }

    /**
     * Creates and configures the predicate {@code predicates.<alias>.type} names (version from
     * {@code predicates.<alias>.plugin.version}), configured with its {@code predicates.<alias>.}-settings
     * minus {@code type} and {@code plugin.version}.
     *
     * @param config connector settings, never {@code null}
     * @param alias the predicate's name in {@code predicates=...}
     * @param <R> the record type
     * @return the configured predicate
     * @throws ConfigException naming the key when it is missing or selects no single predicate
     */
    @SuppressWarnings("unchecked")
    public <R extends ConnectRecord<R>> Predicate<R> newPredicate(Map<String, ?> config, String alias) {
        String prefix = "predicates." + alias + ".";
        PluginDesc desc = resolve(PluginType.PREDICATE, required(config, prefix + "type"),
                optional(config, prefix + PLUGIN_VERSION_SUFFIX), prefix + "type", prefix + PLUGIN_VERSION_SUFFIX);
        Predicate<R> predicate = instantiate(desc, Predicate.class);
        Map<String, Object> settings = subConfig(config, prefix, Set.of("type", PLUGIN_VERSION_SUFFIX));
        configure(desc, prefix + "type", () -> predicate.configure(settings));
        return predicate;
    }

    /** Closes every plugin class loader. Plugin instances must not be used afterwards. */
    @Override
    public void close() {
        for (PluginClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                log.warn("Could not close the class loader of {}: {}", loader.location(), e.toString());
            }
        }
    }

    // ---------------------------------------------------------------- names and aliases

    /**
     * The aliases a class could have as a plugin of a type, before ambiguity is considered.
     *
     * @param className a full class name
     * @param type the plugin type
     * @return the simple name, then the simple name without the type's suffix (when it has one)
     */
    public static List<String> candidateAliases(String className, PluginType type) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        List<String> result = new ArrayList<>(2);
        result.add(simple);
        for (String suffix : type.aliasSuffixes()) {
            if (simple.endsWith(suffix) && simple.length() > suffix.length()) {
                result.add(simple.substring(0, simple.length() - suffix.length()));
                break;
            }
        }
        return result;
    }

    /**
     * Finds the aliases that several different classes of one kind claim.
     *
     * @param plugins plugins from any number of locations
     * @return per alias group, each ambiguous alias with the plugins claiming it (sorted by alias)
     */
    public static Map<PluginType, Map<String, List<PluginDesc>>> ambiguousAliases(Collection<PluginDesc> plugins) {
        Map<PluginType, Map<String, List<PluginDesc>>> result = new EnumMap<>(PluginType.class);
        aliasIndex(plugins).forEach((group, byAlias) -> byAlias.forEach((alias, descs) -> {
            if (classNames(descs).size() > 1) {
                result.computeIfAbsent(group, g -> new TreeMap<>()).put(alias, descs);
            }
        }));
        return result;
    }

    private static Map<PluginType, Map<String, List<PluginDesc>>> aliasIndex(Collection<PluginDesc> plugins) {
        Map<PluginType, Map<String, List<PluginDesc>>> index = new EnumMap<>(PluginType.class);
        for (PluginType t : PluginType.values()) {
            index.put(t.aliasGroup(), new LinkedHashMap<>());
        }
        for (PluginDesc d : plugins) {
            for (String alias : candidateAliases(d.className(), d.type())) {
                index.get(d.type().aliasGroup()).computeIfAbsent(alias, a -> new ArrayList<>()).add(d);
            }
        }
        return index;
    }

    private static Set<String> classNames(List<PluginDesc> descs) {
        Set<String> names = new LinkedHashSet<>();
        if (descs != null) {
            descs.forEach(d -> names.add(d.className()));
        }
        return names;
    }

    private PluginDesc resolve(PluginType type, String name, String version, String nameKey, String versionKey) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        String wanted = name.trim();
        PluginType group = type.aliasGroup();
        List<PluginDesc> ofKind = plugins.stream().filter(p -> p.type().aliasGroup() == group).toList();
        List<PluginDesc> candidates = ofKind.stream().filter(p -> p.className().equals(wanted)).toList();
        if (candidates.isEmpty()) {
            List<PluginDesc> byAlias = aliases.get(group).getOrDefault(wanted, List.of());
            Set<String> classes = classNames(byAlias);
            if (classes.size() > 1) {
                throw configError(nameKey, name, "the " + group.noun() + " alias '" + wanted + "' is ambiguous: it names "
                        + byAlias.stream().map(PluginDesc::toString).distinct().collect(Collectors.joining(", "))
                        + ". Use the full class name.");
            }
            candidates = byAlias;
        }
        if (candidates.isEmpty()) {
            String installed = ofKind.stream().map(PluginDesc::className).distinct().sorted()
                    .collect(Collectors.joining(", "));
            throw configError(nameKey, name, "no " + group.noun() + " named '" + wanted + "' is installed ("
                    + (installed.isEmpty() ? "none is installed" : "installed: " + installed)
                    + "). Check the name and plugin.path.");
        }
        if (version != null && !version.isBlank()) {
            String v = version.trim();
            for (PluginDesc d : candidates) {
                if (d.version().equals(v)) {
                    return d;
                }
            }
            String installed = candidates.stream().sorted(Comparator.comparing(PluginDesc::version, PluginVersions.ORDER).reversed())
                    .map(d -> d.version() + " (" + d.location() + ")").collect(Collectors.joining(", "));
            throw configError(versionKey, version, group.noun() + " " + candidates.get(0).className()
                    + " has no version '" + v + "' installed; installed versions: " + installed);
        }
        PluginDesc best = candidates.get(0);
        for (PluginDesc d : candidates) {
            if (PluginVersions.compare(d.version(), best.version()) > 0) {
                best = d;
            }
        }
        return best;
    }

    private static ConfigException configError(String key, String value, String message) {
        return key == null ? new ConfigException(message) : new ConfigException(key, value, message);
    }

    private static String required(Map<String, ?> config, String key) {
        String value = optional(config, key);
        if (value == null || value.isBlank()) {
            throw new ConfigException(key, value, "is required: name a plugin class or alias");
        }
        return value;
    }

    private static String optional(Map<String, ?> config, String key) {
        Object value = Objects.requireNonNull(config, "config").get(key);
        if (value instanceof Class<?> c) {
            return c.getName();
        }
        return value == null ? null : value.toString();
    }

    private static Map<String, Object> subConfig(Map<String, ?> config, String prefix, Set<String> excluded) {
        Map<String, Object> result = new LinkedHashMap<>();
        config.forEach((k, v) -> {
            if (k.startsWith(prefix) && !excluded.contains(k.substring(prefix.length()))) {
                result.put(k.substring(prefix.length()), v);
            }
        });
        return result;
    }

    @SuppressWarnings("try") // the swap is used for its scope
    private static void configure(PluginDesc desc, String key, Runnable configure) {
        try (LoaderSwap swap = LoaderSwap.swap(desc.loader())) {
            configure.run();
        } catch (ConnectException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new ConnectException("The " + desc.type().noun() + " " + desc + " named by " + key
                    + " failed to configure: " + e, e);
        }
    }

    private static <T> T instantiate(PluginDesc desc, Class<T> as) {
        return as.cast(construct(desc.pluginClass(), desc.loader(), desc.type().noun(), desc.location()));
    }

    @SuppressWarnings("try") // the swap is used for its scope
    private static <T> T construct(Class<T> type, ClassLoader loader, String noun, String location) {
        try (LoaderSwap swap = LoaderSwap.swap(loader)) {
            return type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new ConnectException("Cannot create " + noun + " " + type.getName() + " (" + location
                    + "): its constructor threw " + cause, cause);
        } catch (NoSuchMethodException e) {
            throw new ConnectException("Cannot create " + noun + " " + type.getName() + " (" + location
                    + "): it has no public no-argument constructor", e);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            throw new ConnectException("Cannot create " + noun + " " + type.getName() + " (" + location + "): " + e, e);
        }
    }

    private static String locationOf(ClassLoader loader) {
        return loader instanceof PluginClassLoader p ? p.location() : PluginDesc.CLASSPATH_LOCATION;
    }

    // ---------------------------------------------------------------- discovery

    /** Options for {@link Plugins}; not thread-safe, use once. */
    public static final class Builder {
        private final List<Path> locations = new ArrayList<>();
        private ClassLoader parent = Plugins.class.getClassLoader();
        private boolean includeClasspath = true;
        private Path extractionRoot = PluginLocation.defaultExtractionRoot();
        private java.time.Duration discoveryTimeout = DEFAULT_DISCOVERY_TIMEOUT;

        private Builder() {
        }

        /**
         * @param timeout how long one location's discovery may take (loading its classes, running
         *     its plugins' constructors and {@code version()}); a location that takes longer is
         *     skipped and reported in {@link Plugins#problems()} with where its thread was stuck,
         *     and that thread is abandoned. Default {@link Plugins#DEFAULT_DISCOVERY_TIMEOUT}
         * @return this builder
         */
        public Builder discoveryTimeout(java.time.Duration timeout) {
            if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the discovery timeout must be positive, not " + timeout);
            }
            this.discoveryTimeout = timeout;
            return this;
        }

        /**
         * Adds the locations of a {@code plugin.path} value.
         *
         * @param pluginPath comma-separated directories; {@code null} or blank adds none
         * @return this builder
         * @throws PluginLocationException naming a missing directory
         */
        public Builder pluginPath(String pluginPath) {
            locations.addAll(PluginLocation.locationsIn(pluginPath));
            return this;
        }

        /**
         * Adds plugin locations directly (each a jar, a zip archive or a directory).
         *
         * @param paths the locations
         * @return this builder
         */
        public Builder locations(Collection<Path> paths) {
            locations.addAll(paths);
            return this;
        }

        /**
         * @param runtimeLoader the runtime's loader: the parent of every plugin class loader and the
         *     loader whose services are the classpath plugins; default: the loader of {@link Plugins}
         * @return this builder
         */
        public Builder parent(ClassLoader runtimeLoader) {
            this.parent = Objects.requireNonNull(runtimeLoader, "runtimeLoader");
            return this;
        }

        /**
         * @param include whether to list the classpath's plugins (the built-ins); default {@code true}
         * @return this builder
         */
        public Builder includeClasspath(boolean include) {
            this.includeClasspath = include;
            return this;
        }

        /**
         * @param dir where {@code .zip} plugin archives are extracted; default
         *     {@link PluginLocation#defaultExtractionRoot()}
         * @return this builder
         */
        public Builder extractionRoot(Path dir) {
            this.extractionRoot = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Discovers the plugins.
         *
         * @return the registry; close it when done
         * @throws PluginLocationException naming the location when one cannot be opened
         */
        public Plugins build() {
            List<PluginDesc> found = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            List<PluginClassLoader> loaders = new ArrayList<>();
            if (includeClasspath) {
                found.addAll(scan(parent, null, PluginDesc.CLASSPATH_LOCATION, problems));
            }
            // Locations are independent: discover them on up to one thread per core, keep their order. Each runs
            // on a pool thread (even a single one) so that a location that blocks can be given up.
            int threads = Math.max(1, Math.min(locations.size(), Runtime.getRuntime().availableProcessors()));
            java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(threads, threads,
                    1, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "connect-sdk-plugin-discovery");
                        t.setDaemon(true);
                        return t;
                    });
            try {
                List<Running> running = new ArrayList<>();
                for (Path path : locations) {
                    Running r = new Running(path);
                    r.future = pool.submit(() -> {
                        r.thread = Thread.currentThread();
                        r.startedNanos = System.nanoTime();
                        r.started = true;
                        return discoverLocation(path);
                    });
                    running.add(r);
                }
                RuntimeException failure = null;
                long timeoutNanos = discoveryTimeout.toNanos();
                for (Running r : running) {
                    try {
                        Discovered d = awaitLocation(r, timeoutNanos);
                        if (d == null) {
                            problems.add(r.path + ": skipped: its discovery did not finish within " + discoveryTimeout.toMillis()
                                    + " ms (a plugin's static initializer, constructor or version() blocks); the discovering"
                                    + " thread was at " + stuckAt(r.thread));
                            // the abandoned thread keeps its pool slot: add one for the locations still queued
                            pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
                            pool.setCorePoolSize(pool.getCorePoolSize() + 1);
                            continue;
                        }
                        loaders.add(d.loader());
                        found.addAll(d.plugins());
                        problems.addAll(d.problems());
                    } catch (ExecutionException e) {
                        if (failure == null) {
                            failure = e.getCause() instanceof RuntimeException x ? x : new ConnectException(e.getCause().toString(), e.getCause());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        failure = new ConnectException("interrupted while discovering plugins", e);
                        break;
                    }
                }
                if (failure != null) {
                    throw failure;
                }
            } catch (RuntimeException e) {
                new Plugins(List.of(), loaders, List.of()).close();
                throw e;
            } finally {
                pool.shutdownNow();
            }
            problems.forEach(p -> log.warn("Plugin discovery: {}", p));
            return new Plugins(found, loaders, problems);
        }

        /**
         * @return the location's result, or {@code null} when it ran longer than the timeout (the
         *     time it waited in the pool's queue does not count)
         */
        private static Discovered awaitLocation(Running r, long timeoutNanos) throws ExecutionException, InterruptedException {
            while (true) {
                boolean started = r.started;
                long wait = !started ? java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(50)
                        : r.startedNanos + timeoutNanos - System.nanoTime();
                if (started && wait <= 0) {
                    return r.future.isDone() ? r.future.get() : null;
                }
                try {
                    return r.future.get(wait, java.util.concurrent.TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // not started yet, or over time: look again
                }
            }
        }

        /** @return the top frames of a stuck discovery thread, e.g. {@code com.acme.Foo.<init>(Foo.java:12) < ...} */
        private static String stuckAt(Thread thread) {
            if (thread == null) {
                return "(unknown)";
            }
            StackTraceElement[] frames = thread.getStackTrace();
            return java.util.Arrays.stream(frames).limit(6).map(StackTraceElement::toString)
                    .collect(Collectors.joining(" < ")) + (frames.length > 6 ? " < ..." : "");
        }

        private Discovered discoverLocation(Path path) {
            PluginLocation location = PluginLocation.open(path, extractionRoot);
            PluginClassLoader loader = location.newClassLoader(parent);
            List<String> problems = new ArrayList<>();
            try {
                loader.ownServicesOnly(true);
                List<PluginDesc> plugins = scan(loader, loader, location.path().toString(), problems);
                loadJdbcDrivers(loader, problems);
                return new Discovered(loader, plugins, problems);
            } catch (RuntimeException | Error e) {
                try {
                    loader.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                loader.ownServicesOnly(false);
            }
        }
    }

    /** What discovery found in one location. */
    private record Discovered(PluginClassLoader loader, List<PluginDesc> plugins, List<String> problems) {
    }

    /** A location being discovered: its task, and the thread and start time once it runs. */
    private static final class Running {
        final Path path;
        Future<Discovered> future;
        volatile Thread thread;
        volatile long startedNanos;
        volatile boolean started;

        Running(Path path) {
            this.path = path;
        }
    }

    /**
     * Runs ServiceLoader for every plugin type on a loader.
     *
     * @param loader the loader to search
     * @param owner when not {@code null}, only classes defined by it count
     * @param location the location name for descriptions and messages
     * @param problems collects entries that could not be used
     * @return the plugins found
     */
    @SuppressWarnings("try") // the swap is used for its scope
    static List<PluginDesc> scan(ClassLoader loader, PluginClassLoader owner, String location, List<String> problems) {
        List<PluginDesc> found = new ArrayList<>();
        try (LoaderSwap swap = LoaderSwap.swap(loader)) {
            for (PluginType type : PluginType.values()) {
                for (Object instance : load(type.spi(), loader, owner, location, problems)) {
                    Class<?> c = instance.getClass();
                    found.add(new PluginDesc(c.getName(), List.of(), versionOf(instance, location, problems), type, location,
                            c.getClassLoader() != null ? c.getClassLoader() : loader, c));
                }
            }
        }
        return found;
    }

    @SuppressWarnings("try") // the swap is used for its scope
    private static void loadJdbcDrivers(PluginClassLoader loader, List<String> problems) {
        try (LoaderSwap swap = LoaderSwap.swap(loader)) {
            // Loading a driver runs its static initializer, which registers it with DriverManager.
            for (Object driver : load(Driver.class, loader, loader, loader.location(), problems)) {
                log.debug("Loaded JDBC driver {} from {}", driver.getClass().getName(), loader.location());
            }
        }
    }

    private static <S> List<S> load(Class<S> spi, ClassLoader loader, PluginClassLoader owner, String location,
            List<String> problems) {
        List<S> result = new ArrayList<>();
        // stream() gives each provider's class without instantiating it, so the runtime's own services
        // (which a child-first loader also sees) are skipped without running their constructors.
        Iterator<ServiceLoader.Provider<S>> it = ServiceLoader.load(spi, loader).stream().iterator();
        int failures = 0;
        while (true) {
            ServiceLoader.Provider<S> provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add(location + ": skipped a " + spi.getName() + " service entry: " + describe(e));
                if (++failures > 1000) {
                    break;
                }
                continue;
            }
            if (owner != null && !owner.definesClass(provider.type())) {
                continue;
            }
            try {
                result.add(provider.get());
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                problems.add(location + ": skipped a " + spi.getName() + " service entry: " + describe(e));
            }
        }
        return result;
    }

    private static String versionOf(Object instance, String location, List<String> problems) {
        try {
            String v = ((Versioned) instance).version();
            return v == null || v.isBlank() ? PluginDesc.UNDEFINED_VERSION : v.trim();
        } catch (RuntimeException | LinkageError e) {
            problems.add(location + ": " + instance.getClass().getName() + ".version() threw " + e);
            return PluginDesc.UNDEFINED_VERSION;
        }
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable c = e.getCause();
        for (int depth = 0; c != null && depth < 5; depth++, c = c.getCause()) {
            sb.append(" (caused by ").append(c).append(')');
        }
        return sb.toString();
    }
}
