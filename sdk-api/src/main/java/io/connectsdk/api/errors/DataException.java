package io.connectsdk.api.errors;

/**
 * Data does not fit its schema, or cannot be converted: a struct field of the wrong type, a
 * missing required field, bytes a converter cannot parse.
 *
 * <p>The runtime treats it as a problem with one record: with {@code errors.tolerance=all} the
 * record is skipped (and sent to the dead letter queue when one is configured); otherwise the
 * task fails.
 */
public class DataException extends ConnectException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the data, naming the field or record; may be {@code null} */
    public DataException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong with the data, naming the field or record; may be {@code null}
     * @param cause the underlying exception; may be {@code null}
     */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param cause the underlying exception; may be {@code null} */
    public DataException(Throwable cause) {
        super(cause);
    }
}
