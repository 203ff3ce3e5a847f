package io.connectsdk.api.connector;

import io.connectsdk.api.plugin.Versioned;
import java.util.Map;

/**
 * A unit of work of a connector: the thing that actually moves data. See
 * {@link io.connectsdk.api.source.SourceTask} and {@link io.connectsdk.api.sink.SinkTask}.
 *
 * <p>The runtime creates each task with its public no-argument constructor, on the task's own
 * thread, and calls every method of one task instance from that thread only (except where a
 * subclass says otherwise, e.g. {@code SourceTask.stop()}).
 */
public interface Task extends Versioned {
    /**
     * Starts the task with one of the configurations returned by
     * {@link Connector#taskConfigs(int)}. Throwing fails the task.
     *
     * @param props the task configuration, never {@code null}
     */
    void start(Map<String, String> props);

    /**
     * Stops the task and releases its resources. Called once, after a successful or failed
     * {@code start}; must be safe to call even when {@code start} threw.
     */
    void stop();
}
