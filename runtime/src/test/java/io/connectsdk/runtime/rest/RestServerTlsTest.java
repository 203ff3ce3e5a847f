package io.connectsdk.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https listeners with a self-signed key store made in the test. */
class RestServerTlsTest {
    @TempDir
    static Path dir;
    static TestCerts certs;
    final FakeHerder herder = new FakeHerder();

    @BeforeAll
    static void makeCertificate() throws Exception {
        certs = TestCerts.create(dir);
    }

    @Test
    void httpsListenerWithPrefixedKeys() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put("listeners", "https://127.0.0.1:0");
        config.put("listeners.https.ssl.keystore.location", certs.keystore.toString());
        config.put("listeners.https.ssl.keystore.password", TestCerts.PASSWORD);
        config.put("listeners.https.ssl.key.password", TestCerts.PASSWORD);
        config.put("listeners.https.ssl.keystore.type", "PKCS12");
        // all or nothing: with prefixed keys present, the plain ssl.* keys are not used
        config.put("ssl.keystore.location", dir.resolve("missing.jks").toString());
        try (RestServer server = new RestServer(config, herder, List::of, true)) {
            server.start();
            URI uri = server.uris().get(0);
            assertThat(uri.getScheme()).isEqualTo("https");
            assertThat(uri.getPort()).isPositive();
            assertThat(server.advertisedUri()).isEqualTo(uri);
            RestClient.Reply r = new RestClient(uri, certs.client(false)).get("/connectors");
            assertThat(r.status()).isEqualTo(200);
            assertThat(RestServerReadTest.texts(r.json())).containsExactly("archive", "orders");
        }
    }

    @Test
    void httpAndHttpsListenersAtOnceWithPlainSslKeys() throws Exception {
        Map<String, String> config = Map.of(
                "listeners", "http://127.0.0.1:0, https://127.0.0.1:0",
                "ssl.keystore.location", certs.keystore.toString(),
                "ssl.keystore.password", TestCerts.PASSWORD,
                "ssl.keystore.type", "PKCS12");
        try (RestServer server = new RestServer(config, herder, List::of, true)) {
            server.start();
            assertThat(server.uris()).hasSize(2);
            URI http = server.uris().get(0);
            URI https = server.uris().get(1);
            assertThat(http.getScheme()).isEqualTo("http");
            assertThat(https.getScheme()).isEqualTo("https");
            assertThat(http.getPort()).isNotEqualTo(https.getPort());
            assertThat(new RestClient(http).get("/connectors/orders").json().get("name").textValue()).isEqualTo("orders");
            assertThat(new RestClient(https, certs.client(false)).get("/connectors/orders").json().get("name").textValue())
                    .isEqualTo("orders");
            assertThat(server.advertisedUri()).as("http is advertised when there is one").isEqualTo(http);
        }
    }

    @Test
    void requiredClientAuthenticationRefusesClientsWithoutATrustedCertificate() throws Exception {
        Map<String, String> config = Map.of(
                "listeners", "https://127.0.0.1:0",
                "rest.advertised.listener", "https",
                "listeners.https.ssl.keystore.location", certs.keystore.toString(),
                "listeners.https.ssl.keystore.password", TestCerts.PASSWORD,
                "listeners.https.ssl.keystore.type", "PKCS12",
                "listeners.https.ssl.truststore.location", certs.truststore.toString(),
                "listeners.https.ssl.truststore.password", TestCerts.PASSWORD,
                "listeners.https.ssl.truststore.type", "PKCS12",
                "listeners.https.ssl.client.auth", "required");
        try (RestServer server = new RestServer(config, herder, List::of, true)) {
            server.start();
            URI uri = server.uris().get(0);
            assertThat(new RestClient(uri, certs.client(true)).get("/").status()).isEqualTo(200);
            assertThatThrownBy(() -> new RestClient(uri, certs.client(false)).get("/"))
                    .isInstanceOf(java.io.UncheckedIOException.class);
        }
    }

    @Test
    void wrongKeystorePasswordNamesTheKeyButNotThePassword() {
        Map<String, String> config = Map.of(
                "listeners", "https://127.0.0.1:0",
                "listeners.https.ssl.keystore.location", certs.keystore.toString(),
                "listeners.https.ssl.keystore.password", "wrong-pass-42",
                "listeners.https.ssl.keystore.type", "PKCS12");
        assertThatThrownBy(() -> new RestServer(config, herder, List::of, true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("listeners.https.ssl.keystore.password")
                .hasMessageNotContaining("wrong-pass-42");
    }

    @Test
    void unknownClientAuthModeIsNamed() {
        Map<String, String> config = Map.of(
                "listeners", "https://127.0.0.1:0",
                "ssl.keystore.location", certs.keystore.toString(),
                "ssl.keystore.password", TestCerts.PASSWORD,
                "ssl.keystore.type", "PKCS12",
                "ssl.client.auth", "sometimes");
        assertThatThrownBy(() -> new RestServer(config, herder, List::of, true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ssl.client.auth")
                .hasMessageContaining("sometimes");
    }
}
