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

/**
 * {@code PUT /connector-plugins/{plugin}/config/validate} and {@code GET /connector-plugins/{plugin}/config}
 * on a read-only (standalone) server: they change nothing, so they are answered.
 */
class RestServerPluginConfigTest {
    static final FakeHerder HERDER = new FakeHerder();
    static RestServer server;
    static RestClient client;

    @BeforeAll
    static void start() {
        server = new RestServer(Map.of("listeners", "http://127.0.0.1:0"), HERDER, List::of, true);
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

    private static Reply validate(String plugin, String body) {
        return client.send("PUT", "/connector-plugins/" + plugin + "/config/validate", body);
    }

    @Test
    void validateAnswersInReadOnlyModeWithTheConfigInfosShape() {
        Reply r = validate("com.acme.OrdersSource", "{\"connector.class\":\"com.acme.OrdersSource\",\"secret\":\"s3cr3t\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(fieldNames(json)).containsExactly("name", "error_count", "groups", "configs");
        assertThat(json.get("name").textValue()).isEqualTo("com.acme.OrdersSource");
        assertThat(json.get("error_count").isInt()).isTrue();
        assertThat(json.get("error_count").intValue()).isEqualTo(1);
        assertThat(json.get("groups").isArray()).isTrue();
        JsonNode name = json.get("configs").get(0);
        assertThat(fieldNames(name)).containsExactly("definition", "value");
        assertThat(fieldNames(name.get("definition"))).containsExactly("name", "type", "required", "default_value",
                "importance", "documentation", "group", "order_in_group", "width", "display_name", "dependents");
        assertThat(fieldNames(name.get("value"))).containsExactly("name", "value", "recommended_values", "errors", "visible");
        assertThat(name.get("definition").get("default_value").isNull()).isTrue();
        assertThat(name.get("definition").get("required").isBoolean()).isTrue();
        assertThat(name.get("definition").get("order_in_group").isInt()).isTrue();
        assertThat(name.get("value").get("value").isNull()).isTrue();
        assertThat(name.get("value").get("errors").get(0).textValue()).contains("\"name\"");
        assertThat(json.get("configs").get(1).get("value").get("value").textValue()).isEqualTo("[hidden]");
        assertThat(r.text()).doesNotContain("s3cr3t");
        assertThat(HERDER.calls()).containsExactly(
                "validateConnectorConfig {connector.class=com.acme.OrdersSource, secret=s3cr3t}");
    }

    @Test
    void validateTakesThePluginOfThePathWhenTheBodyHasNoConnectorClass() {
        Reply r = validate("OrdersSource", "{\"name\":\"o\",\"tasks.max\":2,\"flag\":true}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("error_count").intValue()).isZero();
        assertThat(HERDER.calls()).containsExactly(
                "validateConnectorConfig {connector.class=OrdersSource, flag=true, name=o, tasks.max=2}");
    }

    @Test
    void validateAcceptsTheSimpleNameAndTheNameWithoutConnectorSuffixInThePath() {
        assertThat(validate("OrdersSource", "{\"connector.class\":\"com.acme.OrdersSourceConnector\"}").status()).isEqualTo(200);
        assertThat(validate("OrdersSourceConnector", "{\"connector.class\":\"com.acme.OrdersSource\"}").status())
                .isEqualTo(200);
        assertThat(validate("com.acme.OrdersSource", "{\"connector.class\":\"com.acme.OrdersSource\"}").status())
                .isEqualTo(200);
    }

    @Test
    void aConnectorClassOtherThanThePathsIsABadRequestNamingBoth() {
        String message = validate("OrdersSource", "{\"connector.class\":\"com.acme.ArchiveSink\"}").error(400);
        assertThat(message).contains("com.acme.ArchiveSink").contains("OrdersSource");
        assertThat(HERDER.calls()).isEmpty();
    }

    @Test
    void anUnknownConnectorPluginIsNotFoundNamingIt() {
        assertThat(validate("com.acme.Unknown", "{}").error(404)).contains("com.acme.Unknown");
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsABadRequestNamingTheProblem() {
        assertThat(validate("OrdersSource", "[\"a\"]").error(400)).contains("JSON object").contains("an array");
        assertThat(validate("OrdersSource", "\"x\"").error(400)).contains("a string");
        assertThat(validate("OrdersSource", "").error(400)).contains("empty");
        assertThat(validate("OrdersSource", "{\"a\": ").error(400)).contains("Invalid JSON");
        assertThat(validate("OrdersSource", "{\"a\": {\"b\": 1}}").error(400)).contains("'a'").contains("an object");
        assertThat(HERDER.calls()).isEmpty();
    }

    @Test
    void aNullValueIsPassedOnForTheValidationToReport() {
        assertThat(validate("OrdersSource", "{\"name\":null}").status()).isEqualTo(200);
        assertThat(HERDER.calls()).containsExactly("validateConnectorConfig {connector.class=OrdersSource, name=null}");
    }

    @Test
    void validateAllowsOnlyPut() {
        Reply r = client.send("POST", "/connector-plugins/OrdersSource/config/validate", "{}");
        assertThat(r.error(405)).contains("PUT");
        assertThat(r.headers().firstValue("Allow")).hasValue("PUT");
    }

    @Test
    void pluginConfigListsTheDefinitions() {
        Reply r = client.get("/connector-plugins/OrdersSource/config");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().isArray()).isTrue();
        assertThat(r.json()).hasSize(2);
        JsonNode secret = r.json().get(1);
        assertThat(fieldNames(secret)).containsExactly("name", "type", "required", "default_value", "importance",
                "documentation", "group", "order_in_group", "width", "display_name", "dependents");
        assertThat(secret.get("type").textValue()).isEqualTo("PASSWORD");
        assertThat(secret.get("default_value").textValue()).isEqualTo("[hidden]");
        assertThat(secret.get("documentation").isNull()).isTrue();
        assertThat(secret.get("dependents").isArray()).isTrue();
        assertThat(client.get("/connector-plugins/com.acme.OrdersSource/config/").json()).isEqualTo(r.json());
    }

    @Test
    void pluginConfigOfAnUnknownPluginIsNotFoundNamingIt() {
        assertThat(client.get("/connector-plugins/com.acme.Nope/config").error(404)).contains("com.acme.Nope");
        assertThat(client.send("PUT", "/connector-plugins/OrdersSource/config", "{}").error(405))
                .as("PUT on the config path is not the validate endpoint").contains("GET");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
