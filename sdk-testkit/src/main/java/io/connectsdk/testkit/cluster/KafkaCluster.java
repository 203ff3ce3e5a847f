package io.connectsdk.testkit.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A Kafka cluster for tests: an embedded broker, a Testcontainers broker or an external cluster
 * (see {@link KafkaMode}), with the few operations tests need.
 *
 * <pre>{@code
 * try (KafkaCluster kafka = KafkaCluster.create().start()) {     // embedded unless -Dconnectsdk.kafka=...
 *     kafka.createTopic("orders", 3);
 *     kafka.produce("orders", "k1", "{\"id\":1}");
 *     List<KafkaRecord> read = kafka.consume("orders", 1, Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <h2>Lifecycle</h2>
 * Made by the static factories here or {@link KafkaClusterFactory}, not started;
 * {@link #start()} starts (or, for an external cluster, reaches) it and is idempotent;
 * {@link #close()} releases everything the instance made (clients, and the broker or container it
 * started; an external cluster keeps running). Methods other than {@code start}, {@code mode} and
 * {@code close} need a started cluster and throw {@link IllegalStateException} otherwise.
 *
 * <h2>Threading and nullability</h2>
 * Implementations are thread-safe. Arguments must not be {@code null} unless documented; nothing
 * returns {@code null}. Blocking operations wait at most 30 s for the cluster, then fail.
 */
public interface KafkaCluster extends AutoCloseable {

    /**
     * @return an unstarted cluster of the mode chosen by the system property {@code connectsdk.kafka},
     *     else the environment variable {@code CONNECTSDK_KAFKA_MODE}, else embedded
     * @see KafkaClusterFactory#create()
     */
    static KafkaCluster create() {
        return KafkaClusterFactory.create();
    }

    /**
     * @param mode the mode; it wins over the system property and environment variable
     * @return an unstarted cluster of that mode
     */
    static KafkaCluster create(KafkaMode mode) {
        return KafkaClusterFactory.create(mode);
    }

    /** @return an unstarted embedded (in-JVM) single-node broker */
    static EmbeddedKafkaCluster embedded() {
        return new EmbeddedKafkaCluster();
    }

    /** @return an unstarted Testcontainers broker with the default image (see {@link ContainerKafkaCluster}) */
    static ContainerKafkaCluster container() {
        return new ContainerKafkaCluster();
    }

    /**
     * @param bootstrapServers the cluster's {@code host:port[,host:port...]}
     * @return an external cluster at that address (not yet checked)
     */
    static ExternalKafkaCluster external(String bootstrapServers) {
        return new ExternalKafkaCluster(bootstrapServers);
    }

    /**
     * Starts the cluster (or, for an external one, checks that it answers). Does nothing if started.
     *
     * @return this cluster
     * @throws IllegalStateException with a one-line explanation when the cluster cannot be had
     */
    KafkaCluster start();

    /** @return how this cluster is provided */
    KafkaMode mode();

    /** @return the {@code bootstrap.servers} value for clients */
    String bootstrapServers();

    /** @return fresh, mutable Admin client settings ({@code bootstrap.servers}) */
    Map<String, Object> adminConfig();

    /** @return fresh, mutable producer settings: byte-array serializers, {@code acks=all} */
    Map<String, Object> producerConfig();

    /**
     * @return fresh, mutable consumer settings: byte-array deserializers, a new random group id,
     *     {@code auto.offset.reset=earliest}, no auto-commit
     */
    Map<String, Object> consumerConfig();

    /**
     * Creates a topic with the cluster's default replication factor and waits until every
     * partition has a leader.
     *
     * @param name the topic
     * @param partitions 1 or more
     */
    default void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    /**
     * Creates a topic with topic-level settings (e.g. {@code cleanup.policy=compact}) and waits
     * until every partition has a leader.
     *
     * @param name the topic
     * @param partitions 1 or more
     * @param configs topic settings, may be empty
     */
    void createTopic(String name, int partitions, Map<String, String> configs);

    /**
     * Deletes a topic and waits until the cluster no longer lists it.
     *
     * @param name an existing topic
     */
    void deleteTopic(String name);

    /** @return the names of the cluster's topics, internal ones excluded; a snapshot */
    Set<String> topicNames();

    /**
     * Writes a record with UTF-8 key and value and waits for the acknowledgement.
     *
     * @param topic the topic
     * @param key the key, may be {@code null}
     * @param value the value, may be {@code null}
     * @return the record as stored (partition, offset, timestamp)
     */
    KafkaRecord produce(String topic, String key, String value);

    /**
     * Writes a record with raw key and value and waits for the acknowledgement.
     *
     * @param topic the topic
     * @param key the key, may be {@code null}
     * @param value the value, may be {@code null}
     * @return the record as stored
     */
    KafkaRecord produce(String topic, byte[] key, byte[] value);

    /**
     * Writes a record with full control (partition, timestamp, headers) and waits for the
     * acknowledgement.
     *
     * @param record the record
     * @return the record as stored
     */
    KafkaRecord produce(ProducerRecord<byte[], byte[]> record);

    /**
     * Reads a topic from the beginning with a consumer of a fresh group until at least {@code count}
     * records were read.
     *
     * @param topic the topic
     * @param count how many records to wait for, 0 or more
     * @param timeout the bound
     * @return the records read (at least {@code count}; possibly more), in read order
     * @throws AssertionError naming the count seen and the first records when fewer arrived in time
     */
    List<KafkaRecord> consume(String topic, int count, Duration timeout);

    /**
     * Releases what this instance made: clients, and the broker or container it started.
     * Idempotent; a closed cluster cannot be started again.
     */
    @Override
    void close();
}
