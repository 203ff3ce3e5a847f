package io.connectsdk.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/** How the mode is chosen, and the one-line failures of modes that cannot work here. No broker needed. */
class KafkaModeSelectionTest {
    private static Function<String, String> from(Map<String, String> values) {
        return values::get;
    }

    @Test
    void anExplicitModeWinsOverThePropertyWhichWinsOverTheEnvironment() {
        Function<String, String> props = from(Map.of("connectsdk.kafka", "external"));
        Function<String, String> env = from(Map.of("CONNECTSDK_KAFKA_MODE", "container"));

        assertThat(KafkaClusterFactory.resolveMode(KafkaMode.EMBEDDED, props, env)).isEqualTo(KafkaMode.EMBEDDED);
        assertThat(KafkaClusterFactory.resolveMode(null, props, env)).isEqualTo(KafkaMode.EXTERNAL);
        assertThat(KafkaClusterFactory.resolveMode(null, from(Map.of()), env)).isEqualTo(KafkaMode.CONTAINER);
        assertThat(KafkaClusterFactory.resolveMode(null, from(Map.of()), from(Map.of()))).isEqualTo(KafkaMode.EMBEDDED);
        assertThat(KafkaClusterFactory.resolveMode(null, from(Map.of("connectsdk.kafka", " ")), from(Map.of())))
                .isEqualTo(KafkaMode.EMBEDDED);
    }

    @Test
    void modeNamesAreCaseInsensitiveAndUnknownOnesAreNamed() {
        assertThat(KafkaMode.parse(" Container ")).isEqualTo(KafkaMode.CONTAINER);
        assertThatThrownBy(() -> KafkaClusterFactory.resolveMode(null, from(Map.of("connectsdk.kafka", "docker")), from(Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connect-sdk test kit: unknown Kafka mode 'docker'; use embedded, container or external"
                        + " (from -Dconnectsdk.kafka)");
    }

    @Test
    void theExternalBootstrapComesFromThePropertyThenTheEnvironment() {
        assertThat(KafkaClusterFactory.externalBootstrap(from(Map.of("connectsdk.kafka.bootstrap", "127.0.0.1:1")),
                from(Map.of("CONNECTSDK_KAFKA_BOOTSTRAP", "127.0.0.1:2")))).isEqualTo("127.0.0.1:1");
        assertThat(KafkaClusterFactory.externalBootstrap(from(Map.of()), from(Map.of("CONNECTSDK_KAFKA_BOOTSTRAP", " 127.0.0.1:2 "))))
                .isEqualTo("127.0.0.1:2");
        assertThat(KafkaClusterFactory.externalBootstrap(from(Map.of()), from(Map.of()))).isNull();
    }

    @Test
    void theFactoryMakesAClusterOfTheChosenMode() {
        try (KafkaCluster embedded = KafkaClusterFactory.create(KafkaMode.EMBEDDED);
             KafkaCluster container = KafkaClusterFactory.create(KafkaMode.CONTAINER);
             KafkaCluster external = KafkaClusterFactory.create(KafkaMode.EXTERNAL)) {
            assertThat(embedded).isInstanceOf(EmbeddedKafkaCluster.class);
            assertThat(container).isInstanceOf(ContainerKafkaCluster.class);
            assertThat(external).isInstanceOf(ExternalKafkaCluster.class);
        }
    }

    @Test
    void containerModeWithoutDockerFailsWithOneClearLine() {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "a Docker engine is reachable here");
        try (ContainerKafkaCluster cluster = KafkaCluster.container()) {
            assertThatThrownBy(cluster::start)
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("connect-sdk test kit: Kafka mode 'container' needs a Docker engine, and none is reachable"
                            + " (Testcontainers found no valid Docker environment). Use the default embedded broker"
                            + " (remove kafka=container / -Dconnectsdk.kafka=embedded) or point at a running cluster with"
                            + " -Dconnectsdk.kafka=external -Dconnectsdk.kafka.bootstrap=host:port.")
                    .hasNoCause()
                    .message().doesNotContain("\n");
        }
    }

    @Test
    void containerModeWithoutTestcontainersOnTheClasspathFailsWithOneClearLine() {
        ClassLoader withoutTestcontainers = new ClassLoader(null) { };
        try (ContainerKafkaCluster cluster = new ContainerKafkaCluster(withoutTestcontainers)) {
            assertThatThrownBy(cluster::start)
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("connect-sdk test kit: Kafka mode 'container' needs Testcontainers, and it is not on the test"
                            + " classpath (add org.testcontainers:testcontainers-kafka in test scope). Use the default embedded"
                            + " broker (remove kafka=container / -Dconnectsdk.kafka=embedded) or point at a running cluster with"
                            + " -Dconnectsdk.kafka=external -Dconnectsdk.kafka.bootstrap=host:port.");
        }
    }

    @Test
    void externalModeWithoutAnAddressFailsWithOneClearLine() {
        try (KafkaCluster cluster = KafkaCluster.external(null)) {
            assertThatThrownBy(cluster::start)
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("connect-sdk test kit: Kafka mode 'external' needs a bootstrap address, and none is set."
                            + " Set -Dconnectsdk.kafka.bootstrap=host:port or the environment variable CONNECTSDK_KAFKA_BOOTSTRAP,"
                            + " or use the default embedded broker (-Dconnectsdk.kafka=embedded).");
        }
    }

    @Test
    void theContainerImageCanBeChosenBeforeStart() {
        try (ContainerKafkaCluster cluster = KafkaCluster.container()) {
            assertThat(cluster.image()).isEqualTo(System.getProperty("connectsdk.kafka.image", ContainerKafkaCluster.DEFAULT_IMAGE));
            assertThat(cluster.image("apache/kafka:4.3.1").image()).isEqualTo("apache/kafka:4.3.1");
        }
    }
}
