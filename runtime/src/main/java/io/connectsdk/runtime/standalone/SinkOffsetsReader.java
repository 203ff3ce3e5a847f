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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a sink connector's committed offsets: those of its tasks' consumer group
 * ({@code connect-<name>} unless the worker's {@code consumer.group.id} or the connector's
 * {@code consumer.override.group.id} says otherwise), with a new admin client made from the
 * worker's admin settings and the connector's {@code admin.override.*}, closed afterwards. Waits at
 * most 30 s, or the admin client's {@code default.api.timeout.ms} when shorter. Stateless.
 */
final class SinkOffsetsReader {
    /** The longest wait for Kafka's answer. */
    static final long TIMEOUT_MS = 30_000;

    private SinkOffsetsReader() {
    }

    /**
     * @param worker the worker configuration
     * @param connectorProps the sink connector's configuration
     * @param name the connector
     * @return the group's committed offsets, by topic and partition
     * @throws ConnectException naming the group when Kafka cannot be asked or does not answer in time
     */
    static ConnectorOffsets read(WorkerConfig worker, Map<String, String> connectorProps, String name) {
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
            throw new ConnectException("Could not create the admin client that reads " + what + ": " + cause.getMessage(), e);
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(timeoutMs, TimeUnit.MILLISECONDS);
            List<Map.Entry<TopicPartition, OffsetAndMetadata>> entries = new ArrayList<>(committed.entrySet());
            entries.sort(Comparator.comparing((Map.Entry<TopicPartition, OffsetAndMetadata> e) -> e.getKey().topic())
                    .thenComparingInt(e -> e.getKey().partition()));
            List<ConnectorOffsets.PartitionOffset> result = new ArrayList<>();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : entries) {
                if (e.getValue() != null) {
                    result.add(ConnectorOffsets.sinkOffset(e.getKey().topic(), e.getKey().partition(),
                            e.getValue().offset()));
                }
            }
            return new ConnectorOffsets(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while reading " + what, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ConnectException("Could not read " + what + ": Kafka at bootstrap.servers="
                    + worker.bootstrapServers() + " did not answer within " + timeoutMs + " ms", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConnectException("Could not read " + what + ": " + cause, cause);
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
