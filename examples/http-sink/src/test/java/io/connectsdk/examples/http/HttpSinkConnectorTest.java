package io.connectsdk.examples.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.sink.SinkConnector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class HttpSinkConnectorTest {
    private static final String TOKEN = "another-s3cret";

    private static Map<String, String> props(String... extra) {
        Map<String, String> props = new HashMap<>();
        props.put("topics", "orders");
        props.put("http.url", "http://127.0.0.1:9/ingest");
        for (int i = 0; i < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        return props;
    }

    private static void assertRejected(Map<String, String> props, String key) {
        assertThatThrownBy(() -> new HttpSinkConnector().start(props))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors()).containsOnlyKeys(key))
                .hasMessageContaining(key);
    }

    @Test
    void startsTasksMaxTasksWithTheSameConfiguration() {
        HttpSinkConnector connector = new HttpSinkConnector();
        connector.start(props());

        assertThat(connector.taskClass()).isEqualTo(HttpSinkTask.class);
        assertThat(connector.taskConfigs(3)).hasSize(3).containsOnly(props());
    }

    @Test
    void configurationErrorsNameTheKey() {
        Map<String, String> noUrl = props();
        noUrl.remove("http.url");
        assertRejected(noUrl, "http.url");
        assertRejected(props("http.url", "ftp://127.0.0.1/x"), "http.url");
        assertRejected(props("http.url", "http:///nohost"), "http.url");
        assertRejected(props("http.url", "http://bad host/"), "http.url");
        assertRejected(props("http.headers", "NoColon"), "http.headers");
        assertRejected(props("http.headers", "Bad Name:x"), "http.headers");
        assertRejected(props("http.headers", "Host:example.com"), "http.headers");
        assertRejected(props("http.headers", "Authorization:Basic abc", "http.auth.token", TOKEN), "http.headers");
        assertRejected(props("http.auth.token", ""), "http.auth.token");
        assertRejected(props("batch.size", "0"), "batch.size");
        assertRejected(props("batch.linger.ms", "-1"), "batch.linger.ms");
        assertRejected(props("max.retries", "-1"), "max.retries");
        assertRejected(props("retry.backoff.ms", "soon"), "retry.backoff.ms");
        assertRejected(props("http.timeout.ms", "0"), "http.timeout.ms");
        assertRejected(props("payload.format", "xml"), "payload.format");
    }

    @Test
    void headerValuesAndTheTokenStayOutOfErrorMessages() {
        assertThatThrownBy(() -> new HttpSinkConnector().start(props("http.headers", "X-Api-Key secret-key-value")))
                .hasMessageNotContaining("secret-key-value");
        assertThatThrownBy(() -> new HttpSinkConnector().start(props("http.headers", "Authorization:Bearer other",
                "http.auth.token", TOKEN)))
                .hasMessageNotContaining(TOKEN).hasMessageNotContaining("Bearer other");
    }

    @Test
    void validateReportsTheAuthorizationConflictOnTheHeadersKey() {
        Map<String, List<String>> errors = new HttpSinkConnector()
                .validate(props("http.headers", "authorization:x", "http.auth.token", TOKEN)).errors();

        assertThat(errors).containsOnlyKeys("http.headers");
        assertThat(errors.get("http.headers")).singleElement().asString().contains("http.auth.token");
        assertThat(new HttpSinkConnector().validate(props("http.headers", "authorization:x")).errors()).isEmpty();
    }

    @Test
    void everyKeyIsDocumented() {
        assertThat(HttpSinkConfig.CONFIG_DEF.names()).containsExactly("http.url", "http.headers", "http.auth.token",
                "http.timeout.ms", "payload.format", "batch.size", "batch.linger.ms", "max.retries", "retry.backoff.ms");
        assertThat(HttpSinkConfig.CONFIG_DEF.configKeys().values())
                .allSatisfy(k -> assertThat(k.documentation()).isNotBlank());
        assertThat(HttpSinkConfig.CONFIG_DEF.configKeys().get("http.auth.token").type().isSensitive()).isTrue();
    }

    @Test
    void versionIsTheProjectVersionAndTheConnectorIsRegistered() {
        String expected = System.getProperty("project.version");
        assertThat(expected).isNotBlank();
        assertThat(new HttpSinkConnector().version()).isEqualTo(expected);
        assertThat(new HttpSinkTask().version()).isEqualTo(expected);
        assertThat(ServiceLoader.load(SinkConnector.class).stream().map(ServiceLoader.Provider::type))
                .contains(HttpSinkConnector.class);
    }
}
