package io.connectsdk.runtime.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link OffsetStore} in memory: offsets last as long as the instance. The base of
 * {@link FileOffsetStore}, which also writes them to a file. Thread-safe.
 */
public class MemoryOffsetStore implements OffsetStore {
    /** One stored partition and its offset, both normalised and unmodifiable. */
    protected record Stored(Map<String, Object> partition, Map<String, Object> offset) {
    }

    private final Object lock = new Object();
    /** connector name -> canonical partition JSON -> stored offset; the inner maps are never mutated once published. */
    private volatile Map<String, Map<String, Stored>> data = Map.of();

    /** Creates an empty store. */
    public MemoryOffsetStore() {
    }

    @Override
    public void start() {
        synchronized (lock) {
            data = Collections.unmodifiableMap(new HashMap<>(load()));
        }
    }

    @Override
    public void stop() {
    }

    /**
     * Loads the initial contents; the memory store has none.
     *
     * @return connector name -> canonical partition -> stored offset
     */
    protected Map<String, Map<String, Stored>> load() {
        return Map.of();
    }

    /**
     * Makes a new state durable before it becomes visible; the memory store does nothing. Called
     * with the store's lock held, so calls never overlap.
     *
     * @param state the complete new state: connector name -> canonical partition -> stored offset
     */
    protected void persist(Map<String, Map<String, Stored>> state) {
    }

    @Override
    public Map<String, Object> offset(String connector, Map<String, ?> partition) {
        Objects.requireNonNull(connector, "connector");
        if (partition == null) {
            return null;
        }
        Map<String, Stored> perConnector = data.get(connector);
        if (perConnector == null) {
            return null;
        }
        OffsetCodec.check("partition", partition);
        Stored s = perConnector.get(OffsetCodec.canonical(partition));
        return s == null ? null : s.offset();
    }

    @Override
    public Map<Map<String, Object>, Map<String, Object>> offsets(String connector) {
        Map<String, Stored> perConnector = data.get(connector);
        if (perConnector == null) {
            return Map.of();
        }
        Map<Map<String, Object>, Map<String, Object>> result = new LinkedHashMap<>();
        for (Stored s : perConnector.values()) {
            result.put(s.partition(), s.offset());
        }
        return Collections.unmodifiableMap(result);
    }

    @Override
    public void put(String connector, Map<? extends Map<String, ?>, ? extends Map<String, ?>> offsets) {
        Objects.requireNonNull(connector, "connector");
        if (offsets.isEmpty()) {
            return;
        }
        // check and normalise outside the lock
        List<String> keys = new ArrayList<>(offsets.size());
        List<Stored> values = new ArrayList<>(offsets.size());
        for (Map.Entry<? extends Map<String, ?>, ? extends Map<String, ?>> e : offsets.entrySet()) {
            Map<String, ?> partition = e.getKey();
            if (partition == null) {
                throw new IllegalArgumentException("Connector " + connector + " committed an offset for a null source partition");
            }
            try {
                OffsetCodec.check("partition", partition);
                if (e.getValue() != null) {
                    OffsetCodec.check("offset", e.getValue());
                }
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("Connector " + connector + ": " + bad.getMessage(), bad);
            }
            keys.add(OffsetCodec.canonical(partition));
            values.add(e.getValue() == null ? null
                    : new Stored(OffsetCodec.normalise(partition), OffsetCodec.normalise(e.getValue())));
        }
        synchronized (lock) {
            Map<String, Stored> current = data.getOrDefault(connector, Map.of());
            Map<String, Stored> next = new LinkedHashMap<>(current);
            for (int i = 0; i < keys.size(); i++) {
                if (values.get(i) == null) {
                    next.remove(keys.get(i));
                } else {
                    next.put(keys.get(i), values.get(i));
                }
            }
            Map<String, Map<String, Stored>> state = new HashMap<>(data);
            if (next.isEmpty()) {
                state.remove(connector);
            } else {
                state.put(connector, Collections.unmodifiableMap(next));
            }
            persist(state);
            data = Collections.unmodifiableMap(state);
        }
    }
}
