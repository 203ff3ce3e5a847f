package io.connectsdk.runtime.herder;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a connector is a source or a sink; JSON {@code "source"}/{@code "sink"}. */
public enum ConnectorType {
    /** A source connector. */
    SOURCE,
    /** A sink connector. */
    SINK,
    /** Not known (the connector class cannot be loaded). */
    UNKNOWN;

    /** @return the lower-case JSON form */
    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
