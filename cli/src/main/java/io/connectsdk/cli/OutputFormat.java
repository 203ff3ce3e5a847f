package io.connectsdk.cli;

/** {@code --format}: for people or for tools. */
public enum OutputFormat {
    /** Readable report. */
    text,
    /** JSON with a stable shape. */
    json
}
