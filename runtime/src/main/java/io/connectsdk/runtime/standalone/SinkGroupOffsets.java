package io.connectsdk.runtime.standalone;

import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.runtime.config.SinkConnectorConfig;
import io.connectsdk.runtime.config.WorkerConfig;
import io.connectsdk.runtime.herder.ConnectorOffsets;
import io.connectsdk.runtime.herder.ConnectorTaskId;
import io.connectsdk.runtime.worker.ClientConfigs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * A sink connector's offsets in Kafka: the committed offsets of its tasks' consumer group
 * ({@code connect-<name>} unless the worker's {@code consumer.group.id} or the connector's
 * {@code consumer.override.group.id} says otherwise), read, altered or reset with a new admin
 * client made from the worker's admin settings and the connector's {@code admin.override.*},
 * closed afterwards. Each call waits at most 30 s, or the admin client's
 * {@code default.api.timeout.ms} when shorter. Stateless.
 */
final class SinkGroupOffsets {
    /** The longest wait for Kafka's answer. */
    static final long TIMEOUT_MS = 30_000;

    private SinkGroupOffsets() {
    }

    /** One call to Kafka with the connector's admin client. */
    @FunctionalInterface
    private interface AdminCall<T> {
        KafkaFuture<T> call(Admin admin, String group);
    }

    /**
     * @param worker the worker configuration
     * @param connectorProps the sink connector's configuration
     * @param name the connector
     * @return the group's committed offsets, by topic and partition
     * @throws ConnectException naming the group when Kafka cannot be asked or does not answer in time
     */
    static ConnectorOffsets read(WorkerConfig worker, Map<String, String> connectorProps, String name) {
        Map<TopicPartition, OffsetAndMetadata> committed = withAdmin(worker, connectorProps, name, "read",
                (admin, group) -> admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        List<Map.Entry<TopicPartition, OffsetAndMetadata>> entries = new ArrayList<>(committed.entrySet());
        entries.sort(Comparator.comparing((Map.Entry<TopicPartition, OffsetAndMetadata> e) -> e.getKey().topic())
                .thenComparingInt(e -> e.getKey().partition()));
        List<ConnectorOffsets.PartitionOffset> result = new ArrayList<>();
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : entries) {
            if (e.getValue() != null) {
                result.add(ConnectorOffsets.sinkOffset(e.getKey().topic(), e.getKey().partition(), e.getValue().offset()));
            }
        }
        return new ConnectorOffsets(result);
    }

    /**
     * Writes new committed offsets and removes others. The group must have no active members (the
     * connector is stopped).
     *
     * @param offsets partitions and their new offsets; a {@code null} offset removes the partition's
     * @throws ConnectException naming the group when Kafka refuses or does not answer in time
     */
    static void alter(WorkerConfig worker, Map<String, String> connectorProps, String name,
                      Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> toWrite = new HashMap<>();
        Set<TopicPartition> toRemove = new HashSet<>();
        offsets.forEach((tp, offset) -> {
            if (offset == null) {
                toRemove.add(tp);
            } else {
                toWrite.put(tp, new OffsetAndMetadata(offset));
            }
        });
        if (!toWrite.isEmpty()) {
            withAdmin(worker, connectorProps, name, "alter",
                    (admin, group) -> admin.alterConsumerGroupOffsets(group, toWrite).all());
        }
        if (!toRemove.isEmpty()) {
            withAdmin(worker, connectorProps, name, "remove",
                    (admin, group) -> admin.deleteConsumerGroupOffsets(group, toRemove).all());
        }
    }

    /**
     * Deletes the consumer group, and so every committed offset of the connector, as Kafka Connect
     * does; a group that does not exist is already reset. The group must have no active members.
     *
     * @throws ConnectException naming the group when Kafka refuses or does not answer in time
     */
    static void reset(WorkerConfig worker, Map<String, String> connectorProps, String name) {
        try {
            withAdmin(worker, connectorProps, name, "delete",
                    (admin, group) -> admin.deleteConsumerGroups(List.of(group)).all());
        } catch (ConnectException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
    }

    private static <T> T withAdmin(WorkerConfig worker, Map<String, String> connectorProps, String name, String verb,
                                   AdminCall<T> call) {
        SinkConnectorConfig connector = new SinkConnectorConfig(connectorProps);
        ConnectorTaskId anyTask = new ConnectorTaskId(name, 0);
        String group = String.valueOf(ClientConfigs.consumer(worker, connector, anyTask).get(ConsumerConfig.GROUP_ID_CONFIG));
        Map<String, Object> props = ClientConfigs.admin(worker, connector, anyTask);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "connect-sdk-offsets-adminclient-" + name);
        long timeoutMs = timeoutMs(props.get(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG));
        String what = "the committed offsets of consumer group " + group + " of sink connector " + name;
        Admin admin;
        try {
            admin = Admin.create(props);
        } catch (org.apache.kafka.common.KafkaException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConnectException("Could not create the admin client to " + verb + " " + what + ": "
                    + cause.getMessage(), e);
        }
        try {
            return call.call(admin, group).get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while trying to " + verb + " " + what, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ConnectException("Could not " + verb + " " + what + ": Kafka at bootstrap.servers="
                    + worker.bootstrapServers() + " did not answer within " + timeoutMs + " ms", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConnectException("Could not " + verb + " " + what + ": " + cause.getMessage(), cause);
        } finally {
            // Do not wait for a timed-out call: a plain close() would block up to default.api.timeout.ms.
            admin.close(Duration.ZERO);
        }
    }

    private static long timeoutMs(Object configured) {
        if (configured != null) {
            try {
                return Math.max(1, Math.min(TIMEOUT_MS, Long.parseLong(configured.toString().trim())));
            } catch (NumberFormatException e) {
                // not a number: Admin.create refuses it, naming the key
            }
        }
        return TIMEOUT_MS;
    }
}
