package io.connectsdk.builtins.chain;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.errors.RetriableException;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.source.SourceRecord;
import io.connectsdk.api.transforms.Predicate;
import io.connectsdk.api.transforms.Transform;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The transforms of a connector, applied to each record in order; built from connector
 * configuration exactly as Kafka Connect reads it:
 * <pre>
 * transforms=route,mask
 * transforms.route.type=RegexRouter                 # class name or alias, see {@link DefaultPluginResolver}
 * transforms.route.regex=(.*)-raw
 * transforms.route.replacement=$1
 * transforms.mask.type=org.apache.kafka.connect.transforms.MaskField$Value
 * transforms.mask.fields=ssn
 * transforms.mask.predicate=isOrders                # optional: apply only to matching records
 * transforms.mask.negate=false                      # optional: apply only to records that do NOT match
 * predicates=isOrders
 * predicates.isOrders.type=TopicNameMatches
 * predicates.isOrders.pattern=orders.*
 * </pre>
 * Each transform is configured with its {@code transforms.<alias>.} keys, prefix removed
 * ({@code type} included, {@code predicate} and {@code negate} left out); each declared predicate
 * with its {@code predicates.<name>.} keys.
 *
 * <p><b>Applying.</b> {@link #apply} runs the stages in order; a stage whose predicate does not
 * select the record ({@code negate} inverts the predicate) passes it on unchanged; a transform that
 * returns {@code null} drops the record and the chain stops there. The thread's context classloader
 * is the plugin's own loader during each call into a plugin.
 *
 * <p><b>Errors.</b> Configuration problems are {@link ConfigException}s whose keys are the full
 * connector keys ({@code transforms.mask.fields}) and whose messages name the transform or
 * predicate alias: unknown or missing type, duplicate aliases, an undeclared predicate,
 * {@code negate} without {@code predicate}, and every error a plugin's {@code configure} reports.
 * An exception from a transform or predicate while applying is rethrown with the alias, the plugin
 * class and the record's topic, partition and offset (Kafka offset for sink records, source
 * partition and offset for source records) in the message, the original as cause: a
 * {@link RetriableException} stays retriable, a non-data {@link ConnectException} stays a
 * {@code ConnectException}, anything else becomes a {@link DataException}.
 *
 * <p><b>Lifecycle and threads.</b> Build one chain per task and use it from that task's thread;
 * {@link #close()} closes every transform and predicate once.
 *
 * @param <R> the record type
 */
public final class TransformChain<R extends ConnectRecord<R>> implements AutoCloseable {
    /** Connector key: the transform aliases, in order. */
    public static final String TRANSFORMS_CONFIG = "transforms";
    /** Connector key: the predicate names. */
    public static final String PREDICATES_CONFIG = "predicates";
    /** Per-plugin key: the class or alias. */
    public static final String TYPE_CONFIG = "type";
    /**
     * The per-transform/per-predicate key that asks for one installed version of the plugin
     * ({@code transforms.<alias>.plugin.version}); absent means the highest installed version.
     */
    public static final String PLUGIN_VERSION_CONFIG = "plugin.version";
    /** Per-transform key: the predicate that selects the records the transform applies to. */
    public static final String PREDICATE_CONFIG = "predicate";
    /** Per-transform key: whether to apply the transform to the records the predicate does not select. */
    public static final String NEGATE_CONFIG = "negate";

    /**
     * One transform of the chain, with its optional predicate.
     *
     * @param <R> the record type
     */
    public static final class Stage<R extends ConnectRecord<R>> {
        private final String alias;
        private final Transform<R> transform;
        private final String predicateName;
        private final Predicate<R> predicate;
        private final boolean negate;

        /**
         * @param alias the transform's alias, for messages; not {@code null}
         * @param transform the configured transform; not {@code null}
         * @param predicateName the predicate's name, or {@code null} for none
         * @param predicate the configured predicate, or {@code null} to apply the transform to every record
         * @param negate whether to apply the transform to the records the predicate does not select
         */
        public Stage(String alias, Transform<R> transform, String predicateName, Predicate<R> predicate, boolean negate) {
            this.alias = Objects.requireNonNull(alias, "alias");
            this.transform = Objects.requireNonNull(transform, "transform");
            this.predicateName = predicateName;
            this.predicate = predicate;
            this.negate = negate;
        }

        /** @return the transform's alias */
        public String alias() {
            return alias;
        }

        /** @return the transform */
        public Transform<R> transform() {
            return transform;
        }

        /** @return the predicate's name, or {@code null} */
        public String predicateName() {
            return predicateName;
        }

        /** @return the predicate, or {@code null} */
        public Predicate<R> predicate() {
            return predicate;
        }

        /** @return whether the predicate is negated */
        public boolean negate() {
            return negate;
        }

        @Override
        public String toString() {
            return alias + "=" + transform.getClass().getName()
                    + (predicate == null ? "" : " if " + (negate ? "not " : "") + predicateName);
        }
    }

    private final List<Stage<R>> stages;
    private boolean closed;

    /**
     * A chain of already configured stages; usually built with {@link #fromConfig}.
     *
     * @param stages the stages, in order; copied
     */
    public TransformChain(List<Stage<R>> stages) {
        this.stages = List.copyOf(stages);
    }

    /**
     * Builds the chain of a connector configuration (see the class description). On failure every
     * plugin created so far is closed.
     *
     * @param connectorConfig the whole connector configuration; values as strings or typed; other
     *     keys are ignored
     * @param resolver finds and creates the transform and predicate classes
     * @param <R> the record type
     * @return the configured chain; empty when {@code transforms} is not set or empty
     * @throws ConfigException for any configuration problem, naming the key(s) and the alias
     */
    public static <R extends ConnectRecord<R>> TransformChain<R> fromConfig(Map<String, ?> connectorConfig,
                                                                          PluginResolver resolver) {
        Objects.requireNonNull(connectorConfig, "connectorConfig");
        Objects.requireNonNull(resolver, "resolver");
        List<String> transformAliases = aliases(connectorConfig, TRANSFORMS_CONFIG);
        List<String> predicateNames = aliases(connectorConfig, PREDICATES_CONFIG);
        Map<String, Predicate<R>> predicates = new LinkedHashMap<>();
        List<Stage<R>> stages = new ArrayList<>();
        try {
            for (String name : predicateNames) {
                predicates.put(name, createPredicate(connectorConfig, name, resolver));
            }
            for (String alias : transformAliases) {
                stages.add(createStage(connectorConfig, alias, predicates, predicateNames, resolver));
            }
        } catch (RuntimeException | Error e) {
            List<AutoCloseable> created = new ArrayList<>();
            for (Stage<R> stage : stages) {
                created.add(stage.transform());
            }
            created.addAll(predicates.values());
            closeAll(created, e);
            throw e;
        }
        return new TransformChain<>(stages);
    }

    private static List<String> aliases(Map<String, ?> config, String key) {
        Object raw = config.get(key);
        if (raw == null) {
            return List.of();
        }
        List<?> parsed = (List<?>) ConfigDef.parseType(key, raw, ConfigDef.Type.LIST);
        Set<String> unique = new LinkedHashSet<>();
        for (Object element : parsed) {
            String alias = element == null ? "" : element.toString().trim();
            if (alias.isEmpty()) {
                throw new ConfigException(key, raw, "has an empty alias");
            }
            if (!unique.add(alias)) {
                throw new ConfigException(key, raw, "lists the alias '" + alias + "' more than once");
            }
        }
        return new ArrayList<>(unique);
    }

    private static Map<String, Object> withPrefix(Map<String, ?> config, String prefix) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : config.entrySet()) {
            if (e.getKey() != null && e.getKey().startsWith(prefix)) {
                result.put(e.getKey().substring(prefix.length()), e.getValue());
            }
        }
        return result;
    }

    private static <T> T instantiate(Map<String, ?> config, String prefix, String kind, String alias,
                                     Class<T> spiType, PluginResolver resolver) {
        String typeKey = prefix + TYPE_CONFIG;
        Object type = config.get(typeKey);
        if (type == null || type.toString().isBlank()) {
            throw new ConfigException(Map.of(typeKey, List.of("Missing required configuration \"" + typeKey + "\": the class "
                    + "or alias of " + kind + " '" + alias + "'")));
        }
        String name = type instanceof Class ? ((Class<?>) type).getName() : type.toString().trim();
        Object version = config.get(prefix + PLUGIN_VERSION_CONFIG);
        try {
            return resolver.newInstance(name, spiType, version == null ? null : version.toString().trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(typeKey, name, e.getMessage() + " (" + kind + " '" + alias + "')");
        }
    }

    @SuppressWarnings("unchecked")
    private static <R extends ConnectRecord<R>> Predicate<R> createPredicate(Map<String, ?> config, String name,
                                                                           PluginResolver resolver) {
        String prefix = PREDICATES_CONFIG + "." + name + ".";
        Predicate<R> predicate = instantiate(config, prefix, "predicate", name, Predicate.class, resolver);
        try {
            configure(predicate, withPrefix(config, prefix), prefix, "predicate", name);
        } catch (RuntimeException e) {
            closeAll(List.of(predicate), e);
            throw e;
        }
        return predicate;
    }

    @SuppressWarnings("unchecked")
    private static <R extends ConnectRecord<R>> Stage<R> createStage(Map<String, ?> config, String alias,
                                                                   Map<String, Predicate<R>> predicates,
                                                                   List<String> predicateNames, PluginResolver resolver) {
        String prefix = TRANSFORMS_CONFIG + "." + alias + ".";
        Map<String, Object> own = withPrefix(config, prefix);
        Object predicateValue = own.remove(PREDICATE_CONFIG);
        Object negateValue = own.remove(NEGATE_CONFIG);
        String predicateName = predicateValue == null ? null : predicateValue.toString().trim();
        if (predicateName == null && negateValue != null) {
            throw new ConfigException(Map.of(prefix + NEGATE_CONFIG, List.of("Config '" + prefix + NEGATE_CONFIG
                    + "' was provided but there is no config '" + prefix + PREDICATE_CONFIG
                    + "' defining a predicate to be negated (transform '" + alias + "')")));
        }
        boolean negate = negateValue != null && (Boolean) ConfigDef.parseType(prefix + NEGATE_CONFIG, negateValue,
                ConfigDef.Type.BOOLEAN);
        Predicate<R> predicate = null;
        if (predicateName != null) {
            predicate = predicates.get(predicateName);
            if (predicate == null) {
                throw new ConfigException(prefix + PREDICATE_CONFIG, predicateName, "transform '" + alias
                        + "' refers to predicate '" + predicateName + "', which is not declared in " + PREDICATES_CONFIG
                        + " (declared: " + predicateNames + ")");
            }
        }
        Transform<R> transform = instantiate(config, prefix, "transform", alias, Transform.class, resolver);
        try {
            configure(transform, own, prefix, "transform", alias);
        } catch (RuntimeException e) {
            closeAll(List.of(transform), e);
            throw e;
        }
        return new Stage<>(alias, transform, predicateName, predicate, negate);
    }

    private static void configure(Object plugin, Map<String, Object> configs, String prefix, String kind, String alias) {
        String label = kind + " '" + alias + "' (" + plugin.getClass().getName() + ")";
        try {
            withLoaderOf(plugin, () -> {
                if (plugin instanceof Transform) {
                    ((Transform<?>) plugin).configure(configs);
                } else {
                    ((Predicate<?>) plugin).configure(configs);
                }
                return null;
            });
        } catch (ConfigException e) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            if (e.errors().isEmpty()) {
                errors.put(prefix.substring(0, prefix.length() - 1), List.of(label + ": " + e.getMessage()));
            } else {
                e.errors().forEach((key, messages) -> {
                    List<String> prefixed = new ArrayList<>();
                    for (String m : messages) {
                        prefixed.add(label + ": " + m);
                    }
                    errors.put(prefix + key, prefixed);
                });
            }
            ConfigException wrapped = new ConfigException(errors);
            wrapped.initCause(e);
            throw wrapped;
        } catch (RuntimeException e) {
            ConfigException wrapped = new ConfigException(Map.of(prefix.substring(0, prefix.length() - 1),
                    List.of(label + " failed to configure: " + e)));
            wrapped.initCause(e);
            throw wrapped;
        }
    }

    /** @return the stages, in order; unmodifiable */
    public List<Stage<R>> stages() {
        return Collections.unmodifiableList(stages);
    }

    /** @return whether the chain has no transform */
    public boolean isEmpty() {
        return stages.isEmpty();
    }

    /**
     * Applies every stage in order.
     *
     * @param record the record; {@code null} gives {@code null}
     * @return the transformed record, or {@code null} when a transform dropped it
     * @throws DataException, RetriableException or ConnectException when a transform or predicate
     *     fails, naming the alias and the record (see the class description)
     */
    public R apply(R record) {
        R current = record;
        for (Stage<R> stage : stages) {
            if (current == null) {
                return null;
            }
            if (stage.predicate != null) {
                R input = current;
                boolean matches;
                try {
                    matches = withLoaderOf(stage.predicate, () -> stage.predicate.test(input));
                } catch (RuntimeException e) {
                    throw wrap(e, "Predicate '" + stage.predicateName + "' (" + stage.predicate.getClass().getName()
                            + ") of transform '" + stage.alias + "'", input);
                }
                if (matches == stage.negate) {
                    continue;
                }
            }
            R input = current;
            try {
                current = withLoaderOf(stage.transform, () -> stage.transform.apply(input));
            } catch (RuntimeException e) {
                throw wrap(e, "Transform '" + stage.alias + "' (" + stage.transform.getClass().getName() + ")", input);
            }
        }
        return current;
    }

    private static ConnectException wrap(RuntimeException e, String who, ConnectRecord<?> record) {
        String message = who + " failed on record " + describe(record) + ": " + e.getMessage();
        if (e instanceof RetriableException) {
            return new RetriableException(message, e);
        }
        if (e instanceof ConnectException && !(e instanceof DataException)) {
            return new ConnectException(message, e);
        }
        return new DataException(message, e);
    }

    /** @return where a record is, for messages: topic, partition and offset (or source position) */
    static String describe(ConnectRecord<?> record) {
        StringBuilder sb = new StringBuilder("topic=").append(record.topic())
                .append(" partition=").append(record.kafkaPartition());
        if (record instanceof SinkRecord) {
            sb.append(" offset=").append(((SinkRecord) record).kafkaOffset());
        } else if (record instanceof SourceRecord) {
            SourceRecord source = (SourceRecord) record;
            sb.append(" sourcePartition=").append(source.sourcePartition())
                    .append(" sourceOffset=").append(source.sourceOffset());
        }
        return sb.toString();
    }

    private static <T> T withLoaderOf(Object plugin, Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader pluginLoader = plugin.getClass().getClassLoader();
        if (pluginLoader == null || pluginLoader == previous) {
            return call.get();
        }
        thread.setContextClassLoader(pluginLoader);
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Closes every transform and predicate once (predicates shared by several stages are closed
     * once), even when some fail; later calls do nothing.
     *
     * @throws ConnectException when a plugin failed to close, after all were closed; the first
     *     failure is the cause, the others are suppressed
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> plugins = new ArrayList<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Stage<R> stage : stages) {
            if (seen.add(stage.transform)) {
                plugins.add(stage.transform);
            }
            if (stage.predicate != null && seen.add(stage.predicate)) {
                plugins.add(stage.predicate);
            }
        }
        RuntimeException failure = closeAll(plugins, null);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Closes each plugin; failures are added to {@code primary} as suppressed when it is given, else
     * collected into a new exception that is returned.
     */
    private static RuntimeException closeAll(List<? extends AutoCloseable> plugins, Throwable primary) {
        ConnectException collected = null;
        for (AutoCloseable plugin : plugins) {
            try {
                withLoaderOf(plugin, () -> {
                    try {
                        plugin.close();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new ConnectException(e);
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                if (primary != null) {
                    primary.addSuppressed(e);
                } else if (collected == null) {
                    collected = new ConnectException("Failed to close " + plugin.getClass().getName() + ": " + e, e);
                } else {
                    collected.addSuppressed(e);
                }
            }
        }
        return collected;
    }

    /** @return the aliases and classes, in order */
    @Override
    public String toString() {
        return "TransformChain" + stages;
    }
}
