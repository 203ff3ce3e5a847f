package io.connectsdk.testkit.cluster;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * {@link KafkaMode#EXTERNAL}: a running cluster reached by its bootstrap address. {@link #start()}
 * checks that it answers; {@link #close()} closes this instance's clients and leaves the cluster
 * (and the topics tests created) in place, so give topics unique names. Topics get the cluster's
 * default replication factor. Thread-safe.
 */
public final class ExternalKafkaCluster extends AbstractKafkaCluster {
    /** How long {@link #start()} waits for the cluster to answer. */
    public static final int CONNECT_TIMEOUT_SECONDS = 15;

    private final String bootstrapServers;
    private boolean started;

    /**
     * @param bootstrapServers {@code host:port[,host:port...]}; {@code null} or blank makes
     *     {@link #start()} fail with an explanation
     */
    ExternalKafkaCluster(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers == null ? null : bootstrapServers.trim();
    }

    @Override
    public synchronized ExternalKafkaCluster start() {
        if (isClosed()) {
            throw new IllegalStateException(PREFIX + "this external Kafka cluster handle was closed; create a new one");
        }
        if (started) {
            return this;
        }
        if (bootstrapServers == null || bootstrapServers.isEmpty()) {
            throw new IllegalStateException(PREFIX + "Kafka mode 'external' needs a bootstrap address, and none is set."
                    + " Set -D" + KafkaClusterFactory.BOOTSTRAP_PROPERTY + "=host:port or the environment variable "
                    + KafkaClusterFactory.BOOTSTRAP_ENV + ", or use the default embedded broker (-D"
                    + KafkaClusterFactory.MODE_PROPERTY + "=embedded).");
        }
        java.util.Map<String, Object> config = new java.util.HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        try (Admin probe = Admin.create(config)) {
            probe.describeCluster(new DescribeClusterOptions().timeoutMs(CONNECT_TIMEOUT_SECONDS * 1000))
                    .clusterId().get(CONNECT_TIMEOUT_SECONDS + 5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException(PREFIX + "Kafka mode 'external' cannot reach a cluster at " + bootstrapServers
                    + " within " + CONNECT_TIMEOUT_SECONDS + " s (" + cause.getClass().getSimpleName() + ": "
                    + String.valueOf(cause.getMessage()).replace('\n', ' ') + "). Start it, fix -D"
                    + KafkaClusterFactory.BOOTSTRAP_PROPERTY + ", or use the default embedded broker (-D"
                    + KafkaClusterFactory.MODE_PROPERTY + "=embedded).", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reaching " + bootstrapServers, e);
        }
        started = true;
        return this;
    }

    @Override
    public KafkaMode mode() {
        return KafkaMode.EXTERNAL;
    }

    @Override
    protected String bootstrap() {
        return bootstrapServers;
    }

    @Override
    protected synchronized boolean isStarted() {
        return started && !isClosed();
    }

    @Override
    public synchronized void close() {
        closeClients();
    }

    @Override
    public String toString() {
        return "ExternalKafkaCluster[" + bootstrapServers + "]";
    }
}
