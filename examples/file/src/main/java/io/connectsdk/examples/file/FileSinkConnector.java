package io.connectsdk.examples.file;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.Task;
import io.connectsdk.api.sink.SinkConnector;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sink connector that appends the value of every record it receives to a text file, one line per
 * record. A file has one writer, so it always runs one {@link FileSinkTask} whatever
 * {@code tasks.max} says.
 *
 * <p>Configuration: see {@link FileSinkConfig} ({@code file}); the runtime's {@code topics} or
 * {@code topics.regex} choose the topics.
 *
 * <pre>
 * name=file-sink
 * connector.class=io.connectsdk.examples.file.FileSinkConnector
 * topics=app-log
 * file=/tmp/app-log.copy
 * </pre>
 */
public class FileSinkConnector extends SinkConnector {
    private Map<String, String> props;

    /** Creates the connector; the runtime calls {@link #start(Map)} next. */
    public FileSinkConnector() {
    }

    @Override
    public String version() {
        return PluginVersion.of(getClass());
    }

    @Override
    public ConfigDef config() {
        return FileSinkConfig.CONFIG_DEF;
    }

    /** @throws io.connectsdk.api.config.ConfigException naming the key when the configuration is invalid */
    @Override
    public void start(Map<String, String> props) {
        new FileSinkConfig(props);
        this.props = Collections.unmodifiableMap(new LinkedHashMap<>(props));
    }

    @Override
    public Class<? extends Task> taskClass() {
        return FileSinkTask.class;
    }

    /** @return one task configuration (one writer per file), equal to the connector's */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        if (props == null) {
            throw new IllegalStateException("taskConfigs called before start");
        }
        return List.of(props);
    }

    @Override
    public void stop() {
        // Nothing to release.
    }
}
