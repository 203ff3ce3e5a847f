package io.connectsdk.runtime.worker;

import io.connectsdk.api.config.Config;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.config.ConfigValue;
import io.connectsdk.api.connector.Connector;
import io.connectsdk.api.connector.Task;
import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.sink.SinkConnector;
import io.connectsdk.api.sink.SinkTask;
import io.connectsdk.api.source.OffsetStorageReader;
import io.connectsdk.api.source.SourceConnector;
import io.connectsdk.api.source.SourceTask;
import io.connectsdk.api.storage.Converter;
import io.connectsdk.api.storage.HeaderConverter;
import io.connectsdk.builtins.chain.TransformChain;
import io.connectsdk.runtime.config.ConfigProviders;
import io.connectsdk.runtime.config.ConnectorConfig;
import io.connectsdk.runtime.config.SinkConnectorConfig;
import io.connectsdk.runtime.config.SourceConnectorConfig;
import io.connectsdk.runtime.config.TopicCreationConfig;
import io.connectsdk.runtime.config.WorkerConfig;
import io.connectsdk.runtime.errors.DeadLetterQueueReporter;
import io.connectsdk.runtime.errors.ErrorReporter;
import io.connectsdk.runtime.errors.LogReporter;
import io.connectsdk.runtime.errors.RetryWithToleranceOperator;
import io.connectsdk.runtime.errors.ToleranceType;
import io.connectsdk.runtime.herder.BadRequestException;
import io.connectsdk.runtime.herder.ConnectorTaskId;
import io.connectsdk.runtime.herder.ConnectorType;
import io.connectsdk.runtime.herder.State;
import io.connectsdk.runtime.metrics.ConnectMetrics;
import io.connectsdk.runtime.metrics.ConnectorMetrics;
import io.connectsdk.runtime.metrics.ErrorMetrics;
import io.connectsdk.runtime.metrics.TaskMetrics;
import io.connectsdk.runtime.metrics.WorkerMetrics;
import io.connectsdk.runtime.plugin.LoaderSwap;
import io.connectsdk.runtime.storage.ConnectorOffsetReader;
import io.connectsdk.runtime.storage.OffsetStore;
import io.connectsdk.runtime.storage.StatusStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs connector instances and tasks in this process: each connector on its own thread
 * ({@code connector-<name>}), each task on its own thread ({@code task-<name>-<n>}). It knows
 * nothing of cluster membership or where configurations come from: a herder tells it what to run.
 *
 * <p><b>Plugins.</b> Every plugin (connector, task, converters, transforms, predicates) is found
 * and created through {@link WorkerPlugins}, and every call into it runs with the plugin's own
 * classloader as the thread's context classloader (task threads keep the connector's loader for
 * their whole run; transforms and predicates switch to theirs per call).
 *
 * <p><b>Statuses</b> go to the {@link StatusStore}: connectors and tasks report {@code RUNNING},
 * {@code PAUSED}, {@code FAILED} (with the stack trace) and {@code UNASSIGNED}; each start gets a
 * new generation so that late reports of a stopped instance are ignored.
 *
 * <p><b>Stopping</b> is bounded: a connector or group of tasks gets
 * {@code task.shutdown.graceful.timeout.ms} in total; whatever has not finished by then is
 * abandoned (its daemon thread is left to finish on its own) and logged.
 *
 * <p><b>Threading.</b> All public methods are thread-safe; herders call them from their own
 * thread. The worker owns the offset store's lifecycle ({@link #start()}/{@link #stop()}).
 */
public final class Worker {
    /** The key the worker adds to each task configuration: the task's class name, as in Kafka Connect. */
    public static final String TASK_CLASS_CONFIG = "task.class";
    /**
     * Connector key asking for one installed version of the connector plugin; absent means the
     * highest installed version.
     */
    public static final String PLUGIN_VERSION_CONNECTOR_CONFIG = "connector.plugin.version";
    /**
     * Suffix of the converter keys asking for one installed version ({@code key.converter.plugin.version},
     * {@code value.converter.plugin.version}, {@code header.converter.plugin.version}); read from
     * whichever config (connector or worker) names the converter class.
     */
    public static final String PLUGIN_VERSION_SUFFIX = "plugin.version";

    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    private final String workerId;
    private final WorkerConfig config;
    private final WorkerPlugins plugins;
    private final OffsetStore offsetStore;
    private final StatusStore statusStore;
    private final Map<String, WorkerConnector> connectors = new ConcurrentHashMap<>();
    private final Map<ConnectorTaskId, WorkerTask> tasks = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    /** Per connector, the topics its tasks produced to or consumed from since this worker started. */
    private final Map<String, Set<String>> activeTopics = new ConcurrentHashMap<>();
    /** JMX metrics under Kafka Connect's names; worker-level ones from {@link #start()} to {@link #stop()}. */
    private final ConnectMetrics metrics;
    private volatile WorkerMetrics workerMetrics;
    private final Map<String, ConnectorMetrics> connectorMetrics = new ConcurrentHashMap<>();
    private final Map<ConnectorTaskId, TaskMetrics> taskMetricsById = new ConcurrentHashMap<>();
    /** Resolves {@code ${provider:path:key}} in connector configurations when they start or are validated. */
    private final ConfigProviders configProviders;

