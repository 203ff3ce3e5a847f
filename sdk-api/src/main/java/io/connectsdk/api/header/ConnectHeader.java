package io.connectsdk.api.header;

import io.connectsdk.api.data.ConnectSchema;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.errors.DataException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The standard {@link Header}: a key, and a value with an optional schema. When a schema is given
 * the value is validated against it on construction.
 *
 * <p>Immutable and thread-safe (the value is held by reference and must not be modified).
 */
public final class ConnectHeader implements Header {
    private final String key;
    private final Schema schema;
    private final Object value;

    /**
     * @param key the key; not {@code null}
     * @param schemaAndValue the schema (may be {@code null}: schemaless) and value (may be
     *     {@code null}); {@code null} means both are {@code null}
     * @throws DataException if the key is {@code null}, or a schema is given and the value does not
     *     match it (the message names the key)
     */
    public ConnectHeader(String key, SchemaAndValue schemaAndValue) {
        if (key == null) {
            throw new DataException("Header key must not be null");
        }
        SchemaAndValue sv = schemaAndValue == null ? SchemaAndValue.NULL : schemaAndValue;
        validate(key, sv.schema(), sv.value());
        this.key = key;
        this.schema = sv.schema();
        this.value = sv.value();
    }

    /**
     * Checks a header value against its schema, naming the header in the message.
     *
     * @throws DataException if the schema is not {@code null} and the value does not match it
     */
    static void validate(String key, Schema schema, Object value) {
        if (schema == null) {
            return;
        }
        try {
            ConnectSchema.validateValue(schema, value);
        } catch (DataException e) {
            String message = e.getMessage();
            String prefix = "Invalid value";
            String rest = message != null && message.startsWith(prefix) ? message.substring(prefix.length())
                    : ": " + message;
            throw new DataException("Invalid value for header '" + key + "'" + rest, e);
        }
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Object value() {
        return value;
    }

    @Override
    public Header with(Schema schema, Object value) {
        return new ConnectHeader(key, new SchemaAndValue(schema, value));
    }

    @Override
    public Header rename(String key) {
        if (key == null) {
            throw new DataException("Header key must not be null (renaming header '" + this.key + "')");
        }
        return key.equals(this.key) ? this : new ConnectHeader(key, new SchemaAndValue(schema, value));
    }

    /** Equal to any {@link Header} with an equal key, schema and value (byte arrays by content). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Header)) {
            return false;
        }
        Header that = (Header) o;
        return key.equals(that.key()) && Objects.equals(schema, that.schema()) && deepEquals(value, that.value());
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, schema) * 31 + deepHashCode(value);
    }

    /** @return for example {@code ConnectHeader{key=trace-id, value=abc, schema=Schema{STRING}}} */
    @Override
    public String toString() {
        return "ConnectHeader{key=" + key + ", value=" + render(value) + ", schema=" + schema + "}";
    }

    // Byte arrays and buffers by content, also nested in lists and maps.

    private static boolean isBytes(Object o) {
        return o instanceof byte[] || o instanceof ByteBuffer;
    }

    private static byte[] bytes(Object o) {
        if (o instanceof byte[]) {
            return (byte[]) o;
        }
        ByteBuffer b = ((ByteBuffer) o).duplicate();
        byte[] result = new byte[b.remaining()];
        b.get(result);
        return result;
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
                if (!mb.containsKey(e.getKey()) || !deepEquals(e.getValue(), mb.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
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

    static String render(Object value) {
        if (isBytes(value)) {
            return Arrays.toString(bytes(value));
        }
        return String.valueOf(value);
    }
}
