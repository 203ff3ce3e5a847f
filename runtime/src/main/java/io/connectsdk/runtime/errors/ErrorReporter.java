package io.connectsdk.runtime.errors;

import java.util.concurrent.Future;

/**
 * Reports a failed record somewhere: the log ({@link LogReporter}) or a dead letter queue
 * ({@link DeadLetterQueueReporter}). Called from the task thread, or from a thread of the task
 * that uses the errant record reporter; implementations are thread-safe.
 */
public interface ErrorReporter extends AutoCloseable {
    /**
     * @param context the failure; read synchronously, not kept
     * @return completes when the report is stored; never {@code null}
     */
    Future<?> report(ProcessingContext context);

    /** Releases resources; the default does nothing. */
    @Override
    default void close() {
    }
}
