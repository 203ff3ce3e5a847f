package io.connectsdk.builtins.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.connectsdk.api.data.ConnectSchema;
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
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams Connect data and schemas as JSON text, in exactly the layout of Kafka Connect's
 * JsonConverter: schema objects list {@code type}, then {@code items} / {@code keys}+{@code values}
 * / {@code fields}, then {@code optional}, {@code name}, {@code version}, {@code doc},
 * {@code parameters}, {@code default}, and a struct field's own {@code field} last. Numbers,
 * strings and Base64 bytes are written by Jackson's generator, as Kafka Connect's serializer does.
 * Caches the encoded field names of struct schemas; not thread-safe.
 */
final class JsonWriter {
    /** Beyond this many struct schemas the name cache is dropped (schemas built per record would fill it). */
    private static final int MAX_CACHED_STRUCTS = 4096;

    private final boolean replaceNullWithDefault;
    private final boolean numericDecimals;
    /** The field names of struct schemas, encoded once; keyed by identity (schemas are immutable). */
    private final Map<Schema, SerializedString[]> fieldNames = new IdentityHashMap<>();

    JsonWriter(boolean replaceNullWithDefault, DecimalFormat decimalFormat) {
        this.replaceNullWithDefault = replaceNullWithDefault;
        this.numericDecimals = decimalFormat == DecimalFormat.NUMERIC;
    }

    // ------------------------------------------------------------------------------------------
    // Schemas

