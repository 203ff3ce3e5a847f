package io.connectsdk.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorConfigTest {
    private static Map<String, String> props(String... kv) {
        Map<String, String> p = new HashMap<>();
        p.put("name", "c");
        p.put("connector.class", "Foo");
        for (int i = 0; i < kv.length; i += 2) {
            p.put(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void defaultsAreKafkaConnects() {
        ConnectorConfig c = new SourceConnectorConfig(props());
        assertThat(c.tasksMax()).isEqualTo(1);
        assertThat(c.enforceTasksMax()).isTrue();
        assertThat(c.toleratesAllErrors()).isFalse();
        assertThat(c.errorRetryTimeoutMs()).isZero();
        assertThat(c.errorMaxDelayMs()).isEqualTo(60000);
        assertThat(c.errorLogEnabled()).isFalse();
        assertThat(c.errorLogIncludesMessages()).isFalse();
        assertThat(c.transformAliases()).isEmpty();
        SinkConnectorConfig s = new SinkConnectorConfig(props("topics", "a, b"));
        assertThat(s.topics()).containsExactly("a", "b");
        assertThat(s.topicsRegex()).isNull();
        assertThat(s.dlqTopic()).isNull();
        assertThat(s.dlqReplicationFactor()).isEqualTo((short) 3);
        assertThat(s.dlqContextHeaders()).isFalse();
        assertThat(new SinkConnectorConfig(props("topics.regex", "in-.*")).topicsRegex().pattern()).isEqualTo("in-.*");
    }

    @Test
    void transformsNeedATypeAndDeclaredPredicates() {
        assertThatThrownBy(() -> new ConnectorConfig(props("transforms", "a,b", "transforms.a.type", "X",
                "transforms.b.type", "Y", "transforms.b.predicate", "p")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("transforms.b.predicate").hasMessageContaining("no predicate of that name");
        assertThatThrownBy(() -> new ConnectorConfig(props("transforms", "a,a", "transforms.a.type", "X")))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> new ConnectorConfig(props("predicates", "p")))
                .hasMessageContaining("predicates.p.type");
        assertThatThrownBy(() -> new ConnectorConfig(props("transforms", "a", "transforms.a.type", "X",
                "transforms.a.negate", "maybe"))).hasMessageContaining("transforms.a.negate");
        new ConnectorConfig(props("transforms", "a", "transforms.a.type", "X", "transforms.a.predicate", "p",
                "predicates", "p", "predicates.p.type", "Y"));
    }

    @Test
    void errorSettingsAreChecked() {
        assertThatThrownBy(() -> new ConnectorConfig(props("errors.tolerance", "some")))
                .hasMessageContaining("errors.tolerance");
        assertThatThrownBy(() -> new ConnectorConfig(props("errors.retry.timeout", "-2")))
                .hasMessageContaining("errors.retry.timeout");
        assertThat(new ConnectorConfig(props("errors.tolerance", "ALL", "errors.retry.timeout", "-1")).toleratesAllErrors())
                .isTrue();
        assertThatThrownBy(() -> new SinkConnectorConfig(props("topics", "a",
                "errors.deadletterqueue.topic.replication.factor", "0")))
                .hasMessageContaining("errors.deadletterqueue.topic.replication.factor");
    }

    @Test
    void sinkTopicsRulesAreChecked() {
        assertThatThrownBy(() -> new SinkConnectorConfig(props("topics.regex", "(")))
                .hasMessageContaining("topics.regex").hasMessageContaining("regular expression");
        assertThatThrownBy(() -> new SinkConnectorConfig(props("topics.regex", "in-.*",
                "errors.deadletterqueue.topic.name", "in-dlq")))
                .hasMessageContaining("errors.deadletterqueue.topic.name").hasMessageContaining("topics.regex");
    }

    @Test
    void workerDefaultsAreKafkaConnects() {
        WorkerConfig w = new WorkerConfig(Map.of("bootstrap.servers", "h:1, h:2", "key.converter", "A",
                "value.converter", "B", "producer.linger.ms", "9", "typo.key", "x"));
        assertThat(w.bootstrapServers()).isEqualTo("h:1,h:2");
        assertThat(w.offsetCommitIntervalMs()).isEqualTo(60000);
        assertThat(w.offsetCommitTimeoutMs()).isEqualTo(5000);
        assertThat(w.taskShutdownGracefulTimeoutMs()).isEqualTo(5000);
        assertThat(w.clientOverridePolicy()).isEqualTo("All");
        assertThat(w.getString(WorkerConfig.HEADER_CONVERTER_CLASS_CONFIG)).endsWith("SimpleHeaderConverter");
        assertThat(w.getList(WorkerConfig.LISTENERS_CONFIG)).containsExactly("http://:8083");
        assertThat(w.unknownKeys()).containsExactly("typo.key");
    }
}
