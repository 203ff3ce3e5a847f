package io.connectsdk.api.data;

import io.connectsdk.api.errors.DataException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fluent, mutable builder of {@link Schema}s; {@link #build()} returns an immutable
 * {@link ConnectSchema}. A builder is itself a {@link Schema} (describing what has been set so
 * far), so it can be passed where a schema is expected, for example as a field schema; it is
 * built when the enclosing schema is.
 *
 * <pre>{@code
 * Schema address = SchemaBuilder.struct().name("com.example.Address")
 *         .field("street", Schema.STRING_SCHEMA)
 *         .field("zip", Schema.INT32_SCHEMA)
 *         .build();
 * Schema tags = SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build();
 * }</pre>
 *
 * <p>Each attribute (optionality, default, name, version, doc, each parameter) may be set once;
 * setting it again to the same value is allowed, to a different value throws
 * {@link DataException} naming the attribute. Every method that can fail throws
 * {@link DataException}. Not thread-safe.
 */
public final class SchemaBuilder implements Schema {
    private final Type type;
    private Boolean optional;
    private Object defaultValue;
    private String name;
    private Integer version;
    private String doc;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final List<Field> fields;
    private final Map<String, Field> fieldsByName;
    private final Schema keySchema;
    private final Schema valueSchema;

    /**
     * A builder of a schema of the given type. For {@code ARRAY} and {@code MAP} use
     * {@link #array(Schema)} and {@link #map(Schema, Schema)}, which also set the element schemas.
     *
     * @param type the type; not {@code null}, not {@code ARRAY} or {@code MAP}
     * @throws DataException if {@code type} is {@code null}, {@code ARRAY} or {@code MAP}
     */
    public SchemaBuilder(Type type) {
        this(type, null, null);
        if (type == Type.ARRAY || type == Type.MAP) {
            throw new DataException("Use SchemaBuilder." + type.getName() + "(...) to build " + type
                    + " schemas: they need element schemas");
        }
    }

    private SchemaBuilder(Type type, Schema keySchema, Schema valueSchema) {
        if (type == null) {
            throw new DataException("Schema type must not be null");
        }
        this.type = type;
        this.keySchema = keySchema;
        this.valueSchema = valueSchema;
        this.fields = type == Type.STRUCT ? new ArrayList<>() : null;
        this.fieldsByName = type == Type.STRUCT ? new LinkedHashMap<>() : null;
    }

    /**
     * @param type a primitive type or {@code STRUCT}; not {@code null}
     * @return a new builder of that type
     * @throws DataException if {@code type} is {@code null}, {@code ARRAY} or {@code MAP}
     */
    public static SchemaBuilder type(Type type) {
        return new SchemaBuilder(type);
    }

    /** @return a new {@code INT8} builder */
    public static SchemaBuilder int8() {
        return new SchemaBuilder(Type.INT8);
    }

    /** @return a new {@code INT16} builder */
    public static SchemaBuilder int16() {
        return new SchemaBuilder(Type.INT16);
    }

    /** @return a new {@code INT32} builder */
    public static SchemaBuilder int32() {
        return new SchemaBuilder(Type.INT32);
    }

    /** @return a new {@code INT64} builder */
    public static SchemaBuilder int64() {
        return new SchemaBuilder(Type.INT64);
    }

    /** @return a new {@code FLOAT32} builder */
    public static SchemaBuilder float32() {
        return new SchemaBuilder(Type.FLOAT32);
    }

    /** @return a new {@code FLOAT64} builder */
    public static SchemaBuilder float64() {
        return new SchemaBuilder(Type.FLOAT64);
    }

    /** @return a new {@code BOOLEAN} builder */
    public static SchemaBuilder bool() {
        return new SchemaBuilder(Type.BOOLEAN);
    }

    /** @return a new {@code STRING} builder */
    public static SchemaBuilder string() {
        return new SchemaBuilder(Type.STRING);
    }

    /** @return a new {@code BYTES} builder */
    public static SchemaBuilder bytes() {
        return new SchemaBuilder(Type.BYTES);
    }

    /** @return a new {@code STRUCT} builder without fields; add them with {@link #field(String, Schema)} */
    public static SchemaBuilder struct() {
        return new SchemaBuilder(Type.STRUCT);
    }

    /**
     * @param valueSchema the schema of the elements; not {@code null}
     * @return a new {@code ARRAY} builder
     * @throws DataException if {@code valueSchema} is {@code null}
     */
    public static SchemaBuilder array(Schema valueSchema) {
        if (valueSchema == null) {
            throw new DataException("The element schema of an ARRAY schema must not be null");
        }
        return new SchemaBuilder(Type.ARRAY, null, valueSchema);
    }

    /**
     * @param keySchema the schema of the keys; not {@code null}
     * @param valueSchema the schema of the values; not {@code null}
     * @return a new {@code MAP} builder
     * @throws DataException if either schema is {@code null}
     */
    public static SchemaBuilder map(Schema keySchema, Schema valueSchema) {
        if (keySchema == null) {
            throw new DataException("The key schema of a MAP schema must not be null");
        }
        if (valueSchema == null) {
            throw new DataException("The value schema of a MAP schema must not be null");
        }
        return new SchemaBuilder(Type.MAP, keySchema, valueSchema);
    }

    private void checkCanSet(String attribute, Object current, Object value) {
        if (current != null && !ValueUtil.deepEquals(current, value)) {
            throw new DataException("Invalid SchemaBuilder call: " + attribute + " of schema "
                    + ConnectSchema.label(name, type) + " has already been set to " + ValueUtil.toString(current)
                    + ", cannot set it to " + ValueUtil.toString(value));
        }
    }

    /**
     * Makes {@code null} a valid value.
     *
     * @return this
     * @throws DataException if {@link #required()} was called before
     */
    public SchemaBuilder optional() {
        checkCanSet("optional", optional, true);
        optional = true;
        return this;
    }

    /**
     * Makes {@code null} an invalid value (the default when neither this nor {@link #optional()} is called).
     *
     * @return this
     * @throws DataException if {@link #optional()} was called before
     */
    public SchemaBuilder required() {
        checkCanSet("optional", optional, false);
        optional = false;
        return this;
    }

    /**
     * Sets the default value, checked against the schema as built so far (and again by
     * {@link #build()}). {@code null} means "no default" and changes nothing.
     *
     * @param value the default; must be valid for this schema (see {@link ConnectSchema#validateValue(Schema, Object)})
     * @return this
     * @throws DataException if a different default was set before, or the value does not match
     *     this schema (the message names the schema)
     */
    public SchemaBuilder defaultValue(Object value) {
        if (value == null) {
            return this;
        }
        checkCanSet("default value", defaultValue, value);
        try {
            ConnectSchema.validateValue(this, value);
        } catch (DataException e) {
            throw new DataException("Invalid default value for schema " + ConnectSchema.label(name, type) + ": "
                    + e.getMessage(), e);
        }
        defaultValue = value;
        return this;
    }

    /**
     * @param name the name, for example {@code com.example.Order}; not {@code null}
     * @return this
     * @throws DataException if {@code name} is {@code null} or a different name was set before
     */
    public SchemaBuilder name(String name) {
        if (name == null) {
            throw new DataException("Schema name must not be null");
        }
        checkCanSet("name", this.name, name);
        this.name = name;
        return this;
    }

    /**
     * @param version the version of the named schema; not {@code null}
     * @return this
     * @throws DataException if {@code version} is {@code null} or a different version was set before
     */
    public SchemaBuilder version(Integer version) {
        if (version == null) {
            throw new DataException("Schema version must not be null");
        }
        checkCanSet("version", this.version, version);
        this.version = version;
        return this;
    }

    /**
     * @param doc the documentation; not {@code null}
     * @return this
     * @throws DataException if {@code doc} is {@code null} or a different doc was set before
     */
    public SchemaBuilder doc(String doc) {
        if (doc == null) {
            throw new DataException("Schema doc must not be null");
        }
        checkCanSet("doc", this.doc, doc);
        this.doc = doc;
        return this;
    }

    /**
     * Sets one parameter. Parameters keep the order in which they were first set.
     *
     * @param propertyName the parameter name; not {@code null}
     * @param propertyValue the parameter value; not {@code null}
     * @return this
     * @throws DataException if either is {@code null}, or the parameter was set before to a different value
     */
    public SchemaBuilder parameter(String propertyName, String propertyValue) {
        if (propertyName == null || propertyValue == null) {
            throw new DataException("Schema parameter names and values must not be null: " + propertyName + "="
                    + propertyValue);
        }
        checkCanSet("parameter '" + propertyName + "'", parameters.get(propertyName), propertyValue);
        parameters.put(propertyName, propertyValue);
        return this;
    }

    /**
     * Sets several parameters, as {@link #parameter(String, String)} does for each entry.
     *
     * @param props the parameters; not {@code null}
     * @return this
     * @throws DataException as {@link #parameter(String, String)}, or if {@code props} is {@code null}
     */
    public SchemaBuilder parameters(Map<String, String> props) {
        if (props == null) {
            throw new DataException("Schema parameters must not be null");
        }
        for (Map.Entry<String, String> e : props.entrySet()) {
            parameter(e.getKey(), e.getValue());
        }
        return this;
    }

    /**
     * Adds a field at the end of a {@code STRUCT} schema.
     *
     * @param fieldName the field name; not {@code null}; unique within the struct
     * @param fieldSchema the field's schema; not {@code null}; a {@link SchemaBuilder} is built when
     *     this schema is
     * @return this
     * @throws DataException if this is not a {@code STRUCT} builder, either argument is
     *     {@code null}, or a field of that name exists already (the message names it)
     */
    public SchemaBuilder field(String fieldName, Schema fieldSchema) {
        if (type != Type.STRUCT) {
            throw new DataException("Cannot add field '" + fieldName + "' to " + type + " schema "
                    + ConnectSchema.label(name, type) + ": only STRUCT schemas have fields");
        }
        if (fieldName == null) {
            throw new DataException("Field name must not be null, in struct schema " + ConnectSchema.label(name, type));
        }
        if (fieldSchema == null) {
            throw new DataException("Schema of field '" + fieldName + "' must not be null, in struct schema "
                    + ConnectSchema.label(name, type));
        }
        if (fieldSchema == this) {
            throw new DataException("Field '" + fieldName + "' cannot have its own struct as schema: "
                    + "recursive schemas are not supported");
        }
        if (fieldsByName.containsKey(fieldName)) {
            throw new DataException("Cannot add field '" + fieldName + "' to struct schema "
                    + ConnectSchema.label(name, type) + ": a field with that name exists already");
        }
        Field field = new Field(fieldName, fields.size(), fieldSchema);
        fields.add(field);
        fieldsByName.put(fieldName, field);
        return this;
    }

    @Override
    public Type type() {
        return type;
    }

    /** @return {@code true} if {@link #optional()} was called */
    @Override
    public boolean isOptional() {
        return optional != null && optional;
    }

    @Override
    public Object defaultValue() {
        return defaultValue;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Integer version() {
        return version;
    }

    @Override
    public String doc() {
        return doc;
    }

    /** @return the parameters set so far; never {@code null}; an unmodifiable view */
    @Override
    public Map<String, String> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    @Override
    public Schema keySchema() {
        if (type != Type.MAP) {
            throw new DataException("Cannot get the key schema of " + type + " schema "
                    + ConnectSchema.label(name, type) + ": only MAP schemas have one");
        }
        return keySchema;
    }

    @Override
    public Schema valueSchema() {
        if (type != Type.MAP && type != Type.ARRAY) {
            throw new DataException("Cannot get the value schema of " + type + " schema "
                    + ConnectSchema.label(name, type) + ": only ARRAY and MAP schemas have one");
        }
        return valueSchema;
    }

    /** @return the fields added so far; an unmodifiable view */
    @Override
    public List<Field> fields() {
        if (type != Type.STRUCT) {
            throw new DataException("Cannot list the fields of " + type + " schema "
                    + ConnectSchema.label(name, type) + ": only STRUCT schemas have fields");
        }
        return Collections.unmodifiableList(fields);
    }

    @Override
    public Field field(String fieldName) {
        if (type != Type.STRUCT) {
            throw new DataException("Cannot look up field '" + fieldName + "' in " + type + " schema "
                    + ConnectSchema.label(name, type) + ": only STRUCT schemas have fields");
        }
        return fieldName == null ? null : fieldsByName.get(fieldName);
    }

    /**
     * @return the result of {@link #build()}
     * @throws DataException as {@link #build()}
     */
    @Override
    public Schema schema() {
        return build();
    }

    /**
     * Builds an immutable schema from the attributes set so far; nested builders (field, key and
     * value schemas) are built too. The builder stays usable; later changes do not affect schemas
     * built before.
     *
     * @return a new {@link ConnectSchema}
     * @throws DataException if the default value no longer matches the schema (for example a
     *     field was added after a struct default was set)
     */
    public ConnectSchema build() {
        return new ConnectSchema(type, isOptional(), defaultValue, name, version, doc, parameters,
                fields, keySchema, valueSchema);
    }

    /** @return a description such as {@code SchemaBuilder{com.example.Order:STRUCT}} */
    @Override
    public String toString() {
        return "SchemaBuilder{" + ConnectSchema.describe(this) + (isOptional() ? ", optional" : "") + "}";
    }

    /** Builders are equal only to themselves (they are mutable). */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