    void writeSchema(JsonGenerator g, Schema schema, String fieldName) throws IOException {
        g.writeStartObject();
        Schema.Type type = schema.type();
        g.writeStringField("type", typeName(type));
        switch (type) {
            case ARRAY:
                g.writeFieldName("items");
                writeSchema(g, schema.valueSchema(), null);
                break;
            case MAP:
                g.writeFieldName("keys");
                writeSchema(g, schema.keySchema(), null);
                g.writeFieldName("values");
                writeSchema(g, schema.valueSchema(), null);
                break;
            case STRUCT:
                g.writeFieldName("fields");
                g.writeStartArray();
                for (Field f : schema.fields()) {
                    writeSchema(g, f.schema(), f.name());
                }
                g.writeEndArray();
                break;
            default:
                break;
        }
        g.writeBooleanField("optional", schema.isOptional());
        if (schema.name() != null) {
            g.writeStringField("name", schema.name());
        }
        if (schema.version() != null) {
            g.writeNumberField("version", schema.version().intValue());
        }
        if (schema.doc() != null) {
            g.writeStringField("doc", schema.doc());
        }
        Map<String, String> parameters = schema.parameters();
        if (parameters != null && !parameters.isEmpty()) {
            g.writeFieldName("parameters");
            g.writeStartObject();
            for (Map.Entry<String, String> e : parameters.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        if (schema.defaultValue() != null) {
            g.writeFieldName("default");
            try {
                writeValue(g, schema, schema.defaultValue());
            } catch (ConversionError e) {
                throw new ConversionError("invalid default value of schema " + schema + ": " + e.problem()
                        + (e.path().isEmpty() ? "" : " (at '" + e.path() + "')"), e);
            }
        }
        if (fieldName != null) {
            g.writeStringField("field", fieldName);
        }
        g.writeEndObject();
    }

    static String typeName(Schema.Type type) {
        switch (type) {
            case BOOLEAN:
                return "boolean";
            case INT8:
                return "int8";
            case INT16:
                return "int16";
            case INT32:
                return "int32";
            case INT64:
                return "int64";
            case FLOAT32:
                return "float";
            case FLOAT64:
                return "double";
            case BYTES:
                return "bytes";
            case STRING:
                return "string";
            case ARRAY:
                return "array";
            case MAP:
                return "map";
            case STRUCT:
                return "struct";
            default:
                throw new DataException("Unsupported schema type " + type);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Values

    /**
     * Writes one value; {@code schema} may be {@code null} (schemaless: the type comes from the
     * Java class, logical types are not recognised).
     *
     * @throws ConversionError when the value does not fit the schema
     */
    void writeValue(JsonGenerator g, Schema schema, Object value) throws IOException {
        if (value == null) {
            writeNull(g, schema);
            return;
        }
        if (schema == null) {
            writeSchemaless(g, value);
            return;
        }
        String logical = schema.name();
        if (logical != null && logical.startsWith("org.apache.kafka.connect.data.") && writeLogical(g, schema, logical, value)) {
            return;
        }
        switch (schema.type()) {
            case INT8:
                g.writeNumber(((Byte) check(value, Byte.class, schema)).intValue());
                break;
            case INT16:
                g.writeNumber(((Short) check(value, Short.class, schema)).shortValue());
                break;
            case INT32:
                g.writeNumber(((Integer) check(value, Integer.class, schema)).intValue());
                break;
            case INT64:
                g.writeNumber(((Long) check(value, Long.class, schema)).longValue());
                break;
            case FLOAT32:
                g.writeNumber(((Float) check(value, Float.class, schema)).floatValue());
                break;
            case FLOAT64:
                g.writeNumber(((Double) check(value, Double.class, schema)).doubleValue());
                break;
            case BOOLEAN:
                g.writeBoolean((Boolean) check(value, Boolean.class, schema));
                break;
            case STRING:
                g.writeString(check(value, CharSequence.class, schema).toString());
                break;
            case BYTES:
                writeBytes(g, value, schema);
                break;
            case ARRAY:
                writeArray(g, schema.valueSchema(), (Collection<?>) check(value, Collection.class, schema));
                break;
            case MAP:
                writeMap(g, schema, (Map<?, ?>) check(value, Map.class, schema));
                break;
            case STRUCT:
                writeStruct(g, schema, (Struct) check(value, Struct.class, schema));
                break;
            default:
                throw new ConversionError("unsupported schema type " + schema.type());
        }
    }

    private void writeNull(JsonGenerator g, Schema schema) throws IOException {
        if (schema == null) {
            g.writeNull();
        } else if (replaceNullWithDefault && schema.defaultValue() != null) {
            writeValue(g, schema, schema.defaultValue());
        } else if (schema.isOptional()) {
            g.writeNull();
        } else {
            throw new ConversionError("null value for a required " + schema.type() + " (not optional, no default value"
                    + (schema.defaultValue() != null ? " used: replace.null.with.default=false" : "") + ")");
        }
    }

    private static Object check(Object value, Class<?> expected, Schema schema) {
        if (!expected.isInstance(value)) {
            throw new ConversionError("expected " + describe(schema) + " (" + expected.getSimpleName() + "), got a "
                    + value.getClass().getName());
        }
        return value;
    }

    private static String describe(Schema schema) {
        return schema.name() != null ? schema.type() + " '" + schema.name() + "'" : schema.type().toString();
    }

    private boolean writeLogical(JsonGenerator g, Schema schema, String logical, Object value) throws IOException {
        switch (logical) {
            case Decimal.LOGICAL_NAME: {
                if (!(value instanceof BigDecimal)) {
                    throw new ConversionError("expected a java.math.BigDecimal for logical type Decimal, got a "
                            + value.getClass().getName());
                }
                BigDecimal decimal = (BigDecimal) value;
                if (numericDecimals) {
                    g.writeNumber(decimal);
                } else {
                    g.writeBinary(Decimal.fromLogical(schema, decimal));
                }
                return true;
            }
            case Date.LOGICAL_NAME:
                g.writeNumber(Date.fromLogical(schema, checkDate(value, "Date")));
                return true;
            case Time.LOGICAL_NAME:
                g.writeNumber(Time.fromLogical(schema, checkDate(value, "Time")));
                return true;
            case Timestamp.LOGICAL_NAME:
                g.writeNumber(Timestamp.fromLogical(schema, checkDate(value, "Timestamp")));
                return true;
            default:
                return false;
        }
    }

    private static java.util.Date checkDate(Object value, String logical) {
        if (!(value instanceof java.util.Date)) {
            throw new ConversionError("expected a java.util.Date for logical type " + logical + ", got a "
                    + value.getClass().getName());
        }
        return (java.util.Date) value;
    }

    private static void writeBytes(JsonGenerator g, Object value, Schema schema) throws IOException {
        if (value instanceof byte[]) {
            g.writeBinary((byte[]) value);
        } else if (value instanceof ByteBuffer) {
            ByteBuffer buffer = ((ByteBuffer) value).duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            g.writeBinary(bytes);
        } else {
            check(value, byte[].class, schema);
        }
    }

    private void writeArray(JsonGenerator g, Schema elementSchema, Collection<?> values) throws IOException {
        g.writeStartArray();
        int i = 0;
        if (values instanceof List && values instanceof java.util.RandomAccess) {
            List<?> list = (List<?>) values;
            for (int n = list.size(); i < n; i++) {
                writeElement(g, elementSchema, list.get(i), i);
            }
        } else {
            for (Object v : values) {
                writeElement(g, elementSchema, v, i++);
            }
        }
        g.writeEndArray();
    }

    private void writeElement(JsonGenerator g, Schema elementSchema, Object v, int i) throws IOException {
        try {
            writeValue(g, elementSchema, v);
        } catch (RuntimeException e) {
            throw ConversionError.of(e).atIndex(i);
        }
    }

    private void writeMap(JsonGenerator g, Schema schema, Map<?, ?> map) throws IOException {
        Schema keySchema = schema == null ? null : schema.keySchema();
        Schema valueSchema = schema == null ? null : schema.valueSchema();
        boolean asObject;
        if (schema != null) {
            asObject = keySchema.type() == Schema.Type.STRING;
        } else {
            asObject = true;
            for (Object k : map.keySet()) {
                if (!(k instanceof String)) {
                    asObject = false;
                    break;
                }
            }
        }
        if (asObject) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object key = e.getKey();
                try {
                    g.writeFieldName(keyText(keySchema, key));
                    writeValue(g, valueSchema, e.getValue());
                } catch (RuntimeException ex) {
                    throw ConversionError.of(ex).atKey(key);
                }
            }
            g.writeEndObject();
        } else {
            // maps with keys other than strings: an array of [key, value] pairs
            g.writeStartArray();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                try {
                    g.writeStartArray();
                    writeValue(g, keySchema, e.getKey());
                    writeValue(g, valueSchema, e.getValue());
                    g.writeEndArray();
                } catch (RuntimeException ex) {
                    throw ConversionError.of(ex).atKey(e.getKey());
                }
            }
            g.writeEndArray();
        }
    }

    /** The object key of a map entry with string keys (schemaless keys are strings already). */
    private String keyText(Schema keySchema, Object key) {
        if (keySchema == null) {
            return (String) key;
        }
        if (key == null) {
            if (replaceNullWithDefault && keySchema.defaultValue() != null) {
                return keyText(keySchema, keySchema.defaultValue());
            }
            if (keySchema.isOptional()) {
                return "null"; // as Kafka Connect's JsonConverter writes a null key
            }
            throw new ConversionError("null map key for a required STRING key schema");
        }
        return check(key, CharSequence.class, keySchema).toString();
    }

    private void writeStruct(JsonGenerator g, Schema schema, Struct struct) throws IOException {
        Schema actual = struct.schema();
        if (actual != schema && !actual.equals(schema)) {
            try {
                ConnectSchema.validateValue(schema, struct);
            } catch (DataException e) {
                throw new ConversionError("the struct's schema does not match: " + e.getMessage(), e);
            }
        }
        g.writeStartObject();
        List<Field> fields = schema.fields();
        SerializedString[] names = encodedNames(schema, fields);
        for (int i = 0, n = fields.size(); i < n; i++) {
            Field field = fields.get(i);
            String name = field.name();
            try {
                if (names != null) {
                    g.writeFieldName(names[i]);
                } else {
                    g.writeFieldName(name);
                }
                writeValue(g, field.schema(), struct.getWithoutDefault(name));
            } catch (RuntimeException e) {
                throw ConversionError.of(e).inField(name);
            }
        }
        g.writeEndObject();
    }

    private SerializedString[] encodedNames(Schema schema, List<Field> fields) {
        if (!(schema instanceof ConnectSchema)) {
            return null; // builders may still change
        }
        SerializedString[] names = fieldNames.get(schema);
        if (names == null) {
            if (fieldNames.size() >= MAX_CACHED_STRUCTS) {
                fieldNames.clear();
            }
            names = new SerializedString[fields.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = new SerializedString(fields.get(i).name());
            }
            fieldNames.put(schema, names);
        }
        return names;
    }

    private void writeSchemaless(JsonGenerator g, Object value) throws IOException {
        if (value instanceof String) {
            g.writeString((String) value);
        } else if (value instanceof Integer) {
            g.writeNumber(((Integer) value).intValue());
        } else if (value instanceof Long) {
            g.writeNumber(((Long) value).longValue());
        } else if (value instanceof Double) {
            g.writeNumber(((Double) value).doubleValue());
        } else if (value instanceof Boolean) {
            g.writeBoolean((Boolean) value);
        } else if (value instanceof Map) {
            writeMap(g, null, (Map<?, ?>) value);
        } else if (value instanceof List) {
            writeArray(g, null, (List<?>) value);
        } else if (value instanceof Float) {
            g.writeNumber(((Float) value).floatValue());
        } else if (value instanceof Short) {
            g.writeNumber(((Short) value).shortValue());
        } else if (value instanceof Byte) {
            g.writeNumber(((Byte) value).intValue());
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            writeBytes(g, value, Schema.BYTES_SCHEMA);
        } else if (value instanceof Struct) {
            throw new ConversionError("a Struct needs a schema (schemaless data cannot hold structs)");
        } else {
            throw new ConversionError("Java class " + value.getClass().getName()
                    + " has no corresponding schema type (schemaless data must use Connect's Java types)");
        }
    }
}
