package io.connectsdk.runtime.worker;

import java.util.List;
import java.util.Map;

/**
 * What a herder hears from the worker about a connector it started. Called on the connector's
 * thread; implementations should hand the work to the herder's own thread and return quickly.
 */
public interface ConnectorListener {
    /**
     * The connector produced task configurations: after it started, after it asked for a
     * reconfiguration, and after it was resumed. The herder compares them with the running tasks'
     * and restarts the tasks only when they differ.
     *
     * @param connector the connector's name
     * @param taskConfigs the configurations, in task order, each with {@value Worker#TASK_CLASS_CONFIG};
     *     unmodifiable
     */
    void onTaskConfigs(String connector, List<Map<String, String>> taskConfigs);

    /**
     * Config providers resolved some of the connector's (or one of its tasks') values with a time
     * to live, and the connector has {@code config.action.reload=restart}: the herder should
     * restart the connector and its tasks once it expires, so that they read the values again.
     * Called on the thread that started the connector or task. The default ignores it.
     *
     * @param connector the connector's name
     * @param ttlMs the shortest time to live of the values, in milliseconds
     */
    default void onConfigExpiry(String connector, long ttlMs) {
    }
}
