package io.connectsdk.testkit.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** What the three kinds of cluster share: clients and their operations, given a bootstrap address. */
abstract class AbstractKafkaCluster implements KafkaCluster {
    static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(30);
    static final String PREFIX = "connect-sdk test kit: ";

    private Admin admin;
    private KafkaProducer<byte[], byte[]> producer;
    private boolean closed;

    /** @return the bootstrap address; called only once started */
    protected abstract String bootstrap();

    /** @return whether {@link #start()} succeeded and {@link #close()} was not called */
    protected abstract boolean isStarted();

    @Override
    public String bootstrapServers() {
        requireStarted("bootstrapServers()");
        return bootstrap();
    }

    @Override
    public Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return config;
    }

    @Override
    public Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    @Override
    public Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "connect-sdk-testkit-" + UUID.randomUUID());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    @Override
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(new HashMap<>(configs));
        await(admin().createTopics(List.of(topic)).all(), "create topic " + name);
        awaitCondition("topic " + name + " to have a leader for each of its " + partitions + " partitions",
                () -> hasAllLeaders(name, partitions));
    }

    @Override
    public void deleteTopic(String name) {
        Objects.requireNonNull(name, "name");
        await(admin().deleteTopics(List.of(name)).all(), "delete topic " + name);
        awaitCondition("topic " + name + " to disappear", () -> !topicNames().contains(name));
    }

    @Override
    public Set<String> topicNames() {
        return Set.copyOf(await(admin().listTopics().names(), "list topics"));
    }

    @Override
    public KafkaRecord produce(String topic, String key, String value) {
        return produce(topic, utf8(key), utf8(value));
    }

    @Override
    public KafkaRecord produce(String topic, byte[] key, byte[] value) {
        return produce(new ProducerRecord<>(topic, key, value));
    }

    @Override
    public KafkaRecord produce(ProducerRecord<byte[], byte[]> record) {
        Objects.requireNonNull(record, "record");
        RecordMetadata m;
        try {
            m = producer().send(record).get(OPERATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not write to topic " + record.topic() + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge a record for topic " + record.topic() + " within "
                    + OPERATION_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while producing", e);
        }
        List<KafkaRecord.Header> headers = new ArrayList<>();
        record.headers().forEach(h -> headers.add(new KafkaRecord.Header(h.key(), h.value())));
        return new KafkaRecord(m.topic(), m.partition(), m.offset(), m.timestamp(), record.key(), record.value(), headers);
    }

    @Override
    public List<KafkaRecord> consume(String topic, int count, Duration timeout) {
        Objects.requireNonNull(topic, "topic");
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 or more, was " + count);
        }
        try (TopicReader reader = new TopicReader(bootstrapServers(), topic)) {
            try {
                Awaitility.await("records of topic " + topic).atMost(timeout).pollInSameThread()
                        .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                        .until(() -> {
                            reader.poll(Duration.ofMillis(100));
                            return reader.count() >= count;
                        });
            } catch (ConditionTimeoutException e) {
                List<KafkaRecord> seen = reader.records();
                StringBuilder sb = new StringBuilder("Expected at least ").append(count).append(" record(s) in topic '")
                        .append(topic).append("' within ").append(timeout.toMillis()).append(" ms, but read ")
                        .append(seen.size()).append(reader.partitionCount() == 0 ? " (the topic does not exist)" : "");
                for (int i = 0; i < Math.min(seen.size(), 10); i++) {
                    sb.append("\n  ").append(seen.get(i));
                }
                throw new AssertionError(sb.toString());
            }
            return reader.records();
        }
    }

    /** Closes the clients; subclasses close what they started after calling this. */
    protected synchronized void closeClients() {
        closed = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }

    protected synchronized boolean isClosed() {
        return closed;
    }

    protected void requireStarted(String what) {
        if (!isStarted()) {
            throw new IllegalStateException(what + ": the " + mode().configName() + " Kafka cluster is not started"
                    + (isClosed() ? " (it was closed)" : "; call start() first"));
        }
    }

    protected synchronized Admin admin() {
        requireStarted("admin");
        if (admin == null) {
            admin = Admin.create(adminConfig());
        }
        return admin;
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        requireStarted("produce(...)");
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig());
        }
        return producer;
    }

    private boolean hasAllLeaders(String name, int partitions) {
        try {
            TopicDescription d = admin().describeTopics(List.of(name)).allTopicNames().get(5, TimeUnit.SECONDS).get(name);
            if (d == null || d.partitions().size() < partitions) {
                return false;
            }
            for (TopicPartitionInfo p : d.partitions()) {
                if (p.leader() == null || p.leader().isEmpty()) {
                    return false;
                }
            }
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw new IllegalStateException("Could not describe topic " + name + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void awaitCondition(String what, java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await(what).atMost(OPERATION_TIMEOUT).pollInSameThread()
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(condition);
    }

    static <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(OPERATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException("Could not " + what + ": " + cause, cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Could not " + what + " within " + OPERATION_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }

    static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
