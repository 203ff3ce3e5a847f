package io.connectsdk.runtime.herder;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connector's committed offsets: JSON of {@code GET /connectors/{name}/offsets}
 * ({@code {"offsets":[{"partition":{..},"offset":{..}}]}}). A source connector's partitions and
 * offsets are the maps its records carried; a sink connector's are
 * {@code {"kafka_topic":..,"kafka_partition":..}} and {@code {"kafka_offset":..}}.
 *
 * @param offsets one entry per partition with a committed offset; empty when none
 */
public record ConnectorOffsets(@JsonProperty("offsets") List<PartitionOffset> offsets) {
    /** The key of a sink partition's topic. */
    public static final String KAFKA_TOPIC = "kafka_topic";
    /** The key of a sink partition's partition number. */
    public static final String KAFKA_PARTITION = "kafka_partition";
    /** The key of a sink partition's committed consumer offset. */
    public static final String KAFKA_OFFSET = "kafka_offset";

    /** @param offsets the entries; copied */
    public ConnectorOffsets {
        offsets = List.copyOf(offsets);
    }

    /**
     * One partition and its committed offset.
     *
     * @param partition the partition
     * @param offset its committed offset
     */
    public record PartitionOffset(@JsonProperty("partition") Map<String, ?> partition,
                                  @JsonProperty("offset") Map<String, ?> offset) {
    }

    /**
     * @param topic a sink connector's topic
     * @param partition the topic's partition
     * @param offset the consumer group's committed offset of it
     * @return the entry in Kafka Connect's sink shape
     */
    public static PartitionOffset sinkOffset(String topic, int partition, long offset) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(KAFKA_TOPIC, topic);
        p.put(KAFKA_PARTITION, partition);
        return new PartitionOffset(Collections.unmodifiableMap(p), Map.of(KAFKA_OFFSET, offset));
    }
}
