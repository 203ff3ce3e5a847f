package io.connectsdk.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.runtime.rest.RestConfig.Listener;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestConfigTest {

    @Test
    void defaultListenerIsAllInterfacesOn8083() {
        RestConfig config = RestConfig.parse(Map.of());
        assertThat(config.listeners()).containsExactly(new Listener("http", "", 8083));
        assertThat(config.listeners().get(0).wildcard()).isTrue();
        assertThat(config.tls()).isNull();
    }

    @Test
    void parsesSeveralListeners() {
        assertThat(RestConfig.parseListeners("http://localhost:8083, HTTP://127.0.0.1:0,http://[::1]:9000/"))
                .containsExactly(new Listener("http", "localhost", 8083), new Listener("http", "127.0.0.1", 0),
                        new Listener("http", "::1", 9000));
        assertThat(new Listener("http", "::1", 9000)).hasToString("http://[::1]:9000");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ftp://localhost:21 | protocol 'ftp'",
        "localhost:8083 | not of the form",
        "http://localhost | has no port",
        "http://localhost:99999 | port 99999",
        "http://localhost:eighty | port 'eighty'",
        "http://a:1,,http://b:2 | empty entry",
        "http://a:8083,http://a:8083 | repeats",
        "http://::1:8083 | without brackets",
        "'  ' | at least one listener",
    })
    void badListenersAreRefusedNamingTheKeyAndTheEntry(String listeners, String problem) {
        assertThatThrownBy(() -> RestConfig.parse(Map.of("listeners", listeners)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("listeners")
                .hasMessageContaining(problem);
    }

    @Test
    void advertisedSettings() {
        RestConfig config = RestConfig.parse(Map.of("listeners", "http://127.0.0.1:0",
                "rest.advertised.host.name", "worker1", "rest.advertised.port", 9999));
        assertThat(config.advertisedHostName()).isEqualTo("worker1");
        assertThat(config.advertisedPort()).isEqualTo(9999);
        assertThatThrownBy(() -> RestConfig.parse(Map.of("rest.advertised.port", "x")))
                .hasMessageContaining("rest.advertised.port").hasMessageContaining("'x'");
        assertThatThrownBy(() -> RestConfig.parse(Map.of("rest.advertised.listener", "https")))
                .hasMessageContaining("rest.advertised.listener").hasMessageContaining("no https listener");
        assertThatThrownBy(() -> RestConfig.parse(Map.of("rest.advertised.listener", "gopher")))
                .hasMessageContaining("rest.advertised.listener").hasMessageContaining("gopher");
    }

    @Test
    void httpsListenerNeedsAKeystore() {
        assertThatThrownBy(() -> RestConfig.parse(Map.of("listeners", "https://127.0.0.1:0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ssl.keystore.location")
                .hasMessageContaining("listeners.https.ssl.keystore.location");
        assertThatThrownBy(() -> RestConfig.parse(Map.of("listeners", "https://127.0.0.1:0",
                "listeners.https.ssl.keystore.location", "/no/such/keystore.jks")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("listeners.https.ssl.keystore.location")
                .hasMessageContaining("/no/such/keystore.jks");
        assertThatThrownBy(() -> RestConfig.parse(Map.of("listeners", "https://127.0.0.1:0",
                "ssl.keystore.type", "PEM")))
                .hasMessageContaining("ssl.keystore.type").hasMessageContaining("PEM");
    }

    @Test
    void prefixedKeysAreAllOrNothing() {
        // a prefixed key is present, so the plain ssl.keystore.location is ignored and the prefixed one is missing
        assertThatThrownBy(() -> RestConfig.parse(Map.of("listeners", "https://127.0.0.1:0",
                "ssl.keystore.location", "/some/keystore.jks",
                "listeners.https.ssl.client.auth", "required")))
                .hasMessageContaining("listeners.https.ssl.keystore.location");
    }
}
