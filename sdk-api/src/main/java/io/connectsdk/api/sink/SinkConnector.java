package io.connectsdk.api.sink;

import io.connectsdk.api.connector.Connector;
import java.util.Map;

/**
 * A connector that writes records from Kafka topics to a destination system. Its
 * {@link SinkTask}s receive the records of the topics named by {@value #TOPICS_CONFIG} (a
 * comma-separated list) or {@value #TOPICS_REGEX_CONFIG} (a regular expression); the runtime reads
 * those keys, a connector need not define them. See {@link Connector} for the lifecycle and
 * threading contract and {@link SinkTask} for a complete example.
 *
 * <p>Register the class in {@code META-INF/services/io.connectsdk.api.sink.SinkConnector}.
 */
public abstract class SinkConnector extends Connector {
    /** The configuration key listing the topics to consume. */
    public static final String TOPICS_CONFIG = "topics";
    /** The configuration key with a regular expression of topics to consume. */
    public static final String TOPICS_REGEX_CONFIG = "topics.regex";

    /** @return the context, typed for sink connectors; {@code null} before initialization */
    @Override
    protected SinkConnectorContext context() {
        return (SinkConnectorContext) context;
    }

    /**
     * Called when a user changes or resets this connector's consumer offsets through the REST API,
     * while the connector is stopped. Return {@code true} to acknowledge; the default returns
     * {@code false}, which for sinks still lets the runtime apply the change to the consumer group
     * (the destination is then the plugin's business). Throw a
     * {@link io.connectsdk.api.errors.ConnectException} to refuse it.
     *
     * @param connectorConfig the connector configuration, never {@code null}
     * @param offsets the new next offset per partition; {@code null} resets a partition
     * @return whether the connector acknowledged the change
     */
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<TopicPartition, Long> offsets) {
        return false;
    }
}
