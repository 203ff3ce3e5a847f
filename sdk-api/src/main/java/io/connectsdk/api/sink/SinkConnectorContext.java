package io.connectsdk.api.sink;

import io.connectsdk.api.connector.ConnectorContext;

/** The {@link ConnectorContext} of a {@link SinkConnector}. Thread-safe. */
public interface SinkConnectorContext extends ConnectorContext {
}
