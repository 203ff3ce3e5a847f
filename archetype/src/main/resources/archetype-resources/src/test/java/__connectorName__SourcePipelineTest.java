package ${package};

import static io.connectsdk.testkit.assertions.ConnectAssertions.assertThat;
import static io.connectsdk.testkit.assertions.ConnectAssertions.topic;

import io.connectsdk.runtime.plugin.PluginClassLoader;
import io.connectsdk.testkit.cluster.KafkaCluster;
import io.connectsdk.testkit.connect.ConnectCluster;
import io.connectsdk.testkit.junit.ConnectTest;
import io.connectsdk.testkit.junit.TestTopics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The connector on a real Kafka broker and a real worker, both started in this JVM by
 * {@code @ConnectTest} (no Docker): the worker loads this module's classes through the runtime's
 * isolating class loader, as a deployed worker loads the packaged plugin.
 */
@ConnectTest
class ${connectorName}SourcePipelineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void writesEveryRecordToTheTopic(ConnectCluster connect, KafkaCluster kafka, TestTopics topics) {
        String topic = topics.create("counts", 1);

        connect.startConnector("counter", Map.of(
                "connector.class", "${connectorName}SourceConnector",
                "topic", topic,
                "message", "hello",
                "interval.ms", "0",
                "max.records", "5"));

        assertThat(connect.connector("counter")).within(WAIT).isRunning().hasTaskCount(1).allTasksRunning();
        assertThat(topic(kafka, topic)).within(WAIT)
                .hasRecordCount(5)
                .values().containsExactly("hello 0", "hello 1", "hello 2", "hello 3", "hello 4");
        assertThat(connect.connectorClassLoader("counter")).isInstanceOf(PluginClassLoader.class)
                .isNotSameAs(${connectorName}SourceConnector.class.getClassLoader());
    }

    @Test
    void aRestartedWorkerContinuesWhereItStopped(ConnectCluster connect, KafkaCluster kafka, TestTopics topics) {
        String topic = topics.create("resumed", 1);
        Map<String, String> config = new HashMap<>(Map.of(
                "connector.class", "${connectorName}SourceConnector",
                "topic", topic,
                "interval.ms", "0",
                "max.records", "30"));
        connect.startConnector("resumed", config);
        assertThat(topic(kafka, topic)).within(WAIT).hasRecordCount(30);

        connect.restart(); // a new worker on the same offsets file (the old one stored them as it stopped)
        config.put("max.records", "50");
        connect.configureConnector("resumed", config);

        // the task read its stored offset: records 30 to 49 follow, none of 0 to 29 comes again
        List<String> expected = IntStream.range(0, 50).mapToObj(n -> "hello " + n).collect(Collectors.toList());
        assertThat(topic(kafka, topic)).within(WAIT).hasRecordCount(50).values().containsExactlyElementsOf(expected);
    }
}
