package io.connectsdk.runtime.plugin;

import io.connectsdk.api.errors.ConnectException;

/**
 * A plugin location (or a {@code plugin.path} entry) that cannot be used at all: it does not exist,
 * is not a jar, a zip archive or a directory, or cannot be read. The message names the path and
 * says what is wrong; callers show it as is.
 */
public class PluginLocationException extends ConnectException {
    private static final long serialVersionUID = 1L;

    /** @param message names the path and the problem */
    public PluginLocationException(String message) {
        super(message);
    }

    /**
     * @param message names the path and the problem
     * @param cause the I/O error behind it
     */
    public PluginLocationException(String message, Throwable cause) {
        super(message, cause);
    }
}
