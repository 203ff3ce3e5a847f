package io.connectsdk.runtime.metrics;

import java.util.Map;
import org.apache.kafka.common.metrics.Sensor;

/**
 * {@code kafka.connect:type=task-error-metrics,connector=<name>,task=<n>}, Kafka Connect's names:
 * {@code total-record-failures} (failed attempts, retries included), {@code total-record-errors}
 * (operations that failed for good), {@code total-records-skipped} (records dropped because
 * {@code errors.tolerance=all}), {@code total-retries}, {@code total-errors-logged},
 * {@code deadletterqueue-produce-requests}, {@code deadletterqueue-produce-failures} and
 * {@code last-error-timestamp} (epoch ms, 0 when none).
 *
 * <p>Thread-safe: the task thread and producer callbacks record.
 */
public final class ErrorMetrics implements AutoCloseable {
    private final ConnectMetrics.Group group;
    private final Sensor failures;
    private final Sensor errors;
    private final Sensor skipped;
    private final Sensor retries;
    private final Sensor logged;
    private final Sensor dlqRequests;
    private final Sensor dlqFailures;
    private volatile long lastErrorMs;

    ErrorMetrics(ConnectMetrics metrics, Map<String, String> tags) {
        group = metrics.group("task-error-metrics", tags);
        failures = group.total("total-record-failures", "record processing failures in this task");
        errors = group.total("total-record-errors", "record processing errors in this task");
        skipped = group.total("total-records-skipped", "records skipped due to errors");
        retries = group.total("total-retries", "operations retried");
        logged = group.total("total-errors-logged", "errors that were logged");
        dlqRequests = group.total("deadletterqueue-produce-requests", "attempted writes to the dead letter queue");
        dlqFailures = group.total("deadletterqueue-produce-failures", "failed writes to the dead letter queue");
        group.gauge("last-error-timestamp", "The epoch timestamp when this task last encountered an error.",
                () -> (double) lastErrorMs);
    }

    /** An attempt of an operation failed (it may be retried). */
    public void recordFailure() {
        failures.record();
    }

    /** An operation is retried. */
    public void recordRetry() {
        retries.record();
    }

    /** An operation failed for good (retries exhausted or not retriable). */
    public void recordError() {
        errors.record();
        lastErrorMs = System.currentTimeMillis();
    }

    /** A record was dropped because errors are tolerated. */
    public void recordSkipped() {
        skipped.record();
    }

    /** An error was written to the log. */
    public void recordErrorLogged() {
        logged.record();
    }

    /** A record is being written to the dead letter queue. */
    public void recordDeadLetterQueueRequest() {
        dlqRequests.record();
    }

    /** A write to the dead letter queue failed. */
    public void recordDeadLetterQueueFailure() {
        dlqFailures.record();
    }

    @Override
    public void close() {
        group.close();
    }
}
