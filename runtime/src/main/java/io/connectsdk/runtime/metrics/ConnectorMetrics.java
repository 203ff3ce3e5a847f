package io.connectsdk.runtime.metrics;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One connector's MBeans: {@code kafka.connect:type=connector-metrics,connector=<name>}
 * ({@code connector-class}, {@code connector-type}, {@code connector-version}, {@code status}) and
 * {@code kafka.connect:type=connect-worker-metrics,connector=<name>} (its tasks on this worker by
 * state: {@code connector-total-task-count}, {@code connector-running-task-count}, ...).
 *
 * <p>Thread-safe; close it when the connector stops.
 */
public final class ConnectorMetrics implements AutoCloseable {
    /** The task states counted per connector, as Kafka Connect names them. */
    private static final String[] TASK_STATES = {"running", "paused", "failed", "unassigned", "restarting", "destroyed"};

    private final ConnectMetrics.Group connector;
    private final ConnectMetrics.Group tasks;

    /**
     * @param metrics the worker's metrics
     * @param name the connector
     * @param connectorClass its class name
     * @param type {@code source} or {@code sink}
     * @param version its version
     * @param status reads its state, lower case ({@code running}, {@code failed}, ...)
     * @param taskCount reads how many of its tasks on this worker are in a state (lower case), or
     *     all of them for {@code null}
     */
    public ConnectorMetrics(ConnectMetrics metrics, String name, String connectorClass, String type, String version,
                            Supplier<String> status, Function<String, Integer> taskCount) {
        connector = metrics.group("connector-metrics", Map.of("connector", name));
        connector.gauge("connector-class", "The name of the connector class.", () -> connectorClass);
        connector.gauge("connector-type", "The type of the connector. One of 'source' or 'sink'.", () -> type);
        connector.gauge("connector-version", "The version of the connector class, as reported by the connector.",
                () -> version);
        connector.gauge("status", "The status of the connector. One of 'unassigned', 'running', 'paused', 'stopped', "
                + "'failed', or 'restarting'.", status);
        tasks = metrics.group("connect-worker-metrics", Map.of("connector", name));
        tasks.gauge("connector-total-task-count", "The number of tasks of the connector on the worker.",
                () -> (double) taskCount.apply(null));
        for (String state : TASK_STATES) {
            tasks.gauge("connector-" + state + "-task-count", "The number of " + state + " tasks of the connector on "
                    + "the worker.", () -> (double) taskCount.apply(state));
        }
    }

    @Override
    public void close() {
        connector.close();
        tasks.close();
    }
}
