package io.connectsdk.api.connector;

import io.connectsdk.api.data.Schema;
import io.connectsdk.api.header.ConnectHeaders;
import io.connectsdk.api.header.Header;
import io.connectsdk.api.header.Headers;
import java.util.Objects;

/**
 * One record as it moves through connect-sdk: a topic, an optional Kafka partition, a key and a
 * value (each with an optional {@link Schema}), an optional timestamp and headers. See
 * {@link io.connectsdk.api.source.SourceRecord} and {@link io.connectsdk.api.sink.SinkRecord}.
 *
 * <p>Records are immutable except for their {@link #headers() headers}: transforms make changed
 * copies with {@link #newRecord}. Not thread-safe because of the headers; a record belongs to one
 * task thread at a time.
 *
 * @param <R> the concrete record type, so that {@code newRecord} returns it
 */
public abstract class ConnectRecord<R extends ConnectRecord<R>> {
    private final String topic;
    private final Integer kafkaPartition;
    private final Schema keySchema;
    private final Object key;
    private final Schema valueSchema;
    private final Object value;
    private final Long timestamp;
    private final Headers headers;

    /**
     * @param topic the topic; must not be {@code null}
     * @param kafkaPartition the partition, or {@code null} to let the producer choose
     * @param keySchema the key's schema, or {@code null} for schemaless data
     * @param key the key; may be {@code null}
     * @param valueSchema the value's schema, or {@code null} for schemaless data
     * @param value the value; may be {@code null} (a tombstone)
     * @param timestamp milliseconds since the epoch, or {@code null} for none
     * @param headers the headers, copied; {@code null} means none
     */
    protected ConnectRecord(String topic, Integer kafkaPartition,
                            Schema keySchema, Object key,
                            Schema valueSchema, Object value,
                            Long timestamp, Iterable<Header> headers) {
        this.topic = topic;
        this.kafkaPartition = kafkaPartition;
        this.keySchema = keySchema;
        this.key = key;
        this.valueSchema = valueSchema;
        this.value = value;
        this.timestamp = timestamp;
        this.headers = headers instanceof ConnectHeaders
                ? (ConnectHeaders) headers
                : headers == null ? new ConnectHeaders() : new ConnectHeaders(headers);
    }

    /** @return the topic; never {@code null} for a well-formed record */
    public String topic() {
        return topic;
    }

    /** @return the Kafka partition, or {@code null} when the producer chooses it */
    public Integer kafkaPartition() {
        return kafkaPartition;
    }

    /** @return the key; may be {@code null} */
    public Object key() {
        return key;
    }

    /** @return the key's schema, or {@code null} for schemaless data */
    public Schema keySchema() {
        return keySchema;
    }

    /** @return the value; {@code null} for a tombstone */
    public Object value() {
        return value;
    }

    /** @return the value's schema, or {@code null} for schemaless data */
    public Schema valueSchema() {
        return valueSchema;
    }

    /** @return milliseconds since the epoch, or {@code null} when the record has none */
    public Long timestamp() {
        return timestamp;
    }

    /** @return the record's headers, mutable; never {@code null} */
    public Headers headers() {
        return headers;
    }

    /**
     * Copies this record with new contents and a copy of its headers. Every other attribute of the
     * concrete record type (source partition and offset, Kafka offset...) is kept.
     *
     * @return the copy; this record is unchanged
     */
    public abstract R newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp);

    /**
     * Copies this record with new contents and the given headers.
     *
     * @param headers the copy's headers; {@code null} means none
     * @return the copy; this record is unchanged
     */
    public abstract R newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp, Iterable<Header> headers);

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        ConnectRecord<?> that = (ConnectRecord<?>) o;
        return Objects.equals(topic, that.topic)
                && Objects.equals(kafkaPartition, that.kafkaPartition)
                && Objects.equals(keySchema, that.keySchema)
                && Objects.deepEquals(key, that.key)
                && Objects.equals(valueSchema, that.valueSchema)
                && Objects.deepEquals(value, that.value)
                && Objects.equals(timestamp, that.timestamp)
                && Objects.equals(headers, that.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, headers);
    }

    /** @return the record's fields, for logs; values are printed as they are */
    @Override
    public String toString() {
        return "topic='" + topic + "', kafkaPartition=" + kafkaPartition
                + ", key=" + key + ", keySchema=" + keySchema
                + ", value=" + value + ", valueSchema=" + valueSchema
                + ", timestamp=" + timestamp + ", headers=" + headers;
    }
}
