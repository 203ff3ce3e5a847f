package io.connectsdk.testkit.assertions;

import io.connectsdk.testkit.cluster.KafkaCluster;
import java.util.Objects;
import org.assertj.core.api.AssertProvider;

/**
 * A dead letter queue topic (named by a connector's {@code errors.deadletterqueue.topic.name}), as
 * the subject of {@link DeadLetterQueueAssert}; made by
 * {@link ConnectAssertions#deadLetterQueue(KafkaCluster, String)}.
 *
 * @param cluster the cluster, not {@code null}
 * @param name the topic name, not {@code null}
 */
public record DeadLetterQueue(KafkaCluster cluster, String name) implements AssertProvider<DeadLetterQueueAssert> {
    /** @throws NullPointerException when an argument is {@code null} */
    public DeadLetterQueue {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(name, "name");
    }

    /** @return a new assertion on this dead letter queue */
    @Override
    public DeadLetterQueueAssert assertThat() {
        return new DeadLetterQueueAssert(this);
    }

    /** @return the same topic, for the general topic assertions */
    public Topic asTopic() {
        return new Topic(cluster, name);
    }

    @Override
    public String toString() {
        return "dead letter queue '" + name + "'";
    }
}
