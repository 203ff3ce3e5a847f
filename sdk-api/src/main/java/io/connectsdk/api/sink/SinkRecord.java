package io.connectsdk.api.sink;

import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.header.Header;
import java.util.Objects;

/**
 * A record read from Kafka, converted and transformed, on its way to a {@link SinkTask}. Besides
 * the fields of {@link ConnectRecord} it carries the Kafka offset and timestamp type, and the
 * topic, partition and offset the record had in Kafka before transforms changed them
 * ({@link #originalTopic()} and friends; use those to track your own offsets).
 */
public class SinkRecord extends ConnectRecord<SinkRecord> {
    private final long kafkaOffset;
    private final TimestampType timestampType;
    private final String originalTopic;
    private final Integer originalKafkaPartition;
    private final long originalKafkaOffset;

    /** A record without timestamp or headers. */
    public SinkRecord(String topic, int partition, Schema keySchema, Object key,
                      Schema valueSchema, Object value, long kafkaOffset) {
        this(topic, partition, keySchema, key, valueSchema, value, kafkaOffset, null, TimestampType.NO_TIMESTAMP_TYPE);
    }

    /** A record with a timestamp, no headers. */
    public SinkRecord(String topic, int partition, Schema keySchema, Object key,
                      Schema valueSchema, Object value, long kafkaOffset,
                      Long timestamp, TimestampType timestampType) {
        this(topic, partition, keySchema, key, valueSchema, value, kafkaOffset, timestamp, timestampType, null);
    }

    /** A record with every field; the original topic, partition and offset are the given ones. */
    public SinkRecord(String topic, int partition, Schema keySchema, Object key,
                      Schema valueSchema, Object value, long kafkaOffset,
                      Long timestamp, TimestampType timestampType, Iterable<Header> headers) {
        this(topic, partition, keySchema, key, valueSchema, value, kafkaOffset, timestamp, timestampType, headers,
                topic, partition, kafkaOffset);
    }

    /**
     * A record with every field, including where it was in Kafka before transforms.
     *
     * @param topic the topic, after transforms
     * @param partition the partition, after transforms
     * @param keySchema the key's schema, or {@code null}
     * @param key the key, or {@code null}
     * @param valueSchema the value's schema, or {@code null}
     * @param value the value, or {@code null}
     * @param kafkaOffset the offset in the partition
     * @param timestamp milliseconds since the epoch, or {@code null}
     * @param timestampType what the timestamp means; {@code null} is taken as
     *     {@link TimestampType#NO_TIMESTAMP_TYPE}
     * @param headers the headers (copied), or {@code null}
     * @param originalTopic the topic as consumed
     * @param originalKafkaPartition the partition as consumed
     * @param originalKafkaOffset the offset as consumed
     */
    public SinkRecord(String topic, int partition, Schema keySchema, Object key,
                      Schema valueSchema, Object value, long kafkaOffset,
                      Long timestamp, TimestampType timestampType, Iterable<Header> headers,
                      String originalTopic, Integer originalKafkaPartition, long originalKafkaOffset) {
        super(topic, partition, keySchema, key, valueSchema, value, timestamp, headers);
        this.kafkaOffset = kafkaOffset;
        this.timestampType = timestampType == null ? TimestampType.NO_TIMESTAMP_TYPE : timestampType;
        this.originalTopic = originalTopic;
        this.originalKafkaPartition = originalKafkaPartition;
        this.originalKafkaOffset = originalKafkaOffset;
    }

    /** @return the record's offset in its partition */
    public long kafkaOffset() {
        return kafkaOffset;
    }

    /** @return what the timestamp means; never {@code null} */
    public TimestampType timestampType() {
        return timestampType;
    }

    /** @return the topic the record was consumed from, before any transform renamed it */
    public String originalTopic() {
        return originalTopic;
    }

    /** @return the partition the record was consumed from, before any transform changed it */
    public Integer originalKafkaPartition() {
        return originalKafkaPartition;
    }

    /** @return the offset the record was consumed at, before any transform changed it */
    public long originalKafkaOffset() {
        return originalKafkaOffset;
    }

    @Override
    public SinkRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp) {
        return newRecord(topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, headers().duplicate());
    }

    @Override
    public SinkRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp, Iterable<Header> headers) {
        return new SinkRecord(topic, kafkaPartition == null ? kafkaPartition() : kafkaPartition,
                keySchema, key, valueSchema, value, kafkaOffset, timestamp, timestampType, headers,
                originalTopic, originalKafkaPartition, originalKafkaOffset);
    }

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) {
            return false;
        }
        SinkRecord that = (SinkRecord) o;
        return kafkaOffset == that.kafkaOffset
                && timestampType == that.timestampType
                && Objects.equals(originalTopic, that.originalTopic)
                && Objects.equals(originalKafkaPartition, that.originalKafkaPartition)
                && originalKafkaOffset == that.originalKafkaOffset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), kafkaOffset, timestampType,
                originalTopic, originalKafkaPartition, originalKafkaOffset);
    }

    @Override
    public String toString() {
        return "SinkRecord{kafkaOffset=" + kafkaOffset + ", timestampType=" + timestampType
                + ", originalTopic=" + originalTopic + ", originalKafkaPartition=" + originalKafkaPartition
                + ", originalKafkaOffset=" + originalKafkaOffset + ", " + super.toString() + "}";
    }
}
