package io.connectsdk.testkit.assertions;

/**
 * Assertions on the records of a topic, waiting up to a bound for them to arrive; see
 * {@link AbstractTopicAssert} for every check and {@link ConnectAssertions} for the entry point.
 *
 * <pre>{@code
 * assertThat(topic(kafka, "orders")).within(Duration.ofSeconds(10))
 *         .hasRecordCount(100)
 *         .containsValues("a", "b")
 *         .hasHeader("source", "crm")
 *         .allValuesSatisfyJson("$.id", id -> id.asLong() > 0);
 * }</pre>
 *
 * <p>Not thread-safe, like every AssertJ assertion.
 */
public class TopicAssert extends AbstractTopicAssert<TopicAssert, Topic> {
    /**
     * @param topic the topic, not {@code null}
     */
    public TopicAssert(Topic topic) {
        super(topic, TopicAssert.class, topic.cluster(), topic.name(), topic.toString());
    }
}
