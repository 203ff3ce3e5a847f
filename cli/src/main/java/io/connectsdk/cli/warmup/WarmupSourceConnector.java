package io.connectsdk.cli.warmup;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.Task;
import io.connectsdk.api.source.SourceConnector;
import java.util.List;
import java.util.Map;

/**
 * The warm-up's source: one task that writes {@value #RECORDS} records of a small struct to
 * {@value #TOPIC}. Loaded from the throw-away plugin jar {@link ClassDataSharingWarmup} writes, never
 * registered on the CLI's class path (so it is not a built-in plugin).
 */
public class WarmupSourceConnector extends SourceConnector {
    /** The topic config key. */
    static final String TOPIC = "topic";
    /** The record-count config key. */
    static final String RECORDS = "warmup.records";

    private Map<String, String> props;

    @Override
    public String version() {
        return "1";
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef()
                .define(TOPIC, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "Topic to write to.")
                .define(RECORDS, ConfigDef.Type.INT, ConfigDef.Importance.HIGH, "Records to write.");
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return WarmupSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
    }
}
