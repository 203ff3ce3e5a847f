package io.connectsdk.runtime.storage;

import io.connectsdk.api.source.OffsetStorageReader;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link OffsetStorageReader} given to a source connector and its tasks: reads the committed
 * offsets of one connector from an {@link OffsetStore}. Thread-safe.
 */
public final class ConnectorOffsetReader implements OffsetStorageReader {
    private final OffsetStore store;
    private final String connector;

    /**
     * @param store the store
     * @param connector the connector whose offsets are read
     */
    public ConnectorOffsetReader(OffsetStore store, String connector) {
        this.store = Objects.requireNonNull(store, "store");
        this.connector = Objects.requireNonNull(connector, "connector");
    }

    @Override
    public <T> Map<String, Object> offset(Map<String, T> partition) {
        return store.offset(connector, partition);
    }

    @Override
    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
        for (Map<String, T> p : partitions) {
            Map<String, Object> offset = store.offset(connector, p);
            if (offset != null) {
                result.put(p, offset);
            }
        }
        return result;
    }
}
