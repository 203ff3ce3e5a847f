package io.connectsdk.api.source;

import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.header.Header;
import java.util.Map;
import java.util.Objects;

/**
 * A record read from a source system by a {@link SourceTask}, on its way to Kafka. Besides the
 * Kafka-side fields of {@link ConnectRecord} it carries the <em>source partition</em> and
 * <em>source offset</em> (see {@link OffsetStorageReader}) that the runtime commits once Kafka has
 * acknowledged the record.
 *
 * <p>Partition and offset maps must hold only strings, numbers and booleans so that they can be
 * stored as JSON; {@code null} is allowed for records that carry no position.
 */
public class SourceRecord extends ConnectRecord<SourceRecord> {
    private final Map<String, ?> sourcePartition;
    private final Map<String, ?> sourceOffset;

    /** A record with a value only, no key, partition chosen by the producer. */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset,
                        String topic, Schema valueSchema, Object value) {
        this(sourcePartition, sourceOffset, topic, null, null, null, valueSchema, value);
    }

    /** A record with a value and an explicit Kafka partition. */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset,
                        String topic, Integer partition, Schema valueSchema, Object value) {
        this(sourcePartition, sourceOffset, topic, partition, null, null, valueSchema, value);
    }

    /** A record with a key and a value, partition chosen by the producer from the key. */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset,
                        String topic, Schema keySchema, Object key, Schema valueSchema, Object value) {
        this(sourcePartition, sourceOffset, topic, null, keySchema, key, valueSchema, value);
    }

    /** A record with a key, a value and an explicit Kafka partition. */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset,
                        String topic, Integer partition,
                        Schema keySchema, Object key, Schema valueSchema, Object value) {
        this(sourcePartition, sourceOffset, topic, partition, keySchema, key, valueSchema, value, null);
    }

    /** A record with every Kafka field but headers. */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset,
                        String topic, Integer partition,
                        Schema keySchema, Object key, Schema valueSchema, Object value, Long timestamp) {
        this(sourcePartition, sourceOffset, topic, partition, keySchema, key, valueSchema, value, timestamp, null);
    }

    /**
     * A record with every field.
     *
     * @param sourcePartition where in the source the record comes from; may be {@code null}
     * @param sourceOffset the position after this record; may be {@code null}
     * @param topic the destination topic; must not be {@code null}
     * @param partition the Kafka partition, or {@code null} to let the producer choose
     * @param keySchema the key's schema, or {@code null}
     * @param key the key, or {@code null}
     * @param valueSchema the value's schema, or {@code null}
     * @param value the value, or {@code null}
     * @param timestamp milliseconds since the epoch, or {@code null} for the producer's time
     * @param headers the headers (copied), or {@code null}
     */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset,
                        String topic, Integer partition,
                        Schema keySchema, Object key, Schema valueSchema, Object value,
                        Long timestamp, Iterable<Header> headers) {
        super(topic, partition, keySchema, key, valueSchema, value, timestamp, headers);
        this.sourcePartition = sourcePartition;
        this.sourceOffset = sourceOffset;
    }

    /** @return the source partition; may be {@code null} */
    public Map<String, ?> sourcePartition() {
        return sourcePartition;
    }

    /** @return the source offset; may be {@code null} */
    public Map<String, ?> sourceOffset() {
        return sourceOffset;
    }

    @Override
    public SourceRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                  Schema valueSchema, Object value, Long timestamp) {
        return newRecord(topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, headers().duplicate());
    }

    @Override
    public SourceRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                  Schema valueSchema, Object value, Long timestamp, Iterable<Header> headers) {
        return new SourceRecord(sourcePartition, sourceOffset, topic, kafkaPartition,
                keySchema, key, valueSchema, value, timestamp, headers);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o)
                && Objects.equals(sourcePartition, ((SourceRecord) o).sourcePartition)
                && Objects.equals(sourceOffset, ((SourceRecord) o).sourceOffset);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), sourcePartition, sourceOffset);
    }

    @Override
    public String toString() {
        return "SourceRecord{sourcePartition=" + sourcePartition + ", sourceOffset=" + sourceOffset
                + ", " + super.toString() + "}";
    }
}
