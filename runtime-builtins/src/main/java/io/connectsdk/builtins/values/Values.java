package io.connectsdk.builtins.values;

import io.connectsdk.api.data.Date;
import io.connectsdk.api.data.Decimal;
import io.connectsdk.api.data.Field;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.data.Time;
import io.connectsdk.api.data.Timestamp;
import io.connectsdk.api.errors.DataException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Converts values between Connect types and parses the text form that header converters use,
 * behaving like Kafka Connect's {@code org.apache.kafka.connect.data.Values} (written from its
 * documented and observed behaviour; the differential tests in this module compare the two).
 *
 * <p><b>Text form</b> ({@link #convertToString(Schema, Object)}): numbers and booleans as Java
 * prints them, strings as they are (quoted and with {@code \} and {@code "} escaped when inside a
 * list, map or struct), bytes as standard Base64, lists as {@code [a,b]}, maps and structs as
 * {@code {k:v,...}}, and {@link java.util.Date}s by magnitude, in UTC: below one day as time
 * {@code HH:mm:ss.SSS'Z'}, whole days as date {@code yyyy-MM-dd}, otherwise as timestamp
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}.
 *
 * <p><b>Parsing</b> ({@link #parseString(String)}) infers the schema: {@code true}/{@code false};
 * whole numbers as the smallest of INT8/INT16/INT32/INT64 that holds them; other numbers as
 * FLOAT32 when finite as a float, else FLOAT64, else a Decimal; ISO dates, times and timestamps
 * (the three patterns above, parsed leniently like {@link SimpleDateFormat}); lists {@code [..]}
 * and maps {@code {..}} whose elements share a common schema (numbers widen); anything else as
 * the original string.
 *
 * <p><b>Deliberate differences from Kafka Connect</b>: dates are always formatted and parsed in
 * UTC (Kafka uses the JVM's default time zone, so results are equal on UTC JVMs); the literal
 * {@code null} parses to {@link SchemaAndValue#NULL} (Kafka returns {@code null}); a list or map
 * whose elements have no common schema (including an empty one) is returned with a {@code null}
 * schema, because connect-sdk's schemas cannot have a missing element schema (Kafka returns an
 * ARRAY/MAP schema with a {@code null} element schema); the value is the same.
 *
 * <p>Stateless and thread-safe.
 */
public final class Values {
    private static final long MILLIS_PER_DAY = 24L * 60 * 60 * 1000;
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    static final String DATE_PATTERN = "yyyy-MM-dd";
    static final String TIME_PATTERN = "HH:mm:ss.SSS'Z'";
    static final String TIMESTAMP_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";
    /** Length of the texts each pattern matches (the quotes around literals are not text). */
    private static final int DATE_LENGTH = 10;
    private static final int TIME_LENGTH = 13;
    private static final int TIMESTAMP_LENGTH = 24;

    private static final SchemaAndValue TRUE = new SchemaAndValue(Schema.BOOLEAN_SCHEMA, Boolean.TRUE);
    private static final SchemaAndValue FALSE = new SchemaAndValue(Schema.BOOLEAN_SCHEMA, Boolean.FALSE);
    private static final BigDecimal TEN_POW_19 = BigDecimal.TEN.pow(19);

    /**
     * Stands for "no element schema" while parsing (Kafka's arrayOfNull/mapOfNull); a parsed schema
     * that contains it is reported as {@code null}. Compared by identity.
     */
    private static final Schema UNKNOWN = SchemaBuilder.struct().name("io.connectsdk.builtins.values.Unknown").build();

    private Values() {
    }

    // ------------------------------------------------------------------------------------------
    // Conversions to primitive types

    /**
     * @param schema the value's schema, may be {@code null}
     * @param value the value, may be {@code null}
     * @return {@code null} for {@code null}; the boolean itself; for a string, the parsed boolean
     *     when it parses to one, else whether its number is not zero; for a number, whether it is not
     *     zero
     * @throws DataException when the value is not a boolean, number or numeric string
     */
    public static Boolean convertToBoolean(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof String) {
            SchemaAndValue parsed = parseString((String) value);
            if (parsed.value() instanceof Boolean) {
                return (Boolean) parsed.value();
            }
        }
        return toLong(value, schema, null) != 0L;
    }

    /**
     * @param schema the value's schema (used for logical dates and times), may be {@code null}
     * @param value a number, numeric string, or logical Date/Time/Timestamp; may be {@code null}
     * @return the value narrowed to a byte like a Java cast; {@code null} for {@code null}
     * @throws DataException when the value cannot be read as a number
     */
    public static Byte convertToByte(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Byte ? (Byte) value : (byte) toLong(value, schema, null);
    }

    /** As {@link #convertToByte(Schema, Object)}, narrowing to a short. */
    public static Short convertToShort(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Short ? (Short) value : (short) toLong(value, schema, null);
    }

    /** As {@link #convertToByte(Schema, Object)}, narrowing to an int. */
    public static Integer convertToInteger(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Integer ? (Integer) value : (int) toLong(value, schema, null);
    }

    /** As {@link #convertToByte(Schema, Object)}, as a long. */
    public static Long convertToLong(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Long ? (Long) value : toLong(value, schema, null);
    }

    /** As {@link #convertToDouble(Schema, Object)}, rounded to a float. */
    public static Float convertToFloat(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Float ? (Float) value : (float) toDouble(value, schema);
    }

    /**
     * @param schema the value's schema (used for logical dates and times), may be {@code null}
     * @param value a number, numeric string, or logical Date/Time/Timestamp; may be {@code null}
     * @return the value as a double; {@code null} for {@code null}
     * @throws DataException when the value cannot be read as a number
     */
    public static Double convertToDouble(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Double ? (Double) value : toDouble(value, schema);
    }

    /**
     * Renders a value in the text form described in the class documentation.
     *
     * @param schema ignored (the text depends on the value only), may be {@code null}
     * @param value the value, may be {@code null}
     * @return {@code null} for {@code null}, else the text
     * @throws DataException for values of a type Connect does not know
     */
    public static String convertToString(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        appendText(sb, value, false);
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------
    // Conversions to complex and logical types

    /**
     * @param schema ignored, may be {@code null}
     * @param value a list, or a string that parses to one; not {@code null}
     * @return the list (not copied)
     * @throws DataException for {@code null} or anything else
     */
    public static List<?> convertToList(Schema schema, Object value) {
        Object v = parsedIfString(requireValue(value));
        if (v instanceof List) {
            return (List<?>) v;
        }
        throw cannotConvert(value, "a list");
    }

    /**
     * @param schema ignored, may be {@code null}
     * @param value a map, or a string that parses to one; not {@code null}
     * @return the map (not copied)
     * @throws DataException for {@code null} or anything else
     */
    public static Map<?, ?> convertToMap(Schema schema, Object value) {
        Object v = parsedIfString(requireValue(value));
        if (v instanceof Map) {
            return (Map<?, ?>) v;
        }
        throw cannotConvert(value, "a map");
    }

    /**
     * @param schema ignored, may be {@code null}
     * @param value a struct; not {@code null}
     * @return the struct
     * @throws DataException for {@code null} or anything else (strings are not parsed to structs)
     */
    public static Struct convertToStruct(Schema schema, Object value) {
        if (requireValue(value) instanceof Struct) {
            return (Struct) value;
        }
        throw cannotConvert(value, "a struct");
    }

    /**
     * @param schema the value's schema, may be {@code null}; a logical Timestamp value is cut to its
     *     day, a Date value is kept
     * @param value a {@link java.util.Date}, a number of days since the epoch, or a string that
     *     parses to either; not {@code null}
     * @return a date at midnight UTC
     * @throws DataException for {@code null} or values that cannot be converted
     */
    public static java.util.Date convertToDate(Schema schema, Object value) {
        return toDate(Date.SCHEMA, schema, requireValue(value));
    }

    /**
     * @param schema the value's schema, may be {@code null}; of a logical Timestamp value only the
     *     time of day is kept
     * @param value a {@link java.util.Date}, a number of milliseconds since midnight, or a string
     *     that parses to either; not {@code null}
     * @return a time on 1970-01-01 UTC
     * @throws DataException for {@code null} or values that cannot be converted
     */
    public static java.util.Date convertToTime(Schema schema, Object value) {
        return toTime(Time.SCHEMA, schema, requireValue(value));
    }

    /**
     * @param schema the value's schema, may be {@code null}; logical Date and Time values are
     *     converted to their instant
     * @param value a {@link java.util.Date}, a number of milliseconds since the epoch, or a string
     *     that parses to either; not {@code null}
     * @return the timestamp
     * @throws DataException for {@code null} or values that cannot be converted
     */
    public static java.util.Date convertToTimestamp(Schema schema, Object value) {
        return toTimestamp(Timestamp.SCHEMA, schema, requireValue(value));
    }

    /**
     * @param schema ignored, may be {@code null}
     * @param value a {@link BigDecimal} (returned as is), a number (via its double value), a
     *     numeric string, or the two's-complement bytes of the unscaled value; not {@code null}
     * @param scale the scale that bytes are read with
     * @return the decimal; its scale is the value's own except for bytes
     * @throws DataException for {@code null} or values that cannot be converted
     */
    public static BigDecimal convertToDecimal(Schema schema, Object value, int scale) {
        return toDecimal(Decimal.schema(scale), requireValue(value));
    }

    /**
     * As {@link #convertToDecimal(Schema, Object, int)}, reading bytes with the scale of
     * {@code schema}, which must then be a Decimal schema.
     *
     * @param schema the value's schema, may be {@code null} unless the value is bytes
     * @param value the value; not {@code null}
     * @return the decimal
     * @throws DataException for {@code null}, values that cannot be converted, or bytes without a
     *     Decimal schema
     */
    public static BigDecimal convertToDecimal(Schema schema, Object value) {
        requireValue(value);
        if (value instanceof byte[] || value instanceof ByteBuffer) {
            if (schema == null || !Decimal.LOGICAL_NAME.equals(schema.name())) {
                throw new DataException("Cannot convert bytes to a decimal without a Decimal schema giving the scale");
            }
            return toDecimal(schema, value);
        }
        return toDecimal(Decimal.schema(0), value);
    }

    /**
     * Converts a value to the type of {@code toSchema}, honouring logical types (Decimal, Date,
     * Time, Timestamp) of the target. Lists, maps and structs are not converted element by element.
     *
     * @param toSchema the target schema; not {@code null}
     * @param fromSchema the value's schema, may be {@code null}
     * @param value the value, may be {@code null} when {@code toSchema} is optional
     * @return the converted value
     * @throws DataException when the value cannot be converted, or is {@code null} for a required
     *     target
     */
    public static Object convertTo(Schema toSchema, Schema fromSchema, Object value) {
        if (value == null) {
            if (toSchema.isOptional()) {
                return null;
            }
            throw new DataException("Unable to convert a null value to a schema that requires a value");
        }
        String logical = toSchema.name();
        switch (toSchema.type()) {
            case BYTES:
                if (Decimal.LOGICAL_NAME.equals(logical)) {
                    return toDecimal(toSchema, value);
                }
                return toBytes(toSchema, value);
            case STRING:
                return convertToString(fromSchema, value);
            case BOOLEAN:
                return convertToBoolean(fromSchema, value);
            case INT8:
                return convertToByte(fromSchema, value);
            case INT16:
                return convertToShort(fromSchema, value);
            case INT32:
                if (Date.LOGICAL_NAME.equals(logical)) {
                    return toDate(toSchema, fromSchema, value);
                }
                if (Time.LOGICAL_NAME.equals(logical)) {
                    return toTime(toSchema, fromSchema, value);
                }
                return convertToInteger(fromSchema, value);
            case INT64:
                if (Timestamp.LOGICAL_NAME.equals(logical)) {
                    return toTimestamp(toSchema, fromSchema, value);
                }
                return convertToLong(fromSchema, value);
            case FLOAT32:
                return convertToFloat(fromSchema, value);
            case FLOAT64:
                return convertToDouble(fromSchema, value);
            case ARRAY:
                return convertToList(toSchema, value);
            case MAP:
                return convertToMap(toSchema, value);
            case STRUCT:
                return convertToStruct(toSchema, value);
            default:
                throw new DataException("Unknown schema type " + toSchema.type());
        }
    }

    /**
     * Infers a schema for a value without one.
     *
     * @param value the value, may be {@code null}
     * @return the schema of a primitive value; a struct's own schema; for a non-empty list or map
     *     whose elements (keys, values) all have the same primitive type, an ARRAY/MAP schema with
     *     that element type (optional when some are {@code null}); {@code null} otherwise
     */
    public static Schema inferSchema(Object value) {
        if (value instanceof String) {
            return Schema.STRING_SCHEMA;
        }
        if (value instanceof Boolean) {
            return Schema.BOOLEAN_SCHEMA;
        }
        if (value instanceof Byte) {
            return Schema.INT8_SCHEMA;
        }
        if (value instanceof Short) {
            return Schema.INT16_SCHEMA;
        }
        if (value instanceof Integer) {
            return Schema.INT32_SCHEMA;
        }
        if (value instanceof Long) {
            return Schema.INT64_SCHEMA;
        }
        if (value instanceof Float) {
            return Schema.FLOAT32_SCHEMA;
        }
        if (value instanceof Double) {
            return Schema.FLOAT64_SCHEMA;
        }
        if (value instanceof byte[] || value instanceof ByteBuffer) {
            return Schema.BYTES_SCHEMA;
        }
        if (value instanceof Struct) {
            return ((Struct) value).schema();
        }
        if (value instanceof List) {
            List<?> list = (List<?>) value;
            Schema element = list.isEmpty() ? null : commonPrimitiveSchema(list);
            return element == null ? null : SchemaBuilder.array(element).build();
        }
        if (value instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) value;
            if (map.isEmpty()) {
                return null;
            }
            Schema key = commonPrimitiveSchema(map.keySet());
            Schema val = key == null ? null : commonPrimitiveSchema(map.values());
            return val == null ? null : SchemaBuilder.map(key, val).build();
        }
        return null;
    }

    private static Schema commonPrimitiveSchema(Collection<?> values) {
        Schema.Type type = null;
        boolean sawNull = false;
        for (Object v : values) {
            if (v == null) {
                sawNull = true;
                continue;
            }
            Schema s = inferSchema(v);
            if (s == null || !s.type().isPrimitive() || (type != null && type != s.type())) {
                return null;
            }
            type = s.type();
        }
        if (type == null) {
            return null;
        }
        SchemaBuilder builder = SchemaBuilder.type(type);
        return sawNull ? builder.optional().build() : builder.build();
    }

    // ------------------------------------------------------------------------------------------
    // Internals of the conversions

    private static Object requireValue(Object value) {
        if (value == null) {
            throw new DataException("Unable to convert a null value to a schema that requires a value");
        }
        return value;
    }

    private static Object parsedIfString(Object value) {
        return value instanceof String ? parseString((String) value).value() : value;
    }

    private static DataException cannotConvert(Object value, String target) {
        return new DataException("Unable to convert " + describe(value) + " to " + target);
    }

    private static String describe(Object value) {
        return value == null ? "null" : value + " (" + value.getClass().getName() + ")";
    }

    /** Reads a value as a long: numbers (narrowed), numeric strings, logical dates and times. */
    private static long toLong(Object value, Schema fromSchema, Throwable cause) {
        if (value instanceof Number) {
            return ((Number) value).longValue();
        }
        if (value instanceof String) {
            try {
                return new BigDecimal((String) value).longValue();
            } catch (NumberFormatException e) {
                cause = cause == null ? e : cause;
            }
        }
        if (fromSchema != null && value instanceof java.util.Date) {
            java.util.Date date = (java.util.Date) value;
            String logical = fromSchema.name();
            if (Date.LOGICAL_NAME.equals(logical)) {
                return Date.fromLogical(fromSchema, date);
            }
            if (Time.LOGICAL_NAME.equals(logical)) {
                return Time.fromLogical(fromSchema, date);
            }
            if (Timestamp.LOGICAL_NAME.equals(logical)) {
                return Timestamp.fromLogical(fromSchema, date);
            }
        }
        String target = fromSchema == null ? "a number" : "a number (value schema " + fromSchema + ")";
        throw new DataException("Unable to convert " + describe(value) + " to " + target, cause);
    }

    private static double toDouble(Object value, Schema fromSchema) {
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        Throwable cause = null;
        if (value instanceof String) {
            try {
                return new BigDecimal((String) value).doubleValue();
            } catch (NumberFormatException e) {
                cause = e;
            }
        }
        return toLong(value, fromSchema, cause);
    }

    private static BigDecimal toDecimal(Schema decimalSchema, Object value) {
        if (value instanceof ByteBuffer) {
            value = bytesOf((ByteBuffer) value);
        }
        if (value instanceof byte[]) {
            return Decimal.toLogical(decimalSchema, (byte[]) value);
        }
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        try {
            if (value instanceof Number) {
                return BigDecimal.valueOf(((Number) value).doubleValue());
            }
            if (value instanceof String) {
                return new BigDecimal((String) value);
            }
        } catch (NumberFormatException e) { // not a number, NaN or infinite
            throw new DataException("Unable to convert " + describe(value) + " to a decimal", e);
        }
        throw cannotConvert(value, "a decimal");
    }

    private static byte[] toBytes(Schema toSchema, Object value) {
        if (value instanceof ByteBuffer) {
            return bytesOf((ByteBuffer) value);
        }
        if (value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof BigDecimal) {
            return Decimal.fromLogical(toSchema, (BigDecimal) value);
        }
        throw cannotConvert(value, "bytes");
    }

    private static java.util.Date toDate(Schema toSchema, Schema fromSchema, Object value) {
        Object v = parsedIfString(value);
        if (v instanceof java.util.Date) {
            java.util.Date date = (java.util.Date) v;
            String from = fromSchema == null ? null : fromSchema.name();
            if (fromSchema == null || Date.LOGICAL_NAME.equals(from)) {
                return date;
            }
            if (Timestamp.LOGICAL_NAME.equals(from)) {
                // whole days since the epoch, truncated toward zero as Kafka Connect does
                return Date.toLogical(toSchema, (int) (date.getTime() / MILLIS_PER_DAY));
            }
        }
        return Date.toLogical(toSchema, (int) toLong(v, fromSchema, null));
    }

    private static java.util.Date toTime(Schema toSchema, Schema fromSchema, Object value) {
        Object v = parsedIfString(value);
        if (v instanceof java.util.Date) {
            java.util.Date date = (java.util.Date) v;
            String from = fromSchema == null ? null : fromSchema.name();
            if (fromSchema == null || Time.LOGICAL_NAME.equals(from)) {
                return date;
            }
            if (Timestamp.LOGICAL_NAME.equals(from)) {
                return Time.toLogical(toSchema, (int) Math.floorMod(date.getTime(), MILLIS_PER_DAY));
            }
        }
        return Time.toLogical(toSchema, (int) toLong(v, fromSchema, null));
    }

    private static java.util.Date toTimestamp(Schema toSchema, Schema fromSchema, Object value) {
        Object v = parsedIfString(value);
        if (v instanceof java.util.Date) {
            java.util.Date date = (java.util.Date) v;
            String from = fromSchema == null ? null : fromSchema.name();
            if (fromSchema == null || Timestamp.LOGICAL_NAME.equals(from)) {
                return date;
            }
            if (Date.LOGICAL_NAME.equals(from)) {
                return Timestamp.toLogical(toSchema, Date.fromLogical(fromSchema, date) * MILLIS_PER_DAY);
            }
            if (Time.LOGICAL_NAME.equals(from)) {
                return Timestamp.toLogical(toSchema, Time.fromLogical(fromSchema, date));
            }
        }
        return Timestamp.toLogical(toSchema, toLong(v, fromSchema, null));
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
    }

    // ------------------------------------------------------------------------------------------
    // Text form

    private static void appendText(StringBuilder sb, Object value, boolean nested) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof String) {
            appendString(sb, (String) value, nested);
        } else if (value instanceof byte[]) {
            appendBase64(sb, (byte[]) value, nested);
        } else if (value instanceof ByteBuffer) {
            appendBase64(sb, bytesOf((ByteBuffer) value), nested);
        } else if (value instanceof List) {
            sb.append('[');
            appendAll(sb, ((List<?>) value).iterator());
            sb.append(']');
        } else if (value instanceof Map) {
            sb.append('{');
            appendAll(sb, ((Map<?, ?>) value).entrySet().iterator());
            sb.append('}');
        } else if (value instanceof Struct) {
            Struct struct = (Struct) value;
            sb.append('{');
            String separator = "";
            for (Field field : struct.schema().fields()) {
                sb.append(separator);
                separator = ",";
                appendString(sb, field.name(), true);
                sb.append(':');
                appendText(sb, struct.get(field), true);
            }
            sb.append('}');
        } else if (value instanceof Map.Entry) {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) value;
            appendText(sb, entry.getKey(), true);
            sb.append(':');
            appendText(sb, entry.getValue(), true);
        } else if (value instanceof java.util.Date) {
            sb.append(formatDate((java.util.Date) value));
        } else {
            throw new DataException("Cannot render a value of type " + value.getClass().getName()
                    + " as text: it is not a Connect data type (" + value + ")");
        }
    }

    private static void appendAll(StringBuilder sb, Iterator<?> it) {
        String separator = "";
        while (it.hasNext()) {
            sb.append(separator);
            separator = ",";
            appendText(sb, it.next(), true);
        }
    }

    private static void appendString(StringBuilder sb, String s, boolean nested) {
        if (!nested) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '"') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    private static void appendBase64(StringBuilder sb, byte[] bytes, boolean nested) {
        String encoded = Base64.getEncoder().encodeToString(bytes);
        if (nested) {
            sb.append('"').append(encoded).append('"');
        } else {
            sb.append(encoded);
        }
    }

    private static String formatDate(java.util.Date date) {
        long millis = date.getTime();
        String pattern;
        if (millis < MILLIS_PER_DAY) {
            pattern = TIME_PATTERN;
        } else if (millis % MILLIS_PER_DAY == 0) {
            pattern = DATE_PATTERN;
        } else {
            pattern = TIMESTAMP_PATTERN;
        }
        return utcFormat(pattern).format(date);
    }

    private static SimpleDateFormat utcFormat(String pattern) {
        SimpleDateFormat format = new SimpleDateFormat(pattern, Locale.ROOT);
        format.setTimeZone(UTC);
        return format;
    }

    // ------------------------------------------------------------------------------------------
    // Parsing

    /**
     * Parses text (typically a header value) into a value and an inferred schema, as described in
     * the class documentation.
     *
     * @param value the text, may be {@code null}
     * @return {@link SchemaAndValue#NULL} for {@code null} or the literal {@code null}; a STRING
     *     schema and {@code ""} for the empty string; never {@code null}
     */
    public static SchemaAndValue parseString(String value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        if (value.isEmpty()) {
            return new SchemaAndValue(Schema.STRING_SCHEMA, value);
        }
        SchemaAndValue parsed = new TextParser(value).parseValue(false);
        if (parsed == null) {
            return SchemaAndValue.NULL;
        }
        if (parsed.schema() != null && containsUnknown(parsed.schema())) {
            return new SchemaAndValue(null, parsed.value());
        }
        return parsed;
    }

    private static boolean containsUnknown(Schema schema) {
        if (schema == UNKNOWN) {
            return true;
        }
        switch (schema.type()) {
            case ARRAY:
                return containsUnknown(schema.valueSchema());
            case MAP:
                return containsUnknown(schema.keySchema()) || containsUnknown(schema.valueSchema());
            default:
                return false;
        }
    }

    /** Parses a date, time or timestamp by the length of the text; {@code null} if it is none. */
    private static SchemaAndValue parseTemporal(String text) {
        String t = text.replace("\\:", ":");
        switch (t.length()) {
            case TIME_LENGTH:
                return parseWithPattern(t, Time.SCHEMA, TIME_PATTERN);
            case TIMESTAMP_LENGTH:
                return parseWithPattern(t, Timestamp.SCHEMA, TIMESTAMP_PATTERN);
            case DATE_LENGTH:
                return parseWithPattern(t, Date.SCHEMA, DATE_PATTERN);
            default:
                return null;
        }
    }

    private static SchemaAndValue parseWithPattern(String text, Schema schema, String pattern) {
        ParsePosition position = new ParsePosition(0);
        java.util.Date parsed = utcFormat(pattern).parse(text, position);
        return position.getIndex() == 0 || parsed == null ? null : new SchemaAndValue(schema, parsed);
    }

    /** Infers the schema of a number: smallest integer type, then FLOAT32, FLOAT64, Decimal. */
    private static SchemaAndValue parseNumber(String text) {
        BigDecimal decimal = new BigDecimal(text); // NumberFormatException: not a number
        SchemaAndValue integral = asIntegral(decimal);
        if (integral != null) {
            return integral;
        }
        if (decimal.scale() != 0) {
            float f = decimal.floatValue();
            if (!Float.isInfinite(f)) {
                return new SchemaAndValue(Schema.FLOAT32_SCHEMA, f);
            }
            double d = decimal.doubleValue();
            if (!Double.isInfinite(d)) {
                return new SchemaAndValue(Schema.FLOAT64_SCHEMA, d);
            }
        }
        return new SchemaAndValue(Decimal.schema(decimal.scale()), decimal);
    }

    private static SchemaAndValue asIntegral(BigDecimal decimal) {
        if (decimal.signum() == 0) {
            return new SchemaAndValue(Schema.INT8_SCHEMA, (byte) 0);
        }
        BigDecimal magnitude = decimal.abs();
        if (magnitude.compareTo(TEN_POW_19) > 0 || magnitude.compareTo(BigDecimal.ONE) < 0) {
            return null;
        }
        if (decimal.scale() > 0 && decimal.stripTrailingZeros().scale() > 0) {
            return null; // has a fractional part
        }
        BigInteger whole = decimal.toBigIntegerExact();
        if (whole.bitLength() > 63) {
            return null;
        }
        long n = whole.longValue();
        if (n == (byte) n) {
            return new SchemaAndValue(Schema.INT8_SCHEMA, (byte) n);
        }
        if (n == (short) n) {
            return new SchemaAndValue(Schema.INT16_SCHEMA, (short) n);
        }
        if (n == (int) n) {
            return new SchemaAndValue(Schema.INT32_SCHEMA, (int) n);
        }
        return new SchemaAndValue(Schema.INT64_SCHEMA, n);
    }

    /** The schema two elements of a list (or keys, or values of a map) have in common, or null. */
    private static Schema widen(Schema a, Schema b) {
        if (a.type() == b.type()) {
            if (a.isOptional() == b.isOptional()) {
                return a.isOptional() ? a : b;
            }
            return a.equals(b) ? a : null;
        }
        int ra = numericRank(a.type());
        int rb = numericRank(b.type());
        if (ra < 0 || rb < 0) {
            return null;
        }
        return ra >= rb ? a : b;
    }

    private static int numericRank(Schema.Type type) {
        switch (type) {
            case INT8:
                return 0;
            case INT16:
                return 1;
            case INT32:
                return 2;
            case INT64:
                return 3;
            case FLOAT32:
                return 4;
            case FLOAT64:
                return 5;
            default:
                return -1;
        }
    }

    /** Accumulates the common schema of a sequence of parsed elements. */
    private static final class Common {
        private Schema schema;
        private boolean incompatible;

        void add(SchemaAndValue element) {
            if (element == null || element.schema() == null || incompatible) {
                return;
            }
            if (schema == null) {
                schema = element.schema();
            } else {
                schema = widen(schema, element.schema());
                incompatible = schema == null;
            }
        }

        Schema schema() {
            return schema;
        }
    }

    /** Signals text that is not a well-formed list or map; the caller falls back to a string. */
    private static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Malformed INSTANCE = new Malformed();

        private Malformed() {
            super("malformed", null, false, false);
        }
    }

    /**
     * A recursive-descent parser over the text split into tokens. A token is one of the delimiters
     * {@code " , : [ ] { }} (unless preceded by an odd number of backslashes) or a maximal run of
     * other characters, whitespace included. Blank tokens (only characters up to U+0020, as
     * {@link String#trim()} removes) are skipped where a delimiter is expected.
     */
    private static final class TextParser {
        private final String text;
        private final int[] starts;
        private final int[] ends;
        private final int count;
        private int pos;

        TextParser(String text) {
            this.text = text;
            int n = text.length();
            int[] s = new int[Math.min(n, 16)];
            int[] e = new int[s.length];
            int c = 0;
            int i = 0;
            while (i < n) {
                int start = i;
                if (isDelimiter(text.charAt(i))) {
                    i++;
                } else {
                    boolean escaped = false;
                    while (i < n) {
                        char ch = text.charAt(i);
                        if (!escaped && isDelimiter(ch)) {
                            break;
                        }
                        escaped = ch == '\\' && !escaped;
                        i++;
                    }
                }
                if (c == s.length) {
                    s = java.util.Arrays.copyOf(s, c * 2);
                    e = java.util.Arrays.copyOf(e, c * 2);
                }
                s[c] = start;
                e[c] = i;
                c++;
            }
            this.starts = s;
            this.ends = e;
            this.count = c;
        }

        private static boolean isDelimiter(char c) {
            return c == '"' || c == ',' || c == ':' || c == '[' || c == ']' || c == '{' || c == '}';
        }

        private String token(int i) {
            return text.substring(starts[i], ends[i]);
        }

        private boolean blank(int i) {
            for (int k = starts[i]; k < ends[i]; k++) {
                if (!Character.isWhitespace(text.charAt(k))) {
                    return false;
                }
            }
            return true;
        }

        /** Skips blank tokens (keeping the last one), then consumes the next token if it is {@code expected}. */
        private boolean accept(String expected) {
            if (pos >= count) {
                return false;
            }
            while (pos + 1 < count && blank(pos)) {
                pos++;
            }
            if (token(pos).trim().equals(expected)) {
                pos++;
                return true;
            }
            return false;
        }

        /** Accepts a whole-token literal; at top level it must also be the last token. */
        private boolean acceptLiteral(String literal, boolean nested) {
            int mark = pos;
            if (accept(literal) && (nested || pos >= count)) {
                return true;
            }
            pos = mark;
            return false;
        }

        /** @return the parsed value; {@code null} for the literal null or when nothing is left */
        SchemaAndValue parseValue(boolean nested) {
            if (pos >= count) {
                return null;
            }
            if (nested && accept("\"")) {
                return parseQuoted();
            }
            if (acceptLiteral("null", nested)) {
                return null;
            }
            if (acceptLiteral("true", nested)) {
                return TRUE;
            }
            if (acceptLiteral("false", nested)) {
                return FALSE;
            }
            int mark = pos;
            try {
                if (accept("[")) {
                    return parseList();
                }
                if (accept("{")) {
                    return parseMap();
                }
            } catch (Malformed | DataException e) {
                pos = mark;
            }
            String token = token(pos++);
            if (token.trim().isEmpty()) {
                return new SchemaAndValue(Schema.STRING_SCHEMA, token);
            }
            return parseScalar(token.trim(), nested);
        }

        private SchemaAndValue parseScalar(String token, boolean nested) {
            char first = token.charAt(0);
            boolean digit = Character.isDigit(first);
            if (digit) {
                SchemaAndValue temporal = parseSpanningTemporal(token);
                if (temporal != null) {
                    return temporal;
                }
            }
            if (digit || first == '+' || first == '-') {
                try {
                    return parseNumber(token);
                } catch (NumberFormatException e) {
                    // not a number: falls through
                }
            }
            if (nested) {
                throw Malformed.INSTANCE;
            }
            return new SchemaAndValue(Schema.STRING_SCHEMA, text);
        }

        /** A time or timestamp contains ':' delimiters, so it spans the token and the next four. */
        private SchemaAndValue parseSpanningTemporal(String token) {
            if (pos + 4 <= count) {
                String joined = token + text.substring(starts[pos], ends[pos + 3]);
                SchemaAndValue temporal = parseTemporal(joined);
                if (temporal != null) {
                    pos += 4;
                    return temporal;
                }
            }
            return parseTemporal(token);
        }

        private SchemaAndValue parseQuoted() {
            StringBuilder sb = new StringBuilder();
            while (pos < count && !accept("\"")) {
                sb.append(token(pos++));
            }
            String content = sb.toString();
            SchemaAndValue temporal = parseTemporal(content);
            return temporal != null ? temporal : new SchemaAndValue(Schema.STRING_SCHEMA, content);
        }

        private SchemaAndValue parseList() {
            List<Object> elements = new ArrayList<>();
            Common common = new Common();
            while (pos < count) {
                if (accept("]")) {
                    if (common.schema() == null) {
                        return new SchemaAndValue(SchemaBuilder.array(UNKNOWN).build(), elements);
                    }
                    Schema elementSchema = common.schema();
                    List<Object> aligned = new ArrayList<>(elements.size());
                    for (Object element : elements) {
                        aligned.add(convertTo(elementSchema, null, element));
                    }
                    return new SchemaAndValue(SchemaBuilder.array(elementSchema).build(), aligned);
                }
                if (accept(",")) {
                    throw Malformed.INSTANCE; // empty element
                }
                SchemaAndValue element = parseValue(true);
                common.add(element);
                elements.add(element == null ? null : element.value());
                int mark = pos;
                if (accept("]")) {
                    pos = mark;
                } else if (!accept(",")) {
                    throw Malformed.INSTANCE; // missing ','
                }
            }
            throw Malformed.INSTANCE; // missing ']'
        }

        private SchemaAndValue parseMap() {
            Map<Object, Object> entries = new LinkedHashMap<>();
            Common keys = new Common();
            Common values = new Common();
            while (pos < count) {
                if (accept("}")) {
                    return finishMap(entries, keys.schema(), values.schema());
                }
                if (accept(",")) {
                    throw Malformed.INSTANCE; // entry without key or value
                }
                SchemaAndValue key = parseValue(true);
                if (key == null || key.value() == null) {
                    throw Malformed.INSTANCE; // null key
                }
                if (!accept(":")) {
                    throw Malformed.INSTANCE; // missing ':'
                }
                SchemaAndValue value = parseValue(true);
                entries.put(key.value(), value == null ? null : value.value());
                accept(",");
                keys.add(key);
                values.add(value);
            }
            throw Malformed.INSTANCE; // missing '}'
        }

        private static SchemaAndValue finishMap(Map<Object, Object> entries, Schema keySchema, Schema valueSchema) {
            if (keySchema == null) {
                return new SchemaAndValue(SchemaBuilder.map(UNKNOWN, UNKNOWN).build(), entries);
            }
            Map<Object, Object> aligned = new LinkedHashMap<>();
            for (Map.Entry<Object, Object> e : entries.entrySet()) {
                Object v = valueSchema == null ? e.getValue() : convertTo(valueSchema, null, e.getValue());
                aligned.put(convertTo(keySchema, null, e.getKey()), v);
            }
            Schema schema = SchemaBuilder.map(keySchema, valueSchema == null ? UNKNOWN : valueSchema).build();
            return new SchemaAndValue(schema, aligned);
        }
    }
}
