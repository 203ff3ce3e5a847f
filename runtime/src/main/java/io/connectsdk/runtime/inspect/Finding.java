package io.connectsdk.runtime.inspect;

import java.util.Objects;

/**
 * One problem (or remark) about a plugin location. Immutable.
 *
 * @param id the check that found it; its name is the stable id shown in reports, never {@code null}
 * @param severity the severity ({@link FindingId#severity()}), never {@code null}
 * @param jar the jar (or class folder) concerned, relative to the location (e.g.
 *     {@code lib/acme-1.0.jar}, {@code "."} for the location's own class folder); {@code null} when
 *     the finding is about the location as a whole
 * @param className the class concerned (or an example of several), or {@code null}
 * @param message what is wrong, naming the jar, class or key, never {@code null}
 * @param hint how to fix it, never {@code null}
 */
public record Finding(FindingId id, Severity severity, String jar, String className, String message, String hint) {
    /** Checks the non-null components. */
    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
    }

    /**
     * @param id the check; its severity is used
     * @param jar the jar concerned, or {@code null}
     * @param className the class concerned, or {@code null}
     * @param message what is wrong
     * @param hint how to fix it
     * @return the finding
     */
    public static Finding of(FindingId id, String jar, String className, String message, String hint) {
        return new Finding(id, id.severity(), jar, className, message, hint);
    }
}
