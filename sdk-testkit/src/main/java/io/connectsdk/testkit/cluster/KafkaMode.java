package io.connectsdk.testkit.cluster;

import java.util.Locale;

/** Where a {@link KafkaCluster} for tests comes from. */
public enum KafkaMode {
    /** A single-node KRaft broker inside the test JVM (the default; no Docker needed). */
    EMBEDDED,
    /** A Testcontainers {@code apache/kafka} container; needs Testcontainers and a Docker engine. */
    CONTAINER,
    /** A running cluster, reached by its bootstrap address. */
    EXTERNAL;

    /** @return the lower-case name used in properties, e.g. {@code "embedded"} */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text a mode name in any case, surrounding blanks ignored, not {@code null}
     * @return the mode
     * @throws IllegalArgumentException naming the allowed values when the text is none of them
     */
    public static KafkaMode parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (KafkaMode m : values()) {
            if (m.name().equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("connect-sdk test kit: unknown Kafka mode '" + text
                + "'; use embedded, container or external");
    }
}
