package io.connectsdk.runtime.standalone;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.runtime.config.ConnectorConfig;
import io.connectsdk.runtime.config.WorkerConfig;
import io.connectsdk.runtime.plugin.Plugins;
import io.connectsdk.runtime.storage.FileOffsetStore;
import io.connectsdk.runtime.storage.MemoryStatusStore;
import io.connectsdk.runtime.worker.TargetState;
import io.connectsdk.runtime.worker.Worker;
import io.connectsdk.runtime.worker.WorkerPlugins;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launches a standalone worker in this process: one worker, connector configurations given at
 * start (usually from properties files), source offsets in {@code offset.storage.file.filename},
 * statuses in memory. This is what {@code connect-sdk standalone} and tests call.
 *
 * <pre>{@code
 * try (Standalone.Handle worker = Standalone.start(workerProps, List.of(connectorProps))) {
 *     ConnectorStateInfo status = worker.herder().connectorStatus("my-connector");
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #start} checks everything before running anything: the worker configuration, then
 * every connector configuration (a {@link ConfigException} naming the connector and every bad key
 * when one is invalid), then the plugins and the Kafka cluster; only then it starts the worker and
 * the connectors, waiting until each connector instance has started. If any step fails, whatever
 * was started is stopped again and the exception is thrown: nothing is left half-running.
 *
 * <p>The REST API is not started here: the caller (the CLI) serves {@link Handle#herder()} on the
 * worker's {@code listeners}; in standalone mode the REST layer answers reads and refuses changes.
 */
public final class Standalone {
    private static final Logger log = LoggerFactory.getLogger(Standalone.class);
    /** How long {@link #start} waits to reach the Kafka cluster. */
    static final long CLUSTER_LOOKUP_TIMEOUT_MS = 30_000;

    private Standalone() {
    }

    /**
     * Starts a standalone worker with the plugins of its {@code plugin.path} (and the runtime's
     * classpath).
     *
     * @param workerProps the worker configuration
     * @param connectorProps the connector configurations, each with its {@code name}
     * @return the running worker; close it to stop
     * @throws ConfigException when the worker or a connector configuration is invalid
     * @throws ConnectException when the plugins, the offsets file or the Kafka cluster cannot be
     *     used, or a connector fails to start
     */
    public static Handle start(Map<String, String> workerProps, List<Map<String, String>> connectorProps) {
        return start(workerProps, connectorProps, Map.of());
    }

    /**
     * As {@link #start(Map, List)}, with the state each connector starts in (a connector file's
     * {@code initial_state}, see {@link ConnectorFile}).
     *
     * @param workerProps the worker configuration
     * @param connectorProps the connector configurations, each with its {@code name}
     * @param initialStates connector name to its initial state; absent names start {@code STARTED}
     * @return the running worker; close it to stop
     */
    public static Handle start(Map<String, String> workerProps, List<Map<String, String>> connectorProps,
                               Map<String, TargetState> initialStates) {
        Objects.requireNonNull(initialStates, "initialStates");
        StandaloneConfig config = new StandaloneConfig(workerProps);
        String pluginPath = config.getList(WorkerConfig.PLUGIN_PATH_CONFIG) == null ? null
                : String.join(",", config.getList(WorkerConfig.PLUGIN_PATH_CONFIG));
        // The cluster id lookup (a network round trip, ~0.5 s with a new admin client) and the loading of the
        // tasks' Kafka client classes run while plugins are discovered.
        CompletableFuture<String> clusterId = lookupClusterIdAsync(config);
        Worker.preloadTaskClassesInBackground();
        Plugins plugins;
        try {
            plugins = Plugins.discover(pluginPath);
        } catch (RuntimeException | Error e) {
            clusterId.cancel(false);
            throw e;
        }
        for (String problem : plugins.problems()) {
            log.warn("Plugin problem: {}", problem);
        }
        try {
            return start(config, connectorProps, WorkerPlugins.of(plugins), plugins, clusterId, initialStates);
        } catch (RuntimeException | Error e) {
            plugins.close();
            throw e;
        }
    }

    /**
     * Starts a standalone worker with the given plugins (tests and embedders).
     *
     * @param workerProps the worker configuration
     * @param connectorProps the connector configurations
     * @param plugins where plugins come from; not closed by the handle
     * @return the running worker
     */
    public static Handle start(Map<String, String> workerProps, List<Map<String, String>> connectorProps,
                               WorkerPlugins plugins) {
        StandaloneConfig config = new StandaloneConfig(workerProps);
        return start(config, connectorProps, plugins, null, lookupClusterIdAsync(config), Map.of());
    }

    /**
     * Starts a standalone worker with the given plugins and a cluster id lookup started earlier
     * with {@link #lookupClusterIdAsync(WorkerConfig)} (a launcher starts it before discovering the
     * plugins, so that both overlap).
     *
     * @param workerProps the worker configuration
     * @param connectorProps the connector configurations
     * @param plugins where plugins come from; not closed by the handle
     * @param clusterIdLookup the lookup, for the same {@code bootstrap.servers}; cancelled when the
     *     start fails
     * @return the running worker
     */
    public static Handle start(Map<String, String> workerProps, List<Map<String, String>> connectorProps,
                               WorkerPlugins plugins, CompletableFuture<String> clusterIdLookup) {
        return start(workerProps, connectorProps, plugins, clusterIdLookup, Map.of());
    }

    /**
     * As {@link #start(Map, List, WorkerPlugins, CompletableFuture)}, with the state each connector
     * starts in (a connector file's {@code initial_state}, see {@link ConnectorFile}).
     *
     * @param initialStates connector name to its initial state; absent names start {@code STARTED}
     * @return the running worker
     */
    public static Handle start(Map<String, String> workerProps, List<Map<String, String>> connectorProps,
                               WorkerPlugins plugins, CompletableFuture<String> clusterIdLookup,
                               Map<String, TargetState> initialStates) {
        Objects.requireNonNull(clusterIdLookup, "clusterIdLookup");
        Objects.requireNonNull(initialStates, "initialStates");
        StandaloneConfig config;
        try {
            config = new StandaloneConfig(workerProps);
        } catch (RuntimeException e) {
            clusterIdLookup.cancel(false);
            throw e;
        }
        return start(config, connectorProps, plugins, null, clusterIdLookup, initialStates);
    }

    private static Handle start(StandaloneConfig config, List<Map<String, String>> connectorProps,
                                WorkerPlugins plugins, AutoCloseable owned, CompletableFuture<String> clusterIdLookup,
                                Map<String, TargetState> initialStates) {
        String workerId;
        Worker worker;
        List<Map<String, String>> connectors;
        try {
            Objects.requireNonNull(connectorProps, "connectorProps");
            workerId = workerId(config);
            FileOffsetStore offsets = new FileOffsetStore(config.offsetsFile());
            worker = new Worker(workerId, config, plugins, offsets, new MemoryStatusStore());
            connectors = checkConnectors(worker, connectorProps);
        } catch (RuntimeException | Error e) {
            clusterIdLookup.cancel(false);
            throw e;
        }
        // The connectors start while the cluster id is still being looked up (nothing they do needs it; only
        // the REST API's GET / shows it). The start succeeds only once Kafka answered: if it cannot be reached,
        // everything that started is stopped again and the lookup's error is thrown.
        worker.start();
        StandaloneHerder herder = new StandaloneHerder(worker, () -> clusterIdLookup.getNow(null),
                StandaloneHerder.DEFAULT_START_TIMEOUT_MS);
        herder.start();
        Handle handle = new Handle(config, worker, herder, owned);
        try {
            for (Map<String, String> c : connectors) {
                String name = c.get(ConnectorConfig.NAME_CONFIG);
                herder.putConnectorConfig(name, c, false, initialStates.getOrDefault(name, TargetState.STARTED));
            }
            awaitClusterId(clusterIdLookup);
        } catch (RuntimeException | Error e) {
            clusterIdLookup.cancel(false);
            handle.close();
            throw e;
        }
        log.info("Standalone worker {} started with {} connector(s)", workerId, connectors.size());
        return handle;
    }

    private static List<Map<String, String>> checkConnectors(Worker worker, List<Map<String, String>> connectorProps) {
        List<Map<String, String>> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < connectorProps.size(); i++) {
            Map<String, String> props = connectorProps.get(i);
            String name = props.get(ConnectorConfig.NAME_CONFIG);
            String label = name == null || name.isBlank() ? "#" + (i + 1) : "'" + name.trim() + "'";
            Map<String, List<String>> errors = worker.validateConnectorConfig(props);
            if (!errors.isEmpty()) {
                ConfigException detail = new ConfigException(errors);
                ConfigException e = new ConfigException("Connector " + label + " has an invalid configuration: "
                        + detail.getMessage(), detail);
                throw e;
            }
            if (!names.add(name.trim())) {
                throw new ConfigException(ConnectorConfig.NAME_CONFIG, name, "two connectors are named " + name.trim());
            }
            Map<String, String> copy = new LinkedHashMap<>(props);
            copy.put(ConnectorConfig.NAME_CONFIG, name.trim());
            result.add(copy);
        }
        return result;
    }

    /** @return the worker id: the advertised (or first listener's) host and port */
    static String workerId(WorkerConfig config) {
        String host = config.getString(WorkerConfig.REST_ADVERTISED_HOST_NAME_CONFIG);
        Integer port = config.getInt(WorkerConfig.REST_ADVERTISED_PORT_CONFIG);
        List<String> listeners = config.getList(WorkerConfig.LISTENERS_CONFIG);
        if ((host == null || port == null) && listeners != null && !listeners.isEmpty()) {
            try {
                URI uri = URI.create(listeners.get(0).trim());
                if (host == null && uri.getHost() != null && !uri.getHost().isEmpty()) {
                    host = uri.getHost();
                }
                if (port == null) {
                    port = uri.getPort();
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigException(WorkerConfig.LISTENERS_CONFIG, listeners.get(0),
                        "not a URL like http://host:port: " + e.getMessage());
            }
        }
        if (host == null || host.isEmpty()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "localhost";
            }
        }
        return host + ":" + (port == null || port < 0 ? 8083 : port);
    }

    /**
     * Starts looking up the Kafka cluster id on a daemon thread of its own, with a new admin client
     * made from the worker's admin settings ({@code admin.*} and the unprefixed ones); cancelling
     * the result closes the client. Waits at most 30 s or {@code admin.default.api.timeout.ms}.
     *
     * @param config the worker configuration
     * @return the cluster id, or a {@link ConnectException} naming {@code bootstrap.servers} when
     *     Kafka cannot be reached
     */
    public static CompletableFuture<String> lookupClusterIdAsync(WorkerConfig config) {
        CompletableFuture<String> result = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicReference<Admin> client = new java.util.concurrent.atomic.AtomicReference<>();
        // Cancelled (the start failed before it needed the id): close the client so the lookup ends now.
        result.whenComplete((id, e) -> {
            Admin admin = client.get();
            if (result.isCancelled() && admin != null) {
                admin.close(java.time.Duration.ZERO);
            }
        });
        Thread t = new Thread(() -> {
            try {
                result.complete(lookupClusterId(config, admin -> {
                    client.set(admin);
                    if (result.isCancelled()) {
                        admin.close(java.time.Duration.ZERO);
                    }
                }));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "connect-sdk-cluster-id-lookup");
        t.setDaemon(true);
        t.start();
        return result;
    }

    /** Waits for the lookup, rethrowing its own exception (not wrapped). */
    private static String awaitClusterId(CompletableFuture<String> lookup) {
        try {
            return lookup.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while connecting to Kafka", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new ConnectException("Could not look up the Kafka cluster id: " + cause, cause);
        }
    }

    private static String lookupClusterId(WorkerConfig config, java.util.function.Consumer<Admin> created) {
        Map<String, Object> props = new HashMap<>();
        Set<String> adminNames = AdminClientConfig.configNames();
        config.originals().forEach((k, v) -> {
            if (adminNames.contains(k)) {
                props.put(k, v);
            }
        });
        props.putAll(config.originalsWithPrefix("admin."));
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "connect-sdk-cluster-id-lookup");
        // admin.default.api.timeout.ms (or the unprefixed key) shortens the wait, e.g. in tests
        Object configured = props.get(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        long timeoutMs = CLUSTER_LOOKUP_TIMEOUT_MS;
        if (configured != null) {
            try {
                timeoutMs = Math.min(CLUSTER_LOOKUP_TIMEOUT_MS, Long.parseLong(configured.toString().trim()));
            } catch (NumberFormatException e) {
                // not a number: Admin.create below refuses it, naming the key
            }
        }
        Admin admin;
        try {
            admin = Admin.create(props);
        } catch (org.apache.kafka.common.KafkaException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConnectException("Could not create the admin client that looks up the Kafka cluster id (from the"
                    + " worker's admin settings, admin.* and unprefixed): " + cause.getMessage(), e);
        }
        created.accept(admin);
        try {
            String id = admin.describeCluster().clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
            log.info("Kafka cluster id: {}", id);
            return id;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while connecting to Kafka", e);
        } catch (Exception e) {
            throw new ConnectException("Could not reach the Kafka cluster at bootstrap.servers=" + config.bootstrapServers()
                    + " within " + timeoutMs + " ms: " + e, e);
        } finally {
            // Do not wait for the timed-out call: a plain close() would block up to default.api.timeout.ms (60 s).
            admin.close(java.time.Duration.ZERO);
        }
    }

    /**
     * Reads a properties file (ISO-8859-1 escapes as {@link Properties} reads them; UTF-8 text is
     * accepted too).
     *
     * @param file the file
     * @return its keys and values, in no particular order
     * @throws ConfigException naming the file when it is missing or unreadable
     */
    public static Map<String, String> loadProperties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new ConfigException("Properties file " + file + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("Properties file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            result.put(key, p.getProperty(key));
        }
        return result;
    }

    /**
     * Starts a standalone worker from properties files.
     *
     * @param workerFile the worker properties file
     * @param connectorFiles the connector properties files
     * @return the running worker
     */
    public static Handle start(Path workerFile, List<Path> connectorFiles) {
        Map<String, String> worker = loadProperties(workerFile);
        List<Map<String, String>> connectors = new ArrayList<>();
        Map<String, TargetState> states = new HashMap<>();
        for (Path f : connectorFiles) {
            ConnectorFile c = ConnectorFile.read(f);
            connectors.add(c.config());
            String name = c.config().get(ConnectorConfig.NAME_CONFIG);
            if (name != null) {
                states.put(name.trim(), c.initialState());
            }
        }
        return start(worker, connectors, states);
    }

    /**
     * {@code java ... Standalone worker.properties [connector.properties ...]}: runs until the JVM
     * is asked to stop (the shutdown hook stops the worker gracefully).
     *
     * @param args the worker properties file, then connector properties files
     */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("Usage: Standalone worker.properties [connector1.properties ...]");
            System.exit(1);
        }
        List<Path> connectors = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            connectors.add(Path.of(args[i]));
        }
        Handle handle;
        try {
            handle = start(Path.of(args[0]), connectors);
        } catch (RuntimeException e) {
            System.err.println("Standalone worker failed to start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(handle::close, "standalone-shutdown"));
        handle.awaitClosed();
    }

    /**
     * A running standalone worker. Thread-safe; {@link #close()} is idempotent and bounded by
     * twice {@code task.shutdown.graceful.timeout.ms} (tasks, then connectors) plus the offset
     * commit of each task.
     */
    public static final class Handle implements AutoCloseable {
        private final StandaloneConfig config;
        private final Worker worker;
        private final StandaloneHerder herder;
        private final AutoCloseable owned;
        private final CountDownLatch closed = new CountDownLatch(1);
        private boolean closing;

        Handle(StandaloneConfig config, Worker worker, StandaloneHerder herder, AutoCloseable owned) {
            this.config = config;
            this.worker = worker;
            this.herder = herder;
            this.owned = owned;
        }

        /** @return the herder: what the REST API serves */
        public StandaloneHerder herder() {
            return herder;
        }

        /** @return the worker */
        public Worker worker() {
            return worker;
        }

        /** @return the worker configuration (for the REST listeners) */
        public StandaloneConfig config() {
            return config;
        }

        /** @return this worker's id, {@code host:port} */
        public String workerId() {
            return worker.workerId();
        }

        /** Blocks until {@link #close()} completed. */
        public void awaitClosed() {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Stops every connector and task, commits their offsets, stops the worker. */
        @Override
        public void close() {
            synchronized (this) {
                if (closing) {
                    return;
                }
                closing = true;
            }
            try {
                herder.stop();
            } catch (RuntimeException e) {
                log.error("Stopping the herder failed", e);
            }
            try {
                worker.stop();
            } catch (RuntimeException e) {
                log.error("Stopping the worker failed", e);
            }
            if (owned != null) {
                try {
                    owned.close();
                } catch (Exception e) {
                    log.warn("Closing the plugins failed", e);
                }
            }
            closed.countDown();
        }
    }
}
