package io.connectsdk.testkit.junit;

import static io.connectsdk.testkit.assertions.ConnectAssertions.assertThat;
import static io.connectsdk.testkit.assertions.ConnectAssertions.assertThatThrownBy;
import static io.connectsdk.testkit.assertions.ConnectAssertions.topic;
import static org.awaitility.Awaitility.await;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.runtime.herder.State;
import io.connectsdk.runtime.plugin.PluginClassLoader;
import io.connectsdk.testkit.cluster.KafkaCluster;
import io.connectsdk.testkit.connect.ConnectCluster;
import io.connectsdk.testkit.connect.PluginUnderTest;
import io.connectsdk.testkit.junit.fixtures.CountingSource;
import io.connectsdk.testkit.junit.fixtures.FailingSource;
import io.connectsdk.testkit.junit.fixtures.LinesSink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @ConnectTest} end to end, on one embedded broker and worker for the whole class (nested
 * classes share them). The plugin under test is the fixture plugin of this module's test classes.
 */
@ConnectTest(pluginOf = CountingSource.class)
class ConnectTestTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ConnectCluster connectFromConstructor;

    ConnectTestTest(ConnectCluster connect) {
        this.connectFromConstructor = connect;
    }

    private static Map<String, String> counting(String topic, int tasks, long max) {
        return Map.of("connector.class", "CountingSource", "topic", topic, "tasks.max", Integer.toString(tasks),
                "max", Long.toString(max));
    }

    @Test
    void injectsOneSharedPairOfClustersOnLoopback(ConnectCluster connect, KafkaCluster kafka) {
        assertThat(connect).isSameAs(connectFromConstructor);
        assertThat(connect.kafka()).isSameAs(kafka);
        assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
        assertThat(connect.restUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(connect.isRunning()).isTrue();
        assertThat(connect.connectors()).as("connectors left by other tests").isEmpty();
    }

    @Test
    void runsTheConnectorAndItsTasksInThePluginClassLoader(ConnectCluster connect, KafkaCluster kafka, TestTopics topics) {
        String topic = topics.create("counts", 2);
        connect.startConnector("counting", counting(topic, 2, 25));

        assertThat(connect.connector("counting")).within(WAIT).isRunning().hasTaskCount(2).allTasksRunning();
        assertThat(topic(kafka, topic)).within(WAIT).hasRecordCount(50).containsValues("0-0", "0-24", "1-0", "1-24");

        ClassLoader app = CountingSource.class.getClassLoader();
        assertThat(app).as("the test's own copy of the plugin").isNotInstanceOf(PluginClassLoader.class);
        assertThat(connect.connectorClassLoader("counting")).isInstanceOf(PluginClassLoader.class).isNotSameAs(app);
        assertThat(connect.taskClassLoader("counting")).isSameAs(connect.connectorClassLoader("counting"));
        assertThat(connect.taskConfigs("counting")).extracting(c -> c.get("task")).containsExactly("0", "1");
    }

    @Test
    void servesTheReadOnlyRestApi(ConnectCluster connect, TestTopics topics) throws Exception {
        connect.startConnector("rest-visible", counting(topics.name("rest"), 1, 1));
        assertThat(connect.connector("rest-visible")).within(WAIT).isRunning().allTasksRunning();
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(connect.restUrl()
                + "/connectors/rest-visible/status")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"name\":\"rest-visible\"", "\"state\":\"RUNNING\"", "\"type\":\"source\"");

        HttpResponse<String> plugins = http.send(HttpRequest.newBuilder(URI.create(connect.restUrl()
                + "/connector-plugins")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plugins.body()).contains(CountingSource.class.getName(), LinesSink.class.getName());

        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(URI.create(connect.restUrl()
                + "/connectors/rest-visible")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).as("standalone REST refuses changes: %s", delete.body()).isEqualTo(405);
        assertThat(connect.connectors()).containsExactly("rest-visible");
    }

    @Test
    void reportsAFailedTaskWithItsTrace(ConnectCluster connect) {
        connect.startConnector("failing-task", Map.of("connector.class", FailingSource.class.getName()));
        assertThat(connect.connector("failing-task")).within(WAIT).isRunning()
                .taskIsFailed(0).withTraceContaining("boom from the fixture task");
    }

    @Test
    void keepsAConnectorThatFailedToStartAsFailed(ConnectCluster connect) {
        connect.startConnector("failing-start", Map.of("connector.class", "FailingSource", "fail.in", "start"));
        assertThat(connect.connector("failing-start")).within(WAIT).isFailed()
                .withTraceContaining("the fixture connector refuses to start");
    }

    @Test
    void failureMessagesShowTheWholeStatusExpectedAndSeen(ConnectCluster connect) {
        connect.startConnector("shown", Map.of("connector.class", "FailingSource"));
        assertThat(connect.connector("shown")).within(WAIT).taskIsFailed(0);

        assertThatThrownBy(() -> assertThat(connect.connector("shown")).within(Duration.ofMillis(300)).allTasksRunning())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting connector 'shown' to have all its tasks RUNNING (at least one)")
                .hasMessageContaining("\"connector\": {\"state\": \"RUNNING\"")
                .hasMessageContaining("{\"id\": 0, \"state\": \"FAILED\"")
                .hasMessageContaining("java.lang.IllegalStateException: boom from the fixture task")
                .hasMessageContaining("io.connectsdk.testkit.junit.fixtures.FailingSource$Failing.poll(FailingSource.java:");
        assertThatThrownBy(() -> assertThat(connect.connector("shown")).taskIsFailed(0).withTraceContaining("other"))
                .hasMessageContaining("task 0 FAILED with a trace containing \"other\"");
        assertThatThrownBy(() -> assertThat(connect.connector("missing")).within(Duration.ofMillis(200)).isRunning())
                .hasMessageContaining("Expecting connector 'missing' to be RUNNING within 200 ms")
                .hasMessageContaining("connector 'missing' does not exist (the cluster's connectors: [shown])");
    }

    @Test
    void validatesConfigurationsNamingEveryBadKey(ConnectCluster connect) {
        Map<String, List<String>> errors = connect.validateConnectorConfig(Map.of("connector.class", "CountingSource",
                "max", "many"));
        assertThat(errors).containsKeys("topic", "max");
        assertThatThrownBy(() -> connect.startConnector("invalid", Map.of("connector.class", "CountingSource")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("topic");
        assertThat(connect.connectors()).isEmpty();
        assertThatThrownBy(() -> connect.startConnector("unknown", Map.of("connector.class", "NoSuchConnector")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NoSuchConnector");
    }

    @Test
    void pausesResumesAndRestarts(ConnectCluster connect, TestTopics topics) {
        connect.startConnector("pausable", counting(topics.name("pausable"), 2, 5));
        assertThat(connect.connector("pausable")).within(WAIT).isRunning().allTasksRunning();

        connect.pauseConnector("pausable");
        assertThat(connect.connector("pausable")).within(WAIT).isPaused().allTasksInState(State.PAUSED);
        connect.resumeConnector("pausable");
        assertThat(connect.connector("pausable")).within(WAIT).isRunning().allTasksRunning();
        connect.restartTask("pausable", 1);
        connect.restartConnector("pausable");
        assertThat(connect.connector("pausable")).within(WAIT).isRunning().hasTaskCount(2).allTasksRunning();

        connect.deleteConnector("pausable");
        assertThat(connect.connector("pausable")).doesNotExist();
    }

    @Test
    void aStoppedConnectorsOffsetsAreRewoundAndItResumesFromThem(ConnectCluster connect, KafkaCluster kafka,
                                                                 TestTopics topics) {
        String topic = topics.create("rewound", 1);
        connect.startConnector("rewinding", counting(topic, 1, 30));
        assertThat(topic(kafka, topic)).within(WAIT).hasRecordCount(30);
        await().atMost(WAIT).until(() ->
                Map.of("next", 30L).equals(connect.sourceOffsets("rewinding").get(Map.of("task", "0"))));

        connect.stopConnector("rewinding");
        assertThat(connect.connector("rewinding")).within(WAIT).isStopped().hasTaskCount(0);
        String answer = connect.alterOffsets("rewinding", new io.connectsdk.runtime.herder.ConnectorOffsets(List.of(
                new io.connectsdk.runtime.herder.ConnectorOffsets.PartitionOffset(Map.of("task", "0"),
                        Map.of("next", 20L)))));
        assertThat(answer).contains("altered successfully");
        assertThat(connect.sourceOffsets("rewinding")).containsEntry(Map.of("task", "0"), Map.of("next", 20L));

        connect.resumeConnector("rewinding");
        assertThat(connect.connector("rewinding")).within(WAIT).isRunning().allTasksRunning();
        List<String> expected = new ArrayList<>(IntStream.range(0, 30).mapToObj(i -> "0-" + i).collect(Collectors.toList()));
        IntStream.range(20, 30).forEach(i -> expected.add("0-" + i));
        assertThat(topic(kafka, topic)).within(WAIT).hasRecordCount(40).values().containsExactlyElementsOf(expected);
    }

    @Test
    void aRestartedWorkerResumesFromTheCommittedOffsets(ConnectCluster connect, KafkaCluster kafka, TestTopics topics) {
        String topic = topics.create("resumed", 1);
        connect.startConnector("resuming", counting(topic, 1, 30));
        assertThat(topic(kafka, topic)).within(WAIT).hasRecordCount(30);
        String restUrl = connect.restUrl();

        connect.restart();

        assertThat(connect.restUrl()).isEqualTo(restUrl);
        assertThat(connect.connectors()).containsExactly("resuming");
        assertThat(connect.sourceOffsets("resuming")).containsEntry(Map.of("task", "0"), Map.of("next", 30L));
        connect.configureConnector("resuming", counting(topic, 1, 45));
        List<String> expected = IntStream.range(0, 45).mapToObj(i -> "0-" + i).collect(Collectors.toList());
        assertThat(topic(kafka, topic)).within(WAIT).hasRecordCount(45)
                .values().containsExactlyElementsOf(expected);
    }

    @Test
    void aStoppedWorkerIsStartedAgainWithoutItsConnectors(ConnectCluster connect, TestTopics topics) {
        connect.startConnector("before-stop", counting(topics.name("stop"), 1, 1));
        connect.stop();
        assertThat(connect.isRunning()).isFalse();
        assertThatThrownBy(connect::connectors).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running");
        connect.start();
        assertThat(connect.connectors()).isEmpty();
    }

    /** Each test starts with no connectors, fresh offsets and consumer groups, and unique topics. */
    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class BetweenTests {
        private static final List<String> firstTestTopics = new ArrayList<>();

        @TempDir
        Path dir;

        @BeforeEach
        void parametersReachLifecycleMethodsToo(ConnectCluster connect, TestTopics topics) {
            assertThat(connect.connectors()).isEmpty();
            assertThat(topics.names()).isEmpty();
        }

        @Test
        @Order(1)
        void firstUsesConnectorNames(ConnectCluster connect, KafkaCluster kafka, TestTopics topics) throws Exception {
            String topic = topics.create("shared-name", 1);
            assertThat(topics.name("shared-name")).isEqualTo(topic).startsWith("shared-name-firstUsesConnectorNames-");
            firstTestTopics.add(topic);
            connect.startConnector("source", counting(topic, 1, 10));
            Path out = dir.resolve("first.txt");
            connect.startConnector("sink", Map.of("connector.class", "LinesSink", "topics", topic, "file", out.toString()));
            assertThat(topic(kafka, topic)).within(WAIT).hasRecordCount(10);
            await().atMost(WAIT).untilAsserted(() -> assertThat(Files.exists(out) ? Files.readAllLines(out) : List.of())
                    .hasSize(10));
        }

        @Test
        @Order(2)
        void secondReusesThemFromScratch(ConnectCluster connect, KafkaCluster kafka, TestTopics topics) throws Exception {
            assertThat(firstTestTopics).as("the first test ran before").hasSize(1);
            String topic = topics.create("shared-name", 1);
            assertThat(topic).isNotEqualTo(firstTestTopics.get(0));
            await("deletion of the first test's topic").atMost(WAIT)
                    .untilAsserted(() -> assertThat(kafka.topicNames()).doesNotContain(firstTestTopics.get(0)));

            connect.startConnector("source", counting(topic, 1, 10));
            assertThat(topic(kafka, topic)).as("offsets of the first test's 'source' were removed").within(WAIT)
                    .hasRecordCount(10);
            Path out = dir.resolve("second.txt");
            connect.startConnector("sink", Map.of("connector.class", "LinesSink", "topics", topic, "file", out.toString()));
            await().atMost(WAIT).untilAsserted(() -> assertThat(Files.exists(out) ? Files.readAllLines(out) : List.of())
                    .as("the 'sink' group starts without the first test's committed offsets")
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10).mapToObj(i -> "0-" + i).toList()));
        }
    }

    /** A packaged plugin (a zip with lib/*.jar), hosted next to the class's cluster on the same broker. */
    @Nested
    class ArchiveMode {
        @Test
        void hostsAPluginZipThroughItsOwnLoader(KafkaCluster kafka, TestTopics topics, @TempDir Path dir) throws Exception {
            Path zip = pluginZip(dir.resolve("fixture-plugin.zip"));
            String topic = topics.create("from-zip", 1);
            try (ConnectCluster fromZip = ConnectCluster.builder().kafka(kafka).plugin(PluginUnderTest.archive(zip))
                    .build().start()) {
                fromZip.startConnector("zipped", counting(topic, 1, 3));
                assertThat(fromZip.connector("zipped")).within(WAIT).isRunning().allTasksRunning();
                assertThat(topic(kafka, topic)).within(WAIT).hasRecordCount(3);
                ClassLoader loader = fromZip.connectorClassLoader("zipped");
                assertThat(loader).isInstanceOf(PluginClassLoader.class);
                assertThat(((PluginClassLoader) loader).location()).isEqualTo(zip.toString());
            }
        }

        /** The fixture classes and their service files, as a plugin archive: top/lib/fixture.jar. */
        private Path pluginZip(Path zip) throws Exception {
            Path classes = Path.of(CountingSource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path jar = zip.resolveSibling("fixture.jar");
            List<Path> files;
            try (var walk = Files.walk(classes)) {
                files = walk.filter(Files::isRegularFile).filter(p -> {
                    String rel = classes.relativize(p).toString().replace('\\', '/');
                    return rel.startsWith("io/connectsdk/testkit/junit/fixtures/") || rel.startsWith("META-INF/services/");
                }).toList();
            }
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
                for (Path f : files) {
                    out.putNextEntry(new ZipEntry(classes.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                out.putNextEntry(new ZipEntry("fixture-plugin/lib/fixture.jar"));
                Files.copy(jar, out);
                out.closeEntry();
            }
            assertThat(Files.size(zip)).isPositive();
            assertThat(new String(Files.readAllBytes(jar), StandardCharsets.ISO_8859_1)).contains("CountingSource");
            return zip;
        }
    }
}
