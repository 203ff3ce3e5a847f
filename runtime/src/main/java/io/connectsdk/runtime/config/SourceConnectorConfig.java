package io.connectsdk.runtime.config;

import io.connectsdk.api.config.ConfigDef;
import java.util.Map;

/**
 * The configuration of a source connector: the common keys of {@link ConnectorConfig}. With
 * Kafka Connect's {@code topic.creation.*} keys (and the worker's {@code topic.creation.enable},
 * true by default) the worker creates missing topics itself, see {@link TopicCreationConfig};
 * without them records go to whatever topic they name, and a missing topic is created by the
 * broker when its {@code auto.create.topics.enable} is on (otherwise the producer waits for the
 * topic until it exists). Kafka Connect's exactly-once settings are accepted and passed to the
 * connector but have no effect in this runtime.
 *
 * <p>Immutable and thread-safe.
 */
public class SourceConnectorConfig extends ConnectorConfig {
    /** @param props the connector configuration; not {@code null} */
    public SourceConnectorConfig(Map<String, String> props) {
        super(configDef(), props);
    }

    /** @return a new definition of the keys of source connectors */
    public static ConfigDef configDef() {
        return ConnectorConfig.configDef();
    }
}
