package ${package};

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.Task;
import io.connectsdk.api.sink.SinkConnector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sink connector that appends the value of every record it consumes to a file, one line per
 * record. It is the starting point of your own sink: replace the file in
 * {@link ${connectorName}SinkTask} with writes to your system, and the keys in
 * {@link ${connectorName}SinkConfig} with its settings.
 *
 * <p>The connector instance runs on a thread of its own; {@code start} receives the configuration
 * (including the runtime's {@code topics}), {@code taskConfigs} splits the work into task
 * configurations, and {@code stop} releases what {@code start} took. A file takes one writer, so
 * this sink always makes one task; a destination that accepts parallel writers (a database, an HTTP
 * API) would return {@code maxTasks} configurations, and the runtime would spread the topics'
 * partitions over those tasks.
 *
 * <pre>
 * name=${artifactId}
 * connector.class=${package}.${connectorName}SinkConnector
 * topics=${artifactId}
 * file=target/${artifactId}.out
 * </pre>
 */
public class ${connectorName}SinkConnector extends SinkConnector {
    private Map<String, String> props;

    /** Creates the connector; the runtime calls {@code start} next. */
    public ${connectorName}SinkConnector() {
    }

    @Override
    public String version() {
        return PluginVersion.of(getClass());
    }

    @Override
    public ConfigDef config() {
        return ${connectorName}SinkConfig.CONFIG_DEF;
    }

    /** @throws io.connectsdk.api.config.ConfigException naming the key when the configuration is invalid */
    @Override
    public void start(Map<String, String> props) {
        new ${connectorName}SinkConfig(props); // fail at start, naming the key, rather than in the task
        this.props = new LinkedHashMap<>(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return ${connectorName}SinkTask.class;
    }

    /** @return one task configuration (the connector's): one file takes one writer */
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
