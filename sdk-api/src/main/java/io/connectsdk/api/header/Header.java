package io.connectsdk.api.header;

import io.connectsdk.api.data.Schema;

/**
 * One header of a record: a key, and a value with an optional schema.
 *
 * <p>Implementations are immutable and thread-safe (the value is held by reference);
 * {@link #with(Schema, Object)} and {@link #rename(String)} return new headers.
 * {@link ConnectHeader} is the standard implementation. Two headers are equal when their keys,
 * schemas and values are (byte arrays by content); implementations must honour that contract for
 * {@code equals} and {@code hashCode}.
 */
public interface Header {

    /** @return the key; never {@code null}; several headers of one record may share it */
    String key();

    /** @return the schema of the value; {@code null} for a schemaless header */
    Schema schema();

    /** @return the value; may be {@code null} */
    Object value();

    /**
     * @param schema the new schema; may be {@code null} (schemaless)
     * @param value the new value; may be {@code null}
     * @return a header with this key and the given schema and value
     * @throws io.connectsdk.api.errors.DataException if a schema is given and the value does not
     *     match it (the message names this header's key)
     */
    Header with(Schema schema, Object value);

    /**
     * @param key the new key; not {@code null}
     * @return a header with the given key and this header's schema and value
     * @throws io.connectsdk.api.errors.DataException if {@code key} is {@code null}
     */
    Header rename(String key);
}
