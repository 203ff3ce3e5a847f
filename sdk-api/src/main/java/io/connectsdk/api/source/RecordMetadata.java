package io.connectsdk.api.source;

/**
 * Where Kafka stored a record that a {@link SourceTask} produced, as passed to
 * {@link SourceTask#commitRecord(SourceRecord, RecordMetadata)}.
 *
 * @param topic the topic the record was written to (after transforms), never {@code null}
 * @param partition the partition
 * @param offset the record's offset in the partition
 * @param timestamp the record's timestamp in milliseconds since the epoch, or -1 when unknown
 */
public record RecordMetadata(String topic, int partition, long offset, long timestamp) {
}
