package io.connectsdk.api.sink;

/** What a Kafka record's timestamp means, as the topic's {@code message.timestamp.type} sets it. */
public enum TimestampType {
    /** The record has no timestamp. */
    NO_TIMESTAMP_TYPE,
    /** The producer set the timestamp when it created the record. */
    CREATE_TIME,
    /** The broker set the timestamp when it appended the record to the log. */
    LOG_APPEND_TIME
}
