package io.connectsdk.builtins.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.TextNode;
import io.connectsdk.api.data.Date;
import io.connectsdk.api.data.Decimal;
import io.connectsdk.api.data.Field;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.data.Time;
import io.connectsdk.api.data.Timestamp;
import io.connectsdk.api.errors.DataException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Connect data from a Jackson token stream, as Kafka Connect's JsonConverter reads it from a
 * tree: with a schema, each JSON value is converted to the schema's type (numbers narrowed like
 * Java casts; floating-point numbers read exactly, so {@code -0.0} becomes {@code 0.0} as in
 * Kafka Connect; a missing or {@code null} value becomes the schema default when
 * {@code replace.null.with.default} is on, else {@code null} when optional, else an error); without
 * a schema, integers become INT64, other numbers FLOAT64, objects maps, arrays lists.
 *
 * <p>Deliberately stricter than Kafka Connect, which silently reads a mismatched JSON type as
 * {@code 0}, {@code false}, {@code null} or an empty list: a value of the wrong JSON type is a
 * {@link DataException}. More lenient in one way: the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"}, which is how NaN and infinities are written, are read back as such for
 * FLOAT32/FLOAT64 (Kafka Connect reads them as 0).
 */
final class JsonReader {
    private final boolean replaceNullWithDefault;

    JsonReader(boolean replaceNullWithDefault) {
        this.replaceNullWithDefault = replaceNullWithDefault;
    }

