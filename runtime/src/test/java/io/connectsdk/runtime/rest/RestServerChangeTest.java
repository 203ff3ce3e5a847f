package io.connectsdk.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.runtime.rest.RestClient.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The change endpoints: refused with 405 by a read-only (standalone) server without calling the
 * herder; passed to the herder with Kafka Connect's status codes otherwise.
 */
class RestServerChangeTest {
    static final FakeHerder READ_ONLY_HERDER = new FakeHerder();
    static final FakeHerder HERDER = new FakeHerder();
    static final String ORDERS_JSON = "{\"name\":\"orders2\",\"config\":{\"connector.class\":\"com.acme.OrdersSource\","
            + "\"tasks.max\":3,\"flag\":true}}";
    static RestServer readOnlyServer;
    static RestServer server;
    static RestClient readOnly;
    static RestClient client;

    @BeforeAll
    static void start() {
        readOnlyServer = new RestServer(Map.of("listeners", "http://127.0.0.1:0"), READ_ONLY_HERDER, List::of, true);
        readOnlyServer.start();
        readOnly = new RestClient(readOnlyServer.uris().get(0));
        server = new RestServer(Map.of("listeners", "http://127.0.0.1:0"), HERDER, List::of, false);
        server.start();
        client = new RestClient(server.uris().get(0));
    }

    @AfterAll
    static void stop() {
        readOnlyServer.stop();
        server.stop();
    }