    /**
     * @param workerId this worker's id, {@code host:port}
     * @param config the worker configuration
     * @param plugins where plugins come from
     * @param offsetStore the source offset store; started and stopped by this worker
     * @param statusStore where states are written
     * @throws ConfigException naming the key when a config provider or metric reporter cannot be set up
     */
    public Worker(String workerId, WorkerConfig config, WorkerPlugins plugins, OffsetStore offsetStore,
                  StatusStore statusStore) {
        this.workerId = Objects.requireNonNull(workerId, "workerId");
        this.config = Objects.requireNonNull(config, "config");
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.offsetStore = Objects.requireNonNull(offsetStore, "offsetStore");
        this.statusStore = Objects.requireNonNull(statusStore, "statusStore");
        this.configProviders = ConfigProviders.create(config.originals());
        try {
            this.metrics = new ConnectMetrics(config, workerId);
        } catch (RuntimeException e) {
            configProviders.close();
            throw e;
        }
    }

    /** @return the worker's JMX metrics ({@code kafka.connect:type=...}) */
    public ConnectMetrics metrics() {
        return metrics;
    }

    /** @return this worker's id */
    public String workerId() {
        return workerId;
    }

    /** @return the worker configuration */
    public WorkerConfig config() {
        return config;
    }

    /** @return where plugins come from */
    public WorkerPlugins plugins() {
        return plugins;
    }

    /** @return the source offset store */
    public OffsetStore offsetStore() {
        return offsetStore;
    }

    /** @return the status store */
    public StatusStore statusStore() {
        return statusStore;
    }

    /** Starts the offset store. */
    public void start() {
        Set<String> unknown = config.unknownKeys();
        if (!unknown.isEmpty()) {
            log.warn("Worker configuration keys {} are not known; they are ignored (misspelt?)", unknown);
        }
        offsetStore.start();
        workerMetrics = new WorkerMetrics(metrics, connectors::size, tasks::size);
        log.info("Worker {} started", workerId);
    }

