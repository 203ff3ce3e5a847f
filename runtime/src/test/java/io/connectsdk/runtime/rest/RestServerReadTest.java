package io.connectsdk.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.runtime.rest.RestClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read endpoints, on a read-only (standalone) server: status codes and JSON shapes. */
class RestServerReadTest {
    static final FakeHerder HERDER = new FakeHerder();
    static final List<PluginInfo> PLUGINS = List.of(
            new PluginInfo("com.acme.OrdersSource", PluginInfo.Type.SOURCE, "1.2.0"),
            new PluginInfo("com.acme.ArchiveSink", PluginInfo.Type.SINK, "2.0"),
            new PluginInfo("com.acme.ArchiveSink", PluginInfo.Type.SINK, "2.0"),
            new PluginInfo("com.acme.NoVersionSink", PluginInfo.Type.SINK, PluginInfo.UNDEFINED_VERSION),
            new PluginInfo("io.connectsdk.StringConverter", PluginInfo.Type.CONVERTER, "0.1.0"),
            new PluginInfo("io.connectsdk.SimpleHeaderConverter", PluginInfo.Type.HEADER_CONVERTER, "0.1.0"),
            new PluginInfo("io.connectsdk.InsertField$Value", PluginInfo.Type.TRANSFORMATION, "0.1.0"),
            new PluginInfo("io.connectsdk.HasHeaderKey", PluginInfo.Type.PREDICATE, "0.1.0"));
    static RestServer server;
    static RestClient client;

    @BeforeAll
    static void start() {
        server = new RestServer(Map.of("listeners", "http://127.0.0.1:0"), HERDER, () -> PLUGINS, true);
        server.start();
        client = new RestClient(server.uris().get(0));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        HERDER.reset();
    }

    @Test
    void rootGivesVersionCommitAndClusterId() {
        Reply r = client.get("/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(fieldNames(r.json())).containsExactly("version", "commit", "kafka_cluster_id");
        assertThat(r.json().get("version").isTextual()).isTrue();
        assertThat(r.json().get("version").textValue()).isNotBlank();
        assertThat(r.json().get("commit").isTextual()).isTrue();
        assertThat(r.json().get("kafka_cluster_id").textValue()).isEqualTo("kafka-cluster-1");
    }

    @Test
    void healthSaysHealthyWithKafkaConnectsShape() {
        Reply r = client.get("/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(fieldNames(r.json())).containsExactly("status", "message");
        assertThat(r.json().get("status").textValue()).isEqualTo("healthy");
        assertThat(r.json().get("message").textValue())
                .isEqualTo("Worker has completed startup and is ready to handle requests.");
    }

    @Test
    void activeTopicsAreKeyedByConnectorAsInKafkaConnect() {
        Reply r = client.get("/connectors/orders/topics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(fieldNames(r.json())).containsExactly("orders");
        assertThat(fieldNames(r.json().get("orders"))).containsExactly("topics");
        List<String> topics = new ArrayList<>();
        r.json().get("orders").get("topics").forEach(t -> topics.add(t.textValue()));
        assertThat(topics).containsExactly("orders-topic", "shared");
        assertThat(client.get("/connectors/nope/topics").error(404)).contains("nope");
        assertThat(client.send("PUT", "/connectors/orders/topics/reset", null).error(405)).isNotBlank();
    }

    @Test
    void withTopicTrackingDisabledActiveTopicsAnswer403() {
        RestServer off = new RestServer(Map.of("listeners", "http://127.0.0.1:0", "topic.tracking.enable", "false"),
                HERDER, () -> PLUGINS, true);
        off.start();
        try {
            RestClient offClient = new RestClient(off.uris().get(0));
            assertThat(offClient.get("/connectors/orders/topics").error(403)).isEqualTo("Topic tracking is disabled.");
        } finally {
            off.stop();
        }
    }

    @Test
    void listsConnectorNames() {
        Reply r = client.get("/connectors");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().isArray()).isTrue();
        assertThat(texts(r.json())).containsExactly("archive", "orders");
        assertThat(client.get("/connectors/").json()).isEqualTo(r.json());
    }

    @Test
    void expandStatusGivesEachConnectorsStatus() {
        Reply r = client.get("/connectors?expand=status");
        assertThat(r.status()).isEqualTo(200);
        assertThat(fieldNames(r.json())).containsExactly("archive", "orders");
        assertThat(fieldNames(r.json().get("orders"))).containsExactly("status");
        assertStatusShape(r.json().get("orders").get("status"), "orders", "source");
        assertStatusShape(r.json().get("archive").get("status"), "archive", "sink");
    }

    @Test
    void expandInfoGivesEachConnectorsDefinition() {
        Reply r = client.get("/connectors?expand=info");
        assertThat(r.status()).isEqualTo(200);
        assertThat(fieldNames(r.json().get("archive"))).containsExactly("info");
        assertInfoShape(r.json().get("archive").get("info"), "archive", "sink");
    }

    @Test
    void bothExpansionsGiveBothKeys() {
        Reply r = client.get("/connectors?expand=status&expand=info");
        assertThat(r.status()).isEqualTo(200);
        assertThat(fieldNames(r.json().get("orders"))).containsExactlyInAnyOrder("status", "info");
        assertStatusShape(r.json().get("orders").get("status"), "orders", "source");
        assertInfoShape(r.json().get("orders").get("info"), "orders", "source");
    }

    @Test
    void unknownExpansionIsRefusedNamingIt() {
        assertThat(client.get("/connectors?expand=bogus").error(400)).contains("expand=bogus");
    }

    @Test
    void connectorInfo() {
        Reply r = client.get("/connectors/orders");
        assertThat(r.status()).isEqualTo(200);
        assertInfoShape(r.json(), "orders", "source");
    }

    @Test
    void connectorConfigIsAStringMap() {
        Reply r = client.get("/connectors/orders/config");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().isObject()).isTrue();
        assertThat(r.json().get("connector.class").textValue()).isEqualTo("com.acme.OrdersSource");
        assertThat(r.json().get("tasks.max").isTextual()).isTrue();
        r.json().properties().forEach(e -> assertThat(e.getValue().isTextual()).as(e.getKey()).isTrue());
    }

    @Test
    void connectorStatus() {
        Reply r = client.get("/connectors/orders/status");
        assertThat(r.status()).isEqualTo(200);
        assertStatusShape(r.json(), "orders", "source");
        JsonNode failed = r.json().get("tasks").get(1);
        assertThat(failed.get("state").textValue()).isEqualTo("FAILED");
        assertThat(failed.get("trace").textValue()).isEqualTo(FakeHerder.TRACE);
        assertThat(r.json().get("tasks").get(0).has("trace")).isFalse();
        assertThat(r.json().get("connector").has("trace")).isFalse();
    }

    @Test
    void tasksListTheirIdAsAnObjectAndTheirConfig() {
        Reply r = client.get("/connectors/orders/tasks");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().isArray()).isTrue();
        assertThat(r.json()).hasSize(2);
        JsonNode task = r.json().get(1);
        assertThat(fieldNames(task)).containsExactly("id", "config");
        assertThat(task.get("id").isObject()).isTrue();
        assertThat(fieldNames(task.get("id"))).containsExactly("connector", "task");
        assertThat(task.get("id").get("connector").textValue()).isEqualTo("orders");
        assertThat(task.get("id").get("task").isInt()).isTrue();
        assertThat(task.get("id").get("task").intValue()).isEqualTo(1);
        assertThat(task.get("config").get("partition").textValue()).isEqualTo("1");
    }

