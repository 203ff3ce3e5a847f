package ${package};

import static io.connectsdk.testkit.assertions.ConnectAssertions.assertThat;
import static io.connectsdk.testkit.assertions.ConnectAssertions.deadLetterQueue;
import static org.awaitility.Awaitility.await;

import io.connectsdk.runtime.plugin.PluginClassLoader;
import io.connectsdk.testkit.cluster.KafkaCluster;
import io.connectsdk.testkit.connect.ConnectCluster;
import io.connectsdk.testkit.junit.ConnectTest;
import io.connectsdk.testkit.junit.TestTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector on a real Kafka broker and a real worker, both started in this JVM by
 * {@code @ConnectTest} (no Docker): the worker loads this module's classes through the runtime's
 * isolating class loader, as a deployed worker loads the packaged plugin.
 */
@ConnectTest
class ${connectorName}SinkPipelineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static List<String> lines(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    @Test
    void appendsEveryRecordOfTheTopic(ConnectCluster connect, KafkaCluster kafka, TestTopics topics) {
        String topic = topics.create("orders", 1);
        Path file = dir.resolve("orders.txt");
        kafka.produce(topic, null, "first");
        kafka.produce(topic, null, "second");

        connect.startConnector("orders-sink", Map.of(
                "connector.class", "${connectorName}SinkConnector",
                "topics", topic,
                "file", file.toString()));
        kafka.produce(topic, null, "third"); // consumed as it arrives

        assertThat(connect.connector("orders-sink")).within(WAIT).isRunning().hasTaskCount(1).allTasksRunning();
        await().atMost(WAIT).untilAsserted(() -> assertThat(lines(file)).containsExactly("first", "second", "third"));
        assertThat(connect.connectorClassLoader("orders-sink")).isInstanceOf(PluginClassLoader.class)
                .isNotSameAs(${connectorName}SinkConnector.class.getClassLoader());
    }

    @Test
    void aMultiLineValueGoesToTheDeadLetterQueueAndTheRestIsWritten(ConnectCluster connect, KafkaCluster kafka,
                                                                    TestTopics topics) {
        String topic = topics.create("notes", 1);
        String dlq = topics.create("notes-dlq", 1);
        Path file = dir.resolve("notes.txt");
        kafka.produce(topic, null, "one");
        kafka.produce(topic, null, "two\nlines");
        kafka.produce(topic, null, "three");

        connect.startConnector("notes-sink", Map.of(
                "connector.class", "${connectorName}SinkConnector",
                "topics", topic,
                "file", file.toString(),
                "errors.tolerance", "all",
                "errors.deadletterqueue.topic.name", dlq,
                "errors.deadletterqueue.topic.replication.factor", "1",
                "errors.deadletterqueue.context.headers.enable", "true"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(lines(file)).containsExactly("one", "three"));
        assertThat(deadLetterQueue(kafka, dlq)).within(WAIT)
                .hasRecordCount(1).allRecordsHaveErrorContext();
    }
}
