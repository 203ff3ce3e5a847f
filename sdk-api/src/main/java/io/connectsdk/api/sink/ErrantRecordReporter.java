package io.connectsdk.api.sink;

import java.util.concurrent.Future;

/**
 * Reports a record that a {@link SinkTask} could not write, so that the runtime handles it as the
 * connector's error settings say: with {@code errors.tolerance=all} the record is logged (with
 * {@code errors.log.enable}) and sent to the dead letter queue (with
 * {@code errors.deadletterqueue.topic.name}) and the task goes on; with
 * {@code errors.tolerance=none} (the default) the task fails.
 *
 * <p>Thread-safe; may be called from any thread the task owns, but only between {@code start} and
 * {@code stop}.
 */
public interface ErrantRecordReporter {
    /**
     * Reports a record. Returns at once; the future completes when the record has been written to
     * the dead letter queue (or at once when there is none). Before offsets of the record's
     * partition are committed, the runtime waits for every report of that partition to complete.
     *
     * @param record the record as the task received it, never {@code null}
     * @param error why it could not be written, never {@code null}
     * @return completes when the report is stored; fails when it could not be
     * @throws io.connectsdk.api.errors.ConnectException when the error is not tolerated; let it
     *     propagate out of {@code put} so that the task fails
     */
    Future<Void> report(SinkRecord record, Throwable error);
}