    @Test
    void taskStatus() {
        Reply ok = client.get("/connectors/orders/tasks/0/status");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(fieldNames(ok.json())).containsExactly("id", "state", "worker_id");
        assertThat(ok.json().get("id").isInt()).isTrue();
        assertThat(ok.json().get("id").intValue()).isZero();
        assertThat(ok.json().get("state").textValue()).isEqualTo("RUNNING");
        assertThat(ok.json().get("worker_id").textValue()).isEqualTo(FakeHerder.WORKER);

        Reply failed = client.get("/connectors/orders/tasks/1/status");
        assertThat(fieldNames(failed.json())).containsExactly("id", "state", "worker_id", "trace");
        assertThat(failed.json().get("trace").isTextual()).isTrue();
        assertThat(HERDER.calls()).contains("taskStatus orders-1");
    }

    @Test
    void unknownConnectorOrTaskIs404WithTheHerdersMessage() {
        assertThat(client.get("/connectors/nope").error(404)).isEqualTo("Connector nope not found");
        assertThat(client.get("/connectors/nope/config").error(404)).isEqualTo("Connector nope not found");
        assertThat(client.get("/connectors/nope/status").error(404)).isEqualTo("Connector nope not found");
        assertThat(client.get("/connectors/nope/tasks").error(404)).isEqualTo("Connector nope not found");
        assertThat(client.get("/connectors/orders/tasks/7/status").error(404)).contains("orders-7");
    }

    @Test
    void taskIdMustBeANumber() {
        assertThat(client.get("/connectors/orders/tasks/x1/status").error(400)).contains("'x1'", "orders");
        assertThat(HERDER.calls()).isEmpty();
    }

