package io.connectsdk.testkit.harness;

import java.time.Duration;
import java.util.Objects;

/** Formatting and checking of durations for messages. */
final class Durations {
    private Durations() {
    }

    /** @return e.g. {@code 250 ms}, {@code 5 s}, {@code 1.5 s} */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + d);
        }
        return d;
    }
}
