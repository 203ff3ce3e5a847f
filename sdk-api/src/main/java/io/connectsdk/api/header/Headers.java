package io.connectsdk.api.header;

import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.errors.DataException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The ordered, mutable collection of headers of one record. Several headers may have the same key;
 * iteration returns them in the order they were added. Methods that change the collection return
 * {@code this}, so calls can be chained.
 *
 * <p>Values added with a schema are validated against it: {@link DataException} (naming the header
 * key) when they do not match. A {@code null} key is rejected with {@link DataException}.
 *
 * <p>Not thread-safe: a record's headers are used by one thread at a time. {@link ConnectHeaders}
 * is the standard implementation.
 */
public interface Headers extends Iterable<Header> {

    /** @return the number of headers, counting every header of a repeated key */
    int size();

    /** @return {@code true} if there are no headers */
    boolean isEmpty();

    /**
     * @param key the key; not {@code null}
     * @return the headers with that key, in order; never {@code null}. The iterator reads this
     *     collection as it is (do not change it while iterating except through the iterator's own
     *     {@code remove()}, which removes the header last returned).
     */
    Iterator<Header> allWithName(String key);

    /**
     * @param key the key; not {@code null}
     * @return the header with that key that was added last, or {@code null} if there is none
     */
    Header lastWithName(String key);

    /**
     * Adds a header at the end.
     *
     * @param header the header; not {@code null}
     * @return this
     * @throws DataException if {@code header} is {@code null} or its value does not match its schema
     */
    Headers add(Header header);

    /**
     * Adds a header at the end.
     *
     * @param key the key; not {@code null}
     * @param schemaAndValue the schema (may be {@code null}: schemaless) and value (may be
     *     {@code null}); {@code null} means both are {@code null}
     * @return this
     * @throws DataException if the value does not match the schema
     */
    Headers add(String key, SchemaAndValue schemaAndValue);

    /**
     * Adds a header at the end.
     *
     * @param key the key; not {@code null}
     * @param value the value; may be {@code null} if the schema is optional or absent
     * @param schema the schema; may be {@code null} (schemaless, no validation)
     * @return this
     * @throws DataException if the value does not match the schema
     */
    Headers add(String key, Object value, Schema schema);

    /**
     * Adds a {@code STRING} header ({@link Schema#OPTIONAL_STRING_SCHEMA} if {@code value} is
     * {@code null}, else {@link Schema#STRING_SCHEMA}).
     *
     * @param key the key; not {@code null}
     * @param value the value; may be {@code null}
     * @return this
     */
    Headers addString(String key, String value);

    /**
     * Adds a {@link Schema#BOOLEAN_SCHEMA} header.
     *
     * @param key the key; not {@code null}
     * @param value the value
     * @return this
     */
    Headers addBoolean(String key, boolean value);

    /**
     * Adds an {@link Schema#INT8_SCHEMA} header.
     *
     * @param key the key; not {@code null}
     * @param value the value
     * @return this
     */
    Headers addByte(String key, byte value);

    /**
     * Adds an {@link Schema#INT16_SCHEMA} header.
     *
     * @param key the key; not {@code null}
     * @param value the value
     * @return this
     */
    Headers addShort(String key, short value);

    /**
     * Adds an {@link Schema#INT32_SCHEMA} header.
     *
     * @param key the key; not {@code null}
     * @param value the value
     * @return this
     */
    Headers addInt(String key, int value);

    /**
     * Adds an {@link Schema#INT64_SCHEMA} header.
     *
     * @param key the key; not {@code null}
     * @param value the value
     * @return this
     */
    Headers addLong(String key, long value);

    /**
     * Adds a {@link Schema#FLOAT32_SCHEMA} header.
     *
     * @param key the key; not {@code null}
     * @param value the value
     * @return this
     */
    Headers addFloat(String key, float value);

    /**
     * Adds a {@link Schema#FLOAT64_SCHEMA} header.
     *
     * @param key the key; not {@code null}
     * @param value the value
     * @return this
     */
    Headers addDouble(String key, double value);

    /**
     * Adds a {@code BYTES} header ({@link Schema#OPTIONAL_BYTES_SCHEMA} if {@code value} is
     * {@code null}, else {@link Schema#BYTES_SCHEMA}). The array is held by reference.
     *
     * @param key the key; not {@code null}
     * @param value the value; may be {@code null}
     * @return this
     */
    Headers addBytes(String key, byte[] value);

