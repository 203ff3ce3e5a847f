package io.connectsdk.testkit.assertions;

import io.connectsdk.testkit.cluster.KafkaCluster;
import java.time.Duration;
import java.util.Objects;
import org.assertj.core.api.Assertions;

/**
 * The entry point of the test kit's assertions. It extends AssertJ's {@link Assertions}, so one
 * static import gives both:
 *
 * <pre>{@code
 * import static io.connectsdk.testkit.assertions.ConnectAssertions.*;
 *
 * assertThat(topic(kafka, "orders")).within(Duration.ofSeconds(10)).hasRecordCount(100);
 * assertThat(deadLetterQueue(kafka, "dlq")).hasRecordCount(1)
 *         .firstRecordHasErrorHeader("__connect.errors.exception.class.name", "io.connectsdk.api.errors.DataException");
 * assertThat(List.of(1, 2)).hasSize(2);   // AssertJ as usual
 * }</pre>
 *
 * <p>Checks wait up to a bound: {@link WaitingAssert#within(Duration)} per assertion, else the
 * default: 10 s, or the system property {@value #TIMEOUT_PROPERTY} (an ISO-8601 duration such as
 * {@code PT30S}, or a number of seconds), or {@link #setDefaultTimeout(Duration)}.
 *
 * <p>Assertions on connectors and tasks will join here (see the package
 * {@code io.connectsdk.testkit.assertions.connector}). Thread-safe (the default timeout is a
 * volatile value).
 */
public class ConnectAssertions extends Assertions {
    /** System property with the default bound of waiting checks. */
    public static final String TIMEOUT_PROPERTY = "connectsdk.testkit.timeout";
    /** The default bound of waiting checks when the property is not set. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static volatile Duration defaultTimeout = initialTimeout(System.getProperty(TIMEOUT_PROPERTY));

    /** For subclasses that add entry points of their own. */
    protected ConnectAssertions() {
    }

    /**
     * @param cluster a started cluster, not {@code null}
     * @param name the topic, not {@code null}
     * @return the subject of {@link #assertThat(Topic)}
     */
    public static Topic topic(KafkaCluster cluster, String name) {
        return new Topic(cluster, name);
    }

    /**
     * @param cluster a started cluster, not {@code null}
     * @param name the dead letter queue topic, not {@code null}
     * @return the subject of {@link #assertThat(DeadLetterQueue)}
     */
    public static DeadLetterQueue deadLetterQueue(KafkaCluster cluster, String name) {
        return new DeadLetterQueue(cluster, name);
    }

    /**
     * @param topic a topic, not {@code null}
     * @return assertions on its records
     */
    public static TopicAssert assertThat(Topic topic) {
        return new TopicAssert(Objects.requireNonNull(topic, "topic"));
    }

    /**
     * @param dlq a dead letter queue, not {@code null}
     * @return assertions on its records and error headers
     */
    public static DeadLetterQueueAssert assertThat(DeadLetterQueue dlq) {
        return new DeadLetterQueueAssert(Objects.requireNonNull(dlq, "dlq"));
    }

    /** @return the bound used by waiting checks without {@code within(...)} */
    public static Duration defaultTimeout() {
        return defaultTimeout;
    }

    /**
     * @param timeout the bound for waiting checks created from now on without {@code within(...)}, positive
     */
    public static void setDefaultTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the default timeout must be positive, was " + timeout);
        }
        defaultTimeout = timeout;
    }

    static Duration initialTimeout(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        String t = text.trim();
        try {
            Duration d = t.toUpperCase(java.util.Locale.ROOT).startsWith("P") ? Duration.parse(t)
                    : Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("not positive");
            }
            return d;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("-D" + TIMEOUT_PROPERTY + "=" + text
                    + " is not a positive duration; use e.g. PT30S or 30 (seconds)", e);
        }
    }
}
