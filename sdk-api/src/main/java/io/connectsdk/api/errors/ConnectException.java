package io.connectsdk.api.errors;

/**
 * The base class of every exception that connect-sdk and its plugins throw to the runtime.
 *
 * <p>When a plugin method throws a {@code ConnectException} (or any other unchecked exception) the
 * runtime treats the call as failed: a task is marked {@code FAILED} with the exception's stack
 * trace in its status, unless the exception is a {@link RetriableException} or the connector's
 * error-handling settings ({@code errors.tolerance}) say otherwise.
 *
 * <p>Messages should name the culprit (the configuration key, the field, the record) so that the
 * user can act on them without reading a stack trace.
 */
public class ConnectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the culprit; may be {@code null} */
    public ConnectException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the culprit; may be {@code null}
     * @param cause the underlying exception; may be {@code null}
     */
    public ConnectException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param cause the underlying exception, whose message becomes this one's; may be {@code null} */
    public ConnectException(Throwable cause) {
        super(cause);
    }
}
