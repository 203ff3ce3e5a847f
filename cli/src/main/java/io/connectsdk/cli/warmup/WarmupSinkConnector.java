package io.connectsdk.cli.warmup;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.Task;
import io.connectsdk.api.sink.SinkConnector;
import java.util.List;
import java.util.Map;

/**
 * The warm-up's sink: one task that counts the records it is given and, once it has
 * {@value #RECORDS} of them, creates the file named by {@value #MARKER}.
 */
public class WarmupSinkConnector extends SinkConnector {
    /** The record-count config key. */
    static final String RECORDS = "warmup.records";
    /** The config key of the file created once every record arrived. */
    static final String MARKER = "warmup.marker";

    private Map<String, String> props;

    @Override
    public String version() {
        return "1";
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef()
                .define(RECORDS, ConfigDef.Type.INT, ConfigDef.Importance.HIGH, "Records to wait for.")
                .define(MARKER, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "File created when they arrived.");
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return WarmupSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
    }
}
