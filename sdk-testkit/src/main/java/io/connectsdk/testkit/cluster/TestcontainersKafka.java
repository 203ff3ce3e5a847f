package io.connectsdk.testkit.cluster;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The only class that touches Testcontainers types; loaded only after {@link ContainerKafkaCluster}
 * checked that they are on the classpath, so that the rest of the test kit works without them.
 */
final class TestcontainersKafka {
    private TestcontainersKafka() {
    }

    /** A started container: what closes it, and where clients connect. */
    record Started(AutoCloseable container, String bootstrapServers) {
    }

    /** @return {@code null} when a Docker engine is reachable, else why not (one line) */
    static String dockerUnavailableReason() {
        try {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return null;
            }
            return "Testcontainers found no valid Docker environment";
        } catch (RuntimeException | LinkageError e) {
            return "Testcontainers failed to look for one: " + e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).replace('\n', ' ');
        }
    }

    static Started start(String image) {
        KafkaContainer container = new KafkaContainer(image);
        try {
            container.start();
            return new Started(container::stop, container.getBootstrapServers());
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
    }
}
