package io.connectsdk.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicCreationConfigTest {
    private static Map<String, String> props(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", "src");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void topicsGetTheFirstMatchingGroupInListOrderElseTheDefaultGroup() {
        TopicCreationConfig config = TopicCreationConfig.parse(props(
                "topic.creation.default.replication.factor", "-1",
                "topic.creation.default.partitions", "6",
                "topic.creation.default.cleanup.policy", "delete",
                "topic.creation.default.include", "ignored.*",
                "topic.creation.groups", "compacted, default, wide, compacted",
                "topic.creation.compacted.include", "orders\\..*, customers",
                "topic.creation.compacted.exclude", "orders\\.tmp\\..*",
                "topic.creation.compacted.partitions", "3",
                "topic.creation.compacted.cleanup.policy", "compact",
                "topic.creation.wide.include", "orders\\..*, .*-wide",
                "topic.creation.wide.replication.factor", "2",
                "topic.creation.wide.partitions", "-1"));

        assertThat(config.groups()).extracting(TopicCreationConfig.Group::name).containsExactly("compacted", "wide");
        assertThat(config.groupFor("orders.eu").name()).isEqualTo("compacted");
        assertThat(config.groupFor("customers").name()).isEqualTo("compacted");
        assertThat(config.groupFor("customers.eu").name()).as("patterns match the whole name").isEqualTo("default");
        assertThat(config.groupFor("orders.tmp.1").name()).as("exclude wins over include").isEqualTo("wide");
        assertThat(config.groupFor("logs-wide").name()).isEqualTo("wide");
        assertThat(config.groupFor("ignored.x").name()).as("the default group's include is ignored").isEqualTo("default");

        TopicCreationConfig.Group compacted = config.groupFor("orders.eu");
        assertThat(compacted.partitions()).contains(3);
        assertThat(compacted.replicationFactor()).as("from the default group").contains((short) -1);
        assertThat(compacted.topicConfigs()).containsExactly(Map.entry("cleanup.policy", "compact"));
        TopicCreationConfig.Group wide = config.groupFor("logs-wide");
        assertThat(wide.partitions()).contains(-1);
        assertThat(wide.replicationFactor()).contains((short) 2);
        assertThat(wide.topicConfigs()).as("only a group's own topic configs, as in Kafka Connect").isEmpty();
        TopicCreationConfig.Group defaults = config.defaultGroup();
        assertThat(defaults.partitions()).contains(6);
        assertThat(defaults.topicConfigs()).containsExactly(Map.entry("cleanup.policy", "delete"));
    }

    @Test
    void aGroupWithoutIncludeMatchesNothing() {
        TopicCreationConfig config = TopicCreationConfig.parse(props("topic.creation.default.replication.factor", "1",
                "topic.creation.default.partitions", "1", "topic.creation.groups", "loose"));
        assertThat(config.groupFor("anything").name()).isEqualTo("default");
    }

    @Test
    void theDefaultGroupNeedsPartitionsAndReplicationFactorAndBadValuesAreNamed() {
        assertThat(TopicCreationConfig.validate(props("topic.creation.default.cleanup.policy", "compact")))
                .containsOnlyKeys("topic.creation.default.partitions", "topic.creation.default.replication.factor");
        Map<String, String> bad = props(
                "topic.creation.default.replication.factor", "0",
                "topic.creation.default.partitions", "many",
                "topic.creation.groups", "g",
                "topic.creation.g.include", "orders(",
                "topic.creation.g.replication.factor", "40000");
        assertThat(TopicCreationConfig.validate(bad)).containsOnlyKeys("topic.creation.default.replication.factor",
                "topic.creation.default.partitions", "topic.creation.g.include", "topic.creation.g.replication.factor");
        assertThatThrownBy(() -> TopicCreationConfig.parse(bad))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value 0 for configuration topic.creation.default.replication.factor")
                .hasMessageContaining("must be -1 (the broker's default) or at least 1")
                .hasMessageContaining("orders(");
    }

    @Test
    void topicCreationAppliesWhenTheWorkerAllowsItAndTheConnectorHasTopicCreationKeys() {
        Map<String, String> with = props("topic.creation.default.partitions", "1");
        assertThat(TopicCreationConfig.applies(true, with)).isTrue();
        assertThat(TopicCreationConfig.applies(false, with)).isFalse();
        assertThat(TopicCreationConfig.applies(true, props("topic", "t"))).isFalse();
        assertThat(TopicCreationConfig.parse(props("topic.creation.default.partitions", "1",
                "topic.creation.default.replication.factor", "1")).groupFor("x").replicationFactor())
                .isEqualTo(Optional.of((short) 1));
    }
}
