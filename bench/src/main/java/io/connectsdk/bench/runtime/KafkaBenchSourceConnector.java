package io.connectsdk.bench.runtime;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * The benchmark source on Apache Kafka Connect's API (for Kafka Connect 4.4's worker): the twin of
 * {@link SdkBenchSourceConnector}, same configuration, same records.
 */
public class KafkaBenchSourceConnector extends SourceConnector {
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
        return KafkaBenchSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
    }
}
