package io.connectsdk.builtins.json;

import java.util.LinkedHashMap;
import java.util.Map;

/** A least-recently-used map holding at most {@code maxSize} entries (none when {@code maxSize <= 0}). Not thread-safe. */
final class LruCache<K, V> extends LinkedHashMap<K, V> {
    private static final long serialVersionUID = 1L;
    private final int maxSize;

    LruCache(int maxSize) {
        super(16, 0.75f, true);
        this.maxSize = maxSize;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > maxSize;
    }

    @Override
    public V put(K key, V value) {
        return maxSize <= 0 ? null : super.put(key, value);
    }
}
