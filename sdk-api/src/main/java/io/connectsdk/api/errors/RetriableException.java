package io.connectsdk.api.errors;

/**
 * A transient failure: the same call may succeed if it is made again (a timeout, a connection
 * reset, a temporarily unavailable destination).
 *
 * <p>Thrown from {@code SourceTask.poll()} the runtime polls again; thrown from
 * {@code SinkTask.put(...)} the runtime hands the same batch to {@code put} again (after a back-off,
 * or after the timeout the task set with {@code SinkTaskContext.timeout(long)}); thrown from a
 * converter or transform, the runtime retries the operation within {@code errors.retry.timeout}.
 * The task does not fail because of a retriable exception unless retries run out.
 */
public class RetriableException extends ConnectException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed; may be {@code null} */
    public RetriableException(String message) {
        super(message);
    }

    /**
     * @param message what failed; may be {@code null}
     * @param cause the underlying exception; may be {@code null}
     */
    public RetriableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param cause the underlying exception; may be {@code null} */
    public RetriableException(Throwable cause) {
        super(cause);
    }
}
