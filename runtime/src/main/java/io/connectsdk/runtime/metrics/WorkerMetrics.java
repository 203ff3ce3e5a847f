package io.connectsdk.runtime.metrics;

import java.util.Map;
import java.util.function.IntSupplier;
import org.apache.kafka.common.metrics.Sensor;

/**
 * {@code kafka.connect:type=connect-worker-metrics}: how many connectors and tasks run here, and
 * how their starts went ({@code connector-startup-attempts-total}, {@code -success-total},
 * {@code -failure-total}, {@code -success-percentage}, {@code -failure-percentage}, and the same for
 * {@code task-startup-*}). The percentages are over every start since the worker started (Kafka
 * Connect's are averaged over its metrics windows).
 *
 * <p>Thread-safe.
 */
public final class WorkerMetrics implements AutoCloseable {
    private final ConnectMetrics.Group group;
    private final Starts connectors;
    private final Starts tasks;

    /**
     * @param metrics the worker's metrics
     * @param connectorCount how many connectors run here
     * @param taskCount how many tasks run here
     */
    public WorkerMetrics(ConnectMetrics metrics, IntSupplier connectorCount, IntSupplier taskCount) {
        group = metrics.group("connect-worker-metrics", Map.of());
        group.gauge("connector-count", "The number of connectors run in this worker.", () -> (double) connectorCount.getAsInt());
        group.gauge("task-count", "The number of tasks run in this worker.", () -> (double) taskCount.getAsInt());
        connectors = new Starts("connector");
        tasks = new Starts("task");
    }

    /** The start attempts and outcomes of connectors or of tasks. */
    private final class Starts {
        private final Sensor attempts;
        private final Sensor successes;
        private final Sensor failures;
        private long done;
        private long failed;

        Starts(String what) {
            String prefix = what + "-startup-";
            attempts = group.total(prefix + "attempts-total", what + " startups that this worker has attempted");
            successes = group.total(prefix + "success-total", what + " starts that succeeded");
            failures = group.total(prefix + "failure-total", what + " starts that failed");
            group.gauge(prefix + "success-percentage", "The percentage of this worker's " + what + " starts that "
                    + "succeeded.", () -> percentage(true));
            group.gauge(prefix + "failure-percentage", "The percentage of this worker's " + what + " starts that "
                    + "failed.", () -> percentage(false));
        }

        synchronized double percentage(boolean success) {
            return done == 0 ? 0.0 : 100.0 * (success ? done - failed : failed) / done;
        }

        void attempted() {
            attempts.record();
        }

        synchronized void outcome(boolean succeeded) {
            done++;
            if (succeeded) {
                successes.record();
            } else {
                failed++;
                failures.record();
            }
        }
    }

    /** A connector start is attempted. */
    public void connectorStartAttempted() {
        connectors.attempted();
    }

    /** @param succeeded whether the connector's start succeeded */
    public void connectorStarted(boolean succeeded) {
        connectors.outcome(succeeded);
    }

    /** A task start is attempted. */
    public void taskStartAttempted() {
        tasks.attempted();
    }

    /** @param succeeded whether the task's start succeeded */
    public void taskStarted(boolean succeeded) {
        tasks.outcome(succeeded);
    }

    @Override
    public void close() {
        group.close();
    }
}
