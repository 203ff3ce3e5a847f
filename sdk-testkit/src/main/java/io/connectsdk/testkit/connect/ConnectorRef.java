package io.connectsdk.testkit.connect;

import io.connectsdk.runtime.herder.ConnectorStateInfo;
import io.connectsdk.testkit.assertions.connector.ConnectorAssert;
import java.util.Objects;
import org.assertj.core.api.AssertProvider;

/**
 * A connector of a {@link ConnectCluster}, by name, as the subject of connector and task
 * assertions; made by {@link ConnectCluster#connector(String)}. An AssertJ {@link AssertProvider},
 * so {@code assertThat(connect.connector("orders"))} works with the static imports of
 * {@link io.connectsdk.testkit.assertions.ConnectAssertions}, of AssertJ's {@code Assertions}, or of
 * {@link io.connectsdk.testkit.assertions.connector.ConnectorAssertions}.
 *
 * @param cluster the cluster, not {@code null}
 * @param name the connector's name, not {@code null}; it need not exist (yet)
 */
public record ConnectorRef(ConnectCluster cluster, String name) implements AssertProvider<ConnectorAssert> {
    /** @throws NullPointerException when an argument is {@code null} */
    public ConnectorRef {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(name, "name");
    }

    /** @return a new assertion on this connector */
    @Override
    public ConnectorAssert assertThat() {
        return new ConnectorAssert(this);
    }

    /**
     * @return the connector's current status
     * @throws io.connectsdk.runtime.herder.NotFoundException when it does not exist
     */
    public ConnectorStateInfo status() {
        return cluster.connectorStatus(name);
    }

    @Override
    public String toString() {
        return "connector '" + name + "'";
    }
}
