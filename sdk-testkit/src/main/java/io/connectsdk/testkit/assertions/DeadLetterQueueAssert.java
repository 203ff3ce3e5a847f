package io.connectsdk.testkit.assertions;

import java.util.Objects;

/**
 * Assertions on a dead letter queue: every {@link AbstractTopicAssert topic check}, plus checks of
 * the error context headers that the runtime adds with
 * {@code errors.deadletterqueue.context.headers.enable=true} (their names are Kafka Connect's).
 *
 * <pre>{@code
 * assertThat(deadLetterQueue(kafka, "orders-dlq"))
 *         .hasRecordCount(1)
 *         .firstRecordHasErrorHeader(DeadLetterQueueAssert.EXCEPTION_CLASS, DataException.class.getName())
 *         .firstRecordHasErrorHeader(DeadLetterQueueAssert.ORIGINAL_TOPIC, "orders");
 * }</pre>
 *
 * <p>The "first" record is the one with the lowest offset in the lowest-numbered partition (the
 * first one written, for the usual single-partition queue). Not thread-safe.
 */
public class DeadLetterQueueAssert extends AbstractTopicAssert<DeadLetterQueueAssert, DeadLetterQueue> {
    /** The prefix of every error context header. */
    public static final String HEADER_PREFIX = "__connect.errors.";
    /** The topic the failed record came from. */
    public static final String ORIGINAL_TOPIC = HEADER_PREFIX + "topic";
    /** Its partition. */
    public static final String ORIGINAL_PARTITION = HEADER_PREFIX + "partition";
    /** Its offset. */
    public static final String ORIGINAL_OFFSET = HEADER_PREFIX + "offset";
    /** The connector's name. */
    public static final String CONNECTOR_NAME = HEADER_PREFIX + "connector.name";
    /** The task's number. */
    public static final String TASK_ID = HEADER_PREFIX + "task.id";
    /** The stage that failed, e.g. {@code VALUE_CONVERTER}, {@code TRANSFORMATION}, {@code TASK_PUT}. */
    public static final String STAGE = HEADER_PREFIX + "stage";
    /** The class that was running when it failed. */
    public static final String EXECUTING_CLASS = HEADER_PREFIX + "class.name";
    /** The exception's class name. */
    public static final String EXCEPTION_CLASS = HEADER_PREFIX + "exception.class.name";
    /** The exception's message. */
    public static final String EXCEPTION_MESSAGE = HEADER_PREFIX + "exception.message";
    /** The exception's stack trace. */
    public static final String EXCEPTION_STACKTRACE = HEADER_PREFIX + "exception.stacktrace";

    /**
     * @param dlq the dead letter queue, not {@code null}
     */
    public DeadLetterQueueAssert(DeadLetterQueue dlq) {
        super(dlq, DeadLetterQueueAssert.class, dlq.cluster(), dlq.name(), dlq.toString());
    }

    /**
     * Waits for a first record, then checks that it has the header with that value.
     *
     * @param key a header, e.g. {@link #EXCEPTION_CLASS}
     * @param value the expected UTF-8 value
     * @return this assertion
     */
    public DeadLetterQueueAssert firstRecordHasErrorHeader(String key, String value) {
        return check("to have a first record with header " + key + "=" + value,
                s -> s.first() == null ? Verdict.NOT_YET
                        : s.first().hasHeader(key) && Objects.equals(s.first().header(key), value) ? Verdict.MATCH : Verdict.NEVER,
                s -> s.first() == null ? null : "its first record has " + key
                        + (s.first().hasHeader(key) ? "=" + s.first().header(key) : " missing") + ":" + lines(java.util.List.of(s.first())));
    }

    /**
     * Waits for a first record, then checks that it has the header (any value).
     *
     * @param key a header, e.g. {@link #EXCEPTION_MESSAGE}
     * @return this assertion
     */
    public DeadLetterQueueAssert firstRecordHasErrorHeader(String key) {
        return check("to have a first record with header " + key,
                s -> s.first() == null ? Verdict.NOT_YET : s.first().hasHeader(key) ? Verdict.MATCH : Verdict.NEVER,
                s -> s.first() == null ? null : "its first record has no header " + key + ":" + lines(java.util.List.of(s.first())));
    }

    /**
     * Waits until some record's {@link #EXCEPTION_CLASS} header is the given class name.
     *
     * @param exceptionClassName e.g. {@code "io.connectsdk.api.errors.DataException"}
     * @return this assertion
     */
    public DeadLetterQueueAssert hasErrorClass(String exceptionClassName) {
        return hasHeader(EXCEPTION_CLASS, exceptionClassName);
    }

    /**
     * Waits for a first record, then checks that every record carries the original topic,
     * partition and offset headers.
     *
     * @return this assertion
     */
    public DeadLetterQueueAssert allRecordsHaveErrorContext() {
        return allRecordsSatisfy(r -> r.hasHeader(ORIGINAL_TOPIC) && r.hasHeader(ORIGINAL_PARTITION)
                && r.hasHeader(ORIGINAL_OFFSET), "have the headers " + ORIGINAL_TOPIC + ", " + ORIGINAL_PARTITION
                + " and " + ORIGINAL_OFFSET);
    }
}
