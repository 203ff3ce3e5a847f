package io.connectsdk.runtime.metrics;

import java.util.Map;
import java.util.function.IntSupplier;
import org.apache.kafka.common.metrics.Sensor;

/**
 * {@code kafka.connect:type=connect-worker-metrics}: how many connectors and tasks run here, and
 * how their starts went. The success and failure percentages are over every start since the worker
 * started (Kafka Connect's are averaged over its metrics windows).
 *
 * <p>Thread-safe.
 */
public final class WorkerMetrics implements AutoCloseable {
    private final ConnectMetrics.Group group;
    private final Sensor connectorAttempts;
    private final Sensor connectorSuccesses;
    private final Sensor connectorFailures;
    private final Sensor taskAttempts;
    private final Sensor taskSuccesses;
    private final Sensor taskFailures;
    private long connectorStarts;
    private long connectorStartFailures;
    private long taskStarts;
    private long taskStartFailures;

    /**
     * @param metrics the worker's metrics
     * @param connectorCount how many connectors run here
     * @param taskCount how many tasks run here
     */
    public WorkerMetrics(ConnectMetrics metrics, IntSupplier connectorCount, IntSupplier taskCount) {
        group = metrics.group("connect-worker-metrics", Map.of());
        group.gauge("connector-count", "The number of connectors run in this worker.", () -> (double) connectorCount.getAsInt());
        group.gauge("task-count", "The number of tasks run in this worker.", () -> (double) taskCount.getAsInt());
        connectorAttempts = group.total("connector-startup-attempts-total", "connector startups that this worker has attempted");
        connectorSuccesses = group.total("connector-startup-success-total", "connector starts that succeeded");
        connectorFailures = group.total("connector-startup-failure-total", "connector starts that failed");
        taskAttempts = group.total("task-startup-attempts-total", "task startups that this worker has attempted");
        taskSuccesses = group.total("task-startup-success-total", "task starts that succeeded");
        taskFailures = group.total("task-startup-failure-total", "task starts that failed");
        group.gauge("connector-startup-success-percentage", "The percentage of this worker's connector starts that "
                + "succeeded.", () -> percentage(connectorStarts, connectorStartFailures, true));
        group.gauge("connector-startup-failure-percentage", "The percentage of this worker's connector starts that "
                + "failed.", () -> percentage(connectorStarts, connectorStartFailures, false));
        group.gauge("task-startup-success-percentage", "The percentage of this worker's task starts that succeeded.",
                () -> percentage(taskStarts, taskStartFailures, true));
        group.gauge("task-startup-failure-percentage", "The percentage of this worker's task starts that failed.",
                () -> percentage(taskStarts, taskStartFailures, false));
    }

    private synchronized double percentage(long done, long failed, boolean success) {
        if (done == 0) {
            return 0.0;
        }
        return 100.0 * (success ? done - failed : failed) / done;
    }

    /** A connector start is attempted. */
    public void connectorStartAttempted() {
        connectorAttempts.record();
    }

    /** @param succeeded whether the connector's start succeeded */
    public synchronized void connectorStarted(boolean succeeded) {
        connectorStarts++;
        if (succeeded) {
            connectorSuccesses.record();
        } else {
            connectorStartFailures++;
            connectorFailures.record();
        }
    }

    /** A task start is attempted. */
    public void taskStartAttempted() {
        taskAttempts.record();
    }

    /** @param succeeded whether the task's start succeeded */
    public synchronized void taskStarted(boolean succeeded) {
        taskStarts++;
        if (succeeded) {
            taskSuccesses.record();
        } else {
            taskStartFailures++;
            taskFailures.record();
        }
    }

    @Override
    public void close() {
        group.close();
    }
}