    /**
     * Reads the value whose first token is the parser's current token, leaving the parser on the
     * value's last token.
     *
     * @throws ConversionError for data that does not fit the schema
     */
    Object read(JsonParser p, Schema schema) throws IOException {
        JsonToken t = p.currentToken();
        if (schema == null) {
            return readSchemaless(p, t);
        }
        if (t == JsonToken.VALUE_NULL || t == null) {
            return nullValue(schema);
        }
        String logical = schema.name();
        if (logical != null && logical.startsWith("org.apache.kafka.connect.data.")) {
            switch (logical) {
                case Decimal.LOGICAL_NAME:
                    return readDecimal(p, t, schema);
                case Date.LOGICAL_NAME:
                    return Date.toLogical(schema, readInt(p, t, "Date"));
                case Time.LOGICAL_NAME:
                    return Time.toLogical(schema, readInt(p, t, "Time"));
                case Timestamp.LOGICAL_NAME:
                    if (t != JsonToken.VALUE_NUMBER_INT) {
                        throw mismatch("an integer (logical type Timestamp)", t);
                    }
                    return Timestamp.toLogical(schema, integral(p).longValue());
                default:
                    break;
            }
        }
        switch (schema.type()) {
            case BOOLEAN:
                if (t == JsonToken.VALUE_TRUE) {
                    return Boolean.TRUE;
                }
                if (t == JsonToken.VALUE_FALSE) {
                    return Boolean.FALSE;
                }
                throw mismatch("a boolean", t);
            case INT8:
                return (byte) number(p, t, "an int8").intValue();
            case INT16:
                return (short) number(p, t, "an int16").intValue();
            case INT32:
                if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                    return p.getIntValue();
                }
                return number(p, t, "an int32").intValue();
            case INT64:
                if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    return p.getLongValue();
                }
                return number(p, t, "an int64").longValue();
            case FLOAT32:
                return readFloat(p, t);
            case FLOAT64:
                return readDouble(p, t);
            case STRING:
                if (t != JsonToken.VALUE_STRING) {
                    throw mismatch("a string", t);
                }
                return p.getText();
            case BYTES:
                if (t != JsonToken.VALUE_STRING) {
                    throw mismatch("a Base64 string (bytes)", t);
                }
                return base64(p);
            case ARRAY:
                return readArray(p, t, schema.valueSchema());
            case MAP:
                return readMap(p, t, schema);
            case STRUCT:
                return readStruct(p, t, schema);
            default:
                throw new ConversionError("unsupported schema type " + schema.type());
        }
    }

    private Object nullValue(Schema schema) {
        if (replaceNullWithDefault && schema.defaultValue() != null) {
            return schema.defaultValue();
        }
        if (schema.isOptional()) {
            return null;
        }
        throw new ConversionError("null or missing value for a required " + schema.type()
                + " (not optional, no default value" + (schema.defaultValue() != null ? " used" : "") + ")");
    }

    private static ConversionError mismatch(String expected, JsonToken t) {
        return new ConversionError("expected " + expected + ", found " + describe(t));
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return t.toString();
        }
    }

    /** An integer token as Integer, Long or BigInteger, by its size. */
    private static Number integral(JsonParser p) throws IOException {
        switch (p.getNumberType()) {
            case INT:
                return p.getIntValue();
            case LONG:
                return p.getLongValue();
            default:
                return p.getBigIntegerValue();
        }
    }

    /** Any number token: integers by size, other numbers as their exact BigDecimal. */
    private static Number number(JsonParser p, JsonToken t, String expected) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return integral(p);
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDecimalValue();
        }
        throw mismatch(expected, t);
    }

    private static int readInt(JsonParser p, JsonToken t, String logical) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw mismatch("a 32-bit integer (logical type " + logical + ")", t);
        }
        return p.getIntValue();
    }

    private static Object readDouble(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            return d == 0.0 ? 0.0 : d; // an exact decimal has no negative zero
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return integral(p).doubleValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            return nonFinite(p.getText());
        }
        throw mismatch("a number (double)", t);
    }

    private static Object readFloat(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            float f = Float.parseFloat(p.getText());
            return f == 0.0f ? 0.0f : f;
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return integral(p).floatValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            return (float) nonFinite(p.getText());
        }
        throw mismatch("a number (float)", t);
    }

    private static double nonFinite(String text) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                throw new ConversionError("expected a number, found the string \"" + abbreviate(text) + "\"");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /** Base64 text decoded exactly as Jackson's TextNode does for Kafka Connect. */
    private static byte[] base64(JsonParser p) throws IOException {
        String text = p.getText();
        try {
            return new TextNode(text).binaryValue();
        } catch (IOException | IllegalArgumentException e) {
            throw new ConversionError("invalid Base64 bytes \"" + abbreviate(text) + "\"", e);
        }
    }

    private static BigDecimal readDecimal(JsonParser p, JsonToken t, Schema schema) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            Number n = integral(p);
            return n instanceof BigInteger ? new BigDecimal((BigInteger) n) : BigDecimal.valueOf(n.longValue());
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDecimalValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            byte[] bytes = base64(p);
            try {
                return Decimal.toLogical(schema, bytes);
            } catch (DataException e) {
                throw new ConversionError("invalid bytes for a Decimal: " + e.getMessage(), e);
            }
        }
        throw mismatch("a number or Base64 bytes (logical type Decimal)", t);
    }

    private Object readSchemaless(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            return null;
        }
        switch (t) {
            case VALUE_NULL:
                return null;
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? p.getBigIntegerValue().longValue() : p.getLongValue();
            case VALUE_NUMBER_FLOAT: {
                double d = p.getDoubleValue();
                return d == 0.0 ? 0.0 : d;
            }
            case VALUE_STRING:
                return p.getText();
            case START_ARRAY:
                return readArray(p, t, null);
            case START_OBJECT:
                return readMap(p, t, null);
            default:
                throw new ConversionError("unexpected JSON token " + t);
        }
    }

    private List<Object> readArray(JsonParser p, JsonToken t, Schema elementSchema) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            throw mismatch("an array", t);
        }
        List<Object> list = new ArrayList<>();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            try {
                list.add(read(p, elementSchema));
            } catch (RuntimeException e) {
                throw ConversionError.of(e).atIndex(i);
            }
            i++;
        }
        return list;
    }

    private Map<Object, Object> readMap(JsonParser p, JsonToken t, Schema schema) throws IOException {
        Map<Object, Object> map = new LinkedHashMap<>();
        Schema keySchema = schema == null ? null : schema.keySchema();
        Schema valueSchema = schema == null ? null : schema.valueSchema();
        if (schema == null || keySchema.type() == Schema.Type.STRING) {
            if (t != JsonToken.START_OBJECT) {
                throw mismatch("an object (map with string keys)", t);
            }
            String key;
            while ((key = p.nextFieldName()) != null) {
                p.nextToken();
                try {
                    map.put(key, read(p, valueSchema));
                } catch (RuntimeException e) {
                    throw ConversionError.of(e).atKey(key);
                }
            }
            return map;
        }
        if (t != JsonToken.START_ARRAY) {
            throw mismatch("an array of [key, value] pairs (map with " + keySchema.type() + " keys)", t);
        }
        int i = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            try {
                if (t != JsonToken.START_ARRAY) {
                    throw mismatch("a [key, value] pair", t);
                }
                if (p.nextToken() == JsonToken.END_ARRAY) {
                    throw new ConversionError("found an empty map entry, expected [key, value]");
                }
                Object key = read(p, keySchema);
                if (p.nextToken() == JsonToken.END_ARRAY) {
                    throw new ConversionError("found a map entry with 1 element, expected [key, value]");
                }
                Object value = read(p, valueSchema);
                if (p.nextToken() != JsonToken.END_ARRAY) {
                    throw new ConversionError("found a map entry with more than 2 elements, expected [key, value]");
                }
                map.put(key, value);
            } catch (RuntimeException e) {
                throw ConversionError.of(e).atIndex(i);
            }
            i++;
        }
        return map;
    }

    private Struct readStruct(JsonParser p, JsonToken t, Schema schema) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            throw mismatch("an object (struct)", t);
        }
        Struct struct = new Struct(schema);
        List<Field> fields = schema.fields();
        long seen = 0; // fields 0..63
        boolean[] seenMore = fields.size() > 64 ? new boolean[fields.size()] : null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            Field field = schema.field(name);
            if (field == null) {
                p.skipChildren(); // fields the schema does not have are ignored
                continue;
            }
            try {
                struct.put(field, read(p, field.schema()));
            } catch (RuntimeException e) {
                throw ConversionError.of(e).inField(name);
            }
            int index = field.index();
            if (index < 64) {
                seen |= 1L << index;
            } else {
                seenMore[index] = true;
            }
        }
        for (Field field : fields) {
            int index = field.index();
            boolean present = index < 64 ? (seen & (1L << index)) != 0 : seenMore[index];
            if (!present) {
                try {
                    Object value = nullValue(field.schema());
                    if (value != null) {
                        struct.put(field, value);
                    }
                } catch (RuntimeException e) {
                    throw ConversionError.of(e).inField(field.name());
                }
            }
        }
        return struct;
    }
}
