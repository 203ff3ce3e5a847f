package io.connectsdk.api.data;

import io.connectsdk.api.errors.DataException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A structured value: one value per field of a {@link Schema.Type#STRUCT} schema.
 *
 * <pre>{@code
 * Struct order = new Struct(orderSchema)
 *         .put("id", 42L)
 *         .put("customer", "Alice");
 * order.validate();
 * }</pre>
 *
 * <p>Every {@link #put(String, Object)} checks the value against the field's schema right away
 * ({@link ConnectSchema#validateValue(String, Schema, Object)}), so a struct never holds a value of
 * the wrong type. Fields that were never set read as their schema's default value (or
 * {@code null}); {@link #validate()} checks that every required field without a default has been
 * set, before the struct is handed on.
 *
 * <p>Mutable and not thread-safe. Values are held by reference ({@code byte[]}, lists, maps and
 * nested structs are not copied). Every failure is a {@link DataException} whose message names the
 * field.
 */
public final class Struct {
    private final Schema schema;
    private final Object[] values;

    /**
     * @param schema a {@code STRUCT} schema; not {@code null}. A {@link SchemaBuilder} is built
     *     (snapshotted) first, so {@link #schema()} then returns the built {@link ConnectSchema}.
     * @throws DataException if the schema is {@code null} or not a {@code STRUCT} schema
     */
    public Struct(Schema schema) {
        if (schema == null) {
            throw new DataException("A Struct needs a STRUCT schema, got null");
        }
        if (schema.type() != Schema.Type.STRUCT) {
            throw new DataException("A Struct needs a STRUCT schema, got " + schema);
        }
        this.schema = ConnectSchema.freeze(schema);
        this.values = new Object[this.schema.fields().size()];
    }

    /** @return the struct's schema; never {@code null} */
    public Schema schema() {
        return schema;
    }

    /**
     * @param fieldName the field name; not {@code null}
     * @return the field's value if set, else the field schema's default value (may be {@code null})
     * @throws DataException if the schema has no such field
     */
    public Object get(String fieldName) {
        return get(lookupField(fieldName));
    }

    /**
     * @param field a field of this struct's schema; not {@code null}
     * @return the field's value if set, else the field schema's default value (may be {@code null})
     * @throws DataException if the field is not one of this struct's schema
     */
    public Object get(Field field) {
        Object value = values[checkField(field).index()];
        return value != null ? value : field.schema().defaultValue();
    }

    /**
     * @param fieldName the field name; not {@code null}
     * @return the value that was set, ignoring defaults; {@code null} if none
     * @throws DataException if the schema has no such field
     */
    public Object getWithoutDefault(String fieldName) {
        return values[lookupField(fieldName).index()];
    }

    /**
     * @param fieldName an {@code INT8} field
     * @return its value or default; may be {@code null}
     * @throws DataException if there is no such field or it is not {@code INT8}
     */
    public Byte getInt8(String fieldName) {
        return (Byte) getCheckType(fieldName, Schema.Type.INT8);
    }

    /**
     * @param fieldName an {@code INT16} field
     * @return its value or default; may be {@code null}
     * @throws DataException if there is no such field or it is not {@code INT16}
     */
    public Short getInt16(String fieldName) {
        return (Short) getCheckType(fieldName, Schema.Type.INT16);
    }

    /**
     * @param fieldName an {@code INT32} field (not a {@link Date} or {@link Time} field: use {@link #get(String)})
     * @return its value or default; may be {@code null}
     * @throws DataException if there is no such field or it is not a plain {@code INT32}
     */
    public Integer getInt32(String fieldName) {
        return (Integer) getCheckType(fieldName, Schema.Type.INT32);
    }

    /**
     * @param fieldName an {@code INT64} field (not a {@link Timestamp} field: use {@link #get(String)})
     * @return its value or default; may be {@code null}
     * @throws DataException if there is no such field or it is not a plain {@code INT64}
     */
    public Long getInt64(String fieldName) {
        return (Long) getCheckType(fieldName, Schema.Type.INT64);
    }

    /**
     * @param fieldName a {@code FLOAT32} field
     * @return its value or default; may be {@code null}
     * @throws DataException if there is no such field or it is not {@code FLOAT32}
     */
    public Float getFloat32(String fieldName) {
        return (Float) getCheckType(fieldName, Schema.Type.FLOAT32);
    }

    /**
     * @param fieldName a {@code FLOAT64} field
     * @return its value or default; may be {@code null}
     * @throws DataException if there is no such field or it is not {@code FLOAT64}
     */
    public Double getFloat64(String fieldName) {
        return (Double) getCheckType(fieldName, Schema.Type.FLOAT64);
    }

    /**
     * @param fieldName a {@code BOOLEAN} field
     * @return its value or default; may be {@code null}
     * @throws DataException if there is no such field or it is not {@code BOOLEAN}
     */
    public Boolean getBoolean(String fieldName) {
        return (Boolean) getCheckType(fieldName, Schema.Type.BOOLEAN);
    }

    /**
     * @param fieldName a {@code STRING} field
     * @return its value or default; may be {@code null}
     * @throws DataException if there is no such field or it is not {@code STRING}
     */
    public String getString(String fieldName) {
        return (String) getCheckType(fieldName, Schema.Type.STRING);
    }

    /**
     * @param fieldName a {@code BYTES} field (not a {@link Decimal} field: use {@link #get(String)})
     * @return its value or default; a {@link ByteBuffer} value is returned as a new array of its
     *     remaining bytes (the buffer's position is not changed), a {@code byte[]} as it is; may be
     *     {@code null}
     * @throws DataException if there is no such field or it is not a plain {@code BYTES}
     */
    public byte[] getBytes(String fieldName) {
        Object value = getCheckType(fieldName, Schema.Type.BYTES);
        return value == null ? null : ValueUtil.bytes(value);
    }

    /**
     * @param fieldName an {@code ARRAY} field
     * @param <T> the element type the caller expects (not checked)
     * @return its value or default; may be {@code null}
     * @throws DataException if there is no such field or it is not {@code ARRAY}
     */
    @SuppressWarnings("unchecked")
    public <T> List<T> getArray(String fieldName) {
        return (List<T>) getCheckType(fieldName, Schema.Type.ARRAY);
    }

    /**
     * @param fieldName a {@code MAP} field
     * @param <K> the key type the caller expects (not checked)
     * @param <V> the value type the caller expects (not checked)
     * @return its value or default; may be {@code null}
     * @throws DataException if there is no such field or it is not {@code MAP}
     */
    @SuppressWarnings("unchecked")
    public <K, V> Map<K, V> getMap(String fieldName) {
        return (Map<K, V>) getCheckType(fieldName, Schema.Type.MAP);
    }

    /**
     * @param fieldName a {@code STRUCT} field
     * @return its value or default; may be {@code null}
     * @throws DataException if there is no such field or it is not {@code STRUCT}
     */
    public Struct getStruct(String fieldName) {
        return (Struct) getCheckType(fieldName, Schema.Type.STRUCT);
    }

    private Object getCheckType(String fieldName, Schema.Type type) {
        Field field = lookupField(fieldName);
        Schema fieldSchema = field.schema();
        if (fieldSchema.type() != type) {
            throw new DataException("Field '" + fieldName + "' of struct schema " + schemaLabel() + " is "
                    + fieldSchema.type() + ", not " + type);
        }
        if (fieldSchema.name() != null && isLogical(fieldSchema.name())) {
            throw new DataException("Field '" + fieldName + "' of struct schema " + schemaLabel()
                    + " has logical type " + fieldSchema.name() + "; read it with get(\"" + fieldName + "\")");
        }
        return get(field);
    }

    private static boolean isLogical(String name) {
        return Decimal.LOGICAL_NAME.equals(name) || Date.LOGICAL_NAME.equals(name)
                || Time.LOGICAL_NAME.equals(name) || Timestamp.LOGICAL_NAME.equals(name);
    }

    /**
     * Sets a field's value, after checking it against the field's schema.
     *
     * @param fieldName the field name; not {@code null}
     * @param value the value; {@code null} only if the field's schema is optional
     * @return this
     * @throws DataException if there is no such field, or the value does not match the field's
     *     schema (for example {@code Invalid value for field 'zip': expected INT32, got String})
     */
    public Struct put(String fieldName, Object value) {
        Field field = lookupField(fieldName); // a field of this schema: no checkField needed
        ConnectSchema.validateValue(field.name(), field.schema(), value);
        values[field.index()] = value;
        return this;
    }

    /**
     * Sets a field's value, after checking it against the field's schema.
     *
     * @param field a field of this struct's schema; not {@code null}
     * @param value the value; {@code null} only if the field's schema is optional
     * @return this
     * @throws DataException if the field is not one of this struct's schema, or the value does not
     *     match the field's schema
     */
    public Struct put(Field field, Object value) {
        checkField(field);
        ConnectSchema.validateValue(field.name(), field.schema(), value);
        values[field.index()] = value;
        return this;
    }

    /**
     * Checks the whole struct, recursively (nested structs, also inside arrays and maps): every
     * value matches its schema (values may have changed since they were put, for example a list
     * that was modified), and every required field without a default value is set.
     *
     * @throws DataException if a value does not match (naming it, for example
     *     {@code Invalid value for field 'address.zip': ...}), or if required fields are missing:
     *     then the message lists all of them, with paths such as {@code address.zip} for fields
     *     of nested structs
     */
    public void validate() {
        List<String> missing = new ArrayList<>();
        collectProblems("", missing);
        if (!missing.isEmpty()) {
            throw new DataException("Struct of schema " + schemaLabel() + " is missing required field"
                    + (missing.size() == 1 ? " '" + missing.get(0) + "'" : "s " + missing)
                    + " (not optional, no default value)");
        }
    }

    private void collectProblems(String prefix, List<String> missing) {
        for (Field field : schema.fields()) {
            Object value = values[field.index()];
            Schema fieldSchema = field.schema();
            String path = prefix + field.name();
            if (value == null) {
                if (!fieldSchema.isOptional() && fieldSchema.defaultValue() == null) {
                    missing.add(path);
                }
                continue;
            }
            ConnectSchema.validateValue(path, fieldSchema, value);
            collectNested(path, value, missing);
        }
    }

    private static void collectNested(String path, Object value, List<String> missing) {
        if (value instanceof Struct) {
            ((Struct) value).collectProblems(path + ".", missing);
        } else if (value instanceof List) {
            int i = 0;
            for (Object element : (List<?>) value) {
                collectNested(path + "[" + i++ + "]", element, missing);
            }
        } else if (value instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                String key = ValueUtil.toString(e.getKey());
                collectNested(path + "{" + key + "}", e.getKey(), missing);
                collectNested(path + "[" + key + "]", e.getValue(), missing);
            }
        }
    }

    private Field lookupField(String fieldName) {
        if (fieldName == null) {
            throw new DataException("Field name must not be null, in struct of schema " + schemaLabel());
        }
        Field field = schema.field(fieldName);
        if (field == null) {
            throw new DataException("Unknown field '" + fieldName + "' in struct schema " + schemaLabel()
                    + "; its fields are " + ConnectSchema.fieldNames(schema));
        }
        return field;
    }

    private Field checkField(Field field) {
        if (field == null) {
            throw new DataException("Field must not be null, in struct of schema " + schemaLabel());
        }
        Field own = schema.field(field.name());
        if (own == null || (own != field && (own.index() != field.index()
                || !ConnectSchema.schemaEquals(own.schema(), field.schema())))) {
            throw new DataException("Field '" + field.name() + "' is not a field of struct schema " + schemaLabel()
                    + " (a field of the same name with another index or schema does not count); its fields are "
                    + ConnectSchema.fieldNames(schema));
        }
        return own;
    }

    private String schemaLabel() {
        return schema.name() != null ? "'" + schema.name() + "'" : ConnectSchema.describe(schema);
    }

    /**
     * Structs are equal when their schemas are equal and they hold equal values for every field
     * (values as set, not defaults; {@code byte[]} and {@link ByteBuffer} compared by content, also
     * inside lists and maps).
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Struct)) {
            return false;
        }
        Struct that = (Struct) o;
        if (!schema.equals(that.schema)) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (!ValueUtil.deepEquals(values[i], that.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = schema.hashCode();
        for (Object value : values) {
            h = 31 * h + ValueUtil.deepHashCode(value);
        }
        return h;
    }

    /** @return the fields that are set, for example {@code Struct{id=42,customer=Alice}} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Struct{");
        boolean first = true;
        for (Field field : schema.fields()) {
            Object value = values[field.index()];
            if (value != null) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(field.name()).append('=').append(ValueUtil.toString(value));
            }
        }
        return sb.append('}').toString();
    }
}
