package io.connectsdk.testkit.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads one topic from the beginning, incrementally: each {@link #poll(Duration)} adds what arrived
 * since the last one to {@link #records()}. Uses its own consumer with a fresh group id that never
 * commits, reading every partition (partitions added later, and a topic created after the reader,
 * are picked up on the next poll). Never creates the topic.
 *
 * <p>Not thread-safe (a Kafka consumer is not); use it from one thread at a time and
 * {@link #close()} it. Used by {@link KafkaCluster#consume} and the topic assertions.
 */
public final class TopicReader implements AutoCloseable {
    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<KafkaRecord> records = new ArrayList<>();
    private final Map<Integer, Long> perPartition = new LinkedHashMap<>();
    private final Map<Integer, Long> positions = new HashMap<>();
    private int knownPartitions;

    /**
     * @param cluster a started cluster, not {@code null}
     * @param topic the topic to read, not {@code null}
     */
    public TopicReader(KafkaCluster cluster, String topic) {
        this(cluster.bootstrapServers(), topic);
    }

    /**
     * @param bootstrapServers the cluster's bootstrap address, not {@code null}
     * @param topic the topic to read, not {@code null}
     */
    public TopicReader(String bootstrapServers, String topic) {
        this(bootstrapServers, topic, List.of());
    }

    /**
     * A reader that goes on where another one stopped: it starts with {@code alreadyRead} as its
     * {@link #records()} and reads each partition from after the last of those records.
     *
     * @param bootstrapServers the cluster's bootstrap address, not {@code null}
     * @param topic the topic to read, not {@code null}
     * @param alreadyRead records of that topic read before, in read order, not {@code null}
     */
    public TopicReader(String bootstrapServers, String topic, List<KafkaRecord> alreadyRead) {
        for (KafkaRecord r : alreadyRead) {
            if (!r.topic().equals(topic)) {
                throw new IllegalArgumentException("a record of topic " + r.topic() + " cannot continue a reader of " + topic);
            }
            records.add(r);
            perPartition.merge(r.partition(), 1L, Long::sum);
            positions.merge(r.partition(), r.offset() + 1, Math::max);
        }
        this.topic = Objects.requireNonNull(topic, "topic");
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "connect-sdk-testkit-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50); // short fetches: quick polls and a quick close
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(config);
    }

    /** @return the topic this reader reads */
    public String topic() {
        return topic;
    }

    /**
     * Reads what is available, waiting up to {@code timeout} for something new.
     *
     * @param timeout how long to wait for new records, not negative
     * @return the records read by this call, in the order read; unmodifiable
     */
    public List<KafkaRecord> poll(Duration timeout) {
        refreshAssignment();
        if (consumer.assignment().isEmpty()) {
            return List.of();
        }
        List<KafkaRecord> fresh = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
            KafkaRecord k = KafkaRecord.of(r);
            fresh.add(k);
            perPartition.merge(k.partition(), 1L, Long::sum);
            positions.merge(k.partition(), k.offset() + 1, Math::max);
        }
        records.addAll(fresh);
        return Collections.unmodifiableList(fresh);
    }

    /** @return every record read so far, in the order read (offset order within a partition); a snapshot */
    public List<KafkaRecord> records() {
        return List.copyOf(records);
    }

    /** @return how many records were read so far */
    public int count() {
        return records.size();
    }

    /** @return how many records were read so far from each partition that had any; a snapshot */
    public Map<Integer, Long> countsPerPartition() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(perPartition));
    }

    /** @return how many partitions the topic had at the last poll (0 while it does not exist) */
    public int partitionCount() {
        return knownPartitions;
    }

    private void refreshAssignment() {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return;
        }
        if (infos == null || infos.size() <= knownPartitions) {
            return;
        }
        List<TopicPartition> all = new ArrayList<>();
        for (PartitionInfo p : infos) {
            all.add(new TopicPartition(topic, p.partition()));
        }
        List<TopicPartition> added = new ArrayList<>(all);
        added.removeAll(consumer.assignment());
        consumer.assign(all);
        List<TopicPartition> fromStart = new ArrayList<>();
        for (TopicPartition tp : added) {
            Long position = positions.get(tp.partition());
            if (position == null) {
                fromStart.add(tp);
            } else {
                consumer.seek(tp, position);
            }
        }
        if (!fromStart.isEmpty()) { // an empty list would mean every assigned partition
            consumer.seekToBeginning(fromStart);
        }
        knownPartitions = infos.size();
    }

    /** Closes the consumer. Idempotent. */
    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ZERO)); // nothing to commit, no group to leave
    }
}
