package io.connectsdk.bench.runtime;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.Task;
import io.connectsdk.api.source.SourceConnector;
import java.util.List;
import java.util.Map;

/**
 * The benchmark source on connect-sdk's SPI: one task that emits {@code bench.records} records of
 * {@code bench.record.size} bytes ({@link Workload}) as fast as the worker takes them. The twin of
 * {@link KafkaBenchSourceConnector}.
 */
public class SdkBenchSourceConnector extends SourceConnector {
    static final ConfigDef CONFIG = new ConfigDef()
            .define("topic", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "Topic to write to.")
            .define("bench.records", ConfigDef.Type.LONG, ConfigDef.Importance.HIGH, "Records to emit.")
            .define("bench.record.size", ConfigDef.Type.INT, ConfigDef.Importance.HIGH, "Value size in bytes.")
            .define("bench.format", ConfigDef.Type.STRING, Workload.STRING, ConfigDef.Importance.HIGH,
                    "string or json.")
            .define("bench.batch", ConfigDef.Type.INT, Workload.POLL_BATCH, ConfigDef.Importance.LOW,
                    "Records per poll.")
            .define("bench.max.outstanding", ConfigDef.Type.LONG, 0L, ConfigDef.Importance.LOW,
                    "Experiment: stop emitting while this many records are unacknowledged (0: no limit).");

    private Map<String, String> props;

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return SdkBenchSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
    }
}
