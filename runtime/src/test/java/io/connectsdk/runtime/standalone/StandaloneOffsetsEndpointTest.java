package io.connectsdk.runtime.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.runtime.herder.BadRequestException;
import io.connectsdk.runtime.herder.ConnectorOffsets;
import io.connectsdk.runtime.herder.ConnectorStateInfo;
import io.connectsdk.runtime.herder.Herder;
import io.connectsdk.runtime.herder.State;
import io.connectsdk.runtime.rest.RestServer;
import io.connectsdk.testkit.kafka.EmbeddedKafkaBroker;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /connectors/{name}/offsets} of a standalone worker on an embedded broker: a source's
 * offsets from the offsets file, a sink's from its consumer group.
 */
class StandaloneOffsetsEndpointTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedKafkaBroker kafka;
    private static Admin admin;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaBroker.builder().build().start();
        admin = Admin.create(kafka.adminConfig());
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) {
            admin.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private Map<String, String> workerProps() {
        Map<String, String> p = new HashMap<>();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("key.converter", "StringConverter");
        p.put("value.converter", "StringConverter");
        p.put("offset.storage.file.filename", dir.resolve("offsets.json").toString());
        p.put("offset.flush.interval.ms", "200");
        p.put("task.shutdown.graceful.timeout.ms", "3000");
        p.put("listeners", "http://127.0.0.1:0");
        return p;
    }

    private static Map<String, String> connector(String name, Class<?> type, String... keyValues) {
        Map<String, String> p = new HashMap<>();
        p.put("name", name);
        p.put("connector.class", type.getName());
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    private JsonNode get(URI base, String path, int expectedStatus) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(40))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("status of GET %s: %s", path, r.body()).isEqualTo(expectedStatus);
        return JSON.readTree(r.body());
    }

    /** @return "topic-partition" -> kafka_offset of a sink's answer, checking each entry's shape */
    private static Map<String, Long> sinkOffsets(JsonNode answer) {
        assertThat(answer.size()).as("fields of %s", answer).isEqualTo(1);
        Map<String, Long> result = new TreeMap<>();
        for (JsonNode e : answer.get("offsets")) {
            assertThat(e.size()).isEqualTo(2);
            JsonNode partition = e.get("partition");
            assertThat(partition.size()).isEqualTo(2);
            assertThat(partition.get("kafka_topic").isTextual()).isTrue();
            assertThat(partition.get("kafka_partition").isInt()).isTrue();
            assertThat(e.get("offset").size()).isEqualTo(1);
            assertThat(e.get("offset").get("kafka_offset").isIntegralNumber()).isTrue();
            result.put(partition.get("kafka_topic").textValue() + "-" + partition.get("kafka_partition").intValue(),
                    e.get("offset").get("kafka_offset").longValue());
        }
        return result;
    }

    /** @return "topic-partition" -> end offset of every partition of a topic */
    private static Map<String, Long> endOffsets(String topic, int partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<String, Long> result = new TreeMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> result.put(tp.topic() + "-" + tp.partition(),
                info.offset()));
        return result;
    }

    @Test
    void answersTheSourcesStoredOffsetsAndTheSinksCommittedGroupOffsets() throws Exception {
        String topic = "offsets-flow";
        kafka.createTopic(topic, 2);
        Map<String, String> worker = workerProps();
        try (Standalone.Handle handle = Standalone.start(worker, List.of(
                connector("off-src", TestPlugins.SeqSource.class, "topic", topic, "tasks.max", "1",
                        "max.records", "120", "batch", "40"),
                connector("off-sink", TestPlugins.CollectingSink.class, "topics", topic, "tasks.max", "1"),
                connector("off-sink-grp", TestPlugins.CollectingSink.class, "topics", topic, "tasks.max", "1",
                        "consumer.override.group.id", "custom-offsets-group")));
             RestServer rest = new RestServer(worker, handle.herder(), List::of, true)) {
            rest.start();
            URI base = rest.uris().get(0);
            await().atMost(WAIT).until(() -> TestPlugins.received("off-sink").size() >= 120
                    && TestPlugins.received("off-sink-grp").size() >= 120);
            Map<String, Long> end = endOffsets(topic, 2);
            assertThat(end.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(120);
            // a group commits only the partitions it consumed from (all records have the same key)
            end.values().removeIf(offset -> offset == 0);

            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode source = get(base, "/connectors/off-src/offsets", 200);
                assertThat(source.size()).isEqualTo(1);
                assertThat(source.get("offsets")).hasSize(1);
                JsonNode entry = source.get("offsets").get(0);
                assertThat(entry.get("partition")).isEqualTo(JSON.readTree("{\"task\":0}"));
                assertThat(entry.get("offset")).isEqualTo(JSON.readTree("{\"seq\":120}"));
            });
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(sinkOffsets(get(base, "/connectors/off-sink/offsets", 200))).isEqualTo(end));
            // the group named by consumer.override.group.id, not connect-off-sink-grp
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(sinkOffsets(get(base, "/connectors/off-sink-grp/offsets", 200))).isEqualTo(end));
            assertThat(admin.listConsumerGroupOffsets("custom-offsets-group").partitionsToOffsetAndMetadata().get())
                    .hasSize(end.size());
            assertThat(admin.listConsumerGroupOffsets("connect-off-sink-grp").partitionsToOffsetAndMetadata().get())
                    .isEmpty();

            JsonNode missing = get(base, "/connectors/nope/offsets", 404);
            assertThat(missing.get("error_code").intValue()).isEqualTo(404);
            assertThat(missing.get("message").textValue()).isEqualTo("Connector nope not found");
        }
    }

    private static ConnectorOffsets offsets(Map<String, ?> partition, Map<String, ?> offset) {
        return new ConnectorOffsets(java.util.Collections.singletonList(
                new ConnectorOffsets.PartitionOffset(partition, offset)));
    }

    /** @return task -> committed seq of a SeqSource connector */
    private static Map<Integer, Long> seqOffsets(Herder herder, String connector) {
        Map<Integer, Long> result = new TreeMap<>();
        for (ConnectorOffsets.PartitionOffset po : herder.connectorOffsets(connector).offsets()) {
            result.put(((Number) po.partition().get("task")).intValue(), ((Number) po.offset().get("seq")).longValue());
        }
        return result;
    }

    private static long total(Map<String, Long> endOffsets) {
        return endOffsets.values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void aStoppedSourceConnectorsOffsetsAreAlteredAndResetAndItResumesFromThem() throws Exception {
        String topic = "offsets-alter-src";
        kafka.createTopic(topic, 1);
        try (Standalone.Handle handle = Standalone.start(workerProps(), List.of(
                connector("alter-src", TestPlugins.SeqSource.class, "topic", topic, "tasks.max", "1",
                        "max.records", "20", "batch", "10")))) {
            Herder herder = handle.herder();
            await().atMost(WAIT).untilAsserted(() -> assertThat(seqOffsets(herder, "alter-src")).isEqualTo(Map.of(0, 20L)));
            assertThatThrownBy(() -> herder.alterConnectorOffsets("alter-src", offsets(Map.of("task", 0), Map.of("seq", 15))))
                    .isInstanceOf(BadRequestException.class).hasMessageContaining("STOPPED")
                    .hasMessageContaining("'/connectors/alter-src/stop'");

            herder.stopConnector("alter-src");
            ConnectorStateInfo stopped = herder.connectorStatus("alter-src");
            assertThat(stopped.connector().state()).isEqualTo(State.STOPPED);
            assertThat(stopped.tasks()).isEmpty();
            assertThat(herder.taskConfigs("alter-src")).isEmpty();
            assertThat(java.lang.management.ManagementFactory.getPlatformMBeanServer().getAttribute(
                    new javax.management.ObjectName("kafka.connect:type=connector-metrics,connector=alter-src"), "status"))
                    .as("its connector-metrics MBean stays").isEqualTo("stopped");

            String message = herder.alterConnectorOffsets("alter-src", offsets(Map.of("task", 0), Map.of("seq", 15)));
            assertThat(message).startsWith("The Connect framework-managed offsets for this connector have been altered");
            assertThat(TestPlugins.ALTERED_OFFSETS.get("alter-src")).isEqualTo(Map.of(Map.of("task", 0), Map.of("seq", 15)));
            assertThat(seqOffsets(herder, "alter-src")).isEqualTo(Map.of(0, 15L));
            herder.resumeConnector("alter-src");
            await().atMost(WAIT).until(() -> total(endOffsets(topic, 1)) == 25); // 15..19 again

            herder.stopConnector("alter-src");
            assertThat(herder.resetConnectorOffsets("alter-src")).contains("have been reset successfully");
            assertThat(herder.connectorOffsets("alter-src").offsets()).isEmpty();
            Map<Map<String, ?>, Map<String, ?>> removal = new HashMap<>();
            removal.put(Map.of("task", 0L), null); // as the offsets file stores it
            assertThat(TestPlugins.ALTERED_OFFSETS.get("alter-src")).as("the connector was told").isEqualTo(removal);
            herder.resumeConnector("alter-src");
            await().atMost(WAIT).until(() -> total(endOffsets(topic, 1)) == 45); // 0..19 from the start
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(herder.connectorStatus("alter-src").tasks()).singleElement()
                            .extracting(ConnectorStateInfo.TaskState::state).isEqualTo(State.RUNNING));
        }
    }

    @Test
    void aConnectorThatRefusesNewOffsetsKeepsItsOwn() throws Exception {
        String topic = "offsets-refuse";
        kafka.createTopic(topic, 1);
        try (Standalone.Handle handle = Standalone.start(workerProps(), List.of(
                connector("refusing-src", TestPlugins.SeqSource.class, "topic", topic, "tasks.max", "1",
                        "max.records", "5", "offsets.alter", "refuse")))) {
            Herder herder = handle.herder();
            await().atMost(WAIT).until(() -> !herder.connectorOffsets("refusing-src").offsets().isEmpty());
            herder.stopConnector("refusing-src");
            assertThatThrownBy(() -> herder.alterConnectorOffsets("refusing-src", offsets(Map.of("task", 0), Map.of("seq", 1))))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("Connector refusing-src (" + TestPlugins.SeqSource.class.getName() + ")")
                    .hasMessageContaining("sequence offsets cannot go backwards");
            assertThat(seqOffsets(herder, "refusing-src")).isEqualTo(Map.of(0, 5L));
            assertThatThrownBy(() -> herder.alterConnectorOffsets("refusing-src", offsets(Map.of(), Map.of("seq", 1))))
                    .isInstanceOf(BadRequestException.class).hasMessageContaining("offsets[0].partition");
        }
    }

    @Test
    void aStoppedSinkConnectorsGroupOffsetsAreAlteredAndReset() throws Exception {
        String topic = "offsets-alter-sink";
        kafka.createTopic(topic, 1);
        try (Standalone.Handle handle = Standalone.start(workerProps(), List.of(
                connector("feed-src", TestPlugins.SeqSource.class, "topic", topic, "tasks.max", "1",
                        "max.records", "30", "batch", "10"),
                connector("alter-sink", TestPlugins.CollectingSink.class, "topics", topic, "tasks.max", "1",
                        "offsets.alter", "handled")))) {
            Herder herder = handle.herder();
            Map<String, Long> end = Map.of(topic + "-0", 30L);
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(sinkOffsets(JSON.valueToTree(herder.connectorOffsets("alter-sink")))).isEqualTo(end));
            herder.stopConnector("alter-sink");
            assertThat(herder.connectorStatus("alter-sink").connector().state()).isEqualTo(State.STOPPED);

            Map<String, Object> partition = Map.of("kafka_topic", topic, "kafka_partition", 0);
            assertThatThrownBy(() -> herder.alterConnectorOffsets("alter-sink",
                    offsets(Map.of("kafka_topic", topic, "kafka_partition", "zero"), Map.of("kafka_offset", 10))))
                    .isInstanceOf(BadRequestException.class).hasMessageContaining("offsets[0].partition.kafka_partition");
            assertThat(herder.alterConnectorOffsets("alter-sink", offsets(partition, Map.of("kafka_offset", 10))))
                    .isEqualTo("The offsets for this connector have been altered successfully");
            assertThat(TestPlugins.ALTERED_OFFSETS.get("alter-sink"))
                    .isEqualTo(Map.of(new io.connectsdk.api.sink.TopicPartition(topic, 0), 10L));
            assertThat(sinkOffsets(JSON.valueToTree(herder.connectorOffsets("alter-sink"))))
                    .isEqualTo(Map.of(topic + "-0", 10L));
            int before = TestPlugins.received("alter-sink").size();
            herder.resumeConnector("alter-sink");
            await().atMost(WAIT).until(() -> TestPlugins.received("alter-sink").size() == before + 20); // 10..29 again

            herder.stopConnector("alter-sink");
            herder.resetConnectorOffsets("alter-sink");
            assertThat(herder.connectorOffsets("alter-sink").offsets()).isEmpty();
            assertThat(admin.listConsumerGroups().all().get()).extracting(g -> g.groupId())
                    .doesNotContain("connect-alter-sink");
            herder.resumeConnector("alter-sink");
            await().atMost(WAIT).until(() -> TestPlugins.received("alter-sink").size() == before + 50); // all 30 again
        }
    }

    @Test
    void aSourceWithoutCommittedOffsetsHasNone() throws Exception {
        String topic = "offsets-none";
        kafka.createTopic(topic, 1);
        try (Standalone.Handle handle = Standalone.start(workerProps(), List.of(
                connector("idle-src", TestPlugins.SeqSource.class, "topic", topic, "tasks.max", "1",
                        "max.records", "0")))) {
            assertThat(handle.herder().connectorOffsets("idle-src").offsets()).isEmpty();
        }
    }

    @Test
    void anUnreachableClusterFailsNamingTheGroupWithinTheAdminTimeout() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Map<String, String> worker = workerProps();
        worker.put("bootstrap.servers", "127.0.0.1:" + closedPort);
        worker.put("admin.default.api.timeout.ms", "1000");
        worker.put("admin.request.timeout.ms", "500");
        StandaloneConfig config = new StandaloneConfig(worker);
        Map<String, String> sink = connector("lost-sink", TestPlugins.CollectingSink.class, "topics", "t");
        long start = System.nanoTime();
        ConnectException e = org.junit.jupiter.api.Assertions.assertThrows(ConnectException.class,
                () -> SinkGroupOffsets.read(config, sink, "lost-sink"));
        assertThat(e.getMessage()).contains("consumer group connect-lost-sink", "lost-sink");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void theSinkOffsetsShapeIsKafkaConnects() throws Exception {
        ConnectorOffsets o = new ConnectorOffsets(List.of(ConnectorOffsets.sinkOffset("t", 3, 42)));
        assertThat(JSON.writeValueAsString(o)).isEqualTo(
                "{\"offsets\":[{\"partition\":{\"kafka_topic\":\"t\",\"kafka_partition\":3},\"offset\":{\"kafka_offset\":42}}]}");
    }
}
