package io.connectsdk.examples.file;

import static io.connectsdk.testkit.assertions.ConnectAssertions.assertThat;
import static io.connectsdk.testkit.assertions.ConnectAssertions.topic;
import static org.awaitility.Awaitility.await;

import io.connectsdk.runtime.plugin.PluginClassLoader;
import io.connectsdk.testkit.cluster.KafkaCluster;
import io.connectsdk.testkit.connect.ConnectCluster;
import io.connectsdk.testkit.junit.ConnectTest;
import io.connectsdk.testkit.junit.TestTopics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file connectors on a real broker and worker: file -> FileSourceConnector -> topic ->
 * FileSinkConnector -> file. {@code @ConnectTest} hosts this module's {@code target/classes}
 * (nothing is packaged) through the runtime's isolating plugin class loader.
 */
@ConnectTest
class FilePipelineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static List<String> lines(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + i).collect(Collectors.toList());
    }

    private static void append(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static Map<String, String> source(Path file, String topic) {
        return Map.of("connector.class", "FileSourceConnector", "file", file.toString(), "topic", topic,
                "poll.wait.ms", "50");
    }

    @Test
    void copiesEveryLineFromAFileThroughATopicIntoAnotherFile(ConnectCluster connect, KafkaCluster kafka,
                                                             TestTopics topics) throws IOException {
        Path input = dir.resolve("in.txt");
        Path output = dir.resolve("out/copy.txt");
        List<String> expected = lines("line ", 0, 500);
        append(input, expected);
        String topic = topics.create("lines", 1);

        connect.startConnector("file-source", source(input, topic));
        connect.startConnector("file-sink", Map.of("connector.class", "FileSinkConnector", "topics", topic,
                "file", output.toString()));

        assertThat(connect.connector("file-source")).within(WAIT).isRunning().hasTaskCount(1).allTasksRunning();
        assertThat(connect.connector("file-sink")).within(WAIT).isRunning().hasTaskCount(1).allTasksRunning();
        assertThat(topic(kafka, topic)).within(WAIT).hasRecordCount(500).values().containsExactlyElementsOf(expected);
        await("all lines in " + output).atMost(WAIT).untilAsserted(() ->
                assertThat(Files.exists(output) ? Files.readAllLines(output) : List.of()).containsExactlyElementsOf(expected));
    }

    @Test
    void loadsThePluginThroughTheIsolatingClassLoaderNotTheTestClassPath(ConnectCluster connect, TestTopics topics) {
        connect.startConnector("isolated", source(dir.resolve("none-yet.txt"), topics.name("isolated")));
        assertThat(connect.connector("isolated")).within(WAIT).isRunning().allTasksRunning();

        // The test itself sees the plugin's classes through the application class loader (target/classes) ...
        ClassLoader app = FileSourceConnector.class.getClassLoader();
        assertThat(app).isSameAs(ClassLoader.getSystemClassLoader());
        // ... but the connector and task instances the worker runs come from the plugin's own child-first loader.
        ClassLoader running = connect.connectorClassLoader("isolated");
        assertThat(running).isInstanceOf(PluginClassLoader.class).isNotSameAs(app);
        assertThat(((PluginClassLoader) running).location()).endsWith("plugin-under-test");
        assertThat(connect.taskClassLoader("isolated")).isSameAs(running);
        assertThat(connect.plugins().resolve(io.connectsdk.runtime.plugin.PluginType.SOURCE, "FileSourceConnector", null)
                .loader()).isSameAs(running);
    }

    @Test
    void aRestartedWorkerResumesAfterTheLastCommittedLine(ConnectCluster connect, KafkaCluster kafka,
                                                         TestTopics topics) throws IOException {
        Path input = dir.resolve("growing.txt");
        append(input, lines("a", 0, 20));
        String topic = topics.create("growing", 1);
        connect.startConnector("tail", source(input, topic));
        assertThat(topic(kafka, topic)).within(WAIT).hasRecordCount(20);

        connect.restart(); // a graceful stop commits the position after the 20th line
        append(input, lines("a", 20, 30));

        assertThat(connect.connector("tail")).within(WAIT).isRunning().allTasksRunning();
        assertThat(topic(kafka, topic)).within(WAIT).hasRecordCount(30).values()
                .as("no line lost or read twice across the restart").containsExactlyElementsOf(lines("a", 0, 30));
    }
}
