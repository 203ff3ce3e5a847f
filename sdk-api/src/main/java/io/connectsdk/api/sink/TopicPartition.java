package io.connectsdk.api.sink;

import java.util.Objects;

/**
 * A partition of a Kafka topic, as assigned to a {@link SinkTask}.
 *
 * @param topic the topic name, never {@code null}
 * @param partition the partition number, 0 or more
 */
public record TopicPartition(String topic, int partition) {
    /** @throws NullPointerException when {@code topic} is null */
    public TopicPartition {
        Objects.requireNonNull(topic, "topic");
    }

    /** @return {@code topic-partition}, as Kafka prints it */
    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