    @Test
    void connectorNamesArePercentDecoded() {
        HERDER.add("my conn/ä+1", "com.acme.OddSource");
        Reply r = client.get("/connectors/my%20conn%2F%C3%A4+1/status");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("name").textValue()).isEqualTo("my conn/ä+1");
    }

    @Test
    void connectorPluginsListsConnectorsOnlyByDefault() {
        Reply r = client.get("/connector-plugins");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().isArray()).isTrue();
        assertThat(r.json()).hasSize(3);
        JsonNode first = r.json().get(0);
        assertThat(fieldNames(first)).containsExactly("class", "type", "version");
        assertThat(first.get("class").textValue()).isEqualTo("com.acme.OrdersSource");
        assertThat(first.get("type").textValue()).isEqualTo("source");
        assertThat(first.get("version").textValue()).isEqualTo("1.2.0");
        assertThat(r.json().get(1).get("type").textValue()).isEqualTo("sink");
        assertThat(fieldNames(r.json().get(2))).as("an undefined version is left out").containsExactly("class", "type");
    }

    @Test
    void connectorPluginsCanListEveryKind() {
        Reply r = client.get("/connector-plugins?connectorsOnly=false");
        assertThat(r.status()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        r.json().forEach(p -> types.add(p.get("type").textValue()));
        assertThat(types).containsExactly("source", "sink", "sink", "converter", "header_converter",
                "transformation", "predicate");
        assertThat(client.get("/connector-plugins?connectorsOnly=maybe").error(400)).contains("connectorsOnly", "maybe");
    }

    @Test
    void unknownPathIs404() {
        assertThat(client.get("/nowhere").error(404)).contains("GET /nowhere");
        assertThat(client.get("/connectors/orders/bogus").error(404)).contains("/connectors/orders/bogus");
    }

    @Test
    void wrongMethodOnAKnownPathIs405() {
        Reply r = client.send("DELETE", "/connectors/orders/status", null);
        assertThat(r.error(405)).contains("DELETE", "/connectors/orders/status");
        assertThat(r.headers().firstValue("Allow")).hasValue("GET");
        assertThat(HERDER.calls()).isEmpty();
    }

    @Test
    void unexpectedFailureIs500WithTheMessageButNoTrace() {
        HERDER.failNext(new IllegalStateException("disk on fire"));
        Reply r = client.get("/connectors");
        assertThat(r.error(500)).isEqualTo("disk on fire");
        assertThat(r.text()).doesNotContain("at io.connectsdk");
    }

    static void assertStatusShape(JsonNode status, String name, String type) {
        assertThat(fieldNames(status)).containsExactly("name", "connector", "tasks", "type");
        assertThat(status.get("name").textValue()).isEqualTo(name);
        assertThat(status.get("type").isTextual()).isTrue();
        assertThat(status.get("type").textValue()).isEqualTo(type);
        JsonNode connector = status.get("connector");
        assertThat(connector.get("state").isTextual()).isTrue();
        assertThat(connector.get("state").textValue()).isEqualTo("RUNNING");
        assertThat(connector.get("worker_id").isTextual()).isTrue();
        assertThat(connector.get("worker_id").textValue()).isEqualTo(FakeHerder.WORKER);
        assertThat(status.get("tasks").isArray()).isTrue();
        assertThat(status.get("tasks")).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode task = status.get("tasks").get(i);
            assertThat(task.get("id").isInt()).as("task id is a number").isTrue();
            assertThat(task.get("id").intValue()).isEqualTo(i);
            assertThat(task.get("state").isTextual()).isTrue();
            assertThat(task.get("worker_id").isTextual()).isTrue();
            boolean failed = task.get("state").textValue().equals("FAILED");
            assertThat(task.has("trace")).as("trace only when failed").isEqualTo(failed);
        }
    }

    static void assertInfoShape(JsonNode info, String name, String type) {
        assertThat(fieldNames(info)).containsExactly("name", "config", "tasks", "type");
        assertThat(info.get("name").textValue()).isEqualTo(name);
        assertThat(info.get("config").isObject()).isTrue();
        assertThat(info.get("config").get("name").textValue()).isEqualTo(name);
        assertThat(info.get("type").textValue()).isEqualTo(type);
        assertThat(info.get("tasks").isArray()).isTrue();
        JsonNode task = info.get("tasks").get(1);
        assertThat(fieldNames(task)).containsExactly("connector", "task");
        assertThat(task.get("connector").textValue()).isEqualTo(name);
        assertThat(task.get("task").isInt()).isTrue();
        assertThat(task.get("task").intValue()).isEqualTo(1);
    }

    static List<String> fieldNames(JsonNode node) {
        assertThat(node.isObject()).as("%s is an object", node).isTrue();
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> {
            assertThat(n.isTextual()).isTrue();
            values.add(n.textValue());
        });
        return values;
    }
}
