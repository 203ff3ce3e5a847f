package io.connectsdk.runtime.herder;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectsdk.api.sink.TopicPartition;
import java.util.ArrayList;
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
    private static final ObjectMapper TREES = new ObjectMapper();

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

    /**
     * @return these entries as a source connector's new offsets, in order
     * @throws BadRequestException naming the entry when its partition is missing or empty
     */
    public Map<Map<String, ?>, Map<String, ?>> toSourceOffsets() {
        Map<Map<String, ?>, Map<String, ?>> out = new LinkedHashMap<>();
        for (int i = 0; i < offsets.size(); i++) {
            PartitionOffset po = offsets.get(i);
            if (po == null || po.partition() == null || po.partition().isEmpty()) {
                throw new BadRequestException("offsets[" + i + "].partition: every entry needs the source partition "
                        + "whose offset it sets, a non-empty JSON object");
            }
            out.put(po.partition(), po.offset());
        }
        return out;
    }

    /**
     * @return these entries as a sink connector's new consumer offsets, in order ({@code null}
     *     removes a partition's)
     * @throws BadRequestException naming the entry and the field when it is not
     *     {@code {"kafka_topic":<string>,"kafka_partition":<int>}} and {@code {"kafka_offset":<long >= 0>}} or null
     */
    public Map<TopicPartition, Long> toSinkOffsets() {
        Map<TopicPartition, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < offsets.size(); i++) {
            PartitionOffset po = offsets.get(i);
            String at = "offsets[" + i + "]";
            Map<String, ?> partition = po == null ? null : po.partition();
            if (partition == null) {
                throw new BadRequestException(at + ".partition: missing; a sink partition is {\"" + KAFKA_TOPIC
                        + "\":<topic>,\"" + KAFKA_PARTITION + "\":<number>}");
            }
            if (!(partition.get(KAFKA_TOPIC) instanceof String topic) || topic.isBlank()) {
                throw new BadRequestException(at + ".partition." + KAFKA_TOPIC + ": a topic name is needed, got "
                        + partition.get(KAFKA_TOPIC));
            }
            Object p = partition.get(KAFKA_PARTITION);
            if (!(p instanceof Integer || p instanceof Long || p instanceof Short) || ((Number) p).longValue() < 0
                    || ((Number) p).longValue() > Integer.MAX_VALUE) {
                throw new BadRequestException(at + ".partition." + KAFKA_PARTITION + ": a partition number (0 or more) "
                        + "is needed, got " + p);
            }
            Long offset = null;
            if (po.offset() != null) {
                Object o = po.offset().get(KAFKA_OFFSET);
                if (!(o instanceof Integer || o instanceof Long || o instanceof Short) || ((Number) o).longValue() < 0) {
                    throw new BadRequestException(at + ".offset." + KAFKA_OFFSET + ": an offset (0 or more) is needed, "
                            + "got " + o + " (or give \"offset\":null to remove the partition's offset)");
                }
                offset = ((Number) o).longValue();
            }
            out.put(new TopicPartition(topic, ((Number) p).intValue()), offset);
        }
        return out;
    }

    /**
     * @param verb {@code altered} or {@code reset}
     * @param handledByConnector what the connector's {@code alterOffsets} returned
     * @return Kafka Connect's answer to an offsets change
     */
    public static String changedMessage(String verb, boolean handledByConnector) {
        if (handledByConnector) {
            return "The offsets for this connector have been " + verb + " successfully";
        }
        return "The Connect framework-managed offsets for this connector have been " + verb + " successfully. However, "
                + "if this connector manages offsets externally, they will need to be manually " + verb
                + " in the system that the connector uses.";
    }

    /**
     * Reads offsets in the shape {@code GET /connectors/{name}/offsets} answers, as the body of
     * {@code PATCH /connectors/{name}/offsets} (or a file with the same content) gives them:
     * {@code {"offsets":[{"partition":{...},"offset":{...} or null}]}}.
     *
     * @param root the parsed JSON
     * @param source what it is, for messages, e.g. {@code The request body}
     * @return the entries, in order
     * @throws BadRequestException naming {@code source} and the entry or field that is malformed
     */
    public static ConnectorOffsets fromJson(JsonNode root, String source) {
        JsonNode list = root == null ? null : root.get("offsets");
        if (list == null || !list.isArray()) {
            throw new BadRequestException(source + " needs \"offsets\", an array of "
                    + "{\"partition\":{...},\"offset\":{...}} (a null offset removes the partition's offset)");
        }
        List<PartitionOffset> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String at = source + ": offsets[" + i + "]";
            if (!entry.isObject()) {
                throw new BadRequestException(at + " must be a JSON object, but is " + entry.getNodeType());
            }
            entries.add(new PartitionOffset(objectField(entry, at, "partition"), objectField(entry, at, "offset")));
        }
        return new ConnectorOffsets(entries);
    }

    /** @return the field as a map; {@code null} when absent or null */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> objectField(JsonNode entry, String at, String field) {
        JsonNode n = entry.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw new BadRequestException(at + "." + field + " must be a JSON object or null, but is " + n.getNodeType());
        }
        return TREES.convertValue(n, LinkedHashMap.class);
    }
}
