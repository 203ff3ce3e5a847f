package io.connectsdk.api.source;

import io.connectsdk.api.connector.ConnectorContext;

/**
 * The {@link ConnectorContext} of a {@link SourceConnector}: it can also read committed offsets,
 * for example to decide how to split work among tasks. Thread-safe.
 */
public interface SourceConnectorContext extends ConnectorContext {
    /** @return a reader for the offsets committed for this connector, never {@code null} */
    OffsetStorageReader offsetStorageReader();
}
