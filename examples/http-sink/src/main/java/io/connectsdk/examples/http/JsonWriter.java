package io.connectsdk.examples.http;

import io.connectsdk.api.data.Date;
import io.connectsdk.api.data.Decimal;
import io.connectsdk.api.data.Field;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.data.Time;
import io.connectsdk.api.data.Timestamp;
import io.connectsdk.api.errors.DataException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/**
 * A small JSON writer for Connect data (RFC 8259 output), so that this plugin needs nothing but the
 * SPI.
 *
 * <p>Mapping: {@code null} → {@code null}; booleans; whole numbers ({@code Byte} ... {@code Long},
 * {@code BigInteger}) and finite floats as numbers, NaN and infinities as the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}; {@link BigDecimal} (the Decimal logical
 * type, also when given as its encoded bytes with a Decimal schema) as a number; strings with every
 * character JSON requires escaped, plus U+2028/U+2029 and unpaired surrogates as {@code \\uXXXX};
 * {@code byte[]}/{@link ByteBuffer} as base64 strings; {@link java.util.Date} as an ISO-8601 string:
 * an instant ({@code 2024-01-01T00:00:00Z}) for Timestamp or no schema, a date ({@code 2024-01-01})
 * for the Date logical type, a time ({@code 10:15:30.5}) for Time; {@link Struct} as an object of
 * every field in schema order (unset fields as their default, or {@code null}); a {@code Map} as an
 * object when its keys are strings, numbers, booleans or characters, else as an array of
 * {@code [key, value]} pairs; a {@code Collection} or array as an array; enums and characters as
 * strings. Anything else, and nesting deeper than {@value #MAX_DEPTH} levels, is a
 * {@link DataException}.
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonWriter {
    /** The deepest nesting of arrays and objects written; deeper values (or cycles) are refused. */
    public static final int MAX_DEPTH = 200;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {
    }

    /**
     * @param value the value; may be {@code null}
     * @param schema its schema, or {@code null} (schemaless)
     * @return the JSON text
     * @throws DataException when the value cannot be written as JSON
     */
    public static String toJson(Object value, Schema schema) {
        StringBuilder out = new StringBuilder();
        write(out, value, schema);
        return out.toString();
    }

    /**
     * Appends the JSON text of a value.
     *
     * @param out where to append
     * @param value the value; may be {@code null}
     * @param schema its schema, or {@code null}
     * @throws DataException when the value cannot be written as JSON
     */
    public static void write(StringBuilder out, Object value, Schema schema) {
        write(out, value, schema, 0);
    }

    private static void write(StringBuilder out, Object value, Schema schema, int depth) {
        if (depth > MAX_DEPTH) {
            throw new DataException("Cannot write JSON nested deeper than " + MAX_DEPTH + " levels (a cycle?)");
        }
        if (value == null) {
            out.append("null");
            return;
        }
        String logical = schema == null ? null : schema.name();
        if (logical != null && writeLogical(out, value, schema, logical)) {
            return;
        }
        if (value instanceof String) {
            writeString(out, (String) value);
        } else if (value instanceof Boolean) {
            out.append(((Boolean) value).booleanValue());
        } else if (value instanceof Byte || value instanceof Short || value instanceof Integer
                || value instanceof Long || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            writeFloating(out, ((Number) value).doubleValue(), value.toString());
        } else if (value instanceof BigDecimal) {
            out.append(((BigDecimal) value).toString());
        } else if (value instanceof Struct) {
            writeStruct(out, (Struct) value, depth);
        } else if (value instanceof Map) {
            writeMap(out, (Map<?, ?>) value, schema, depth);
        } else if (value instanceof Collection) {
            Schema element = schema != null && schema.type() == Schema.Type.ARRAY ? schema.valueSchema() : null;
            out.append('[');
            boolean first = true;
            for (Object item : (Collection<?>) value) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(out, item, element, depth + 1);
            }
            out.append(']');
        } else if (value instanceof byte[]) {
            writeString(out, Base64.getEncoder().encodeToString((byte[]) value));
        } else if (value instanceof ByteBuffer) {
            ByteBuffer buffer = ((ByteBuffer) value).duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            writeString(out, Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof java.util.Date) {
            writeString(out, ((java.util.Date) value).toInstant().toString());
        } else if (value instanceof Object[]) {
            Object[] array = (Object[]) value;
            out.append('[');
            for (int i = 0; i < array.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, array[i], null, depth + 1);
            }
            out.append(']');
        } else if (value instanceof Character || value instanceof Enum) {
            writeString(out, value instanceof Enum ? ((Enum<?>) value).name() : value.toString());
        } else {
            throw new DataException("Cannot write a value of class " + value.getClass().getName() + " as JSON");
        }
    }

    /** Writes the logical types that need their schema; returns false to fall back to the plain rules. */
    private static boolean writeLogical(StringBuilder out, Object value, Schema schema, String logical) {
        switch (logical) {
            case Decimal.LOGICAL_NAME:
                if (value instanceof byte[]) {
                    out.append(Decimal.toLogical(schema, (byte[]) value).toString());
                    return true;
                }
                return false;
            case Timestamp.LOGICAL_NAME:
                if (value instanceof Long) {
                    writeString(out, Instant.ofEpochMilli((Long) value).toString());
                    return true;
                }
                return false;
            case Date.LOGICAL_NAME:
                if (value instanceof java.util.Date) {
                    writeString(out, ((java.util.Date) value).toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString());
                    return true;
                }
                return false;
            case Time.LOGICAL_NAME:
                if (value instanceof java.util.Date) {
                    writeString(out, ((java.util.Date) value).toInstant().atOffset(ZoneOffset.UTC).toLocalTime().toString());
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    private static void writeFloating(StringBuilder out, double d, String text) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            writeString(out, text);
        } else {
            out.append(text);
        }
    }

    private static void writeStruct(StringBuilder out, Struct struct, int depth) {
        out.append('{');
        boolean first = true;
        for (Field field : struct.schema().fields()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(out, field.name());
            out.append(':');
            write(out, struct.get(field), field.schema(), depth + 1);
        }
        out.append('}');
    }

    private static void writeMap(StringBuilder out, Map<?, ?> map, Schema schema, int depth) {
        boolean mapSchema = schema != null && schema.type() == Schema.Type.MAP;
        Schema keySchema = mapSchema ? schema.keySchema() : null;
        Schema valueSchema = mapSchema ? schema.valueSchema() : null;
        boolean simpleKeys = true;
        for (Object key : map.keySet()) {
            if (!(key instanceof String || key instanceof Number || key instanceof Boolean || key instanceof Character)) {
                simpleKeys = false;
                break;
            }
        }
        boolean first = true;
        out.append(simpleKeys ? '{' : '[');
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            if (simpleKeys) {
                writeString(out, String.valueOf(e.getKey()));
                out.append(':');
                write(out, e.getValue(), valueSchema, depth + 1);
            } else {
                out.append('[');
                write(out, e.getKey(), keySchema, depth + 1);
                out.append(',');
                write(out, e.getValue(), valueSchema, depth + 1);
                out.append(']');
            }
        }
        out.append(simpleKeys ? '}' : ']');
    }

    /**
     * Appends a JSON string literal.
     *
     * @param out where to append
     * @param s the string; not {@code null}
     */
    public static void writeString(StringBuilder out, String s) {
        out.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        unicodeEscape(out, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
    }
}
