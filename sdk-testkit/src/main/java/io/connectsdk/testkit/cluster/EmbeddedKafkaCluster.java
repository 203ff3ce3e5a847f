package io.connectsdk.testkit.cluster;

import io.connectsdk.testkit.kafka.EmbeddedKafkaBroker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@link KafkaMode#EMBEDDED}: a single-node KRaft broker inside the test JVM
 * ({@link EmbeddedKafkaBroker}), on free loopback ports, with temporary storage deleted by
 * {@link #close()}. No Docker needed. A cold start takes a few seconds, another broker in a warm
 * JVM well under a second: share one per test class (see {@link KafkaClusterExtension}).
 *
 * <p>Broker settings can be changed before {@link #start()} with {@link #brokerProperty}. Topics
 * get replication factor 1. Thread-safe.
 */
public final class EmbeddedKafkaCluster extends AbstractKafkaCluster {
    private final Map<String, String> brokerProperties = new LinkedHashMap<>();
    private EmbeddedKafkaBroker broker;

    EmbeddedKafkaCluster() {
    }

    /**
     * @param key a broker property (see {@link EmbeddedKafkaBroker.Builder#brokerProperty})
     * @param value its value
     * @return this cluster
     * @throws IllegalStateException once started
     */
    public synchronized EmbeddedKafkaCluster brokerProperty(String key, String value) {
        if (broker != null) {
            throw new IllegalStateException("brokerProperty(...) must be set before start()");
        }
        brokerProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    @Override
    public synchronized EmbeddedKafkaCluster start() {
        if (isClosed()) {
            throw new IllegalStateException(PREFIX + "this embedded Kafka cluster was closed; create a new one");
        }
        if (broker == null) {
            EmbeddedKafkaBroker b = EmbeddedKafkaBroker.builder().brokerProperties(brokerProperties).build();
            b.start();
            broker = b;
        }
        return this;
    }

    @Override
    public KafkaMode mode() {
        return KafkaMode.EMBEDDED;
    }

    /** @return the underlying broker, for what this interface does not offer; {@code null} before start */
    public synchronized EmbeddedKafkaBroker broker() {
        return broker;
    }

    @Override
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        requireStarted("createTopic(...)");
        broker().createTopic(name, partitions, configs);
    }

    @Override
    protected synchronized String bootstrap() {
        return broker.bootstrapServers();
    }

    @Override
    protected synchronized boolean isStarted() {
        return broker != null && !isClosed();
    }

    @Override
    public synchronized void close() {
        try {
            closeClients();
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaCluster[" + (isStarted() ? bootstrap() : isClosed() ? "closed" : "not started") + "]";
    }
}
