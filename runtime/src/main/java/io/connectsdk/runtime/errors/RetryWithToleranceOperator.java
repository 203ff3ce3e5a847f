package io.connectsdk.runtime.errors;

import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.errors.RetriableException;
import io.connectsdk.runtime.metrics.ErrorMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the per-record operations of a task (converters, transforms) under the connector's error
 * settings, as Kafka Connect does:
 * <ul>
 *   <li>a {@link RetriableException} (or a Kafka client retriable exception) is retried with
 *       exponential back-off (300 ms, doubling, at most {@code errors.retry.delay.max.ms}) while
 *       {@code errors.retry.timeout} has not elapsed since the first failure (0: never retried,
 *       -1: forever);</li>
 *   <li>any other exception, or a retriable one whose retries ran out, is reported to every
 *       {@link ErrorReporter} (log, dead letter queue); then with {@code errors.tolerance=none}
 *       a {@link ConnectException} naming the stage, the class and the record fails the task, and
 *       with {@code errors.tolerance=all} the operation returns {@code null} and the context is
 *       marked {@linkplain ProcessingContext#failed() failed} so that the record is skipped.</li>
 * </ul>
 *
 * <p><b>Threading.</b> {@link #execute} runs on the task thread; {@link #executeFailed} may be
 * called from any thread; {@link #triggerStop()} from any thread, to cut a back-off short. The hot
 * path (an operation that succeeds) allocates nothing and takes no lock.
 */
public final class RetryWithToleranceOperator implements AutoCloseable {
    /** The first retry delay, as in Kafka Connect. */
    public static final long RETRIES_DELAY_MIN_MS = 300;

    private static final Logger log = LoggerFactory.getLogger(RetryWithToleranceOperator.class);

    /** An operation that may fail. */
    @FunctionalInterface
    public interface Operation<V> {
        /**
         * @return the result
         * @throws Exception on failure
         */
        V call() throws Exception;
    }

    /**
     * An operation on one argument: lets the hot path pass the record without allocating a
     * capturing lambda per call.
     */
    @FunctionalInterface
    public interface ArgOperation<A, V> {
        /**
         * @param arg the argument
         * @return the result
         * @throws Exception on failure
         */
        V call(A arg) throws Exception;
    }

    private final long retryTimeoutMs;
    private final long maxDelayMs;
    private final ToleranceType tolerance;
    private final List<ErrorReporter> reporters;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final String taskName;
    private final ErrorMetrics metrics;

    /**
     * @param taskName the task, for messages
     * @param retryTimeoutMs {@code errors.retry.timeout}
     * @param maxDelayMs {@code errors.retry.delay.max.ms}
     * @param tolerance {@code errors.tolerance}
     * @param reporters where failures are reported; closed by {@link #close()}
     */
    public RetryWithToleranceOperator(String taskName, long retryTimeoutMs, long maxDelayMs, ToleranceType tolerance,
                                      List<ErrorReporter> reporters) {
        this(taskName, retryTimeoutMs, maxDelayMs, tolerance, reporters, null);
    }

    /**
     * As {@link #RetryWithToleranceOperator(String, long, long, ToleranceType, List)}, counting
     * failures, retries, errors and skipped records in the task's error metrics.
     *
     * @param taskName the task, for messages
     * @param retryTimeoutMs {@code errors.retry.timeout}
     * @param maxDelayMs {@code errors.retry.delay.max.ms}
     * @param tolerance {@code errors.tolerance}
     * @param reporters where failures are reported; closed by {@link #close()}
     * @param metrics the task's error metrics, or {@code null}
     */
    public RetryWithToleranceOperator(String taskName, long retryTimeoutMs, long maxDelayMs, ToleranceType tolerance,
                                      List<ErrorReporter> reporters, ErrorMetrics metrics) {
        this.taskName = taskName;
        this.retryTimeoutMs = retryTimeoutMs;
        this.maxDelayMs = maxDelayMs;
        this.tolerance = tolerance;
        this.reporters = List.copyOf(reporters);
        this.metrics = metrics;
    }

    /** @return {@code errors.tolerance} */
    public ToleranceType tolerance() {
        return tolerance;
    }

    /**
     * Runs an operation of the current record.
     *
     * @param context the current record's context; its stage and class are set here
     * @param stage the stage
     * @param executingClass the class doing the work
     * @param operation the work
     * @param <V> the result type
     * @return the result, or {@code null} when it failed and the failure is tolerated (then
     *     {@code context.failed()} is true)
     * @throws ConnectException when it failed and errors are not tolerated
     */
    public <V> V execute(ProcessingContext context, Stage stage, Class<?> executingClass, Operation<V> operation) {
        context.position(stage, executingClass);
        try {
            return operation.call();
        } catch (Exception first) {
            recordFailure();
            return retry(context, stage, operation, first);
        }
    }

    /**
     * Same as {@link #execute(ProcessingContext, Stage, Class, Operation)} for an operation on one
     * argument.
     *
     * @param context the current record's context
     * @param stage the stage
     * @param executingClass the class doing the work
     * @param operation the work
     * @param arg its argument
     * @param <A> the argument type
     * @param <V> the result type
     * @return the result, or {@code null} when it failed and the failure is tolerated
     * @throws ConnectException when it failed and errors are not tolerated
     */
    public <A, V> V execute(ProcessingContext context, Stage stage, Class<?> executingClass,
                            ArgOperation<A, V> operation, A arg) {
        context.position(stage, executingClass);
        try {
            return operation.call(arg);
        } catch (Exception first) {
            return afterFailure(context, stage, operation, arg, first);
        }
    }

    /**
     * The failure path of {@link #execute(ProcessingContext, Stage, Class, ArgOperation, Object)},
     * for a hot loop that calls the operation itself (after
     * {@code context.position(stage, executingClass)}) so that the call is direct: counts the
     * failure, retries the operation if it is retriable, then reports and tolerates it or throws,
     * exactly as {@code execute} would have.
     *
     * @param context the current record's context, positioned at the stage that failed
     * @param stage the stage
     * @param operation the work, to retry
     * @param arg its argument
     * @param first what the caller's call threw
     * @param <A> the argument type
     * @param <V> the result type
     * @return the result of a successful retry, or {@code null} when the failure is tolerated (then
     *     {@code context.failed()} is true)
     * @throws ConnectException when errors are not tolerated
     */
    public <A, V> V afterFailure(ProcessingContext context, Stage stage, ArgOperation<A, V> operation, A arg,
                                 Exception first) {
        recordFailure();
        return retry(context, stage, () -> operation.call(arg), first);
    }

    private <V> V retry(ProcessingContext context, Stage stage, Operation<V> operation, Exception first) {
        Exception failure = first;
        if (isRetriable(failure) && retryTimeoutMs != 0) {
            long start = System.nanoTime();
            int attempt = 0;
            while (isRetriable(failure)) {
                long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                long remaining = retryTimeoutMs < 0 ? Long.MAX_VALUE : retryTimeoutMs - elapsedMs;
                if (remaining <= 0) {
                    break;
                }
                long delay = Math.min(Math.min(maxDelayMs, RETRIES_DELAY_MIN_MS << Math.min(attempt, 20)), remaining);
                attempt++;
                log.debug("Task {}: retriable failure in stage {} (attempt {}), retrying in {} ms: {}",
                        taskName, stage, attempt, delay, failure.toString());
                if (!backoff(delay)) {
                    break;
                }
                if (metrics != null) {
                    metrics.recordRetry();
                }
                try {
                    return operation.call();
                } catch (Exception e) {
                    recordFailure();
                    failure = e;
                }
            }
        }
        fail(context, failure);
        return null;
    }

    /** @return false when a stop was requested or the thread was interrupted */
    private boolean backoff(long delayMs) {
        try {
            return !stopRequested.await(delayMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isRetriable(Throwable e) {
        return e instanceof RetriableException || e instanceof org.apache.kafka.common.errors.RetriableException;
    }

    private void recordFailure() {
        if (metrics != null) {
            metrics.recordFailure();
        }
    }

    /** An operation failed for good: counted as an error, and as a skipped record when tolerated. */
    private void recordError() {
        if (metrics != null) {
            metrics.recordError();
            if (tolerance == ToleranceType.ALL) {
                metrics.recordSkipped();
            }
        }
    }

    private void fail(ProcessingContext context, Throwable error) {
        context.error(error);
        recordError();
        report(context);
        if (tolerance == ToleranceType.NONE) {
            throw toleranceExceeded(context, error);
        }
    }

    private ConnectException toleranceExceeded(ProcessingContext context, Throwable error) {
        String record = context.consumerRecord() != null
                ? " on the record of " + context.consumerRecord().topic() + "-" + context.consumerRecord().partition()
                        + " at offset " + context.consumerRecord().offset()
                : context.sourceRecord() != null ? " on a record for topic " + context.sourceRecord().topic()
                        + " from source partition " + context.sourceRecord().sourcePartition() : "";
        return new ConnectException("Tolerance exceeded in error handler: stage " + context.stage() + " ("
                + (context.executingClass() == null ? "?" : context.executingClass().getName()) + ") failed" + record
                + " and errors.tolerance=none: " + error, error);
    }

    private List<Future<?>> report(ProcessingContext context) {
        List<Future<?>> futures = new ArrayList<>(reporters.size());
        for (ErrorReporter r : reporters) {
            try {
                futures.add(r.report(context));
            } catch (RuntimeException e) {
                log.error("Task {}: error reporter {} failed", taskName, r.getClass().getSimpleName(), e);
            }
        }
        return futures;
    }

    /**
     * Reports a failure that happened outside {@link #execute} (a record reported through the
     * errant record reporter, a failed produce).
     *
     * @param context the failed record; its stage, class and error are set here
     * @param stage the stage
     * @param executingClass the class that failed
     * @param error the error
     * @return completes when every reporter stored the report
     * @throws ConnectException when errors are not tolerated (after reporting)
     */
    public Future<Void> executeFailed(ProcessingContext context, Stage stage, Class<?> executingClass, Throwable error) {
        context.position(stage, executingClass);
        context.error(error);
        recordFailure();
        recordError();
        List<Future<?>> futures = report(context);
        if (tolerance == ToleranceType.NONE) {
            throw toleranceExceeded(context, error);
        }
        return new AllOf(futures);
    }

    /** Cuts retries short: pending and future back-offs end at once. */
    public void triggerStop() {
        stopRequested.countDown();
    }

    /** Closes the reporters. */
    @Override
    public void close() {
        for (ErrorReporter r : reporters) {
            try {
                r.close();
            } catch (RuntimeException e) {
                log.warn("Task {}: closing error reporter {} failed", taskName, r.getClass().getSimpleName(), e);
            }
        }
    }

    /** A future that completes when all of several futures did. */
    private static final class AllOf implements Future<Void> {
        private final List<Future<?>> futures;

        AllOf(List<Future<?>> futures) {
            this.futures = futures;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean all = true;
            for (Future<?> f : futures) {
                all &= f.cancel(mayInterruptIfRunning);
            }
            return all;
        }

        @Override
        public boolean isCancelled() {
            for (Future<?> f : futures) {
                if (f.isCancelled()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean isDone() {
            for (Future<?> f : futures) {
                if (!f.isDone()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Void get() throws InterruptedException, ExecutionException {
            for (Future<?> f : futures) {
                f.get();
            }
            return null;
        }

        @Override
        public Void get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            for (Future<?> f : futures) {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return null;
        }
    }
}
