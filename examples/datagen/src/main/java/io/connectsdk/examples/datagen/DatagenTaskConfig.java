package io.connectsdk.examples.datagen;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigDef.Importance;
import io.connectsdk.api.config.ConfigDef.Range;
import io.connectsdk.api.config.ConfigDef.Type;
import io.connectsdk.api.config.ConfigException;
import java.util.Map;

/**
 * The configuration of one {@link DatagenSourceTask}: the connector's keys plus
 * {@value #TASK_ID_CONFIG} and {@value #TASK_COUNT_CONFIG}, which {@link DatagenSourceConnector}
 * sets. Task {@code i} of {@code n} emits the ids {@code i, i + n, i + 2n, ...}.
 */
public final class DatagenTaskConfig extends DatagenConfig {
    /** The task's index, from 0. */
    public static final String TASK_ID_CONFIG = "task.id";
    /** The number of tasks that share the id space. */
    public static final String TASK_COUNT_CONFIG = "task.count";

    /** The definition of a task's keys. */
    public static final ConfigDef TASK_CONFIG_DEF = new ConfigDef(CONFIG_DEF)
            .define(ConfigDef.key(TASK_ID_CONFIG).type(Type.INT).validator(Range.atLeast(0))
                    .importance(Importance.LOW).group("Task (set by the connector)")
                    .doc("The index of this task, from 0 to task.count - 1; it emits the ids equal to it "
                            + "modulo task.count. Set by the connector."))
            .define(ConfigDef.key(TASK_COUNT_CONFIG).type(Type.INT).validator(Range.atLeast(1))
                    .importance(Importance.LOW).group("Task (set by the connector)")
                    .doc("The number of tasks sharing the id space. Set by the connector."));

    /**
     * @param props a task configuration
     * @throws ConfigException naming the key when a value is missing or invalid, or when
     *     {@value #TASK_ID_CONFIG} is not below {@value #TASK_COUNT_CONFIG}
     */
    public DatagenTaskConfig(Map<String, ?> props) {
        super(TASK_CONFIG_DEF, props);
        if (taskId() >= taskCount()) {
            throw new ConfigException(TASK_ID_CONFIG, taskId(), "Must be below " + TASK_COUNT_CONFIG + " ("
                    + taskCount() + ")");
        }
    }

    /** @return the {@value #TASK_ID_CONFIG} value */
    public int taskId() {
        return getInt(TASK_ID_CONFIG);
    }

    /** @return the {@value #TASK_COUNT_CONFIG} value */
    public int taskCount() {
        return getInt(TASK_COUNT_CONFIG);
    }
}
