package io.connectsdk.testkit.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that starts a {@link KafkaCluster} for a test class and closes it after, and
 * is itself that cluster.
 *
 * <pre>{@code
 * class OrdersSinkIT {
 *     @RegisterExtension
 *     static final KafkaClusterExtension kafka = KafkaClusterExtension.create();   // one broker for the class
 *
 *     @Test
 *     void writesOrders() {
 *         kafka.createTopic("orders", 1);
 *         kafka.produce("orders", "k", "v");
 *         assertThat(topic(kafka, "orders")).hasRecordCount(1);
 *     }
 * }
 * }</pre>
 *
 * <p>In a {@code static} field the cluster lives from before the first test of the class to after
 * the last; in an instance field, for each test. The cluster is made lazily, on the first callback,
 * by the supplier given to {@link #of(Supplier)} ({@link KafkaClusterFactory#create()} for
 * {@link #create()}, so {@code -Dconnectsdk.kafka} applies). Thread-safe.
 */
public final class KafkaClusterExtension implements KafkaCluster,
        BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final Supplier<? extends KafkaCluster> factory;
    private KafkaCluster cluster;
    private boolean perClass;

    private KafkaClusterExtension(Supplier<? extends KafkaCluster> factory) {
        this.factory = factory;
    }

    /** @return an extension whose cluster's mode comes from the system property, environment or default */
    public static KafkaClusterExtension create() {
        return new KafkaClusterExtension(KafkaClusterFactory::create);
    }

    /**
     * @param mode the mode to use whatever the system property says
     * @return an extension with a cluster of that mode
     */
    public static KafkaClusterExtension create(KafkaMode mode) {
        Objects.requireNonNull(mode, "mode");
        return new KafkaClusterExtension(() -> KafkaClusterFactory.create(mode));
    }

    /**
     * @param factory makes the (unstarted) cluster, e.g. {@code () -> KafkaCluster.embedded().brokerProperty(...)}
     * @return an extension with that cluster
     */
    public static KafkaClusterExtension of(Supplier<? extends KafkaCluster> factory) {
        return new KafkaClusterExtension(Objects.requireNonNull(factory, "factory"));
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (!perClass) {
            start();
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (!perClass) {
            close();
        }
    }

    /** @return the cluster; starts it if needed */
    public synchronized KafkaCluster cluster() {
        start();
        return cluster;
    }

    @Override
    public synchronized KafkaClusterExtension start() {
        if (cluster == null) {
            KafkaCluster made = Objects.requireNonNull(factory.get(), "the cluster factory returned null");
            try {
                made.start();
            } catch (RuntimeException | Error e) {
                made.close();
                throw e;
            }
            cluster = made;
        }
        return this;
    }

    @Override
    public synchronized void close() {
        if (cluster != null) {
            try {
                cluster.close();
            } finally {
                cluster = null;
            }
        }
    }

    @Override
    public KafkaMode mode() {
        return cluster().mode();
    }

    @Override
    public String bootstrapServers() {
        return cluster().bootstrapServers();
    }

    @Override
    public Map<String, Object> adminConfig() {
        return cluster().adminConfig();
    }

    @Override
    public Map<String, Object> producerConfig() {
        return cluster().producerConfig();
    }

    @Override
    public Map<String, Object> consumerConfig() {
        return cluster().consumerConfig();
    }

    @Override
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        cluster().createTopic(name, partitions, configs);
    }

    @Override
    public void deleteTopic(String name) {
        cluster().deleteTopic(name);
    }

    @Override
    public Set<String> topicNames() {
        return cluster().topicNames();
    }

    @Override
    public KafkaRecord produce(String topic, String key, String value) {
        return cluster().produce(topic, key, value);
    }

    @Override
    public KafkaRecord produce(String topic, byte[] key, byte[] value) {
        return cluster().produce(topic, key, value);
    }

    @Override
    public KafkaRecord produce(ProducerRecord<byte[], byte[]> record) {
        return cluster().produce(record);
    }

    @Override
    public List<KafkaRecord> consume(String topic, int count, Duration timeout) {
        return cluster().consume(topic, count, timeout);
    }

    @Override
    public String toString() {
        return "KafkaClusterExtension[" + cluster + "]";
    }
}
