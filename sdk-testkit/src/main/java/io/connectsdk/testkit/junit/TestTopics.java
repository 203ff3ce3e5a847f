package io.connectsdk.testkit.junit;

import io.connectsdk.testkit.cluster.KafkaCluster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Topic names that are unique to one test, injected by {@link ConnectTest @ConnectTest}: the
 * robust way to give every test fresh topics on a cluster shared by the class (see
 * {@link ConnectTest}). {@code name("orders")} is {@code orders-<test method>-<run id>-<n>}; the same
 * base gives the same name within a test. The topics are deleted after the test (after its
 * connectors), without waiting for Kafka to finish deleting them.
 *
 * <pre>{@code
 * @Test
 * void writesOrders(ConnectCluster connect, KafkaCluster kafka, TestTopics topics) {
 *     String orders = topics.create("orders", 3);          // created now, 3 partitions
 *     String dlq = topics.name("orders-dlq");              // a name only: the runtime creates it
 *     ...
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class TestTopics {
    private static final Pattern ILLEGAL = Pattern.compile("[^A-Za-z0-9-]+");
    private static final AtomicLong SEQUENCE = new AtomicLong();
    /** Distinguishes JVMs that share an external cluster. */
    private static final String RUN_ID = Integer.toHexString(0x1000 + ThreadLocalRandom.current().nextInt(0xF000));

    private final KafkaCluster kafka;
    private final String test;
    private final Consumer<List<String>> deleter;
    private final Map<String, String> names = new LinkedHashMap<>();

    TestTopics(KafkaCluster kafka, String testName, Consumer<List<String>> deleter) {
        this.kafka = Objects.requireNonNull(kafka, "kafka");
        String t = ILLEGAL.matcher(testName).replaceAll("-");
        this.test = t.length() > 40 ? t.substring(0, 40) : t;
        this.deleter = deleter;
    }

    /**
     * @param base a readable base name, e.g. {@code "orders"} (letters, digits, '.', '_', '-')
     * @return the test's topic name for it; the same for the same base within the test
     */
    public synchronized String name(String base) {
        Objects.requireNonNull(base, "base");
        if (base.isBlank() || !base.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a topic base name needs letters, digits, '.', '_' or '-', was '" + base + "'");
        }
        return names.computeIfAbsent(base, b -> b + "-" + test + "-" + RUN_ID + "-" + SEQUENCE.incrementAndGet());
    }

    /**
     * Creates the test's topic for {@code base} and waits until it is ready.
     *
     * @param base the base name
     * @param partitions 1 or more
     * @return the topic's name
     */
    public String create(String base, int partitions) {
        return create(base, partitions, Map.of());
    }

    /**
     * Creates the test's topic for {@code base} with topic settings and waits until it is ready.
     *
     * @param base the base name
     * @param partitions 1 or more
     * @param configs topic settings, e.g. {@code cleanup.policy=compact}
     * @return the topic's name
     */
    public String create(String base, int partitions, Map<String, String> configs) {
        String name = name(base);
        kafka.createTopic(name, partitions, configs);
        return name;
    }

    /** @return the names handed out so far, in order */
    public synchronized List<String> names() {
        return new ArrayList<>(names.values());
    }

    /** Deletes the topics handed out (those that exist); best effort. */
    void deleteAll() {
        List<String> all = names();
        if (!all.isEmpty()) {
            deleter.accept(all);
        }
    }

    @Override
    public String toString() {
        return "TestTopics" + names();
    }
}
