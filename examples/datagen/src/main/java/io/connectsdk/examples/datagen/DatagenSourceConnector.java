package io.connectsdk.examples.datagen;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.Task;
import io.connectsdk.api.source.SourceConnector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source connector that generates order records: a {@link io.connectsdk.api.data.Struct} value
 * (id INT64, name STRING, amount Decimal, created Timestamp, tags ARRAY&lt;STRING&gt;; see
 * {@link OrderGenerator}) keyed by its INT64 id, at a configured rate, deterministically per seed.
 * Useful to try a pipeline, converters and transforms without a real source.
 *
 * <p>Configuration: see {@link DatagenConfig} ({@code topic}, {@code rate.per.second},
 * {@code max.records}, {@code seed}, {@code batch.size}). The id space is split over
 * {@code tasks.max} tasks: task {@code i} of {@code n} emits the ids {@code i, i + n, i + 2n, ...};
 * with {@code max.records} set there are never more tasks than records.
 *
 * <pre>
 * name=orders
 * connector.class=io.connectsdk.examples.datagen.DatagenSourceConnector
 * tasks.max=2
 * topic=orders
 * rate.per.second=5
 * </pre>
 */
public class DatagenSourceConnector extends SourceConnector {
    private Map<String, String> props;
    private Long maxRecords;

    /** Creates the connector; the runtime calls {@link #start(Map)} next. */
    public DatagenSourceConnector() {
    }

    @Override
    public String version() {
        return PluginVersion.of(getClass());
    }

    @Override
    public ConfigDef config() {
        return DatagenConfig.CONFIG_DEF;
    }

    /** @throws io.connectsdk.api.config.ConfigException naming the key when the configuration is invalid */
    @Override
    public void start(Map<String, String> props) {
        maxRecords = new DatagenConfig(props).maxRecords();
        this.props = new LinkedHashMap<>(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return DatagenSourceTask.class;
    }

    /**
     * @return {@code maxTasks} configurations (fewer when {@code max.records} is smaller, but at
     *     least one), each the connector's plus {@code task.id} and {@code task.count}
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        if (props == null) {
            throw new IllegalStateException("taskConfigs called before start");
        }
        int count = maxRecords == null ? maxTasks : (int) Math.max(1, Math.min(maxTasks, maxRecords));
        List<Map<String, String>> configs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, String> config = new LinkedHashMap<>(props);
            config.put(DatagenTaskConfig.TASK_ID_CONFIG, Integer.toString(i));
            config.put(DatagenTaskConfig.TASK_COUNT_CONFIG, Integer.toString(count));
            configs.add(Collections.unmodifiableMap(config));
        }
        return configs;
    }

    @Override
    public void stop() {
        // Nothing to release.
    }
}
