package io.connectsdk.api.data;

import io.connectsdk.api.errors.DataException;

/**
 * The {@code Time} logical type: a time of day without date, presented as a {@link java.util.Date}
 * on 1970-01-01 UTC and stored as {@code INT32}: milliseconds since midnight, from 0 to
 * 86,399,999. Same name and encoding as Kafka Connect's {@code Time}.
 *
 * <p>Stateless; all methods are static and thread-safe.
 */
public final class Time {
    /** The schema name that marks the logical type. */
    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Time";

    /** A required {@code Time} schema (version 1). */
    public static final Schema SCHEMA = builder().build();

    private Time() {
    }

    /** @return a new builder of a required {@code Time} schema (version 1) */
    public static SchemaBuilder builder() {
        return SchemaBuilder.int32().name(LOGICAL_NAME).version(1);
    }

    /**
     * @param schema a {@code Time} schema; not {@code null}
     * @param value a time on 1970-01-01 UTC (its date part zero); not {@code null}
     * @return the milliseconds since midnight
     * @throws DataException if the schema is not a {@code Time} schema, the value is {@code null},
     *     or it is not within 1970-01-01 UTC
     */
    public static int fromLogical(Schema schema, java.util.Date value) {
        Logical.check(schema, LOGICAL_NAME, Schema.Type.INT32, "Time");
        if (value == null) {
            throw new DataException("Cannot convert a null Time");
        }
        long millis = value.getTime();
        if (millis < 0 || millis > Logical.MILLIS_PER_DAY) {
            throw new DataException("A Time must be within 1970-01-01 UTC (no date part), got " + value.toInstant());
        }
        return (int) millis;
    }

    /**
     * @param schema a {@code Time} schema; not {@code null}
     * @param value milliseconds since midnight, from 0 to 86,400,000 (24:00, accepted as Kafka Connect does)
     * @return the time on 1970-01-01 UTC
     * @throws DataException if the schema is not a {@code Time} schema or the value is out of range
     */
    public static java.util.Date toLogical(Schema schema, int value) {
        Logical.check(schema, LOGICAL_NAME, Schema.Type.INT32, "Time");
        if (value < 0 || value > Logical.MILLIS_PER_DAY) {
            throw new DataException("A Time must be between 0 and " + Logical.MILLIS_PER_DAY
                    + " milliseconds since midnight, got " + value);
        }
        return new java.util.Date(value);
    }
}