    /**
     * Adds an {@code ARRAY} header.
     *
     * @param key the key; not {@code null}
     * @param value the list; may be {@code null} if the schema is optional
     * @param schema the {@code ARRAY} schema of the list; not {@code null}
     * @return this
     * @throws DataException if {@code schema} is {@code null} or the list does not match it
     */
    Headers addList(String key, List<?> value, Schema schema);

    /**
     * Adds a {@code MAP} header.
     *
     * @param key the key; not {@code null}
     * @param value the map; may be {@code null} if the schema is optional
     * @param schema the {@code MAP} schema of the map; not {@code null}
     * @return this
     * @throws DataException if {@code schema} is {@code null} or the map does not match it
     */
    Headers addMap(String key, Map<?, ?> value, Schema schema);

    /**
     * Adds a {@code STRUCT} header whose schema is the struct's own. A {@code null} struct is added
     * as a schemaless {@code null} header.
     *
     * @param key the key; not {@code null}
     * @param value the struct; may be {@code null}
     * @return this
     */
    Headers addStruct(String key, Struct value);

    /**
     * Adds a {@link io.connectsdk.api.data.Decimal} header whose scale is the value's. A
     * {@code null} value is added as a schemaless {@code null} header (its scale is unknown).
     *
     * @param key the key; not {@code null}
     * @param value the value; may be {@code null}
     * @return this
     */
    Headers addDecimal(String key, BigDecimal value);

    /**
     * Adds a {@link io.connectsdk.api.data.Date} header (optional schema if {@code value} is
     * {@code null}). The value should be a midnight UTC; that is checked when the header is
     * converted, see {@link io.connectsdk.api.data.Date#fromLogical}.
     *
     * @param key the key; not {@code null}
     * @param value the value; may be {@code null}
     * @return this
     */
    Headers addDate(String key, java.util.Date value);

    /**
     * Adds a {@link io.connectsdk.api.data.Time} header (optional schema if {@code value} is
     * {@code null}). The value should lie within 1970-01-01 UTC; that is checked when the header is
     * converted, see {@link io.connectsdk.api.data.Time#fromLogical}.
     *
     * @param key the key; not {@code null}
     * @param value the value; may be {@code null}
     * @return this
     */
    Headers addTime(String key, java.util.Date value);

    /**
     * Adds a {@link io.connectsdk.api.data.Timestamp} header (optional schema if {@code value} is
     * {@code null}).
     *
     * @param key the key; not {@code null}
     * @param value the value; may be {@code null}
     * @return this
     */
    Headers addTimestamp(String key, java.util.Date value);

    /**
     * Removes every header with the key.
     *
     * @param key the key; not {@code null}
     * @return this
     */
    Headers remove(String key);

    /**
     * Removes every header with the key except the last one added.
     *
     * @param key the key; not {@code null}
     * @return this
     */
    Headers retainLatest(String key);

    /**
     * For every key, removes all headers but the last one added. The remaining headers keep their
     * relative order.
     *
     * @return this
     */
    Headers retainLatest();

    /**
     * Removes all headers.
     *
     * @return this
     */
    Headers clear();

    /**
     * @return an independent copy: changes to either collection do not affect the other (the
     *     headers themselves are immutable and shared; their values are shared by reference)
     */
    Headers duplicate();

    /**
     * Replaces every header with what the transform returns for it; a {@code null} result removes
     * the header. Order is preserved.
     *
     * @param transform the transform; not {@code null}
     * @return this
     * @throws DataException if a returned header's value does not match its schema
     */
    Headers apply(HeaderTransform transform);

    /**
     * Like {@link #apply(HeaderTransform)} but only for the headers with the given key; the others
     * are kept as they are.
     *
     * @param key the key; not {@code null}
     * @param transform the transform; not {@code null}
     * @return this
     * @throws DataException if a returned header's value does not match its schema
     */
    Headers apply(String key, HeaderTransform transform);

    /** A function from a header to its replacement, used by {@link Headers#apply(HeaderTransform)}. */
    @FunctionalInterface
    interface HeaderTransform {
        /**
         * @param header the header to transform; never {@code null}
         * @return the replacement (may be the same header, or one with another key); {@code null}
         *     to remove the header
         */
        Header apply(Header header);
    }
}
