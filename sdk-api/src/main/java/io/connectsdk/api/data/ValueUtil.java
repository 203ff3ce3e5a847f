package io.connectsdk.api.data;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Equality, hashing and printing of data values, with byte arrays and byte buffers compared by content. */
final class ValueUtil {
    private ValueUtil() {
    }

    static boolean deepEquals(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (isBytes(a) && isBytes(b)) {
            return Arrays.equals(bytes(a), bytes(b));
        }
        if (a instanceof List && b instanceof List) {
            List<?> la = (List<?>) a;
            List<?> lb = (List<?>) b;
            if (la.size() != lb.size()) {
                return false;
            }
            Iterator<?> ia = la.iterator();
            Iterator<?> ib = lb.iterator();
            while (ia.hasNext()) {
                if (!deepEquals(ia.next(), ib.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map && b instanceof Map) {
            Map<?, ?> ma = (Map<?, ?>) a;
            Map<?, ?> mb = (Map<?, ?>) b;
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                Object key = e.getKey();
                if (mb.containsKey(key)) {
                    if (!deepEquals(e.getValue(), mb.get(key))) {
                        return false;
                    }
                } else if (!containsDeep(mb, key, e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** For maps whose keys are byte arrays (identity-hashed), look for an entry by content. */
    private static boolean containsDeep(Map<?, ?> map, Object key, Object value) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (deepEquals(key, e.getKey()) && deepEquals(value, e.getValue())) {
                return true;
            }
        }
        return false;
    }

    static int deepHashCode(Object value) {
        if (value == null) {
            return 0;
        }
        if (isBytes(value)) {
            return Arrays.hashCode(bytes(value));
        }
        if (value instanceof List) {
            int h = 1;
            for (Object e : (List<?>) value) {
                h = 31 * h + deepHashCode(e);
            }
            return h;
        }
        if (value instanceof Map) {
            int h = 0;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                h += deepHashCode(e.getKey()) ^ deepHashCode(e.getValue());
            }
            return h;
        }
        return value.hashCode();
    }

    static String toString(Object value) {
        if (value instanceof byte[]) {
            return Arrays.toString((byte[]) value);
        }
        if (value instanceof ByteBuffer) {
            return Arrays.toString(bytes(value));
        }
        if (value instanceof List) {
            StringBuilder sb = new StringBuilder("[");
            for (Object e : (List<?>) value) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(toString(e));
            }
            return sb.append(']').toString();
        }
        if (value instanceof Map) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(toString(e.getKey())).append('=').append(toString(e.getValue()));
            }
            return sb.append('}').toString();
        }
        return Objects.toString(value);
    }

    static boolean isBytes(Object value) {
        return value instanceof byte[] || value instanceof ByteBuffer;
    }

    /** The content of a byte[] (itself) or of a ByteBuffer's remaining bytes (a copy; position unchanged). */
    static byte[] bytes(Object value) {
        if (value instanceof byte[]) {
            return (byte[]) value;
        }
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] result = new byte[buffer.remaining()];
        buffer.get(result);
        return result;
    }
}
