package io.connectsdk.runtime.rest;

/**
 * An error answered to the client as {@code {"error_code":status,"message":message}}; the message
 * must say what is wrong and name the culprit.
 */
final class RestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    RestException(int status, String message) {
        super(message);
        this.status = status;
    }

    RestException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    int status() {
        return status;
    }

    static RestException badRequest(String message) {
        return new RestException(400, message);
    }
}
