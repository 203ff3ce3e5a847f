package io.connectsdk.testkit.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka broker (KRaft, combined broker and controller) that runs inside the
 * current JVM, for tests. No Docker and no external process are needed.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().build().start()) {
 *     kafka.createTopic("orders", 3);
 *     try (var producer = new KafkaProducer<String, String>(kafka.producerConfig())) { ... }
 * }
 * }</pre>
 *
 * <h2>Lifecycle</h2>
 * A broker is built {@linkplain #builder() by a builder}, then {@link #start()}ed. {@link #stop()}
 * shuts the broker down but keeps its storage, so a later {@link #start()} brings it back with the
 * same data (and the same ports when they are still free; otherwise new ones, so read
 * {@link #bootstrapServers()} again after a restart). {@link #close()} stops the broker and
 * deletes its storage if that storage is a temporary directory made by this class; a closed broker
 * cannot be started again. Each start picks free loopback ports ({@code 127.0.0.1}) just before
 * binding and retries with new ones if another process took them in between. Several brokers may
 * run in one JVM at the same time; each is an independent single-node cluster.
 *
 * <h2>Defaults</h2>
 * Every internal topic has replication factor 1 and min ISR 1,
 * {@code group.initial.rebalance.delay.ms=0}, automatic topic creation is on, and the internal
 * topics have one partition each. All of these can be overridden with
 * {@link Builder#brokerProperty(String, String)}; the properties that fix the node's identity,
 * listeners and storage cannot (see {@link Builder#brokerProperty(String, String)}).
 *
 * <h2>JVM exit protection</h2>
 * Kafka's fatal-error handlers halt the JVM. While at least one embedded broker is running, the
 * exit and halt procedures of {@code org.apache.kafka.common.utils.internals.Exit} are replaced by
 * ones that throw {@link ExitPreventedException}; the previous procedures are put back when the
 * last embedded broker in the JVM stops.
 *
 * <h2>Logging</h2>
 * The broker logs through SLF4J and this module brings no SLF4J binding, so without one the broker
 * is silent. If your tests have a binding (logback, slf4j-simple, log4j-slf4j2-impl, ...), the
 * broker's logs go to it under the logger names {@code kafka} and {@code org.apache.kafka}: set
 * those to {@code WARN} to keep test output short, or to {@code INFO}/{@code DEBUG} to see what the
 * broker does (with slf4j-simple, for example, put
 * {@code org.slf4j.simpleLogger.log.kafka=info} and {@code org.slf4j.simpleLogger.log.org.apache.kafka=info}
 * in {@code simplelogger.properties}). This class logs its own lifecycle under
 * {@code io.connectsdk.testkit.kafka}. Kafka's server artifacts also bring {@code log4j-core} (runtime
 * scope, for the broker's dynamic log-level endpoint); it prints nothing by itself. If your tests
 * route the Log4j API to SLF4J with {@code log4j-to-slf4j}, exclude {@code log4j-core} so that
 * there is one Log4j provider.
 *
 * <h2>Threading and nullability</h2>
 * All methods are thread-safe; lifecycle methods are serialised on the instance. No method accepts
 * or returns {@code null} unless its documentation says so.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final String LOOPBACK = "127.0.0.1";
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final int MAX_START_ATTEMPTS = 5;
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    /** Broker properties that this class owns; a user value for them would break the node. */
    private static final Set<String> RESERVED_PROPERTIES = Set.of(
            "process.roles", "node.id", "broker.id", "listeners", "advertised.listeners",
            "listener.security.protocol.map", "controller.listener.names", "inter.broker.listener.name",
            "controller.quorum.voters", "controller.quorum.bootstrap.servers",
            "log.dirs", "log.dir", "metadata.log.dir");

    /** Temporary storage of brokers not yet closed, deleted by a shutdown hook if the JVM exits first. */
    private static final Set<Path> PENDING_TEMP_DIRS = ConcurrentHashMap.newKeySet();
    private static boolean cleanupHookInstalled;

    private enum State { NEW, RUNNING, STOPPED, CLOSED }

    private final int nodeId;
    private final Map<String, String> overrides;
    private final Path configuredLogDir;

    private State state = State.NEW;
    private Path logDir;
    private boolean tempLogDir;
    private String clusterId;
    private int brokerPort;
    private int controllerPort;
    private KafkaRaftServer server;
    private Admin admin;

    private EmbeddedKafkaBroker(Builder builder) {
        this.nodeId = builder.nodeId;
        this.overrides = Collections.unmodifiableMap(new LinkedHashMap<>(builder.overrides));
        this.configuredLogDir = builder.logDir;
    }

    /**
     * Returns a new builder with the defaults described in the class documentation.
     *
     * @return a new builder, never {@code null}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the broker and returns once it accepts clients. The first start formats the storage
     * (a new temporary directory unless {@link Builder#logDir(Path)} was given; an already formatted
     * log directory is reused as it is). A start after {@link #stop()} reuses the same storage and
     * tries the previous ports first. Does nothing if the broker is already running.
     *
     * @return this broker, for chaining
     * @throws IllegalStateException if the broker was closed, or could not be started (the cause
     *                               tells why; the broker is then left stopped)
     */
    public synchronized EmbeddedKafkaBroker start() {
        switch (state) {
            case RUNNING:
                return this;
            case CLOSED:
                throw new IllegalStateException("This embedded Kafka broker was closed; build a new one");
            default:
                break;
        }
        long begin = System.nanoTime();
        try {
            prepareStorage();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format the storage of the embedded Kafka broker in "
                    + logDir + ": " + e.getMessage(), e);
        }
        ExitGuard.acquire();
        boolean started = false;
        try {
            startServer();
            started = true;
        } finally {
            if (!started) {
                ExitGuard.release();
            }
        }
        state = State.RUNNING;
        LOG.info("Embedded Kafka broker (node {}, cluster {}) started at {} in {} ms, storage {}",
                nodeId, clusterId, bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin), logDir);
        return this;
    }

    /**
     * Shuts the broker down and waits until it has stopped, keeping its storage so that
     * {@link #start()} can bring it back with the same data. Does nothing unless the broker is
     * running. Admin clients made by this class are closed; clients made by the caller are not.
     */
    public synchronized void stop() {
        if (state != State.RUNNING) {
            return;
        }
        long begin = System.nanoTime();
        closeAdmin();
        try {
            shutdownServer(server);
        } finally {
            server = null;
            state = State.STOPPED;
            ExitGuard.release();
        }
        LOG.info("Embedded Kafka broker (node {}) at {}:{} stopped in {} ms", nodeId, LOOPBACK, brokerPort,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
    }

    /**
     * Stops the broker if it is running and deletes its storage if that storage is a temporary
     * directory made by this class (a directory given to {@link Builder#logDir(Path)} is left in
     * place). Idempotent; after it, {@link #start()} fails.
     */
    @Override
    public synchronized void close() {
        if (state == State.CLOSED) {
            return;
        }
        try {
            stop();
        } finally {
            state = State.CLOSED;
            if (tempLogDir && logDir != null) {
                deleteRecursively(logDir);
                PENDING_TEMP_DIRS.remove(logDir);
            }
        }
    }

    /**
     * @return {@code true} between a successful {@link #start()} and the next {@link #stop()} or
     *         {@link #close()}
     */
    public synchronized boolean isRunning() {
        return state == State.RUNNING;
    }

    /**
     * Returns the address clients use to reach the broker, {@code 127.0.0.1:<port>}. It may change
     * across a {@link #stop()} and {@link #start()} if the old port was taken in between.
     *
     * @return the {@code bootstrap.servers} value for clients
     * @throws IllegalStateException if the broker is not running
     */
    public synchronized String bootstrapServers() {
        requireRunning("bootstrapServers()");
        return LOOPBACK + ":" + brokerPort;
    }

    /**
     * @return the KRaft cluster id of this broker's storage
     * @throws IllegalStateException if the broker was never started (the storage is formatted on
     *                               the first start)
     */
    public synchronized String clusterId() {
        if (clusterId == null) {
            throw new IllegalStateException("The embedded Kafka broker has no cluster id before its first start()");
        }
        return clusterId;
    }

    /** @return the broker's {@code node.id} */
    public int nodeId() {
        return nodeId;
    }

    /**
     * @return the broker's storage directory (its {@code log.dirs} and metadata log)
     * @throws IllegalStateException if no directory was configured and the broker was never started
     */
    public synchronized Path logDir() {
        if (logDir == null) {
            throw new IllegalStateException("The embedded Kafka broker has no storage before its first start()");
        }
        return logDir;
    }

    /**
     * Returns a new, mutable map of Admin client settings that point at this broker
     * ({@code bootstrap.servers} only). The map is not updated if the broker moves to other ports.
     *
     * @return a fresh map the caller owns
     * @throws IllegalStateException if the broker is not running
     */
    public Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return config;
    }

    /**
     * Returns a new, mutable map of producer settings that point at this broker:
     * {@code bootstrap.servers}, {@code StringSerializer} for key and value, {@code acks=all}.
     *
     * @return a fresh map the caller owns and may change
     * @throws IllegalStateException if the broker is not running
     */
    public Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    /**
     * Returns a new, mutable map of consumer settings that point at this broker, with a new random
     * group id; see {@link #consumerConfig(String)}.
     *
     * @return a fresh map the caller owns and may change
     * @throws IllegalStateException if the broker is not running
     */
    public Map<String, Object> consumerConfig() {
        return consumerConfig("embedded-kafka-" + UUID.randomUUID());
    }

    /**
     * Returns a new, mutable map of consumer settings that point at this broker:
     * {@code bootstrap.servers}, the given {@code group.id}, {@code StringDeserializer} for key and
     * value, {@code auto.offset.reset=earliest} and {@code enable.auto.commit=false}.
     *
     * @param groupId the consumer group id, not {@code null}
     * @return a fresh map the caller owns and may change
     * @throws IllegalStateException if the broker is not running
     */
    public Map<String, Object> consumerConfig(String groupId) {
        Objects.requireNonNull(groupId, "groupId");
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return config;
    }

    /**
     * Creates a topic with replication factor 1 and the broker's default topic configuration, and
     * waits until every partition has a leader.
     *
     * @param name       the topic name, not {@code null}
     * @param partitions the number of partitions, at least 1
     * @throws org.apache.kafka.common.errors.TopicExistsException if the topic exists (other
     *         {@link org.apache.kafka.common.KafkaException}s for other refusals by the broker)
     * @throws IllegalStateException if the broker is not running or does not answer within 30 s
     */
    public void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    /**
     * Creates a topic with replication factor 1 and the given topic configuration (for example
     * {@code Map.of("cleanup.policy", "compact")}), and waits until every partition has a leader.
     *
     * @param name       the topic name, not {@code null}
     * @param partitions the number of partitions, at least 1
     * @param config     topic-level configuration, not {@code null} (may be empty)
     * @throws org.apache.kafka.common.errors.TopicExistsException if the topic exists (other
     *         {@link org.apache.kafka.common.KafkaException}s for other refusals by the broker)
     * @throws IllegalStateException if the broker is not running or does not answer within 30 s
     */
    public void createTopic(String name, int partitions, Map<String, String> config) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        Admin client = admin();
        NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(new HashMap<>(config));
        await(client.createTopics(List.of(topic)).all(), "create topic " + name);
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        while (!hasAllLeaders(client, name, partitions)) {
            pause(deadline, "topic " + name + " to get a leader for each partition");
        }
    }

    /**
     * Deletes a topic and waits until the broker no longer knows it, so that a topic of the same
     * name can be created right away.
     *
     * @param name the topic name, not {@code null}
     * @throws UnknownTopicOrPartitionException if there is no such topic
     * @throws IllegalStateException if the broker is not running or does not answer within 30 s
     */
    public void deleteTopic(String name) {
        Objects.requireNonNull(name, "name");
        Admin client = admin();
        await(client.deleteTopics(List.of(name)).all(), "delete topic " + name);
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        while (describe(client, name).isPresent()) {
            pause(deadline, "topic " + name + " to be deleted");
        }
    }

    /**
     * @return the names of the topics on the broker, internal topics excluded; a fresh, unmodifiable set
     * @throws IllegalStateException if the broker is not running or does not answer within 30 s
     */
    public Set<String> topicNames() {
        return Set.copyOf(await(admin().listTopics().names(), "list topics"));
    }

    @Override
    public String toString() {
        synchronized (this) {
            return "EmbeddedKafkaBroker[node=" + nodeId + ", state=" + state
                    + (state == State.RUNNING ? ", bootstrap=" + LOOPBACK + ":" + brokerPort : "")
                    + (logDir != null ? ", logDir=" + logDir : "") + "]";
        }
    }

    // ---------------------------------------------------------------------------------------------

    private void requireRunning(String what) {
        if (state != State.RUNNING) {
            throw new IllegalStateException(what + " needs a running broker, but this embedded Kafka broker is "
                    + switch (state) {
                        case NEW -> "not started yet: call start() first";
                        case STOPPED -> "stopped: call start() again";
                        case CLOSED -> "closed";
                        default -> state.toString();
                    });
        }
    }

    private synchronized Admin admin() {
        requireRunning("An admin operation");
        if (admin == null) {
            Map<String, Object> config = adminConfig();
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-admin-" + nodeId);
            admin = Admin.create(config);
        }
        return admin;
    }

    private synchronized void closeAdmin() {
        if (admin != null) {
            try {
                admin.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("Closing the embedded broker's admin client failed", e);
            }
            admin = null;
        }
    }

    private static boolean hasAllLeaders(Admin client, String topic, int partitions) {
        Optional<TopicDescription> description = describe(client, topic);
        if (description.isEmpty() || description.get().partitions().size() < partitions) {
            return false;
        }
        for (TopicPartitionInfo partition : description.get().partitions()) {
            if (partition.leader() == null || partition.leader().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<TopicDescription> describe(Admin client, String topic) {
        try {
            Map<String, TopicDescription> all = client.describeTopics(List.of(topic)).allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.ofNullable(all.get(topic));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw rethrow(e, "describe topic " + topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out after " + ADMIN_TIMEOUT + " describing topic " + topic, e);
        }
    }

    private static <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw rethrow(e, what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to " + what, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out after " + ADMIN_TIMEOUT + " waiting to " + what, e);
        }
    }

    private static RuntimeException rethrow(ExecutionException e, String what) {
        if (e.getCause() instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException("Could not " + what + ": " + e.getCause(), e.getCause());
    }

    private static void pause(long deadlineNanos, String what) {
        if (System.nanoTime() > deadlineNanos) {
            throw new IllegalStateException("Timed out after " + ADMIN_TIMEOUT + " waiting for " + what);
        }
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + what, e);
        }
    }

    /** Creates (first start) and formats the storage unless it is formatted already. */
    private void prepareStorage() throws Exception {
        if (logDir == null) {
            if (configuredLogDir != null) {
                logDir = configuredLogDir.toAbsolutePath();
                Files.createDirectories(logDir);
            } else {
                logDir = Files.createTempDirectory("embedded-kafka-");
                tempLogDir = true;
                registerForCleanup(logDir);
            }
        }
        Path metaProperties = logDir.resolve("meta.properties");
        if (Files.exists(metaProperties)) {
            Properties meta = new Properties();
            try (InputStream in = Files.newInputStream(metaProperties)) {
                meta.load(in);
            }
            String storedNode = meta.getProperty("node.id");
            if (storedNode != null && !storedNode.equals(Integer.toString(nodeId))) {
                throw new IllegalStateException("The log directory belongs to node " + storedNode
                        + ", but this broker is node " + nodeId);
            }
            clusterId = meta.getProperty("cluster.id");
            return;
        }
        String newClusterId = Uuid.randomUuid().toString();
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(nodeId)
                .setClusterId(newClusterId)
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setWriteBootstrapSnapshot(true)
                .run();
        clusterId = newClusterId;
    }

    /** Starts the server, retrying with fresh ports when a port turns out to be taken. */
    private void startServer() {
        boolean reusePorts = brokerPort > 0 && controllerPort > 0;
        for (int attempt = 1; ; attempt++) {
            if (!reusePorts) {
                int[] ports = freePorts(2);
                brokerPort = ports[0];
                controllerPort = ports[1];
            }
            reusePorts = false;
            KafkaRaftServer candidate = null;
            try {
                candidate = new KafkaRaftServer(new KafkaConfig(brokerConfig(), false), Time.SYSTEM);
                candidate.startup();
                server = candidate;
                return;
            } catch (RuntimeException | Error e) {
                if (candidate != null) {
                    try {
                        shutdownServer(candidate);
                    } catch (RuntimeException | Error shutdownFailure) {
                        e.addSuppressed(shutdownFailure);
                    }
                }
                if (isBindFailure(e) && attempt < MAX_START_ATTEMPTS) {
                    LOG.info("Port {} or {} was taken before the embedded Kafka broker could bind it; retrying with others",
                            brokerPort, controllerPort);
                    continue;
                }
                throw new IllegalStateException("The embedded Kafka broker failed to start (attempt " + attempt
                        + ", storage " + logDir + "): " + e, e);
            }
        }
    }

    private static void shutdownServer(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private Map<String, String> brokerConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("share.coordinator.state.topic.num.partitions", "1");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        config.put("num.partitions", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "true");
        // The cleaner's dedupe buffer is allocated up front (128 MiB by default); tests need little.
        config.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        config.putAll(overrides);

        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(nodeId));
        config.put("listeners", BROKER_LISTENER + "://" + LOOPBACK + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + LOOPBACK + ":" + controllerPort);
        config.put("advertised.listeners", BROKER_LISTENER + "://" + LOOPBACK + ":" + brokerPort);
        config.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("inter.broker.listener.name", BROKER_LISTENER);
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("controller.quorum.voters", nodeId + "@" + LOOPBACK + ":" + controllerPort);
        config.put("log.dirs", logDir.toString());
        config.put("metadata.log.dir", logDir.toString());
        return config;
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("Address already in use") || message.contains("failed to bind"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Distinct free loopback ports, found by binding port 0; they are free only until someone else binds them. */
    private static int[] freePorts(int count) {
        int[] ports = new int[count];
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
                ports[i] = sockets[i].getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free loopback port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // best effort
                    }
                }
            }
        }
        return ports;
    }

    private static synchronized void registerForCleanup(Path dir) {
        PENDING_TEMP_DIRS.add(dir);
        if (!cleanupHookInstalled) {
            cleanupHookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new Thread(
                    () -> PENDING_TEMP_DIRS.forEach(EmbeddedKafkaBroker::deleteRecursively),
                    "embedded-kafka-storage-cleanup"));
        }
    }

    private static void deleteRecursively(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException ignored) {
            // already gone
        } catch (IOException e) {
            LOG.warn("Could not delete the embedded Kafka broker's storage {}: {}", dir, e.toString());
        }
    }

    /**
     * Builds {@link EmbeddedKafkaBroker}s. Not thread-safe; {@link #build()} copies the settings,
     * so one builder can build several independent brokers.
     */
    public static final class Builder {

        private final Map<String, String> overrides = new LinkedHashMap<>();
        private Path logDir;
        private int nodeId = 1;

        private Builder() {
        }

        /**
         * Sets a broker configuration property, overriding this class's default for it (see the
         * class documentation). The properties that define the node's roles, id, listeners,
         * quorum and storage ({@code process.roles, node.id, broker.id, listeners,
         * advertised.listeners, listener.security.protocol.map, controller.listener.names,
         * inter.broker.listener.name, controller.quorum.voters, controller.quorum.bootstrap.servers,
         * log.dirs, log.dir, metadata.log.dir}) are managed by the broker and refused here.
         *
         * @param key   a Kafka broker property name, not {@code null}
         * @param value its value, not {@code null}
         * @return this builder
         * @throws IllegalArgumentException if {@code key} is one of the managed properties
         */
        public Builder brokerProperty(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (RESERVED_PROPERTIES.contains(key)) {
                throw new IllegalArgumentException("Broker property '" + key + "' is managed by EmbeddedKafkaBroker"
                        + (key.startsWith("log.dir") || key.equals("metadata.log.dir") ? "; use logDir(Path)" : "")
                        + (key.equals("node.id") || key.equals("broker.id") ? "; use nodeId(int)" : ""));
            }
            overrides.put(key, value);
            return this;
        }

        /**
         * Sets several broker properties; see {@link #brokerProperty(String, String)}.
         *
         * @param properties property names and values, not {@code null}, without {@code null} keys or values
         * @return this builder
         * @throws IllegalArgumentException if a key is one of the managed properties
         */
        public Builder brokerProperties(Map<String, String> properties) {
            Objects.requireNonNull(properties, "properties");
            properties.forEach(this::brokerProperty);
            return this;
        }

        /**
         * Turns automatic topic creation ({@code auto.create.topics.enable}) on or off; on by default.
         *
         * @param enabled whether producing to or fetching metadata of an unknown topic creates it
         * @return this builder
         */
        public Builder autoCreateTopics(boolean enabled) {
            return brokerProperty("auto.create.topics.enable", Boolean.toString(enabled));
        }

        /**
         * Uses the given directory as the broker's storage instead of a new temporary directory.
         * It is created and formatted if needed; a directory already formatted (by an earlier
         * broker with the same {@linkplain #nodeId(int) node id}) is reused with its data. The
         * broker never deletes it.
         *
         * @param logDir the storage directory, or {@code null} for a temporary one (the default)
         * @return this builder
         */
        public Builder logDir(Path logDir) {
            this.logDir = logDir;
            return this;
        }

        /**
         * Sets the node id ({@code node.id}); 1 by default.
         *
         * @param nodeId a non-negative node id
         * @return this builder
         * @throws IllegalArgumentException if {@code nodeId} is negative
         */
        public Builder nodeId(int nodeId) {
            if (nodeId < 0) {
                throw new IllegalArgumentException("nodeId must not be negative, was " + nodeId);
            }
            this.nodeId = nodeId;
            return this;
        }

        /**
         * Builds a broker that is not started yet; call {@link EmbeddedKafkaBroker#start()}.
         * Nothing is allocated until then.
         *
         * @return a new, unstarted broker
         */
        public EmbeddedKafkaBroker build() {
            return new EmbeddedKafkaBroker(this);
        }
    }
}