    /**
     * Stops every connector and task (bounded by {@code task.shutdown.graceful.timeout.ms} for the
     * tasks, and again for the connectors), then the offset store.
     */
    public void stop() {
        log.info("Worker {} stopping", workerId);
        stopAndAwaitTasks(new ArrayList<>(tasks.keySet()));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.taskShutdownGracefulTimeoutMs());
        for (String name : new ArrayList<>(connectors.keySet())) {
            stopConnector(name, Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        offsetStore.stop();
        configProviders.close();
        metrics.close();
        log.info("Worker {} stopped", workerId);
    }

    // ------------------------------------------------------------------------------------------
    // Validation

    /**
     * Resolves {@code connector.class}.
     *
     * @param props a connector configuration
     * @return the connector class
     * @throws ConfigException naming {@code connector.class} and what was tried
     */
    public Class<? extends Connector> connectorClass(Map<String, String> props) {
        String name = props.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG);
        if (name == null || name.isBlank()) {
            throw new ConfigException(Map.of(ConnectorConfig.CONNECTOR_CLASS_CONFIG,
                    List.of("Missing required configuration \"" + ConnectorConfig.CONNECTOR_CLASS_CONFIG
                            + "\" which has no default value.")));
        }
        try {
            return plugins.resolve(name.trim(), Connector.class, props.get(PLUGIN_VERSION_CONNECTOR_CONFIG));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConnectorConfig.CONNECTOR_CLASS_CONFIG, name, e.getMessage());
        }
    }

    /**
     * @param connectorClass a connector class
     * @return whether it is a source or a sink connector
     */
    public static ConnectorType connectorType(Class<?> connectorClass) {
        if (SourceConnector.class.isAssignableFrom(connectorClass)) {
            return ConnectorType.SOURCE;
        }
        if (SinkConnector.class.isAssignableFrom(connectorClass)) {
            return ConnectorType.SINK;
        }
        return ConnectorType.UNKNOWN;
    }

    /**
     * Classes every task needs as it starts (its producer or consumer and the worker's pipelines),
     * in the order they are first used.
     */
    static final List<String> TASK_CLASSES = List.of(
            // the protocol: initialising these loads every request, response and error class of the clients
            "org.apache.kafka.common.protocol.ApiKeys", "org.apache.kafka.common.protocol.Errors",
            "org.apache.kafka.common.requests.AbstractRequest", "org.apache.kafka.common.requests.AbstractResponse",
            "org.apache.kafka.clients.NetworkClient", "org.apache.kafka.common.network.Selector",
            "org.apache.kafka.clients.producer.KafkaProducer", "org.apache.kafka.clients.producer.ProducerConfig",
            "org.apache.kafka.clients.producer.internals.Sender",
            "org.apache.kafka.clients.producer.internals.RecordAccumulator",
            "org.apache.kafka.clients.producer.internals.BufferPool",
            "org.apache.kafka.clients.consumer.KafkaConsumer", "org.apache.kafka.clients.consumer.ConsumerConfig",
            "org.apache.kafka.clients.consumer.internals.ClassicKafkaConsumer",
            "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
            "org.apache.kafka.clients.consumer.internals.Fetcher",
            "org.apache.kafka.clients.consumer.internals.AbstractCoordinator",
            "org.apache.kafka.clients.consumer.internals.OffsetFetcher",
            "io.connectsdk.runtime.worker.WorkerSourceTask", "io.connectsdk.runtime.worker.WorkerSinkTask");

    /**
     * Loads and initialises the classes every task needs as it starts (Kafka clients, the worker's
     * pipelines), so that a launcher can do it on a spare thread while it does something else (plugin
     * discovery, a broker's start) instead of on the way to the first record: ~0.2-0.3 s of class
     * loading and static initialisation in a fresh JVM. Classes that cannot be loaded are skipped.
     * Any thread; idempotent.
     */
    public static void preloadTaskClasses() {
        ClassLoader loader = Worker.class.getClassLoader();
        for (String name : TASK_CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                log.debug("Preloading {} failed: {}", name, e.toString());
            }
        }
    }

    /** Runs {@link #preloadTaskClasses()} on a daemon thread of its own and returns at once. */
    public static void preloadTaskClassesInBackground() {
        Thread t = new Thread(Worker::preloadTaskClasses, "connect-sdk-preload");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Checks a connector configuration as fully as possible without starting anything: the common
     * and source/sink keys, that {@code connector.class}, the converters, transforms and predicates
     * resolve (and transforms and predicates accept their settings), the client-override policy,
     * and the connector's own {@code validate}.
     *
     * @param props the connector configuration
     * @return every error per key, in a stable order; empty when the configuration is valid
     */
    public Map<String, List<String>> validateConnectorConfig(Map<String, String> props) {
        return validateConnectorConfig(props, null);
    }

    /**
     * As {@link #validateConnectorConfig(Map)}, also handing the connector's own definition and
     * {@code validate} result to {@code connectorResult} (for the REST validate endpoint).
     *
     * @param props the connector configuration
     * @param connectorResult receives the connector's {@code config()} and {@code validate(props)}
     *     result when the connector could be created and validated; may be {@code null}
     * @return every error per key, as {@link #validateConnectorConfig(Map)}
     */
    @SuppressWarnings("try") // LoaderSwap works by its scope
    public Map<String, List<String>> validateConnectorConfig(Map<String, String> props,
                                                             BiConsumer<ConfigDef, Config> connectorResult) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        try {
            props = configProviders.resolve(props);
        } catch (ConfigException e) {
            merge(errors, e.errors());
            return errors; // the other checks would judge the unresolved variables
        }
        Class<? extends Connector> connectorClass = null;
        try {
            connectorClass = connectorClass(props);
        } catch (ConfigException e) {
            merge(errors, e.errors().isEmpty()
                    ? Map.of(ConnectorConfig.CONNECTOR_CLASS_CONFIG, List.of(e.getMessage())) : e.errors());
        }
        ConnectorType type = connectorClass == null ? ConnectorType.UNKNOWN : connectorType(connectorClass);
        if (connectorClass != null && type == ConnectorType.UNKNOWN) {
            add(errors, ConnectorConfig.CONNECTOR_CLASS_CONFIG, "Invalid value " + connectorClass.getName()
                    + " for configuration connector.class: it is neither a SourceConnector nor a SinkConnector");
        }
        merge(errors, type == ConnectorType.SINK ? SinkConnectorConfig.validate(props)
                : ConnectorConfig.validate(SourceConnectorConfig.configDef(), props));
        if (type == ConnectorType.SOURCE && TopicCreationConfig.applies(config.topicCreationEnabled(), props)) {
            merge(errors, TopicCreationConfig.validate(props));
        }
        checkPlugin(errors, props, ConnectorConfig.KEY_CONVERTER_CLASS_CONFIG, Converter.class);
        checkPlugin(errors, props, ConnectorConfig.VALUE_CONVERTER_CLASS_CONFIG, Converter.class);
        checkPlugin(errors, props, ConnectorConfig.HEADER_CONVERTER_CLASS_CONFIG, HeaderConverter.class);
        boolean transformKeysOk = true;
        for (String key : errors.keySet()) {
            if (key.startsWith(ConnectorConfig.TRANSFORMS_CONFIG) || key.startsWith(ConnectorConfig.PREDICATES_CONFIG)) {
                transformKeysOk = false;
            }
        }
        if (transformKeysOk) {
            try {
                newTransformChain(props).close();
            } catch (ConfigException e) {
                merge(errors, e.errors().isEmpty()
                        ? Map.of(ConnectorConfig.TRANSFORMS_CONFIG, List.of(e.getMessage())) : e.errors());
            } catch (RuntimeException e) {
                add(errors, ConnectorConfig.TRANSFORMS_CONFIG, "The transforms could not be created: " + e);
            }
        }
        merge(errors, ClientConfigs.policyErrors(config.clientOverridePolicy(), props));
        if (connectorClass != null && type != ConnectorType.UNKNOWN) {
            try {
                Connector connector = plugins.newInstance(connectorClass);
                Config result;
                ConfigDef definition = null;
                try (LoaderSwap swap = LoaderSwap.forPlugin(connector)) {
                    result = connector.validate(props);
                    if (connectorResult != null) {
                        definition = connector.config();
                    }
                }
                if (connectorResult != null) {
                    connectorResult.accept(definition, result);
                }
                if (result != null) {
                    for (ConfigValue v : result.configValues()) {
                        for (String m : v.errorMessages()) {
                            add(errors, v.name(), m);
                        }
                    }
                }
            } catch (RuntimeException e) {
                add(errors, ConnectorConfig.CONNECTOR_CLASS_CONFIG, "Connector " + connectorClass.getName()
                        + " could not validate the configuration: " + e);
            }
        }
        return errors;
    }

    private void checkPlugin(Map<String, List<String>> errors, Map<String, String> props, String key, Class<?> spi) {
        String name = props.get(key);
        if (name == null || name.isBlank()) {
            return;
        }
        try {
            plugins.resolve(name.trim(), spi, props.get(key + "." + PLUGIN_VERSION_SUFFIX));
        } catch (IllegalArgumentException e) {
            add(errors, key, "Invalid value " + name + " for configuration " + key + ": " + e.getMessage());
        }
    }

    private static void merge(Map<String, List<String>> into, Map<String, List<String>> from) {
        from.forEach((k, v) -> v.forEach(m -> add(into, k, m)));
    }

    private static void add(Map<String, List<String>> errors, String key, String message) {
        List<String> list = errors.computeIfAbsent(key, k -> new ArrayList<>());
        if (!list.contains(message)) {
            list.add(message);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Connectors

    /** Tells the herder when values that config providers gave with a time to live expire, if it should act. */
    private static void reportExpiry(String connector, ConnectorConfig config, ConfigProviders.Resolved resolved,
                                     ConnectorListener listener) {
        if (resolved.ttlMs().isPresent() && config.restartsOnConfigExpiry()) {
            listener.onConfigExpiry(connector, resolved.ttlMs().getAsLong());
        }
    }

    /**
     * Starts a connector instance on its own thread. Returns at once; the connector's
     * {@code initialize}, {@code start} and first {@code taskConfigs} happen on its thread, and
     * the task configurations go to {@code listener}.
     *
     * @param name the connector's name
     * @param props its configuration, already validated; its config provider variables are resolved here
     * @param target whether to start it running or paused
     * @param listener receives its task configurations
     * @return completes when the connector started; completes exceptionally with the failure of
     *     its {@code start} (the connector is then {@code FAILED})
     * @throws ConfigException when the configuration cannot even be parsed
     * @throws IllegalStateException when a connector of that name runs already
     */
    public CompletableFuture<Void> startConnector(String name, Map<String, String> props, TargetState target,
                                                  ConnectorListener listener) {
        long gen = generation.incrementAndGet();
        ConfigProviders.Resolved resolved = configProviders.resolveWithTtl(props);
        props = resolved.config();
        Class<? extends Connector> type = connectorClass(props);
        ConnectorType kind = connectorType(type);
        ConnectorConfig parsed = kind == ConnectorType.SINK ? new SinkConnectorConfig(props)
                : new SourceConnectorConfig(props);
        reportExpiry(name, parsed, resolved, listener);
        Connector connector;
        try {
            connector = plugins.newInstance(type);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConnectorConfig.CONNECTOR_CLASS_CONFIG, props.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG),
                    e.getMessage());
        }
        OffsetStorageReader reader = kind == ConnectorType.SOURCE ? offsetReader(name) : null;
        WorkerConnector wc = new WorkerConnector(this, name, props, parsed, connector, target, listener, gen, reader);
        if (connectors.putIfAbsent(name, wc) != null) {
            throw new IllegalStateException("Connector " + name + " is already running on this worker");
        }
        connectorStatus(name, State.UNASSIGNED, null, gen);
        ConnectorMetrics previous = connectorMetrics.remove(name);
        if (previous != null) {
            previous.close(); // before its successor registers the same names
        }
        connectorMetrics.put(name, new ConnectorMetrics(metrics, name, type.getName(),
                kind == ConnectorType.SINK ? "sink" : "source", versionOf(connector), () -> connectorState(name),
                state -> taskCount(name, state)));
        WorkerMetrics wm = workerMetrics;
        if (wm != null) {
            wm.connectorStartAttempted();
        }
        wc.start();
        CompletableFuture<Void> started = wc.startFuture();
        if (wm != null) {
            started.whenComplete((v, e) -> wm.connectorStarted(e == null));
        }
        return started;
    }

    /**
     * Stops a connector instance (not its tasks); waits up to {@code task.shutdown.graceful.timeout.ms}.
     *
     * @param name the connector
     */
    public void stopConnector(String name) {
        stopConnector(name, config.taskShutdownGracefulTimeoutMs());
    }

    private void stopConnector(String name, long timeoutMs) {
        WorkerConnector wc = connectors.remove(name);
        if (wc != null) {
            wc.stop(timeoutMs);
        }
        ConnectorMetrics cm = connectorMetrics.remove(name);
        if (cm != null) {
            cm.close();
        }
    }

    @SuppressWarnings("try") // LoaderSwap works by its scope
    private static String versionOf(Connector connector) {
        try (LoaderSwap swap = LoaderSwap.swap(loaderOf(connector.getClass()))) {
            String v = connector.version();
            return v == null ? "null" : v;
        } catch (RuntimeException | LinkageError e) {
            return "unknown";
        }
    }

    private String connectorState(String name) {
        StatusStore.ConnectorStatus s = statusStore.get(name);
        return s == null ? "unassigned" : s.state().name().toLowerCase(Locale.ROOT);
    }

    private int taskCount(String name, String state) {
        int n = 0;
        for (StatusStore.TaskStatus t : statusStore.tasks(name)) {
            if (state == null || t.state().name().toLowerCase(Locale.ROOT).equals(state)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Creates a task's metrics (in {@link WorkerTask}'s constructor), closing those of an earlier
     * task with the same id that has not finished closing (a cancelled task) first.
     */
    TaskMetrics taskMetrics(ConnectorTaskId id, boolean source, java.util.function.IntSupplier count) {
        TaskMetrics previous = taskMetricsById.remove(id);
        if (previous != null) {
            previous.close();
        }
        TaskMetrics created = new TaskMetrics(metrics, id.connector(), id.task(), source, () -> {
            StatusStore.TaskStatus s = statusStore.get(id);
            return s == null ? "unassigned" : s.state().name().toLowerCase(Locale.ROOT);
        }, count);
        taskMetricsById.put(id, created);
        return created;
    }

    /** Closes a task's metrics unless a successor replaced them already. */
    void closeTaskMetrics(ConnectorTaskId id, TaskMetrics closing) {
        if (taskMetricsById.remove(id, closing)) {
            closing.close();
        }
    }

    /** @param succeeded whether a task's {@code start} (and its clients' creation) succeeded */
    void taskStartOutcome(boolean succeeded) {
        WorkerMetrics wm = workerMetrics;
        if (wm != null) {
            wm.taskStarted(succeeded);
        }
    }

    /** @param name a running connector; asks it for new task configurations (asynchronously) */
    public void requestTaskReconfiguration(String name) {
        WorkerConnector wc = connectors.get(name);
        if (wc != null) {
            wc.requestTaskReconfiguration();
        }
    }

    /** @return the names of the connectors running here, sorted */
    public Set<String> connectorNames() {
        return new TreeSet<>(connectors.keySet());
    }

    /**
     * Pauses or resumes a connector and its tasks running here.
     *
     * @param name the connector
     * @param state the new target state
     */
    public void setTargetState(String name, TargetState state) {
        WorkerConnector wc = connectors.get(name);
        if (wc != null) {
            wc.transitionTo(state);
        }
        for (WorkerTask t : tasks.values()) {
            if (t.id().connector().equals(name)) {
                t.transitionTo(state);
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Active topics

    /**
     * Records that a task of {@code connector} produced to or consumed from {@code topic} (tasks
     * call it once per topic); nothing when {@code topic.tracking.enable} is false.
     *
     * @param connector the connector
     * @param topic the topic
     */
    void recordActiveTopic(String connector, String topic) {
        if (config.topicTrackingEnabled()) {
            activeTopics.computeIfAbsent(connector, k -> ConcurrentHashMap.newKeySet()).add(topic);
        }
    }

    /**
     * @param connector a connector
     * @return the topics its tasks produced to (acknowledged records) or consumed from since this
     *     worker started, sorted; empty when none or when {@code topic.tracking.enable} is false
     */
    public SortedSet<String> activeTopics(String connector) {
        return new TreeSet<>(activeTopics.getOrDefault(connector, Set.of()));
    }

    // ------------------------------------------------------------------------------------------
    // Tasks

    /**
     * Starts a task on its own thread. Returns at once; setup (plugins, Kafka clients, the task's
     * {@code start}) happens on the task's thread, and any failure there marks the task
     * {@code FAILED} with its trace.
     *
     * @param id the task
     * @param connectorProps its connector's configuration, config provider variables not resolved yet
     * @param taskProps its configuration, with {@value #TASK_CLASS_CONFIG}; variables are resolved too
     * @param target whether to start it running or paused
     * @throws IllegalStateException when the task runs already
     */
    public void startTask(ConnectorTaskId id, Map<String, String> connectorProps, Map<String, String> taskProps,
                          TargetState target) {
        long gen = generation.incrementAndGet();
        if (tasks.containsKey(id)) {
            throw new IllegalStateException("Task " + id + " is already running on this worker");
        }
        taskStatus(id, State.UNASSIGNED, null, gen);
        WorkerMetrics wm = workerMetrics;
        if (wm != null) {
            wm.taskStartAttempted();
        }
        WorkerTask task;
        try {
            ConfigProviders.Resolved resolvedConnector = configProviders.resolveWithTtl(connectorProps);
            ConfigProviders.Resolved resolvedTask = configProviders.resolveWithTtl(taskProps);
            connectorProps = resolvedConnector.config();
            taskProps = resolvedTask.config();
            WorkerConnector owner = connectors.get(id.connector());
            if (owner != null && (resolvedConnector.ttlMs().isPresent() || resolvedTask.ttlMs().isPresent())) {
                ConnectorConfig parsed = new ConnectorConfig(connectorProps);
                reportExpiry(id.connector(), parsed, resolvedConnector, owner.listener());
                reportExpiry(id.connector(), parsed, resolvedTask, owner.listener());
            }
            Class<? extends Connector> connectorClass = connectorClass(connectorProps);
            ClassLoader loader = loaderOf(connectorClass);
            String taskClassName = taskProps.get(TASK_CLASS_CONFIG);
            if (taskClassName == null) {
                throw new ConnectException("Task " + id + " has no " + TASK_CLASS_CONFIG + " in its configuration");
            }
            Class<?> taskClass;
            try {
                taskClass = Class.forName(taskClassName, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ConnectException("Task class " + taskClassName + " of connector " + id.connector()
                        + " cannot be loaded: " + e, e);
            }
            Map<String, String> taskCopy = Collections.unmodifiableMap(new LinkedHashMap<>(taskProps));
            Map<String, String> connCopy = Collections.unmodifiableMap(new LinkedHashMap<>(connectorProps));
            if (SourceTask.class.isAssignableFrom(taskClass)) {
                task = new WorkerSourceTask(id, this, gen, loader, target, connCopy, taskCopy,
                        taskClass.asSubclass(SourceTask.class));
            } else if (SinkTask.class.isAssignableFrom(taskClass)) {
                task = new WorkerSinkTask(id, this, gen, loader, target, connCopy, taskCopy,
                        taskClass.asSubclass(SinkTask.class));
            } else {
                throw new ConnectException("Task class " + taskClassName + " of connector " + id.connector()
                        + " is neither a " + SourceTask.class.getName() + " nor a " + SinkTask.class.getName()
                        + " (" + Task.class.getName() + " alone is not enough)");
            }
        } catch (RuntimeException e) {
            log.error("Task {} could not be created", id, e);
            taskStatus(id, State.FAILED, trace(e), gen);
            taskStartOutcome(false);
            return;
        }
        tasks.put(id, task);
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } finally {
                tasks.remove(id, task);
            }
        }, "task-" + id.connector() + "-" + id.task());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops tasks and waits for them together, up to {@code task.shutdown.graceful.timeout.ms} in
     * total; tasks still running then are cancelled and their threads abandoned.
     *
     * @param ids the tasks; ids not running here are ignored
     */
    public void stopAndAwaitTasks(Collection<ConnectorTaskId> ids) {
        List<WorkerTask> stopping = new ArrayList<>();
        for (ConnectorTaskId id : ids) {
            WorkerTask t = tasks.get(id);
            if (t != null) {
                t.triggerStop();
                stopping.add(t);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.taskShutdownGracefulTimeoutMs());
        for (WorkerTask t : stopping) {
            if (!t.awaitStop(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())))) {
                t.cancel();
            }
            tasks.remove(t.id(), t);
        }
    }

    /** @return the tasks running here, sorted */
    public Set<ConnectorTaskId> taskIds() {
        return new TreeSet<>(tasks.keySet());
    }

    // ------------------------------------------------------------------------------------------
    // Helpers for connectors and tasks

    OffsetStorageReader offsetReader(String connector) {
        return new ConnectorOffsetReader(offsetStore, connector);
    }

    /**
     * Stops a connector at the herder's request (Kafka Connect's {@code STOPPED} state, KIP-875): its
     * instance stops if it runs, its status becomes {@code STOPPED}, and its
     * {@code connector-metrics} MBean stays, its {@code status} reading {@code stopped}. Stop its
     * tasks first.
     *
     * @param name the connector
     */
    public void stopConnectorByRequest(String name) {
        WorkerConnector wc = connectors.remove(name);
        if (wc != null) {
            wc.stop(config.taskShutdownGracefulTimeoutMs());
        }
        connectorStatus(name, State.STOPPED, null, generation.incrementAndGet());
    }

    /**
     * Alters a source connector's offsets: asks a fresh instance of the connector
     * ({@link SourceConnector#alterOffsets}, with its plugin's class loader and its configuration's
     * provider variables resolved), then writes them to the offset store. Call only while the
     * connector is stopped.
     *
     * @param name the connector
     * @param props its configuration
     * @param offsets partitions and their new offsets; a {@code null} offset removes the partition
     * @return whether the connector said it handled the offsets itself too
     * @throws BadRequestException naming the connector when it refuses
     *     them; nothing is written then
     */
    public boolean alterSourceConnectorOffsets(String name, Map<String, String> props,
                                               Map<Map<String, ?>, Map<String, ?>> offsets) {
        boolean handled = askConnector(name, props, SourceConnector.class,
                c -> c.alterOffsets(configProviders.resolve(props), Collections.unmodifiableMap(offsets)));
        try {
            offsetStore.put(name, offsets);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return handled;
    }

    /**
     * Asks a fresh instance of a sink connector whether it accepts new consumer offsets
     * ({@link SinkConnector#alterOffsets}); the caller writes them to the consumer group.
     *
     * @param name the connector
     * @param props its configuration
     * @param offsets partitions and their new offsets; a {@code null} offset removes the partition
     * @return whether the connector said it handled the offsets itself too
     * @throws BadRequestException naming the connector when it refuses them
     */
    public boolean confirmSinkConnectorOffsets(String name, Map<String, String> props,
                                               Map<io.connectsdk.api.sink.TopicPartition, Long> offsets) {
        return askConnector(name, props, SinkConnector.class,
                c -> c.alterOffsets(configProviders.resolve(props), Collections.unmodifiableMap(offsets)));
    }

    @SuppressWarnings("try") // LoaderSwap works by its scope
    private <C extends Connector> boolean askConnector(String name, Map<String, String> props, Class<C> kind,
                                                       java.util.function.Predicate<C> question) {
        Class<? extends Connector> type = connectorClass(props);
        if (!kind.isAssignableFrom(type)) {
            throw new BadRequestException("Connector " + name + " (" + type.getName()
                    + ") is not a " + kind.getSimpleName());
        }
        try (LoaderSwap swap = LoaderSwap.swap(loaderOf(type))) {
            return question.test(kind.cast(plugins.newInstance(type)));
        } catch (UnsupportedOperationException e) {
            throw new BadRequestException("Connector " + name + " (" + type.getName()
                    + ") does not support altering its offsets" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (RuntimeException | LinkageError e) {
            throw new BadRequestException("Connector " + name + " (" + type.getName()
                    + ") refused the new offsets in alterOffsets: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    /**
     * Records that a connector could not be started at all (e.g. its config provider values no
     * longer resolve when the herder restarts it on its own).
     *
     * @param name the connector
     * @param cause why; its trace goes into the status
     */
    public void connectorStartFailed(String name, Throwable cause) {
        connectorStatus(name, State.FAILED, trace(cause), generation.incrementAndGet());
    }

    void connectorStatus(String name, State state, String trace, long gen) {
        statusStore.putSafe(new StatusStore.ConnectorStatus(name, state, trace, workerId, gen));
    }

    void taskStatus(ConnectorTaskId id, State state, String trace, long gen) {
        statusStore.putSafe(new StatusStore.TaskStatus(id, state, trace, workerId, gen));
    }

    static ClassLoader loaderOf(Class<?> type) {
        return type.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : type.getClassLoader();
    }

    /**
     * Creates and configures a key or value converter: the connector's own when it sets
     * {@code key.converter}/{@code value.converter} (configured with its prefixed keys), else the
     * worker's (configured with the worker's prefixed keys), as Kafka Connect does.
     */
    @SuppressWarnings("try") // LoaderSwap works by its scope
    Converter newConverter(ConnectorConfig connector, String key, boolean isKey) {
        boolean own = connector.originals().get(key) != null;
        String className = own ? connector.getString(key) : config.getString(key);
        Map<String, Object> settings = own ? connector.originalsWithPrefix(key + ".") : config.originalsWithPrefix(key + ".");
        Object version = settings.remove(PLUGIN_VERSION_SUFFIX);
        settings.put("converter.type", isKey ? "key" : "value");
        Converter converter;
        try {
            converter = plugins.newInstance(className, Converter.class, version == null ? null : version.toString());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, className, e.getMessage());
        }
        try (LoaderSwap swap = LoaderSwap.forPlugin(converter)) {
            converter.configure(settings, isKey);
        }
        return converter;
    }

    /** Creates and configures the header converter, the connector's own or the worker's. */
    @SuppressWarnings("try") // LoaderSwap works by its scope
    HeaderConverter newHeaderConverter(ConnectorConfig connector) {
        String key = ConnectorConfig.HEADER_CONVERTER_CLASS_CONFIG;
        boolean own = connector.originals().get(key) != null;
        String className = own ? connector.getString(key) : config.getString(key);
        Map<String, Object> settings = own ? connector.originalsWithPrefix(key + ".") : config.originalsWithPrefix(key + ".");
        Object version = settings.remove(PLUGIN_VERSION_SUFFIX);
        settings.put("converter.type", "header");
        HeaderConverter converter;
        try {
            converter = plugins.newInstance(className, HeaderConverter.class, version == null ? null : version.toString());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, className, e.getMessage());
        }
        try (LoaderSwap swap = LoaderSwap.forPlugin(converter)) {
            converter.configure(settings);
        }
        return converter;
    }

    /** Builds the connector's transform chain through the worker's plugins. */
    <R extends io.connectsdk.api.connector.ConnectRecord<R>> TransformChain<R> newTransformChain(Map<String, String> props) {
        return TransformChain.fromConfig(props, new io.connectsdk.builtins.chain.PluginResolver() {
            @Override
            public <T> Class<? extends T> resolve(String nameOrAlias, Class<T> spiType) {
                return plugins.resolve(nameOrAlias, spiType);
            }

            @Override
            public <T> Class<? extends T> resolve(String nameOrAlias, Class<T> spiType, String version) {
                return plugins.resolve(nameOrAlias, spiType, version);
            }

            @Override
            public <T> T newInstance(String nameOrAlias, Class<T> spiType) {
                return plugins.newInstance(nameOrAlias, spiType);
            }

            @Override
            public <T> T newInstance(String nameOrAlias, Class<T> spiType, String version) {
                return plugins.newInstance(nameOrAlias, spiType, version);
            }
        });
    }

    /** Builds a task's error operator: log reporter when enabled, plus an optional dead letter queue. */
    RetryWithToleranceOperator newOperator(ConnectorTaskId id, ConnectorConfig connector, DeadLetterQueueReporter dlq,
                                           ErrorMetrics errorMetrics) {
        List<ErrorReporter> reporters = new ArrayList<>(2);
        if (connector.errorLogEnabled()) {
            reporters.add(new LogReporter(id, connector.errorLogIncludesMessages(), errorMetrics));
        }
        if (dlq != null) {
            dlq.metrics(errorMetrics);
            reporters.add(dlq);
        }
        return new RetryWithToleranceOperator(id.toString(), connector.errorRetryTimeoutMs(), connector.errorMaxDelayMs(),
                connector.toleratesAllErrors() ? ToleranceType.ALL : ToleranceType.NONE, reporters, errorMetrics);
    }

    /**
     * Creates a Kafka client with the runtime's classloader as context loader, so that the client
     * loads its own classes (serializers, partitioners, ...) from the runtime, never from a plugin.
     */
    @SuppressWarnings("try") // LoaderSwap works by its scope
    static <T> T withRuntimeLoader(java.util.function.Supplier<T> create) {
        try (LoaderSwap swap = LoaderSwap.swap(Worker.class.getClassLoader())) {
            return create.get();
        }
    }

    /** @return the stack trace of {@code t}, as shown in statuses */
    public static String trace(Throwable t) {
        return DeadLetterQueueReporter.stackTrace(t);
    }

    @SuppressWarnings("try") // LoaderSwap works by its scope
    static void closeQuietly(AutoCloseable c, String what) {
        if (c == null) {
            return;
        }
        try (LoaderSwap swap = LoaderSwap.forPlugin(c)) {
            c.close();
        } catch (Throwable t) {
            log.warn("Closing the {} failed", what, t);
        }
    }
}
