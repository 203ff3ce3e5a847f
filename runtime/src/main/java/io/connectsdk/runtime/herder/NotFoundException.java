package io.connectsdk.runtime.herder;

import io.connectsdk.api.errors.ConnectException;

/** The named connector or task does not exist; the REST API answers 404 with this message. */
public class NotFoundException extends ConnectException {
    private static final long serialVersionUID = 1L;

    /** @param message names what was not found, e.g. {@code Connector orders not found} */
    public NotFoundException(String message) {
        super(message);
    }
}
