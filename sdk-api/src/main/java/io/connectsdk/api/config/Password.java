package io.connectsdk.api.config;

import java.util.Objects;

/**
 * A secret configuration value (type {@code PASSWORD}). Its {@link #toString()} is always
 * {@value #HIDDEN}, so the secret does not end up in logs, status traces or exception messages by
 * accident; call {@link #value()} where the real value is needed.
 *
 * <p>Immutable and thread-safe.
 */
public final class Password {
    /** What {@link #toString()} prints instead of the secret. */
    public static final String HIDDEN = "[hidden]";

    private final String value;

    /** @param value the secret; may be {@code null} (no password) */
    public Password(String value) {
        this.value = value;
    }

    /** @return the secret itself; may be {@code null} */
    public String value() {
        return value;
    }

    /** @return always {@value #HIDDEN} */
    @Override
    public String toString() {
        return HIDDEN;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Password && Objects.equals(value, ((Password) o).value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }
}
