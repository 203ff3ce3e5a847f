package io.connectsdk.builtins.json;

/**
 * How {@link JsonConverter} writes values of the logical type Decimal ({@code decimal.format}).
 * Both are always accepted when reading.
 */
public enum DecimalFormat {
    /** The two's-complement bytes of the unscaled value, as a Base64 JSON string (the default). */
    BASE64,
    /** A JSON number with the value's own scale, e.g. {@code 12.50}. */
    NUMERIC
}
