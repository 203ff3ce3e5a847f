package io.connectsdk.testkit.assertions.connector;

import io.connectsdk.testkit.connect.ConnectorRef;
import java.util.Objects;

/**
 * The entry point of connector and task assertions, for a static import of its own. The same
 * {@code assertThat(connect.connector("name"))} also works through
 * {@link io.connectsdk.testkit.assertions.ConnectAssertions} (and AssertJ's {@code Assertions}),
 * because {@link ConnectorRef} is an AssertJ {@code AssertProvider}.
 */
public final class ConnectorAssertions {
    private ConnectorAssertions() {
    }

    /**
     * @param connector a connector of a cluster, from {@code connect.connector("name")}
     * @return assertions on its status and tasks
     */
    public static ConnectorAssert assertThat(ConnectorRef connector) {
        return new ConnectorAssert(Objects.requireNonNull(connector, "connector"));
    }
}
