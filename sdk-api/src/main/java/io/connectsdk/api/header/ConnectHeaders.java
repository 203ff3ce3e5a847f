package io.connectsdk.api.header;

import io.connectsdk.api.data.Date;
import io.connectsdk.api.data.Decimal;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.data.Time;
import io.connectsdk.api.data.Timestamp;
import io.connectsdk.api.errors.DataException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The standard {@link Headers}: an ordered list of {@link Header}s, several per key allowed.
 * Headers added with a schema are validated against it ({@link DataException} naming the key).
 * {@link #iterator()} supports {@code remove()}.
 *
 * <p>Mutable and not thread-safe.
 */
public class ConnectHeaders implements Headers {
    private static final Schema OPTIONAL_DATE_SCHEMA = Date.builder().optional().build();
    private static final Schema OPTIONAL_TIME_SCHEMA = Time.builder().optional().build();
    private static final Schema OPTIONAL_TIMESTAMP_SCHEMA = Timestamp.builder().optional().build();

    private final List<Header> headers;

    /** Creates an empty collection. */
    public ConnectHeaders() {
        headers = new ArrayList<>();
    }

    /**
     * Creates a collection with the given headers, in their order.
     *
     * @param original the headers to copy; may be {@code null} (none)
     * @throws DataException if one of them is {@code null} or its value does not match its schema
     */
    public ConnectHeaders(Iterable<Header> original) {
        this();
        if (original != null) {
            for (Header h : original) {
                add(h);
            }
        }
    }

    @Override
    public int size() {
        return headers.size();
    }

    @Override
    public boolean isEmpty() {
        return headers.isEmpty();
    }

    /** @return an iterator over all headers, in order, that supports {@code remove()} */
    @Override
    public Iterator<Header> iterator() {
        return headers.iterator();
    }

    @Override
    public Iterator<Header> allWithName(String key) {
        checkKey(key);
        return new KeyIterator(key);
    }

    @Override
    public Header lastWithName(String key) {
        checkKey(key);
        for (int i = headers.size() - 1; i >= 0; i--) {
            Header h = headers.get(i);
            if (key.equals(h.key())) {
                return h;
            }
        }
        return null;
    }

    @Override
    public Headers add(Header header) {
        if (header == null) {
            throw new DataException("Cannot add a null header");
        }
        checkKey(header.key());
        if (!(header instanceof ConnectHeader)) {
            ConnectHeader.validate(header.key(), header.schema(), header.value());
        }
        headers.add(header);
        return this;
    }

    @Override
    public Headers add(String key, SchemaAndValue schemaAndValue) {
        return add(new ConnectHeader(key, schemaAndValue));
    }

    @Override
    public Headers add(String key, Object value, Schema schema) {
        return add(new ConnectHeader(key, new SchemaAndValue(schema, value)));
    }

    @Override
    public Headers addString(String key, String value) {
        return add(key, value, value != null ? Schema.STRING_SCHEMA : Schema.OPTIONAL_STRING_SCHEMA);
    }

    @Override
    public Headers addBoolean(String key, boolean value) {
        return add(key, value, Schema.BOOLEAN_SCHEMA);
    }

    @Override
    public Headers addByte(String key, byte value) {
        return add(key, value, Schema.INT8_SCHEMA);
    }

    @Override
    public Headers addShort(String key, short value) {
        return add(key, value, Schema.INT16_SCHEMA);
    }

    @Override
    public Headers addInt(String key, int value) {
        return add(key, value, Schema.INT32_SCHEMA);
    }

    @Override
    public Headers addLong(String key, long value) {
        return add(key, value, Schema.INT64_SCHEMA);
    }

    @Override
    public Headers addFloat(String key, float value) {
        return add(key, value, Schema.FLOAT32_SCHEMA);
    }

    @Override
    public Headers addDouble(String key, double value) {
        return add(key, value, Schema.FLOAT64_SCHEMA);
    }

    @Override
    public Headers addBytes(String key, byte[] value) {
        return add(key, value, value != null ? Schema.BYTES_SCHEMA : Schema.OPTIONAL_BYTES_SCHEMA);
    }

    @Override
    public Headers addList(String key, List<?> value, Schema schema) {
        checkKey(key);
        if (schema == null) {
            throw new DataException("addList needs the ARRAY schema of header '" + key + "'");
        }
        return add(key, value, schema);
    }

    @Override
    public Headers addMap(String key, Map<?, ?> value, Schema schema) {
        checkKey(key);
        if (schema == null) {
            throw new DataException("addMap needs the MAP schema of header '" + key + "'");
        }
        return add(key, value, schema);
    }

    @Override
    public Headers addStruct(String key, Struct value) {
        return add(key, value, value == null ? null : value.schema());
    }

    @Override
    public Headers addDecimal(String key, BigDecimal value) {
        return add(key, value, value == null ? null : Decimal.schema(value.scale()));
    }

    @Override
    public Headers addDate(String key, java.util.Date value) {
        return add(key, value, value != null ? Date.SCHEMA : OPTIONAL_DATE_SCHEMA);
    }

    @Override
    public Headers addTime(String key, java.util.Date value) {
        return add(key, value, value != null ? Time.SCHEMA : OPTIONAL_TIME_SCHEMA);
    }

    @Override
    public Headers addTimestamp(String key, java.util.Date value) {
        return add(key, value, value != null ? Timestamp.SCHEMA : OPTIONAL_TIMESTAMP_SCHEMA);
    }

    @Override
    public Headers remove(String key) {
        checkKey(key);
        headers.removeIf(h -> key.equals(h.key()));
        return this;
    }

    @Override
    public Headers retainLatest(String key) {
        checkKey(key);
        boolean seen = false;
        for (ListIterator<Header> it = headers.listIterator(headers.size()); it.hasPrevious(); ) {
            if (key.equals(it.previous().key())) {
                if (seen) {
                    it.remove();
                }
                seen = true;
            }
        }
        return this;
    }

    @Override
    public Headers retainLatest() {
        Set<String> seen = new HashSet<>();
        for (ListIterator<Header> it = headers.listIterator(headers.size()); it.hasPrevious(); ) {
            if (!seen.add(it.previous().key())) {
                it.remove();
            }
        }
        return this;
    }

    @Override
    public Headers clear() {
        headers.clear();
        return this;
    }

    @Override
    public Headers duplicate() {
        ConnectHeaders copy = new ConnectHeaders();
        copy.headers.addAll(headers);
        return copy;
    }

    @Override
    public Headers apply(HeaderTransform transform) {
        return applyTo(null, transform);
    }

    @Override
    public Headers apply(String key, HeaderTransform transform) {
        checkKey(key);
        return applyTo(key, transform);
    }

    private Headers applyTo(String key, HeaderTransform transform) {
        if (transform == null) {
            throw new DataException("Header transform must not be null");
        }
        for (ListIterator<Header> it = headers.listIterator(); it.hasNext(); ) {
            Header h = it.next();
            if (key != null && !key.equals(h.key())) {
                continue;
            }
            Header result = transform.apply(h);
            if (result == null) {
                it.remove();
            } else if (result != h) {
                if (result.key() == null) {
                    throw new DataException("Header transform returned a header with a null key for header '"
                            + h.key() + "'");
                }
                if (!(result instanceof ConnectHeader)) {
                    ConnectHeader.validate(result.key(), result.schema(), result.value());
                }
                it.set(result);
            }
        }
        return this;
    }

    private static void checkKey(String key) {
        if (key == null) {
            throw new DataException("Header key must not be null");
        }
    }

    /** Equal to another {@code ConnectHeaders} with equal headers in the same order. */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ConnectHeaders && headers.equals(((ConnectHeaders) o).headers));
    }

    @Override
    public int hashCode() {
        return headers.hashCode();
    }

    /** @return for example {@code ConnectHeaders[trace-id=abc, attempt=2]} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ConnectHeaders[");
        for (int i = 0; i < headers.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Header h = headers.get(i);
            sb.append(h.key()).append('=').append(ConnectHeader.render(h.value()));
        }
        return sb.append(']').toString();
    }

    /** Iterates over the headers with one key; remove() removes the last returned one. */
    private final class KeyIterator implements Iterator<Header> {
        private final String key;
        private int next; // index from which to search for the next match
        private int last = -1; // index of the header last returned, -1 if none or removed

        KeyIterator(String key) {
            this.key = key;
        }

        private int findNext() {
            for (int i = next; i < headers.size(); i++) {
                if (key.equals(headers.get(i).key())) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public boolean hasNext() {
            return findNext() >= 0;
        }

        @Override
        public Header next() {
            int i = findNext();
            if (i < 0) {
                throw new NoSuchElementException("No more headers with key '" + key + "'");
            }
            last = i;
            next = i + 1;
            return headers.get(i);
        }

        @Override
        public void remove() {
            if (last < 0) {
                throw new IllegalStateException("next() has not been called, or remove() was already called");
            }
            headers.remove(last);
            next = last;
            last = -1;
        }
    }
}
