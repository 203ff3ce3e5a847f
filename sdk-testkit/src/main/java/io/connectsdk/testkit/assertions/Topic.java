package io.connectsdk.testkit.assertions;

import io.connectsdk.testkit.cluster.KafkaCluster;
import java.util.Objects;
import org.assertj.core.api.AssertProvider;

/**
 * A topic of a cluster, as the subject of {@link TopicAssert}; made by
 * {@link ConnectAssertions#topic(KafkaCluster, String)}. An {@link AssertProvider}, so AssertJ's own
 * {@code Assertions.assertThat(topic)} works too.
 *
 * @param cluster the cluster, not {@code null}
 * @param name the topic name, not {@code null}
 */
public record Topic(KafkaCluster cluster, String name) implements AssertProvider<TopicAssert> {
    /** @throws NullPointerException when an argument is {@code null} */
    public Topic {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(name, "name");
    }

    /** @return a new assertion on this topic */
    @Override
    public TopicAssert assertThat() {
        return new TopicAssert(this);
    }

    @Override
    public String toString() {
        return "topic '" + name + "'";
    }
}
