package io.connectsdk.testkit.harness;

import io.connectsdk.api.source.OffsetStorageReader;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The harness's in-memory offset store. Partitions and offsets are checked (strings, numbers,
 * booleans and null only) and normalised as the runtime's JSON storage returns them: integral
 * numbers as {@code Long}, others as {@code Double}; so a task that casts an offset to
 * {@code Integer} fails here as it would in production. Thread-safe.
 */
final class SourceOffsets implements OffsetStorageReader {
    private final Map<Map<String, Object>, Map<String, Object>> offsets = new LinkedHashMap<>();

    /** @return null when the map is valid, else what is wrong with it */
    static String problem(String what, Map<String, ?> map) {
        if (map == null) {
            return null;
        }
        for (Map.Entry<String, ?> e : map.entrySet()) {
            Object key = e.getKey();
            if (!(key instanceof String)) {
                return "the source " + what + " " + map + " has a key that is not a string: " + key
                        + (key == null ? "" : " (" + key.getClass().getName() + ")");
            }
            Object v = e.getValue();
            if (v != null && !(v instanceof String) && !(v instanceof Number) && !(v instanceof Boolean)) {
                return "the source " + what + " " + map + " has a value of type " + v.getClass().getName()
                        + " under key '" + key + "'; only strings, numbers, booleans and null can be stored";
            }
        }
        return null;
    }

    static Map<String, Object> normalise(Map<String, ?> map) {
        if (map == null) {
            return null;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : map.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long
                    || v instanceof java.math.BigInteger) {
                v = ((Number) v).longValue();
            } else if (v instanceof Number) {
                v = ((Number) v).doubleValue();
            }
            result.put(e.getKey(), v);
        }
        return Collections.unmodifiableMap(result);
    }

    synchronized void put(Map<String, ?> partition, Map<String, ?> offset) {
        String problem = problem("partition", partition);
        if (problem == null) {
            problem = problem("offset", offset);
        }
        if (problem != null) {
            throw new IllegalArgumentException("Cannot store this offset: " + problem);
        }
        offsets.put(normalise(partition), normalise(offset));
    }

    synchronized Map<Map<String, Object>, Map<String, Object>> snapshot() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(offsets));
    }

    @Override
    public synchronized <T> Map<String, Object> offset(Map<String, T> partition) {
        return partition == null ? null : offsets.get(normalise(partition));
    }

    @Override
    public synchronized <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        Map<Map<String, T>, Map<String, Object>> result = new LinkedHashMap<>();
        for (Map<String, T> p : partitions) {
            Map<String, Object> o = offset(p);
            if (o != null) {
                result.put(p, o);
            }
        }
        return result;
    }
}
