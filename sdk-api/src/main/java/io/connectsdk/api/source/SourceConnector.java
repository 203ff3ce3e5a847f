package io.connectsdk.api.source;

import io.connectsdk.api.connector.Connector;
import java.util.Map;

/**
 * A connector that reads from a source system into Kafka. Its {@link SourceTask}s poll the source
 * and return {@link SourceRecord}s; the runtime transforms, converts and produces them and then
 * commits their source offsets. See {@link Connector} for the lifecycle and threading contract.
 *
 * <p>Register the class in {@code META-INF/services/io.connectsdk.api.source.SourceConnector} so
 * that the runtime finds it. A complete minimal plugin, which emits a counter:
 * <pre>{@code
 * public class CounterConnector extends SourceConnector {
 *     static final ConfigDef CONFIG = new ConfigDef()
 *             .define("topic", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "Topic to write to.");
 *     private Map<String, String> props;
 *
 *     public String version() { return "1.0"; }
 *     public ConfigDef config() { return CONFIG; }
 *     public void start(Map<String, String> props) { CONFIG.parse(props); this.props = props; }
 *     public Class<? extends Task> taskClass() { return CounterTask.class; }
 *     public List<Map<String, String>> taskConfigs(int maxTasks) { return List.of(props); }
 *     public void stop() { }
 * }
 *
 * public class CounterTask extends SourceTask {
 *     private static final Map<String, String> PARTITION = Map.of("counter", "main");
 *     private String topic;
 *     private long next;
 *
 *     public String version() { return "1.0"; }
 *     public void start(Map<String, String> props) {
 *         topic = props.get("topic");
 *         Map<String, Object> offset = context.offsetStorageReader().offset(PARTITION);
 *         next = offset == null ? 0 : ((Number) offset.get("next")).longValue();
 *     }
 *     public List<SourceRecord> poll() throws InterruptedException {
 *         Thread.sleep(100); // a real source would block on its data, up to a bound
 *         long n = next++;
 *         return List.of(new SourceRecord(PARTITION, Map.of("next", n + 1), topic, Schema.INT64_SCHEMA, n));
 *     }
 *     public void stop() { }
 * }
 * }</pre>
 */
public abstract class SourceConnector extends Connector {

    /** @return the context, typed for source connectors; {@code null} before initialization */
    @Override
    protected SourceConnectorContext context() {
        return (SourceConnectorContext) context;
    }

    /**
     * Whether this connector can support exactly-once delivery with the given configuration. The
     * default answers {@link ExactlyOnceSupport#UNSUPPORTED}.
     *
     * @param connectorConfig the connector configuration, never {@code null}
     * @return the answer; {@code null} means unknown
     */
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.UNSUPPORTED;
    }

    /**
     * Called when a user changes or resets this connector's committed offsets through the REST
     * API, while the connector is stopped. Return {@code true} to accept the change, {@code false}
     * (the default) when the connector cannot tell whether it is safe (the runtime then refuses
     * it), or throw a {@link io.connectsdk.api.errors.ConnectException} explaining why it is not.
     *
     * @param connectorConfig the connector configuration, never {@code null}
     * @param offsets the new offset per source partition; a {@code null} offset resets that
     *     partition; never {@code null}
     * @return whether the change is acknowledged
     */
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        return false;
    }

    /** Whether a source connector supports exactly-once delivery; see {@link #exactlyOnceSupport(Map)}. */
    public enum ExactlyOnceSupport {
        /** Exactly-once delivery works with this configuration. */
        SUPPORTED,
        /** Exactly-once delivery does not work with this configuration. */
        UNSUPPORTED
    }
}
