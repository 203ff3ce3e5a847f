package io.connectsdk.testkit.connect;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.runtime.config.SinkConnectorConfig;
import io.connectsdk.runtime.herder.ConnectorStateInfo;
import io.connectsdk.runtime.herder.Herder;
import io.connectsdk.runtime.herder.NotFoundException;
import io.connectsdk.runtime.herder.State;
import io.connectsdk.runtime.herder.TaskInfo;
import io.connectsdk.runtime.plugin.PluginDesc;
import io.connectsdk.runtime.plugin.PluginLocation;
import io.connectsdk.runtime.plugin.Plugins;
import io.connectsdk.runtime.rest.PluginInfo;
import io.connectsdk.runtime.rest.RestServer;
import io.connectsdk.runtime.standalone.Standalone;
import io.connectsdk.runtime.standalone.StandaloneConfig;
import io.connectsdk.runtime.storage.OffsetStore;
import io.connectsdk.runtime.worker.Worker;
import io.connectsdk.runtime.worker.WorkerPlugins;
import io.connectsdk.testkit.assertions.connector.ConnectorAssert;
import io.connectsdk.testkit.cluster.KafkaCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Connect cluster for tests: one standalone worker of connect-sdk's runtime, in this
 * JVM, hosting the plugin under test with the runtime's production plugin isolation, its REST API
 * on {@code 127.0.0.1} and a free port, against a {@link KafkaCluster}.
 *
 * <pre>{@code
 * try (KafkaCluster kafka = KafkaCluster.create();
 *      ConnectCluster connect = ConnectCluster.builder().kafka(kafka)
 *              .plugin(PluginUnderTest.exploded(MyConnectorTest.class)).build().start()) {
 *     connect.startConnector("orders", Map.of("connector.class", "OrdersSource", "topic", "orders"));
 *     assertThat(connect.connector("orders")).isRunning().allTasksRunning();
 * }
 * }</pre>
 * In JUnit 5, {@link io.connectsdk.testkit.junit.ConnectTest @ConnectTest} does all of this.
 *
 * <h2>The worker</h2>
 * Standalone, as {@code connect-sdk standalone} runs it: connector configurations are given through
 * this class (the standalone REST API is read-only, as in Kafka Connect, so changes go to the
 * herder directly), source offsets live in a file of this cluster's temporary folder, statuses in
 * memory. Defaults, each overridable with {@link Builder#workerConfig(String, String)}:
 * {@code key.converter} and {@code value.converter} =
 * {@code org.apache.kafka.connect.storage.StringConverter}, {@code offset.flush.interval.ms=1000},
 * {@code listeners=http://127.0.0.1:0} (a free port, fixed for the life of this object). A
 * connector with a dead letter queue topic but no
 * {@code errors.deadletterqueue.topic.replication.factor} gets {@code -1} (the broker's default)
 * instead of Kafka Connect's 3, which a one-broker test cluster cannot satisfy. A distributed
 * cluster of several workers is not available yet.
 *
 * <h2>Lifecycle</h2>
 * {@link #start()} (idempotent) discovers the plugins and binds the REST port while the Kafka
 * cluster starts (it is started if needed), then starts the worker. {@link #stop()} stops the worker
 * (connectors and tasks stop gracefully and commit their offsets); {@link #start()} brings it back
 * with the same offsets file, REST URL and plugins but no connectors; {@link #restart()} does both
 * and re-creates the connectors (to test that a plugin resumes from its committed offsets).
 * {@link #close()} stops everything and deletes the temporary folder; the Kafka cluster is closed
 * too only when {@link Builder#ownsKafka(boolean)} says so. {@link #reset()} (run by
 * {@code @ConnectTest} after each test) deletes every connector with its offsets and consumer group.
 *
 * <h2>Threading</h2>
 * Thread-safe. Connector operations block until the herder applied them; they throw
 * {@link IllegalStateException} while the worker is not running.
 */
public final class ConnectCluster implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConnectCluster.class);
    private static final String PREFIX = "connect-sdk test kit: ";
    private static final Duration GROUP_DELETE_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaCluster kafka;
    private final boolean ownsKafka;
    private final PluginUnderTest plugin;
    private final Map<String, String> extraWorkerConfig;
    private final SwitchableHerder herder = new SwitchableHerder();

    private Path workDir;
    private Plugins plugins;
    private RecordingPlugins workerPlugins;
    private RestServer rest;
    private Standalone.Handle worker;
    private Map<String, String> workerProps;
    private Admin admin;
    private boolean closed;
    /** Every connector name used, so that {@link #reset()} also clears offsets of ones gone with a stopped worker. */
    private final Set<String> used = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private ConnectCluster(Builder b) {
        this.kafka = Objects.requireNonNull(b.kafka, "kafka(...) is required");
        this.ownsKafka = b.ownsKafka;
        this.plugin = b.plugin != null ? b.plugin : PluginUnderTest.exploded();
        this.extraWorkerConfig = Map.copyOf(b.workerConfig);
    }

    /** @return a builder; {@link Builder#kafka(KafkaCluster)} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a {@link ConnectCluster}; not thread-safe, use once. */
    public static final class Builder {
        private KafkaCluster kafka;
        private boolean ownsKafka;
        private PluginUnderTest plugin;
        private final Map<String, String> workerConfig = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param cluster the Kafka cluster the worker uses; started by {@link ConnectCluster#start()} if needed
         * @return this builder
         */
        public Builder kafka(KafkaCluster cluster) {
            this.kafka = Objects.requireNonNull(cluster, "cluster");
            return this;
        }

        /**
         * @param owns whether {@link ConnectCluster#close()} also closes the Kafka cluster (default false)
         * @return this builder
         */
        public Builder ownsKafka(boolean owns) {
            this.ownsKafka = owns;
            return this;
        }

        /**
         * @param pluginUnderTest the plugin to host; default {@link PluginUnderTest#exploded()}
         * @return this builder
         */
        public Builder plugin(PluginUnderTest pluginUnderTest) {
            this.plugin = Objects.requireNonNull(pluginUnderTest, "pluginUnderTest");
            return this;
        }

        /**
         * @param key a worker setting (Kafka Connect's names), e.g. {@code value.converter}
         * @param value its value
         * @return this builder
         */
        public Builder workerConfig(String key, String value) {
            workerConfig.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param settings worker settings, added to those given before
         * @return this builder
         */
        public Builder workerConfig(Map<String, String> settings) {
            settings.forEach(this::workerConfig);
            return this;
        }

        /** @return the cluster, not started */
        public ConnectCluster build() {
            return new ConnectCluster(this);
        }
    }

    // ------------------------------------------------------------------------------------ lifecycle

    /**
     * Starts the Kafka cluster (if needed) and the worker; the first call also discovers the
     * plugins and binds the REST port, in parallel with the Kafka start. Does nothing if running.
     *
     * @return this cluster
     * @throws IllegalStateException when closed
     * @throws ConnectException or {@link ConfigException} when the worker cannot start
     */
    public synchronized ConnectCluster start() {
        requireOpen();
        if (worker != null) {
            return this;
        }
        if (plugins == null) {
            long t0 = System.nanoTime();
            CompletableFuture<Long> prepared = CompletableFuture.supplyAsync(() -> {
                long p0 = System.nanoTime();
                prepare();
                return System.nanoTime() - p0;
            }, r -> {
                Thread t = new Thread(r, "connect-sdk-testkit-prepare");
                t.setDaemon(true);
                t.start();
            });
            long k0 = System.nanoTime();
            try {
                kafka.start();
            } catch (RuntimeException | Error e) {
                prepared.handle((v, x) -> null).join();
                throw e;
            }
            long kafkaNanos = System.nanoTime() - k0;
            long prepareNanos;
            try {
                prepareNanos = prepared.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new ConnectException(e.getCause());
            }
            long w0 = System.nanoTime();
            startWorker(List.of());
            log.info("{}Connect cluster ready in {} ms at {} (Kafka {} ready in {} ms; plugin discovery and REST in {} ms,"
                            + " in parallel; worker start {} ms) hosting {}", PREFIX, ms(System.nanoTime() - t0), restUrl(),
                    kafka.mode().configName(), ms(kafkaNanos), ms(prepareNanos), ms(System.nanoTime() - w0), plugin);
        } else {
            kafka.start();
            startWorker(List.of());
        }
        return this;
    }

    /**
     * Stops the worker: every connector and task stops and commits its offsets. The plugins, the
     * REST port (which answers with errors meanwhile) and the offsets file stay for {@link #start()}.
     */
    public synchronized void stop() {
        if (worker != null) {
            herder.target(null);
            Standalone.Handle w = worker;
            worker = null;
            w.close();
        }
    }

    /**
     * Stops the worker and starts a new one on the same offsets file, REST URL and plugins, with
     * the connectors that existed (paused ones paused again): a restart of the worker process.
     *
     * @return this cluster
     */
    public synchronized ConnectCluster restart() {
        requireRunning();
        Herder h = worker.herder();
        List<Map<String, String>> configs = new ArrayList<>();
        Set<String> paused = new LinkedHashSet<>();
        for (String name : h.connectors()) {
            configs.add(h.connectorConfig(name));
            if (h.connectorStatus(name).connector().state() == State.PAUSED) {
                paused.add(name);
            }
        }
        stop();
        startWorker(configs);
        paused.forEach(this::pauseConnector);
        return this;
    }

    /** @return whether the worker is running */
    public synchronized boolean isRunning() {
        return worker != null;
    }

    /**
     * Stops the worker and the REST server, closes the plugins' class loaders, deletes the
     * temporary folder, and closes the Kafka cluster when owned. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } finally {
            if (rest != null) {
                rest.stop();
            }
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
            if (plugins != null) {
                plugins.close();
            }
            PluginLocations.deleteTree(workDir);
            if (ownsKafka) {
                kafka.close();
            }
        }
    }

    /**
     * Deletes every connector (waiting until its tasks stopped), then removes their source offsets
     * from the offsets file and deletes the consumer groups of sink connectors, so that a connector
     * of the same name starts from scratch. Starts the worker when it is stopped.
     */
    public synchronized void reset() {
        requireOpen();
        if (worker == null) {
            start();
        }
        Herder h = worker.herder();
        OffsetStore offsets = worker.worker().offsetStore();
        for (String name : new ArrayList<>(h.connectors())) {
            used.add(name);
            h.deleteConnector(name);
        }
        // Also the connectors that went with a stopped worker: their offsets stayed in the file.
        List<String> groups = new ArrayList<>();
        for (String name : used) {
            groups.add("connect-" + name); // a sink's consumer group; absent ones (sources) are skipped
            Map<Map<String, Object>, Map<String, Object>> stored = offsets.offsets(name);
            if (!stored.isEmpty()) {
                Map<Map<String, Object>, Map<String, Object>> removal = new HashMap<>();
                stored.keySet().forEach(p -> removal.put(p, null));
                offsets.put(name, removal);
            }
        }
        used.clear();
        if (!groups.isEmpty()) {
            deleteGroups(groups);
        }
    }

    // ----------------------------------------------------------------------------------- connectors

    /**
     * Creates a connector, or replaces the configuration of an existing one, and waits until the
     * connector instance started (its tasks start right after, asynchronously: assert on them with
     * {@code assertThat(connect.connector(name)).allTasksRunning()}). A connector whose
     * {@code start} throws is kept, {@code FAILED}, and returned: assert on it with
     * {@link ConnectorAssert#isFailed()}.
     *
     * @param name the connector's name
     * @param config its configuration ({@code connector.class}, ...; {@code name} may be left out)
     * @return the connector, for assertions
     * @throws ConfigException naming every invalid key; nothing was created or changed then
     */
    public ConnectorRef configureConnector(String name, Map<String, String> config) {
        return put(name, config, true);
    }

    /**
     * Like {@link #configureConnector} but only creates: fails when the connector exists.
     *
     * @param name the connector's name
     * @param config its configuration
     * @return the connector, for assertions
     * @throws ConfigException naming every invalid key
     * @throws IllegalStateException when a connector of that name exists
     */
    public ConnectorRef startConnector(String name, Map<String, String> config) {
        return put(name, config, false);
    }

    private ConnectorRef put(String name, Map<String, String> config, boolean allowReplace) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        Herder h = runningHerder();
        if (!allowReplace && h.connectors().contains(name)) {
            throw new IllegalStateException(PREFIX + "connector '" + name + "' exists already; use configureConnector(...)"
                    + " to replace its configuration");
        }
        Map<String, String> props = withTestDefaults(config);
        used.add(name);
        try {
            h.putConnectorConfig(name, props, allowReplace);
        } catch (ConnectException e) {
            if (!(h.connectors().contains(name) && h.connectorStatus(name).connector().state() == State.FAILED)) {
                throw e;
            }
            log.info("{}connector {} failed to start: {}", PREFIX, name, e.getMessage());
        }
        return connector(name);
    }

    private static Map<String, String> withTestDefaults(Map<String, String> config) {
        Map<String, String> props = new LinkedHashMap<>(config);
        String dlq = props.get(SinkConnectorConfig.DLQ_TOPIC_NAME_CONFIG);
        if (dlq != null && !dlq.isBlank()) {
            props.putIfAbsent(SinkConnectorConfig.DLQ_TOPIC_REPLICATION_FACTOR_CONFIG, "-1");
        }
        return props;
    }

    /**
     * Validates a connector configuration as creating it would, without creating anything.
     *
     * @param config a connector configuration
     * @return the errors per key; empty when valid
     */
    public Map<String, List<String>> validateConnectorConfig(Map<String, String> config) {
        requireRunning();
        return worker.worker().validateConnectorConfig(withTestDefaults(config));
    }

    /**
     * @param name a connector of this cluster (it need not exist yet)
     * @return the subject of {@code assertThat(...)} for connector and task assertions
     */
    public ConnectorRef connector(String name) {
        return new ConnectorRef(this, name);
    }

    /** @param name an existing connector; stops its tasks and it, and removes it */
    public void deleteConnector(String name) {
        runningHerder().deleteConnector(name);
    }

    /** @param name an existing connector; pauses it and its tasks */
    public void pauseConnector(String name) {
        runningHerder().pauseConnector(name);
    }

    /** @param name a paused or stopped connector; resumes it and its tasks */
    public void resumeConnector(String name) {
        runningHerder().resumeConnector(name);
    }

    /**
     * Stops a connector as Kafka Connect's {@code PUT /connectors/{name}/stop} does: its tasks and
     * instance shut down and its status becomes {@code STOPPED} with no tasks, so that its offsets
     * can be altered or reset; {@link #resumeConnector} starts it again.
     *
     * @param name an existing connector
     */
    public void stopConnector(String name) {
        runningHerder().stopConnector(name);
    }

    /**
     * Alters a stopped connector's offsets as {@code PATCH /connectors/{name}/offsets} does: the
     * connector's {@code alterOffsets} is asked first (it may refuse, which fails this call), then a
     * source connector's offsets are stored, a sink connector's consumer group offsets written.
     *
     * @param name a stopped connector
     * @param offsets the entries, as {@code GET /connectors/{name}/offsets} shows them; a
     *     {@code null} offset removes the partition's
     * @return Kafka Connect's answer, which says whether the connector confirmed it handled them
     */
    public String alterOffsets(String name, io.connectsdk.runtime.herder.ConnectorOffsets offsets) {
        return runningHerder().alterConnectorOffsets(name, offsets);
    }

    /**
     * Resets a stopped connector's offsets as {@code DELETE /connectors/{name}/offsets} does (a sink
     * connector's consumer group is deleted), after the connector's {@code alterOffsets} accepted it.
     *
     * @param name a stopped connector
     * @return Kafka Connect's answer
     */
    public String resetOffsets(String name) {
        return runningHerder().resetConnectorOffsets(name);
    }

    /** @param name an existing connector; restarts the connector instance (not its tasks) */
    public void restartConnector(String name) {
        runningHerder().restartConnector(name);
    }

    /**
     * @param name an existing connector
     * @param task the task number, from 0
     */
    public void restartTask(String name, int task) {
        runningHerder().restartTask(new io.connectsdk.runtime.herder.ConnectorTaskId(name, task));
    }

    /** @return the names of the connectors, sorted */
    public Set<String> connectors() {
        return new TreeSet<>(runningHerder().connectors());
    }

    /**
     * @param name an existing connector
     * @return its and its tasks' states, as {@code GET /connectors/{name}/status} shows them
     * @throws NotFoundException when there is no such connector
     */
    public ConnectorStateInfo connectorStatus(String name) {
        return runningHerder().connectorStatus(name);
    }

    /**
     * @param name an existing connector
     * @return its configuration as stored (with the test kit's defaults applied)
     */
    public Map<String, String> connectorConfig(String name) {
        return runningHerder().connectorConfig(name);
    }

    /**
     * @param name an existing connector
     * @return its task configurations, in task order, as the connector produced them (plus
     *     {@code task.class})
     */
    public List<Map<String, String>> taskConfigs(String name) {
        return runningHerder().taskConfigs(name).stream().map(TaskInfo::config).collect(Collectors.toList());
    }

    /**
     * @param name a source connector
     * @return its committed source offsets per source partition; empty when none
     */
    public Map<Map<String, Object>, Map<String, Object>> sourceOffsets(String name) {
        requireRunning();
        return worker.worker().offsetStore().offsets(name);
    }

    /**
     * The class loader that defined the connector instance the worker created for a connector:
     * with the plugin under test, its {@link io.connectsdk.runtime.plugin.PluginClassLoader}, never
     * the application class loader that loaded the test.
     *
     * @param name an existing connector
     * @return the loader
     * @throws IllegalStateException when the worker has not created an instance of its class
     */
    public ClassLoader connectorClassLoader(String name) {
        requireRunning();
        Class<?> type = worker.worker().connectorClass(connectorConfig(name));
        if (!workerPlugins.instantiated(type)) {
            throw new IllegalStateException(PREFIX + "the worker has not created an instance of " + type.getName()
                    + " (" + type.getClassLoader() + ")");
        }
        return type.getClassLoader();
    }

    /**
     * The class loader that defined the task instances of a connector.
     *
     * @param name an existing connector with at least one task
     * @return the loader
     * @throws IllegalStateException when the worker has not created a task of the connector yet
     */
    public ClassLoader taskClassLoader(String name) {
        List<Map<String, String>> tasks = taskConfigs(name);
        if (tasks.isEmpty()) {
            throw new IllegalStateException(PREFIX + "connector '" + name + "' has no tasks (yet)");
        }
        String taskClass = tasks.get(0).get(Worker.TASK_CLASS_CONFIG);
        for (Class<?> c : workerPlugins.instantiatedClasses()) {
            if (c.getName().equals(taskClass)) {
                return c.getClassLoader();
            }
        }
        throw new IllegalStateException(PREFIX + "the worker has not created a task of class " + taskClass + " yet");
    }

    // ---------------------------------------------------------------------------------- accessors

    /** @return the Kafka cluster the worker uses */
    public KafkaCluster kafka() {
        return kafka;
    }

    /** @return the plugin under test */
    public PluginUnderTest pluginUnderTest() {
        return plugin;
    }

    /**
     * @return the plugin registry of the worker: the plugin under test in its own location, the
     *     runtime's built-ins on the class path
     * @throws IllegalStateException before {@link #start()}
     */
    public synchronized Plugins plugins() {
        if (plugins == null) {
            throw new IllegalStateException(PREFIX + "the Connect cluster was not started");
        }
        return plugins;
    }

    /**
     * @return the REST API's base URL without a trailing slash, e.g. {@code http://127.0.0.1:40123};
     *     read-only, as a standalone worker's
     * @throws IllegalStateException before {@link #start()}
     */
    public synchronized String restUrl() {
        if (rest == null) {
            throw new IllegalStateException(PREFIX + "the Connect cluster was not started");
        }
        String uri = rest.uris().get(0).toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /**
     * @return the herder of the running worker (what the REST API calls), for what this class does
     *     not offer; it follows worker restarts
     */
    public Herder herder() {
        return herder.proxy();
    }

    /**
     * @return the effective worker configuration
     * @throws IllegalStateException before {@link #start()}
     */
    public synchronized Map<String, String> workerConfig() {
        if (workerProps == null) {
            throw new IllegalStateException(PREFIX + "the Connect cluster was not started");
        }
        return workerProps;
    }

    /** @return the worker's offsets file ({@code offset.storage.file.filename}) */
    public Path offsetsFile() {
        return Path.of(workerConfig().get(StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG));
    }

    @Override
    public String toString() {
        return "ConnectCluster[" + (closed ? "closed" : worker != null ? "running at " + restUrl() : "not running")
                + ", " + plugin + "]";
    }

    // ------------------------------------------------------------------------------------ internals

    /** Discovers the plugins and binds the REST port: all that does not need Kafka. */
    private void prepare() {
        if (workDir == null) {
            try {
                workDir = Files.createTempDirectory("connect-sdk-testkit-");
            } catch (IOException e) {
                throw new UncheckedIOException(PREFIX + "cannot create a temporary folder", e);
            }
        }
        ClassLoader app = ConnectCluster.class.getClassLoader();
        Path extraction = workDir.resolve("extracted");
        Path locationPath;
        Set<Path> hidden = new LinkedHashSet<>();
        if (plugin.source() == PluginSource.EXPLODED) {
            Path dir = workDir.resolve("plugin-under-test");
            PluginLocations.deleteTree(dir);
            locationPath = PluginLocations.assemble(plugin.entries(), dir);
            hidden.addAll(plugin.entries());
        } else {
            locationPath = plugin.entries().get(0);
        }
        // Whatever the form, hide the plugin's classes wherever the test class path also has them.
        hidden.addAll(PluginLocations.entriesProviding(PluginLocation.open(locationPath, extraction), app));
        HidingClassLoader view = new HidingClassLoader(app, hidden);
        Plugins found = Plugins.builder().parent(view).locations(List.of(locationPath)).extractionRoot(extraction).build();
        try {
            if (found.plugins().stream().allMatch(PluginDesc::isClasspath)) {
                throw new IllegalStateException(PREFIX + "the " + plugin + " registers no plugin in META-INF/services"
                        + (found.problems().isEmpty() ? "" : "; problems: " + found.problems()));
            }
            Map<String, Object> restConfig = new HashMap<>(extraWorkerConfig);
            restConfig.putIfAbsent("listeners", "http://127.0.0.1:0");
            RestServer server = new RestServer(restConfig, herder.proxy(), () -> PluginInfo.of(found), true);
            server.start();
            workerPlugins = new RecordingPlugins(WorkerPlugins.of(found), view);
            rest = server;
            plugins = found;
        } catch (RuntimeException | Error e) {
            found.close();
            throw e;
        }
        warmUp();
    }

    /**
     * Classes the first test needs right after the start besides the worker's own (see
     * {@link Worker#preloadTaskClasses()}): the admin client, the test kit's readers and assertions.
     * Loaded and initialised on the preparing thread, while the Kafka broker is still starting,
     * instead of on the test's critical path.
     */
    private static final List<String> WARM_UP = List.of(
            "org.apache.kafka.clients.admin.KafkaAdminClient", "org.apache.kafka.clients.admin.AdminClientConfig",
            "io.connectsdk.runtime.standalone.StandaloneHerder", "io.connectsdk.runtime.storage.FileOffsetStore",
            "io.connectsdk.testkit.cluster.TopicReader", "io.connectsdk.testkit.assertions.TopicAssert",
            "io.connectsdk.testkit.assertions.connector.ConnectorAssert", "org.awaitility.Awaitility",
            "org.assertj.core.api.Assertions");

    private static void warmUp() {
        Worker.preloadTaskClasses();
        ClassLoader loader = ConnectCluster.class.getClassLoader();
        for (String name : WARM_UP) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                log.debug("{}warm-up: {} not loaded: {}", PREFIX, name, e.toString());
            }
        }
    }

    private void startWorker(List<Map<String, String>> connectors) {
        Map<String, String> props = new LinkedHashMap<>();
        URI bound = rest.uris().get(0);
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put(StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG, workDir.resolve("connect.offsets").toString());
        props.put("offset.flush.interval.ms", "1000");
        props.put("listeners", bound.getScheme() + "://127.0.0.1:" + bound.getPort());
        props.put("rest.advertised.host.name", "127.0.0.1");
        props.put("rest.advertised.port", Integer.toString(bound.getPort()));
        props.putAll(extraWorkerConfig);
        workerProps = Map.copyOf(props);
        Standalone.Handle started = Standalone.start(workerProps, List.of(), workerPlugins);
        worker = started;
        herder.target(started.herder());
        for (Map<String, String> c : connectors) {
            String name = c.get("name");
            try {
                started.herder().putConnectorConfig(name, c, false);
            } catch (ConnectException e) {
                log.warn("{}connector {} failed to start after the worker restart: {}", PREFIX, name, e.getMessage());
            }
        }
    }

    private void deleteGroups(Collection<String> groups) {
        if (admin == null) {
            admin = Admin.create(kafka.adminConfig());
        }
        Set<String> left = new LinkedHashSet<>(groups);
        try {
            Set<String> existing = new LinkedHashSet<>();
            admin.listGroups().all().get(GROUP_DELETE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach(g -> existing.add(g.groupId()));
            left.retainAll(existing);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("{}could not list consumer groups: {}", PREFIX, e.toString());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (left.isEmpty()) {
            return;
        }
        try {
            // A stopped sink's consumer may still be leaving its group: retry those, bounded.
            Awaitility.await("consumer groups " + groups + " deleted").atMost(GROUP_DELETE_TIMEOUT).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(() -> {
                        left.retainAll(notYetDeletable(left));
                        return left.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            log.warn("{}consumer groups {} still had members after {} s; not deleted", PREFIX, left,
                    GROUP_DELETE_TIMEOUT.toSeconds());
        }
    }

    /** Deletes the groups; @return those that still have members (the others are gone or cannot be deleted) */
    private Set<String> notYetDeletable(Set<String> groups) throws InterruptedException {
        Set<String> busy = new LinkedHashSet<>();
        Map<String, org.apache.kafka.common.KafkaFuture<Void>> results =
                admin.deleteConsumerGroups(List.copyOf(groups)).deletedGroups();
        for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> e : results.entrySet()) {
            try {
                e.getValue().get(GROUP_DELETE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException x) {
                if (x.getCause() instanceof GroupNotEmptyException) {
                    busy.add(e.getKey());
                } else if (!(x.getCause() instanceof GroupIdNotFoundException)) {
                    log.warn("{}could not delete consumer group {}: {}", PREFIX, e.getKey(), x.getCause().toString());
                }
            } catch (TimeoutException x) {
                log.warn("{}could not delete consumer group {} within {} s", PREFIX, e.getKey(),
                        GROUP_DELETE_TIMEOUT.toSeconds());
            }
        }
        return busy;
    }

    private Herder runningHerder() {
        requireRunning();
        return herder.proxy();
    }

    private synchronized void requireRunning() {
        requireOpen();
        if (worker == null) {
            throw new IllegalStateException(PREFIX + "the Connect worker is not running; call start()");
        }
    }

    private synchronized void requireOpen() {
        if (closed) {
            throw new IllegalStateException(PREFIX + "this Connect cluster was closed");
        }
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
