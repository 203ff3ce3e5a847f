package io.connectsdk.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunMojoTest {
    @Test
    void portZeroListenersGetAFreePortAndOthersStayAsTheyAre() throws Exception {
        String listeners = RunMojo.withFreePorts("http://127.0.0.1:0, https://localhost:8443,http://:0/api,http://[::1]:0");
        String[] parts = listeners.split(",");

        assertThat(parts).hasSize(4);
        assertThat(parts[0]).matches("http://127\\.0\\.0\\.1:\\d+").isNotEqualTo("http://127.0.0.1:0");
        assertThat(parts[1]).isEqualTo("https://localhost:8443");
        assertThat(parts[2]).matches("http://:\\d+/api").doesNotContain(":0/");
        assertThat(parts[3]).matches("http://\\[::1]:\\d+").isNotEqualTo("http://[::1]:0");
    }
}
