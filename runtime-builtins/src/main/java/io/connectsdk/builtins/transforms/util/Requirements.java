package io.connectsdk.builtins.transforms.util;

import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.sink.SinkRecord;
import java.util.Map;

/**
 * Checks of the shape of record data, shared by the built-in transforms. Every failure is a
 * {@link DataException} that names the transform and what it found. Stateless and thread-safe.
 */
public final class Requirements {
    private Requirements() {
    }

    /**
     * @param transform the transform's name, for the message, e.g. {@code "InsertField$Value"}
     * @param part what is checked, e.g. {@code "value"}
     * @return {@code value} as a map
     * @throws DataException if {@code value} is not a {@link Map} (including {@code null})
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> requireMap(Object value, String transform, String part) {
        if (!(value instanceof Map)) {
            throw new DataException(transform + " needs the record " + part + " to be a Map when it has no schema, but it is "
                    + describe(value));
        }
        return (Map<String, Object>) value;
    }

    /** Like {@link #requireMap} but lets {@code null} through. */
    public static Map<String, Object> requireMapOrNull(Object value, String transform, String part) {
        return value == null ? null : requireMap(value, transform, part);
    }

    /**
     * @return {@code value} as a struct
     * @throws DataException if {@code value} is not a {@link Struct} (including {@code null})
     */
    public static Struct requireStruct(Object value, String transform, String part) {
        if (!(value instanceof Struct)) {
            throw new DataException(transform + " needs the record " + part + " to be a Struct when it has a schema, but it is "
                    + describe(value));
        }
        return (Struct) value;
    }

    /** Like {@link #requireStruct} but lets {@code null} through. */
    public static Struct requireStructOrNull(Object value, String transform, String part) {
        return value == null ? null : requireStruct(value, transform, part);
    }

    /**
     * @throws DataException if {@code schema} is {@code null}
     */
    public static Schema requireSchema(Schema schema, String transform, String part) {
        if (schema == null) {
            throw new DataException(transform + " needs a schema for the record " + part + ", but it has none");
        }
        return schema;
    }

    /**
     * @param what what needs a sink record, e.g. {@code "offset.field"}
     * @throws DataException if {@code record} is not a {@link SinkRecord}
     */
    public static SinkRecord requireSinkRecord(ConnectRecord<?> record, String transform, String what) {
        if (!(record instanceof SinkRecord)) {
            throw new DataException(transform + ": " + what + " needs a SinkRecord (a Kafka offset), but the record is a "
                    + record.getClass().getName());
        }
        return (SinkRecord) record;
    }

    /** @return {@code null}, or the value's class name, for messages */
    public static String describe(Object value) {
        return value == null ? "null" : "a " + value.getClass().getTypeName();
    }
}
