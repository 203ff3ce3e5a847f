package io.connectsdk.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.runtime.config.ConnectorConfig;
import io.connectsdk.runtime.config.WorkerConfig;
import io.connectsdk.runtime.herder.ConnectorTaskId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientConfigsTest {
    private static WorkerConfig worker(String... kv) {
        Map<String, String> p = new HashMap<>(Map.of("bootstrap.servers", "127.0.0.1:9", "key.converter", "A",
                "value.converter", "B"));
        for (int i = 0; i < kv.length; i += 2) {
            p.put(kv[i], kv[i + 1]);
        }
        return new WorkerConfig(p);
    }

    private static ConnectorConfig connector(String... kv) {
        Map<String, String> p = new HashMap<>(Map.of("name", "c", "connector.class", "X"));
        for (int i = 0; i < kv.length; i += 2) {
            p.put(kv[i], kv[i + 1]);
        }
        return new ConnectorConfig(p);
    }

    private final ConnectorTaskId id = new ConnectorTaskId("c", 3);

    @Test
    void producerDefaultsAreKafkaConnectsThenWorkerThenConnectorOverrides() {
        Map<String, Object> p = ClientConfigs.producer(worker("producer.linger.ms", "20", "producer.acks", "1"),
                connector("producer.override.acks", "0"), id);
        assertThat(p).containsEntry("bootstrap.servers", "127.0.0.1:9")
                .containsEntry("max.in.flight.requests.per.connection", "1")
                .containsEntry("enable.idempotence", "false")
                .containsEntry("delivery.timeout.ms", Integer.toString(Integer.MAX_VALUE))
                .containsEntry("max.block.ms", Long.toString(Long.MAX_VALUE))
                .containsEntry("client.id", "connector-producer-c-3")
                .containsEntry("linger.ms", "20")
                .containsEntry("acks", "0");
    }

    @Test
    void consumerDefaultsAreKafkaConnects() {
        Map<String, Object> c = ClientConfigs.consumer(worker("client.id", "w1", "consumer.max.poll.records", "7"),
                connector("consumer.override.group.id", "mine"), id);
        assertThat(c).containsEntry("enable.auto.commit", "false").containsEntry("auto.offset.reset", "earliest")
                .containsEntry("client.id", "w1-consumer-c-3").containsEntry("max.poll.records", "7")
                .containsEntry("group.id", "mine");
        assertThat(ClientConfigs.consumer(worker(), connector(), id)).containsEntry("group.id", "connect-c");
    }

    @Test
    void thePolicyLimitsOverrides() {
        assertThatThrownBy(() -> ClientConfigs.producer(worker("connector.client.config.override.policy", "None"),
                connector("producer.override.acks", "0"), id))
                .isInstanceOf(ConfigException.class).hasMessageContaining("producer.override.acks");
        Map<String, Object> p = ClientConfigs.producer(worker("connector.client.config.override.policy", "Principal"),
                connector("producer.override.security.protocol", "SSL"), id);
        assertThat(p).containsEntry("security.protocol", "SSL");
        assertThat(ClientConfigs.policyErrors("Principal", Map.of("consumer.override.fetch.min.bytes", "1")))
                .containsOnlyKeys("consumer.override.fetch.min.bytes");
        assertThat(ClientConfigs.policyErrors("All", Map.of("consumer.override.fetch.min.bytes", "1"))).isEmpty();
    }

    @Test
    void adminTakesUnprefixedAdminSettingsToo() {
        Map<String, Object> a = ClientConfigs.admin(worker("security.protocol", "SSL", "admin.retries", "3",
                "producer.linger.ms", "5"), connector(), id);
        assertThat(a).containsEntry("security.protocol", "SSL").containsEntry("retries", "3")
                .doesNotContainKey("linger.ms").doesNotContainKey("producer.linger.ms");
    }
}
