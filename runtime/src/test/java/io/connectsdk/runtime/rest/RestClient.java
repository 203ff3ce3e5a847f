package io.connectsdk.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** A small JSON client for the tests, over java.net.http. */
final class RestClient {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, headers and the body parsed as JSON (null when there is none). */
    record Reply(int status, HttpHeaders headers, JsonNode json, String text) {
        /** Asserts the Kafka Connect error shape with this status and returns the message. */
        String error(int expectedStatus) {
            assertThat(status).as("status of %s", text).isEqualTo(expectedStatus);
            assertThat(json.isObject()).isTrue();
            assertThat(json.size()).as("error fields in %s", text).isEqualTo(2);
            assertThat(json.get("error_code").isInt()).isTrue();
            assertThat(json.get("error_code").intValue()).isEqualTo(expectedStatus);
            assertThat(json.get("message").isTextual()).isTrue();
            return json.get("message").textValue();
        }
    }

    private final HttpClient client;
    private final URI base;

    RestClient(URI base) {
        this(base, null);
    }

    RestClient(URI base, SSLContext ssl) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (ssl != null) {
            b.sslContext(ssl);
        }
        this.client = b.build();
        this.base = base;
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.headers().firstValue("Content-Type")).as("Content-Type of %s %s", method, path)
                    .hasValue("application/json");
            JsonNode json = r.body().isEmpty() ? null : JSON.readTree(r.body());
            return new Reply(r.statusCode(), r.headers(), json, r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
