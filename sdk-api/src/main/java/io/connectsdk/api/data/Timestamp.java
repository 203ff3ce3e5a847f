package io.connectsdk.api.data;

import io.connectsdk.api.errors.DataException;

/**
 * The {@code Timestamp} logical type: an instant, presented as a {@link java.util.Date} and stored
 * as {@code INT64}: milliseconds since 1970-01-01T00:00:00Z (negative before). Same name and
 * encoding as Kafka Connect's {@code Timestamp}.
 *
 * <p>Stateless; all methods are static and thread-safe.
 */
public final class Timestamp {
    /** The schema name that marks the logical type. */
    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Timestamp";

    /** A required {@code Timestamp} schema (version 1). */
    public static final Schema SCHEMA = builder().build();

    private Timestamp() {
    }

    /** @return a new builder of a required {@code Timestamp} schema (version 1) */
    public static SchemaBuilder builder() {
        return SchemaBuilder.int64().name(LOGICAL_NAME).version(1);
    }

    /**
     * @param schema a {@code Timestamp} schema; not {@code null}
     * @param value the instant; not {@code null}
     * @return the milliseconds since the epoch
     * @throws DataException if the schema is not a {@code Timestamp} schema or the value is {@code null}
     */
    public static long fromLogical(Schema schema, java.util.Date value) {
        Logical.check(schema, LOGICAL_NAME, Schema.Type.INT64, "Timestamp");
        if (value == null) {
            throw new DataException("Cannot convert a null Timestamp");
        }
        return value.getTime();
    }

    /**
     * @param schema a {@code Timestamp} schema; not {@code null}
     * @param value the milliseconds since the epoch
     * @return the instant
     * @throws DataException if the schema is not a {@code Timestamp} schema
     */
    public static java.util.Date toLogical(Schema schema, long value) {
        Logical.check(schema, LOGICAL_NAME, Schema.Type.INT64, "Timestamp");
        return new java.util.Date(value);
    }
}