    @BeforeEach
    void reset() {
        READ_ONLY_HERDER.reset();
        HERDER.reset();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "POST, /connectors, orders2, create",
        "PUT, /connectors/orders/config, orders, configuration",
        "PATCH, /connectors/orders/config, orders, configuration",
        "DELETE, /connectors/orders, orders, delete",
        "PUT, /connectors/orders/pause, orders, pause",
        "GET, /connectors/orders/pause, orders, pause",
        "PUT, /connectors/orders/resume, orders, resume",
        "GET, /connectors/orders/resume, orders, resume",
        "POST, /connectors/orders/restart, orders, restart",
        "GET, /connectors/orders/restart, orders, restart",
        "POST, /connectors/orders/restart?includeTasks=true, orders, restart",
        "POST, /connectors/orders/tasks/1/restart, orders, restart task 1",
        "GET, /connectors/orders/tasks/1/restart, orders, restart task 1",
        "PUT, /connectors/orders/stop, orders, stop",
        "PATCH, /connectors/orders/offsets, orders, alter the offsets of",
        "DELETE, /connectors/orders/offsets, orders, reset the offsets of",
    })
    void readOnlyServerRefusesEveryChangeWithoutCallingTheHerder(String method, String path, String connector,
            String action) {
        String body = method.equals("POST") && path.equals("/connectors") ? ORDERS_JSON
                : method.equals("PUT") || method.equals("PATCH") ? "{\"tasks.max\":\"1\"}" : null;
        Reply r = readOnly.send(method, path, body);
        String message = r.error(405);
        assertThat(message).contains("standalone", "properties file", "restart the worker", "distributed mode",
                "connector " + connector, action);
        String expectedAllow = path.equals("/connectors") || path.equals("/connectors/orders")
                || path.endsWith("/config") || path.endsWith("/offsets") ? "GET" : "";
        assertThat(r.headers().firstValue("Allow")).hasValue(expectedAllow);
        assertThat(READ_ONLY_HERDER.calls()).isEmpty();
    }

    @Test
    void readOnlyRefusalNamesNoConnectorWhenTheBodyIsUnreadable() {
        assertThat(readOnly.send("POST", "/connectors", "{oops").error(405)).contains("Cannot create a connector");
        assertThat(READ_ONLY_HERDER.calls()).isEmpty();
    }

    @Test
    void createConnector() {
        Reply r = client.send("POST", "/connectors", ORDERS_JSON);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location")).hasValue("/connectors/orders2");
        RestServerReadTest.assertInfoShape(r.json(), "orders2", "source");
        assertThat(r.json().get("config").get("tasks.max").textValue()).isEqualTo("3");
        assertThat(r.json().get("config").get("flag").textValue()).isEqualTo("true");
        assertThat(HERDER.calls()).contains("putConnectorConfig orders2 {connector.class=com.acme.OrdersSource, "
                + "flag=true, name=orders2, tasks.max=3} false");
    }

    @Test
    void createExistingConnectorIs409() {
        String body = "{\"name\":\"orders\",\"config\":{\"connector.class\":\"X\"}}";
        assertThat(client.send("POST", "/connectors", body).error(409)).isEqualTo("Connector orders already exists");
        assertThat(HERDER.calls()).noneMatch(c -> c.startsWith("putConnectorConfig"));
    }

    @Test
    void createRefusesBadBodiesNamingTheProblem() {
        assertThat(client.send("POST", "/connectors", "{\"name\":\"a\",\"config\":{\"x\":1}").error(400))
                .contains("Invalid JSON", "line 1, column");
        assertThat(client.send("POST", "/connectors", "").error(400)).contains("empty");
        assertThat(client.send("POST", "/connectors", "[1]").error(400)).contains("an array");
        assertThat(client.send("POST", "/connectors", "{\"config\":{}}").error(400)).contains("\"name\"");
        assertThat(client.send("POST", "/connectors", "{\"name\":\"a\"}").error(400)).contains("\"config\"", "a");
        assertThat(client.send("POST", "/connectors", "{\"name\":\"a\",\"config\":[]}").error(400))
                .contains("\"config\"", "an array");
        assertThat(client.send("POST", "/connectors", "{\"name\":\"a\",\"config\":{\"k\":{}}}").error(400))
                .contains("'k'", "an object");
        assertThat(client.send("POST", "/connectors", "{\"name\":\"a\",\"config\":{},\"extra\":1}").error(400))
                .contains("'extra'");
        assertThat(client.send("POST", "/connectors", "{\"name\":\"a\",\"name\":\"b\",\"config\":{}}").error(400))
                .contains("Duplicate field 'name'");
        assertThat(client.send("POST", "/connectors", "{\"name\":\"a\",\"config\":{\"name\":\"b\"}}").error(400))
                .contains("(b)", "a");
        assertThat(HERDER.calls()).noneMatch(c -> c.startsWith("putConnectorConfig"));
    }

    @Test
    void configErrorFromTheHerderIs400() {
        String message = client.send("POST", "/connectors", "{\"name\":\"a\",\"config\":{}}").error(400);
        assertThat(message).contains("connector.class");
    }

    @Test
    void putConfigCreatesWith201AndUpdatesWith200() {
        Reply created = client.send("PUT", "/connectors/fresh/config", "{\"connector.class\":\"com.acme.FreshSink\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/connectors/fresh");
        RestServerReadTest.assertInfoShape(created.json(), "fresh", "sink");

        Reply updated = client.send("PUT", "/connectors/fresh/config",
                "{\"connector.class\":\"com.acme.FreshSink\",\"tasks.max\":\"4\"}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("config").get("tasks.max").textValue()).isEqualTo("4");
        assertThat(HERDER.calls()).contains("putConnectorConfig fresh {connector.class=com.acme.FreshSink, "
                + "name=fresh, tasks.max=4} true");
    }

    @Test
    void putConfigRefusesANameOtherThanThePaths() {
        assertThat(client.send("PUT", "/connectors/orders/config", "{\"name\":\"other\"}").error(400))
                .contains("other", "orders");
        assertThat(client.send("PUT", "/connectors/orders/config", "not json").error(400)).contains("Invalid JSON");
    }

    @Test
    void patchConfigMergesAndNullRemoves() {
        Reply r = client.send("PATCH", "/connectors/orders/config", "{\"tasks.max\":\"5\",\"extra\":null}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("config").get("tasks.max").textValue()).isEqualTo("5");
        assertThat(client.send("PATCH", "/connectors/nope/config", "{}").error(404)).isEqualTo("Connector nope not found");
    }

    @Test
    void deleteConnector() {
        Reply r = client.send("DELETE", "/connectors/orders", null);
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.json()).isNull();
        assertThat(HERDER.calls()).contains("deleteConnector orders");
        assertThat(client.send("DELETE", "/connectors/orders", null).error(404)).isEqualTo("Connector orders not found");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "PUT, /connectors/orders/pause, 202, pauseConnector orders",
        "GET, /connectors/orders/pause, 202, pauseConnector orders",
        "PUT, /connectors/orders/resume, 202, resumeConnector orders",
        "GET, /connectors/orders/resume, 202, resumeConnector orders",
        "POST, /connectors/orders/restart, 204, restartConnector orders",
        "GET, /connectors/orders/restart, 204, restartConnector orders",
        "POST, /connectors/orders/tasks/1/restart, 204, restartTask orders-1",
        "GET, /connectors/orders/tasks/1/restart, 204, restartTask orders-1",
    })
    void lifecycleChangesCallTheHerder(String method, String path, int status, String call) {
        Reply r = client.send(method, path, null);
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.json()).isNull();
        assertThat(HERDER.calls()).containsExactly(call);
    }

    @Test
    void pauseShowsInStatus() {
        client.send("PUT", "/connectors/orders/pause", null);
        assertThat(client.get("/connectors/orders/status").json().get("connector").get("state").textValue())
                .isEqualTo("PAUSED");
        assertThat(client.send("PUT", "/connectors/nope/pause", null).error(404)).isEqualTo("Connector nope not found");
    }

    @Test
    void stopShowsInStatus() {
        assertThat(client.send("PUT", "/connectors/orders/stop", null).status()).isEqualTo(202);
        assertThat(HERDER.calls()).contains("stopConnector orders");
        assertThat(client.get("/connectors/orders/status").json().get("connector").get("state").textValue())
                .isEqualTo("STOPPED");
        assertThat(client.send("PUT", "/connectors/nope/stop", null).error(404)).isEqualTo("Connector nope not found");
    }

    @Test
    void alteringOffsetsTakesTheShapeThatGetAnswersAndResettingTakesNoBody() {
        Reply altered = client.send("PATCH", "/connectors/orders/offsets",
                "{\"offsets\":[{\"partition\":{\"file\":\"a.txt\"},\"offset\":{\"position\":7}},"
                        + "{\"partition\":{\"file\":\"b.txt\"},\"offset\":null}]}");
        assertThat(altered.status()).isEqualTo(200);
        assertThat(altered.json().get("message").textValue()).isEqualTo("altered");
        assertThat(HERDER.calls()).contains("alterConnectorOffsets orders [PartitionOffset[partition={file=a.txt}, "
                + "offset={position=7}], PartitionOffset[partition={file=b.txt}, offset=null]]");
        Reply reset = client.send("DELETE", "/connectors/orders/offsets", null);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().get("message").textValue()).isEqualTo("reset");
        assertThat(HERDER.calls()).contains("resetConnectorOffsets orders");
    }

    @Test
    void malformedOffsetsAreRefusedNamingTheField() {
        assertThat(client.send("PATCH", "/connectors/orders/offsets", "{\"offset\":[]}").error(400))
                .contains("\"offsets\"");
        assertThat(client.send("PATCH", "/connectors/orders/offsets", "{\"offsets\":[1]}").error(400))
                .contains("offsets[0]");
        assertThat(client.send("PATCH", "/connectors/orders/offsets",
                "{\"offsets\":[{\"partition\":{\"file\":\"a\"},\"offset\":5}]}").error(400))
                .contains("offsets[0].offset");
        assertThat(HERDER.calls()).noneMatch(c -> c.startsWith("alterConnectorOffsets"));
    }

    @Test
    void restartWithTasksOnlyFailedRestartsTheFailedTaskAndAnswersTheStatus() {
        Reply r = client.send("POST", "/connectors/orders/restart?includeTasks=true&onlyFailed=true", null);
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.json().get("connector").get("state").textValue()).isEqualTo("RUNNING");
        assertThat(r.json().get("tasks").get(0).get("state").textValue()).isEqualTo("RUNNING");
        assertThat(r.json().get("tasks").get(1).get("state").textValue()).isEqualTo("RESTARTING");
        assertThat(HERDER.calls()).containsExactly("connectorStatus orders", "restartTask orders-1");
    }

    @Test
    void restartWithTasksRestartsEverything() {
        Reply r = client.send("POST", "/connectors/orders/restart?includeTasks=true", null);
        assertThat(r.status()).isEqualTo(202);
        RestServerReadTest.fieldNames(r.json());
        assertThat(r.json().get("connector").get("state").textValue()).isEqualTo("RESTARTING");
        assertThat(HERDER.calls()).containsExactly("connectorStatus orders", "restartConnector orders",
                "restartTask orders-0", "restartTask orders-1");
        assertThat(client.send("POST", "/connectors/orders/restart?includeTasks=yes", null).error(400))
                .contains("includeTasks", "yes");
    }

    @Test
    void restartOfAnUnknownTaskIs404() {
        assertThat(client.send("POST", "/connectors/orders/tasks/9/restart", null).error(404)).contains("orders-9");
    }
}
