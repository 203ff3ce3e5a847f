package io.connectsdk.runtime.errors;

import java.util.Locale;

/** The values of {@code errors.tolerance}. */
public enum ToleranceType {
    /** Any error that retries do not cure fails the task. */
    NONE,
    /** Records that fail in converters, transforms or put are skipped (and reported). */
    ALL;

    /**
     * @param value {@code none} or {@code all}, in any case
     * @return the type
     * @throws IllegalArgumentException for any other value
     */
    public static ToleranceType parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
