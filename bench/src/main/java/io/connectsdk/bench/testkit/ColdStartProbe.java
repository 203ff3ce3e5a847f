package io.connectsdk.bench.testkit;

import static io.connectsdk.testkit.assertions.ConnectAssertions.assertThat;
import static io.connectsdk.testkit.assertions.ConnectAssertions.topic;

import io.connectsdk.testkit.cluster.KafkaCluster;
import io.connectsdk.testkit.connect.ConnectCluster;
import io.connectsdk.testkit.junit.ConnectTest;
import io.connectsdk.testkit.junit.TestTopics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The test {@link ConnectTestColdStart} times: the smallest real {@code @ConnectTest} of the file
 * example plugin (its classes named by {@code -Dconnectsdk.plugin.classes}, exploded): one line in
 * a file, FileSourceConnector, the first record asserted on the topic. Not run by the build (it is
 * in main sources); only the benchmark's child JVMs run it.
 */
@ConnectTest
public class ColdStartProbe {
    /** Creates the test; JUnit does. */
    public ColdStartProbe() {
    }

    /**
     * @param connect injected
     * @param kafka injected
     * @param topics injected
     * @throws IOException when the input file cannot be written
     */
    @Test
    public void firstRecordArrives(ConnectCluster connect, KafkaCluster kafka, TestTopics topics) throws IOException {
        Path input = Files.createTempFile("connect-sdk-cold-start-", ".txt");
        try {
            Files.writeString(input, "hello\n", StandardCharsets.UTF_8);
            String topic = topics.create("cold-start", 1);
            connect.startConnector("file-source", Map.of("connector.class", "FileSourceConnector",
                    "file", input.toString(), "topic", topic, "poll.wait.ms", "50"));
            assertThat(topic(kafka, topic)).within(Duration.ofSeconds(60)).hasRecordCount(1).containsValues("hello");
        } finally {
            Files.deleteIfExists(input);
        }
    }
}
