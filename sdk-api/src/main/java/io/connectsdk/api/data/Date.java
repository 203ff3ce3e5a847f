package io.connectsdk.api.data;

import io.connectsdk.api.errors.DataException;

/**
 * The {@code Date} logical type: a calendar date without time of day, presented as a
 * {@link java.util.Date} at midnight UTC and stored as {@code INT32}: the number of days since
 * 1970-01-01 (negative before). Same name and encoding as Kafka Connect's {@code Date}.
 *
 * <p>Stateless; all methods are static and thread-safe.
 */
public final class Date {
    /** The schema name that marks the logical type. */
    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Date";

    /** A required {@code Date} schema (version 1). */
    public static final Schema SCHEMA = builder().build();

    private Date() {
    }

    /** @return a new builder of a required {@code Date} schema (version 1) */
    public static SchemaBuilder builder() {
        return SchemaBuilder.int32().name(LOGICAL_NAME).version(1);
    }

    /**
     * @param schema a {@code Date} schema; not {@code null}
     * @param value a date at midnight UTC; not {@code null}
     * @return the number of days since 1970-01-01
     * @throws DataException if the schema is not a {@code Date} schema, the value is {@code null},
     *     has a time of day other than midnight UTC, or is too far from 1970 for an {@code int}
     */
    public static int fromLogical(Schema schema, java.util.Date value) {
        Logical.check(schema, LOGICAL_NAME, Schema.Type.INT32, "Date");
        if (value == null) {
            throw new DataException("Cannot convert a null Date");
        }
        long millis = value.getTime();
        if (Math.floorMod(millis, Logical.MILLIS_PER_DAY) != 0) {
            throw new DataException("A Date must be at midnight UTC (no time of day), got " + value.toInstant());
        }
        long days = Math.floorDiv(millis, Logical.MILLIS_PER_DAY);
        if (days > Integer.MAX_VALUE || days < Integer.MIN_VALUE) {
            throw new DataException("Date " + value.toInstant() + " is out of the range of the Date type");
        }
        return (int) days;
    }

    /**
     * @param schema a {@code Date} schema; not {@code null}
     * @param value the number of days since 1970-01-01
     * @return the date at midnight UTC
     * @throws DataException if the schema is not a {@code Date} schema
     */
    public static java.util.Date toLogical(Schema schema, int value) {
        Logical.check(schema, LOGICAL_NAME, Schema.Type.INT32, "Date");
        return new java.util.Date(value * Logical.MILLIS_PER_DAY);
    }
}
