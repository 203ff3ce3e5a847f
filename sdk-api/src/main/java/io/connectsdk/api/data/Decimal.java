package io.connectsdk.api.data;

import io.connectsdk.api.errors.DataException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The {@code Decimal} logical type: an arbitrary-precision decimal number with a fixed scale,
 * presented as {@link BigDecimal} and stored as {@code BYTES}: the big-endian two's-complement
 * bytes of the unscaled value, with the scale in the schema parameter {@value #SCALE_FIELD}. Same
 * name and encoding as Kafka Connect's {@code Decimal}.
 *
 * <p>Stateless; all methods are static and thread-safe.
 */
public final class Decimal {
    /** The schema name that marks the logical type. */
    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Decimal";
    /** The schema parameter that holds the scale, as a decimal integer string. */
    public static final String SCALE_FIELD = "scale";

    private Decimal() {
    }

    /**
     * @param scale the number of digits after the decimal point (may be negative, as for {@link BigDecimal})
     * @return a new builder of a required {@code Decimal} schema (version 1) with that scale; call
     *     {@link SchemaBuilder#optional()} etc. before building
     */
    public static SchemaBuilder builder(int scale) {
        return SchemaBuilder.bytes().name(LOGICAL_NAME).parameter(SCALE_FIELD, Integer.toString(scale)).version(1);
    }

    /**
     * @param scale the number of digits after the decimal point
     * @return a required {@code Decimal} schema with that scale
     */
    public static Schema schema(int scale) {
        return builder(scale).build();
    }

    /**
     * @param schema a {@code Decimal} schema; not {@code null}
     * @param value the number; not {@code null}; its scale must equal the schema's
     * @return the two's-complement big-endian bytes of the unscaled value
     * @throws DataException if the schema is not a {@code Decimal} schema or has no valid scale,
     *     the value is {@code null}, or its scale differs from the schema's (rescale it first, for
     *     example with {@link BigDecimal#setScale(int, java.math.RoundingMode)})
     */
    public static byte[] fromLogical(Schema schema, BigDecimal value) {
        int scale = scale(schema);
        if (value == null) {
            throw new DataException("Cannot convert null to Decimal bytes");
        }
        if (value.scale() != scale) {
            throw new DataException("BigDecimal " + value.toPlainString() + " has scale " + value.scale()
                    + " but the Decimal schema has scale " + scale);
        }
        return value.unscaledValue().toByteArray();
    }

    /**
     * @param schema a {@code Decimal} schema; not {@code null}
     * @param value two's-complement big-endian bytes of the unscaled value; not {@code null} or empty
     * @return the number, with the schema's scale
     * @throws DataException if the schema is not a {@code Decimal} schema or has no valid scale, or
     *     the value is {@code null} or empty
     */
    public static BigDecimal toLogical(Schema schema, byte[] value) {
        int scale = scale(schema);
        if (value == null || value.length == 0) {
            throw new DataException("Cannot convert " + (value == null ? "null" : "empty bytes") + " to a Decimal");
        }
        return new BigDecimal(new BigInteger(value), scale);
    }

    /**
     * @param schema a {@code Decimal} schema; not {@code null}
     * @return the scale in its {@value #SCALE_FIELD} parameter
     * @throws DataException if the schema is not a {@code Decimal} schema or the parameter is
     *     missing or not an integer
     */
    public static int scale(Schema schema) {
        Logical.check(schema, LOGICAL_NAME, Schema.Type.BYTES, "Decimal");
        String scale = schema.parameters().get(SCALE_FIELD);
        if (scale == null) {
            throw new DataException("Invalid Decimal schema: parameter '" + SCALE_FIELD + "' is missing");
        }
        try {
            return Integer.parseInt(scale);
        } catch (NumberFormatException e) {
            throw new DataException("Invalid Decimal schema: parameter '" + SCALE_FIELD + "' is not an integer: "
                    + scale, e);
        }
    }
}
