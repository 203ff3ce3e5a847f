package ${package};

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.Task;
import io.connectsdk.api.source.SourceConnector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source connector that writes numbered records to a topic: record n has the key n (INT64) and the
 * value {@code "<message> n"} (STRING), one every {@code interval.ms}. It is the starting point of
 * your own connector: replace the counter in {@link ${connectorName}SourceTask} with reads from your
 * system, and the keys in {@link ${connectorName}SourceConfig} with its settings.
 *
 * <p>The connector instance runs on a thread of its own; {@code start} receives the configuration,
 * {@code taskConfigs} splits the work into task configurations, and {@code stop} releases what
 * {@code start} took. This source has a single stream of records, so it always makes one task;
 * a connector over several tables, files or partitions would hand each task a share of them.
 *
 * <pre>
 * name=${artifactId}
 * connector.class=${package}.${connectorName}SourceConnector
 * topic=${artifactId}
 * interval.ms=1000
 * </pre>
 */
public class ${connectorName}SourceConnector extends SourceConnector {
    private Map<String, String> props;

    /** Creates the connector; the runtime calls {@code start} next. */
    public ${connectorName}SourceConnector() {
    }

    @Override
    public String version() {
        return PluginVersion.of(getClass());
    }

    @Override
    public ConfigDef config() {
        return ${connectorName}SourceConfig.CONFIG_DEF;
    }

    /** @throws io.connectsdk.api.config.ConfigException naming the key when the configuration is invalid */
    @Override
    public void start(Map<String, String> props) {
        new ${connectorName}SourceConfig(props); // fail at start, naming the key, rather than in the task
        this.props = new LinkedHashMap<>(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return ${connectorName}SourceTask.class;
    }

    /** @return one task configuration (the connector's): there is one stream of records to read */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        if (props == null) {
            throw new IllegalStateException("taskConfigs called before start");
        }
        return List.of(Map.copyOf(props));
    }

    @Override
    public void stop() {
        // Nothing to release: start opened nothing.
    }
}
