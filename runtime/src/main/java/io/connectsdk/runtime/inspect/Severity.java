package io.connectsdk.runtime.inspect;

/** How bad a {@link Finding} is. */
public enum Severity {
    /** The plugin will not work as intended (not found, fails to load, breaks isolation): fix it before deploying. */
    ERROR,
    /** The plugin works, but something is risky or wasteful; {@code validate --strict} fails on it. */
    WARNING,
    /** Worth knowing; never fails validation. */
    INFO
}
