package io.connectsdk.examples.file;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.Task;
import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.source.SourceConnector;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source connector that reads a text file line by line into a topic, following the file as it
 * grows (like {@code tail -f}). One file is one stream, so it always runs one {@link FileSourceTask}
 * whatever {@code tasks.max} says.
 *
 * <p>Configuration: see {@link FileSourceConfig} ({@code file}, {@code topic}, {@code batch.size},
 * {@code poll.wait.ms}). Each record has no key and the line, without its line terminator, as a
 * STRING value; its source partition is {@code {"filename": <file>}} and its source offset
 * {@code {"position": <byte position after the line>}}, from which a restarted task resumes.
 *
 * <pre>
 * name=file-source
 * connector.class=io.connectsdk.examples.file.FileSourceConnector
 * file=/var/log/app.log
 * topic=app-log
 * </pre>
 */
public class FileSourceConnector extends SourceConnector {
    private Map<String, String> props;

    /** Creates the connector; the runtime calls {@link #start(Map)} next. */
    public FileSourceConnector() {
    }

    @Override
    public String version() {
        return PluginVersion.of(getClass());
    }

    @Override
    public ConfigDef config() {
        return FileSourceConfig.CONFIG_DEF;
    }

    /** @throws io.connectsdk.api.config.ConfigException naming the key when the configuration is invalid */
    @Override
    public void start(Map<String, String> props) {
        new FileSourceConfig(props);
        this.props = Collections.unmodifiableMap(new LinkedHashMap<>(props));
    }

    @Override
    public Class<? extends Task> taskClass() {
        return FileSourceTask.class;
    }

    /** @return one task configuration (a file is read by one task), equal to the connector's */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        if (props == null) {
            throw new IllegalStateException("taskConfigs called before start");
        }
        return List.of(props);
    }

    @Override
    public void stop() {
        // Nothing to release: the connector watches nothing.
    }

    /**
     * Accepts offsets of the form {@code {"filename": <path>} -> {"position": <bytes, at least 0>}}
     * (or {@code null} to reset to the start of the file).
     *
     * @throws ConnectException explaining what is wrong with an offset
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        for (Map.Entry<Map<String, ?>, Map<String, ?>> e : offsets.entrySet()) {
            Map<String, ?> partition = e.getKey();
            if (partition == null || !(partition.get(FileSourceTask.PARTITION_KEY) instanceof String)) {
                throw new ConnectException("Source partition " + partition + " is not of the form {\""
                        + FileSourceTask.PARTITION_KEY + "\": <path>}");
            }
            Map<String, ?> offset = e.getValue();
            if (offset == null) {
                continue;
            }
            Object position = offset.get(FileSourceTask.POSITION_KEY);
            if (!(position instanceof Number) || ((Number) position).longValue() < 0
                    || position instanceof Double || position instanceof Float) {
                throw new ConnectException("Source offset " + offset + " of partition " + partition
                        + " is not of the form {\"" + FileSourceTask.POSITION_KEY + "\": <byte position, 0 or more>}");
            }
        }
        return true;
    }
}
