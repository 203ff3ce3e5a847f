package io.connectsdk.runtime.herder;

import io.connectsdk.api.errors.ConnectException;

/**
 * A request that cannot be carried out as asked, e.g. altering the offsets of a connector that is
 * not stopped; the REST API answers 400 with this message.
 */
public class BadRequestException extends ConnectException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do instead */
    public BadRequestException(String message) {
        super(message);
    }
}
