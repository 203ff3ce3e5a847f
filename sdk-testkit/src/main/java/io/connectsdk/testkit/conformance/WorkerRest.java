package io.connectsdk.testkit.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The REST part of {@code SECRET-LEAK}: reads what the worker's REST API shows about one connector
 * and reports where a PASSWORD value shows beyond what the user configured.
 *
 * <p>The rule, as in Kafka Connect: the configuration endpoints ({@code GET /connectors/{name}},
 * {@code /config}, {@code /tasks}, and {@code ?expand=info}) show the connector and task
 * configurations as they are, PASSWORD values included (what the user typed in is theirs to read
 * back); there the secret is allowed as the value of a key the connector declares {@code PASSWORD}
 * and nowhere else. The status endpoints ({@code /status}, {@code /tasks/{id}/status},
 * {@code ?expand=status}), with their failure traces, must never show it.
 */
final class WorkerRest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String MASK = "<the configured PASSWORD value>";

    private WorkerRest() {
    }

    /** One endpoint: its path and the configuration maps in its JSON where PASSWORD values are allowed. */
    private record View(String path, Function<JsonNode, List<JsonNode>> configs) {
    }

    /**
     * @param restUrl the worker's REST base URL
     * @param name the connector
     * @param secret the PASSWORD value
     * @param passwordKeys the keys the connector declares PASSWORD
     * @param leaks where the secret showed, added to
     */
    static void scan(String restUrl, String name, String secret, Set<String> passwordKeys, List<String> leaks) {
        HttpClient http = Client.HTTP;
        String c = "/connectors/" + name;
        JsonNode status = get(http, restUrl, c + "/status");
        List<View> views = new ArrayList<>();
        views.add(new View(c, n -> List.of(n.path("config"))));
        views.add(new View(c + "/config", List::of));
        views.add(new View(c + "/tasks", n -> {
            List<JsonNode> configs = new ArrayList<>();
            n.forEach(task -> configs.add(task.path("config")));
            return configs;
        }));
        views.add(new View(c + "/status", n -> List.of()));
        for (JsonNode task : status.path("tasks")) {
            views.add(new View(c + "/tasks/" + task.path("id").asInt() + "/status", n -> List.of()));
        }
        views.add(new View("/connectors?expand=status&expand=info", n -> List.of(n.path(name).path("info").path("config"))));
        for (View view : views) {
            JsonNode body = view.path().equals(c + "/status") ? status : get(http, restUrl, view.path());
            for (JsonNode config : view.configs().apply(body)) {
                if (config instanceof ObjectNode object) {
                    passwordKeys.stream().filter(object::has).forEach(k -> object.put(k, MASK));
                }
            }
            String shown = body.toString();
            ConnectorConformance.scan(leaks, "the worker's REST API, GET " + view.path().replace(name, "{name}"), secret,
                    () -> shown);
        }
    }

    /** @return whether SLF4J discards everything (no provider on the class path): then the worker logs nothing */
    static boolean slf4jDiscardsLogs() {
        return org.slf4j.LoggerFactory.getILoggerFactory() instanceof org.slf4j.helpers.NOPLoggerFactory;
    }

    private static JsonNode get(HttpClient http, String base, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("connect-sdk test kit: GET " + path + " of the worker answered "
                        + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("connect-sdk test kit: GET " + path + " of the worker failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + path, e);
        }
    }

    /** The HTTP client, created on first use. */
    private static final class Client {
        static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }
}
