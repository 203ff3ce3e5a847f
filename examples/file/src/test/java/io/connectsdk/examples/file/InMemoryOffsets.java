package io.connectsdk.examples.file;

import io.connectsdk.api.source.OffsetStorageReader;
import io.connectsdk.api.source.SourceRecord;
import io.connectsdk.api.source.SourceTaskContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only offset store: an {@link OffsetStorageReader} over a map, plus a {@link SourceTaskContext}
 * that hands it out. {@link #commit(List)} stores the offsets of records as the runtime would
 * after Kafka acknowledged them.
 */
final class InMemoryOffsets implements OffsetStorageReader {
    private final Map<Map<String, Object>, Map<String, Object>> offsets = new ConcurrentHashMap<>();

    void put(Map<String, ?> partition, Map<String, ?> offset) {
        offsets.put(new HashMap<>(partition), new HashMap<>(offset));
    }

    void commit(List<SourceRecord> records) {
        if (records != null) {
            for (SourceRecord r : records) {
                put(r.sourcePartition(), r.sourceOffset());
            }
        }
    }

    @Override
    public <T> Map<String, Object> offset(Map<String, T> partition) {
        return offsets.get(new HashMap<String, Object>(partition));
    }

    @Override
    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
        for (Map<String, T> p : partitions) {
            Map<String, Object> o = offset(p);
            if (o != null) {
                result.put(p, o);
            }
        }
        return result;
    }

    SourceTaskContext context(Map<String, String> configs) {
        OffsetStorageReader reader = this;
        return new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return configs;
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return reader;
            }
        };
    }
}
