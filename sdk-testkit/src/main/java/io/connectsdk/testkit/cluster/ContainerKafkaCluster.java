package io.connectsdk.testkit.cluster;

import java.util.Objects;

/**
 * {@link KafkaMode#CONTAINER}: a single-node broker in a Testcontainers {@code apache/kafka}
 * container. Needs {@code org.testcontainers:testcontainers-kafka} on the test classpath (the test
 * kit declares it optional: add it to your project in test scope) and a reachable Docker engine;
 * without either, {@link #start()} fails with one line saying so and what to use instead.
 *
 * <p>The image is {@value #DEFAULT_IMAGE} unless {@link #image(String)} or the system property
 * {@code connectsdk.kafka.image} says otherwise. {@link #close()} stops the container. Thread-safe.
 */
public final class ContainerKafkaCluster extends AbstractKafkaCluster {
    /** The default image: Apache Kafka's own, at the version of the test kit's Kafka clients. */
    public static final String DEFAULT_IMAGE = "apache/kafka:4.4.0";

    static final String TESTCONTAINERS_PROBE_CLASS = "org.testcontainers.DockerClientFactory";
    static final String KAFKA_CONTAINER_PROBE_CLASS = "org.testcontainers.kafka.KafkaContainer";
    private static final String ALTERNATIVES = " Use the default embedded broker (remove kafka=container / -D"
            + KafkaClusterFactory.MODE_PROPERTY + "=embedded) or point at a running cluster with -D"
            + KafkaClusterFactory.MODE_PROPERTY + "=external -D" + KafkaClusterFactory.BOOTSTRAP_PROPERTY + "=host:port.";

    private final ClassLoader probeLoader;
    private String image;
    private AutoCloseable container;
    private String bootstrap;

    ContainerKafkaCluster() {
        this(ContainerKafkaCluster.class.getClassLoader());
    }

    /** @param probeLoader where to look for Testcontainers (tests pass one that cannot see it) */
    ContainerKafkaCluster(ClassLoader probeLoader) {
        this.probeLoader = probeLoader;
        this.image = System.getProperty(KafkaClusterFactory.IMAGE_PROPERTY, DEFAULT_IMAGE);
    }

    /**
     * @param dockerImage the image, e.g. {@code apache/kafka:4.4.0}; must be an {@code apache/kafka}
     *     compatible image
     * @return this cluster
     * @throws IllegalStateException once started
     */
    public synchronized ContainerKafkaCluster image(String dockerImage) {
        if (container != null) {
            throw new IllegalStateException("image(...) must be set before start()");
        }
        this.image = Objects.requireNonNull(dockerImage, "dockerImage");
        return this;
    }

    /** @return the image that is or will be started */
    public synchronized String image() {
        return image;
    }

    /**
     * Starts the container and waits until the broker is ready.
     *
     * @return this cluster
     * @throws IllegalStateException with one line when Testcontainers is not on the classpath, no
     *     Docker engine is reachable, or the container does not start
     */
    @Override
    public synchronized ContainerKafkaCluster start() {
        if (isClosed()) {
            throw new IllegalStateException(PREFIX + "this container Kafka cluster was closed; create a new one");
        }
        if (container != null) {
            return this;
        }
        if (!onClasspath(TESTCONTAINERS_PROBE_CLASS) || !onClasspath(KAFKA_CONTAINER_PROBE_CLASS)) {
            throw new IllegalStateException(PREFIX + "Kafka mode 'container' needs Testcontainers, and it is not on the"
                    + " test classpath (add org.testcontainers:testcontainers-kafka in test scope)." + ALTERNATIVES);
        }
        String unavailable = TestcontainersKafka.dockerUnavailableReason();
        if (unavailable != null) {
            throw new IllegalStateException(PREFIX + "Kafka mode 'container' needs a Docker engine, and none is reachable ("
                    + unavailable + ")." + ALTERNATIVES);
        }
        TestcontainersKafka.Started started;
        try {
            started = TestcontainersKafka.start(image);
        } catch (RuntimeException e) {
            throw new IllegalStateException(PREFIX + "Kafka mode 'container' could not start the image " + image + " ("
                    + e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replace('\n', ' ') + ")."
                    + ALTERNATIVES, e);
        }
        container = started.container();
        bootstrap = started.bootstrapServers();
        return this;
    }

    private boolean onClasspath(String className) {
        try {
            Class.forName(className, false, probeLoader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public KafkaMode mode() {
        return KafkaMode.CONTAINER;
    }

    @Override
    protected synchronized String bootstrap() {
        return bootstrap;
    }

    @Override
    protected synchronized boolean isStarted() {
        return container != null && !isClosed();
    }

    @Override
    public synchronized void close() {
        try {
            closeClients();
        } finally {
            if (container != null) {
                try {
                    container.close();
                } catch (Exception e) {
                    throw new IllegalStateException("Could not stop the Kafka container: " + e, e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "ContainerKafkaCluster[" + image + (bootstrap != null ? ", " + bootstrap : "") + "]";
    }
}
