package io.connectsdk.testkit.conformance;

import io.connectsdk.testkit.cluster.EmbeddedKafkaCluster;
import io.connectsdk.testkit.cluster.KafkaCluster;
import io.connectsdk.testkit.connect.ConnectCluster;
import io.connectsdk.testkit.connect.PluginUnderTest;
import java.util.function.Supplier;

/**
 * The embedded KRaft broker and standalone worker that the broker-backed checks of one suite class
 * share ({@code BROKER-BOUNCE} and the worker part of {@code SECRET-LEAK}): started by the first
 * check that needs them, hosting that check's {@link ConnectorConformance#pluginUnderTest()}, and
 * closed after the class by {@link ConformanceExtension}. Each check runs its own connector (its
 * name is unique to the check) and deletes it afterwards; a check that may have left the broker or
 * the worker in a bad state (a failed broker bounce) {@link #discard()}s them, and the next check
 * starts fresh ones. Thread-safe.
 */
final class SharedWorker implements AutoCloseable {
    private EmbeddedKafkaCluster kafka;
    private ConnectCluster connect;

    /**
     * @param plugin the plugin the worker hosts, asked for only when the worker is started here
     * @return the running worker, started if needed
     */
    synchronized ConnectCluster connect(Supplier<PluginUnderTest> plugin) {
        if (connect == null) {
            EmbeddedKafkaCluster broker = KafkaCluster.embedded();
            ConnectCluster worker = ConnectCluster.builder().kafka(broker).ownsKafka(true).plugin(plugin.get()).build();
            try {
                worker.start();
            } catch (RuntimeException | Error e) {
                worker.close();
                throw e;
            }
            kafka = broker;
            connect = worker;
        }
        return connect;
    }

    /** @return the broker of the running worker; {@link #connect(Supplier)} first */
    synchronized EmbeddedKafkaCluster kafka() {
        if (kafka == null) {
            throw new IllegalStateException("the shared worker was not started");
        }
        return kafka;
    }

    /**
     * Deletes a connector of a check, if it exists; discards the worker when that fails.
     *
     * @param name the check's connector
     */
    synchronized void deleteConnector(String name) {
        if (connect == null) {
            return;
        }
        try {
            if (connect.isRunning() && connect.connectors().contains(name)) {
                connect.deleteConnector(name);
            }
        } catch (RuntimeException e) {
            discard();
        }
    }

    /** Closes the worker and the broker; the next {@link #connect(Supplier)} starts new ones. */
    synchronized void discard() {
        close();
    }

    @Override
    public synchronized void close() {
        ConnectCluster c = connect;
        connect = null;
        kafka = null;
        if (c != null) {
            c.close();
        }
    }
}
