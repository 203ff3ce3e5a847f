package io.connectsdk.builtins.transforms.util;

import io.connectsdk.api.data.Schema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small least-recently-used cache from an input schema to the schema a transform derives from
 * it, so that the derived schema is built once per input schema, not once per record. Keys are
 * compared with {@link Schema#equals}. Thread-safe (synchronized), although a transform instance
 * is used by one task thread.
 */
public final class SchemaCache {
    /** The capacity the built-in transforms use. */
    public static final int DEFAULT_CAPACITY = 16;

    private final Map<Schema, Schema> entries;

    /** A cache of {@link #DEFAULT_CAPACITY} entries. */
    public SchemaCache() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity the largest number of entries kept; at least 1 */
    public SchemaCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Schema, Schema> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * @param input the input schema; not {@code null}
     * @param derive computes the derived schema on a miss; its exceptions propagate and nothing is cached
     * @return the cached or newly derived schema
     */
    public synchronized Schema computeIfAbsent(Schema input, Function<Schema, Schema> derive) {
        Schema cached = entries.get(input);
        if (cached == null) {
            cached = derive.apply(input);
            entries.put(input, cached);
        }
        return cached;
    }

    /** @return the number of cached entries */
    public synchronized int size() {
        return entries.size();
    }

    /** Forgets every entry. */
    public synchronized void clear() {
        entries.clear();
    }
}
