package io.connectsdk.api.data;

import io.connectsdk.api.errors.DataException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The immutable {@link Schema}, as built by {@link SchemaBuilder#build()}. Also the home of value
 * validation: {@link #validateValue(Schema, Object)}.
 *
 * <p>Immutable and thread-safe: parameters and fields are copied into unmodifiable collections,
 * nested schemas that are not {@code ConnectSchema}s (for example {@link SchemaBuilder}s) are built
 * into {@code ConnectSchema}s. The default value is held by reference and must not be modified.
 *
 * <p>Two {@code ConnectSchema}s are {@link #equals equal} when all their attributes are: type,
 * optionality, default value (arrays by content), name, version, doc, parameters, fields, key and
 * value schemas.
 */
public final class ConnectSchema implements Schema {

    private static final Map<Type, Class<?>[]> TYPE_CLASSES = new EnumMap<>(Type.class);
    private static final Map<String, Class<?>> LOGICAL_TYPE_CLASSES = new HashMap<>();
    private static final Map<Class<?>, Type> JAVA_CLASS_TYPES = new LinkedHashMap<>();

    static {
        TYPE_CLASSES.put(Type.INT8, new Class<?>[] {Byte.class});
        TYPE_CLASSES.put(Type.INT16, new Class<?>[] {Short.class});
        TYPE_CLASSES.put(Type.INT32, new Class<?>[] {Integer.class});
        TYPE_CLASSES.put(Type.INT64, new Class<?>[] {Long.class});
        TYPE_CLASSES.put(Type.FLOAT32, new Class<?>[] {Float.class});
        TYPE_CLASSES.put(Type.FLOAT64, new Class<?>[] {Double.class});
        TYPE_CLASSES.put(Type.BOOLEAN, new Class<?>[] {Boolean.class});
        TYPE_CLASSES.put(Type.STRING, new Class<?>[] {String.class});
        TYPE_CLASSES.put(Type.BYTES, new Class<?>[] {byte[].class, ByteBuffer.class});
        TYPE_CLASSES.put(Type.ARRAY, new Class<?>[] {List.class});
        TYPE_CLASSES.put(Type.MAP, new Class<?>[] {Map.class});
        TYPE_CLASSES.put(Type.STRUCT, new Class<?>[] {Struct.class});

        LOGICAL_TYPE_CLASSES.put(Decimal.LOGICAL_NAME, BigDecimal.class);
        LOGICAL_TYPE_CLASSES.put(Date.LOGICAL_NAME, java.util.Date.class);
        LOGICAL_TYPE_CLASSES.put(Time.LOGICAL_NAME, java.util.Date.class);
        LOGICAL_TYPE_CLASSES.put(Timestamp.LOGICAL_NAME, java.util.Date.class);

        JAVA_CLASS_TYPES.put(Byte.class, Type.INT8);
        JAVA_CLASS_TYPES.put(Short.class, Type.INT16);
        JAVA_CLASS_TYPES.put(Integer.class, Type.INT32);
        JAVA_CLASS_TYPES.put(Long.class, Type.INT64);
        JAVA_CLASS_TYPES.put(Float.class, Type.FLOAT32);
        JAVA_CLASS_TYPES.put(Double.class, Type.FLOAT64);
        JAVA_CLASS_TYPES.put(Boolean.class, Type.BOOLEAN);
        JAVA_CLASS_TYPES.put(byte.class, Type.INT8);
        JAVA_CLASS_TYPES.put(short.class, Type.INT16);
        JAVA_CLASS_TYPES.put(int.class, Type.INT32);
        JAVA_CLASS_TYPES.put(long.class, Type.INT64);
        JAVA_CLASS_TYPES.put(float.class, Type.FLOAT32);
        JAVA_CLASS_TYPES.put(double.class, Type.FLOAT64);
        JAVA_CLASS_TYPES.put(boolean.class, Type.BOOLEAN);
        JAVA_CLASS_TYPES.put(String.class, Type.STRING);
        JAVA_CLASS_TYPES.put(byte[].class, Type.BYTES);
        JAVA_CLASS_TYPES.put(ByteBuffer.class, Type.BYTES);
        JAVA_CLASS_TYPES.put(List.class, Type.ARRAY);
        JAVA_CLASS_TYPES.put(Map.class, Type.MAP);
        JAVA_CLASS_TYPES.put(Struct.class, Type.STRUCT);
    }

    private final Type type;
    private final boolean optional;
    private final Object defaultValue;
    private final String name;
    private final Integer version;
    private final String doc;
    private final Map<String, String> parameters;
    private final List<Field> fields;
    private final Map<String, Field> fieldsByName;
    private final Schema keySchema;
    private final Schema valueSchema;
    private int hash; // 0 = not yet computed; benign race

    /**
     * Creates a schema of any type.
     *
     * @param type the type; not {@code null}
     * @param optional whether {@code null} is a valid value
     * @param defaultValue the default value; {@code null} for none; must be valid for the schema
     * @param name the name; may be {@code null}
     * @param version the version; may be {@code null}
     * @param doc the documentation; may be {@code null}
     * @param parameters the parameters; may be {@code null} (none); copied; no {@code null} keys or values
     * @param fields the fields of a {@code STRUCT}, each with {@link Field#index()} equal to its
     *     position and a unique name; {@code null} or empty for none; must be {@code null} or empty
     *     for other types
     * @param keySchema the key schema of a {@code MAP} (required); {@code null} for other types
     * @param valueSchema the element schema of an {@code ARRAY} or value schema of a {@code MAP}
     *     (required); {@code null} for other types
     * @throws DataException if the attributes are inconsistent (naming the offending one), or the
     *     default value does not match the schema
     */
    public ConnectSchema(Type type, boolean optional, Object defaultValue, String name, Integer version, String doc,
            Map<String, String> parameters, List<Field> fields, Schema keySchema, Schema valueSchema) {
        if (type == null) {
            throw new DataException("Schema type must not be null");
        }
        this.type = type;
        this.optional = optional;
        this.name = name;
        this.version = version;
        this.doc = doc;
        this.parameters = copyParameters(parameters, name, type);

        boolean hasFields = fields != null && !fields.isEmpty();
        if (hasFields && type != Type.STRUCT) {
            throw new DataException("Only STRUCT schemas have fields, not " + type + " schema " + label(name, type));
        }
        if (keySchema != null && type != Type.MAP) {
            throw new DataException("Only MAP schemas have a key schema, not " + type + " schema " + label(name, type));
        }
        if (valueSchema != null && type != Type.MAP && type != Type.ARRAY) {
            throw new DataException("Only ARRAY and MAP schemas have a value schema, not " + type + " schema "
                    + label(name, type));
        }
        if (type == Type.MAP && (keySchema == null || valueSchema == null)) {
            throw new DataException("A MAP schema needs a key schema and a value schema: " + label(name, type));
        }
        if (type == Type.ARRAY && valueSchema == null) {
            throw new DataException("An ARRAY schema needs a value (element) schema: " + label(name, type));
        }
        this.keySchema = keySchema == null ? null : freeze(keySchema);
        this.valueSchema = valueSchema == null ? null : freeze(valueSchema);

        if (type == Type.STRUCT) {
            List<Field> copy = new ArrayList<>(hasFields ? fields.size() : 0);
            Map<String, Field> byName = new HashMap<>();
            if (hasFields) {
                for (int i = 0; i < fields.size(); i++) {
                    Field f = fields.get(i);
                    if (f == null) {
                        throw new DataException("Field " + i + " of struct schema " + label(name, type) + " is null");
                    }
                    if (f.index() != i) {
                        throw new DataException("Field '" + f.name() + "' of struct schema " + label(name, type)
                                + " has index " + f.index() + " but is at position " + i);
                    }
                    ConnectSchema fieldSchema = freeze(f.schema());
                    Field frozen = fieldSchema == f.schema() ? f : new Field(f.name(), i, fieldSchema);
                    if (byName.put(f.name(), frozen) != null) {
                        throw new DataException("Duplicate field name '" + f.name() + "' in struct schema "
                                + label(name, type));
                    }
                    copy.add(frozen);
                }
            }
            this.fields = Collections.unmodifiableList(copy);
            this.fieldsByName = byName;
        } else {
            this.fields = null;
            this.fieldsByName = null;
        }

        this.defaultValue = defaultValue;
        if (defaultValue != null) {
            try {
                validateValue(this, defaultValue);
            } catch (DataException e) {
                throw new DataException("Invalid default value for schema " + label(name, type) + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * Creates a primitive schema ({@code INT8} to {@code BYTES}).
     *
     * @param type a primitive type; not {@code null}
     * @param optional whether {@code null} is a valid value
     * @param defaultValue the default value; {@code null} for none; must be valid for the schema
     * @param name the name; may be {@code null}
     * @param version the version; may be {@code null}
     * @param doc the documentation; may be {@code null}
     * @throws DataException if the type is not primitive, or the default value does not match
     */
    public ConnectSchema(Type type, boolean optional, Object defaultValue, String name, Integer version, String doc) {
        this(checkPrimitive(type), optional, defaultValue, name, version, doc, null, null, null, null);
    }

    /**
     * Creates an unnamed primitive schema without a default.
     *
     * @param type a primitive type; not {@code null}
     * @param optional whether {@code null} is a valid value
     * @throws DataException if the type is not primitive
     */
    public ConnectSchema(Type type, boolean optional) {
        this(type, optional, null, null, null, null);
    }

    /**
     * Creates a required, unnamed primitive schema without a default.
     *
     * @param type a primitive type; not {@code null}
     * @throws DataException if the type is not primitive
     */
    public ConnectSchema(Type type) {
        this(type, false);
    }

    private static Type checkPrimitive(Type type) {
        if (type != null && !type.isPrimitive()) {
            throw new DataException(type + " is not a primitive type; use SchemaBuilder to create " + type
                    + " schemas");
        }
        return type;
    }

    private static Map<String, String> copyParameters(Map<String, String> parameters, String name, Type type) {
        if (parameters == null || parameters.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new DataException("Schema parameters must not have null keys or values, schema "
                        + label(name, type) + " has " + e.getKey() + "=" + e.getValue());
            }
            copy.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public Type type() {
        return type;
    }

    @Override
    public boolean isOptional() {
        return optional;
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

    @Override
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public Schema keySchema() {
        if (type != Type.MAP) {
            throw new DataException("Cannot get the key schema of " + type + " schema " + label(name, type)
                    + ": only MAP schemas have one");
        }
        return keySchema;
    }

    @Override
    public Schema valueSchema() {
        if (type != Type.MAP && type != Type.ARRAY) {
            throw new DataException("Cannot get the value schema of " + type + " schema " + label(name, type)
                    + ": only ARRAY and MAP schemas have one");
        }
        return valueSchema;
    }

    @Override
    public List<Field> fields() {
        if (type != Type.STRUCT) {
            throw new DataException("Cannot list the fields of " + type + " schema " + label(name, type)
                    + ": only STRUCT schemas have fields");
        }
        return fields;
    }

    @Override
    public Field field(String fieldName) {
        if (type != Type.STRUCT) {
            throw new DataException("Cannot look up field '" + fieldName + "' in " + type + " schema "
                    + label(name, type) + ": only STRUCT schemas have fields");
        }
        return fieldName == null ? null : fieldsByName.get(fieldName);
    }

    /** @return this schema */
    @Override
    public Schema schema() {
        return this;
    }

    /**
     * Checks a value against this schema; see {@link #validateValue(Schema, Object)}.
     *
     * @param value the value; may be {@code null}
     * @throws DataException if the value does not match
     */
    public void validateValue(Object value) {
        validateValue(this, value);
    }

    /**
     * Checks that a value matches a schema: {@code null} only if the schema is optional; otherwise
     * a Java type that fits the schema type (see {@link Schema}), or for a logical type its logical
     * class ({@link BigDecimal} for {@link Decimal}, {@link java.util.Date} for {@link Date},
     * {@link Time} and {@link Timestamp}). Array elements and map keys and values are checked
     * recursively; a {@link Struct} must have a schema with the same name, version, doc,
     * parameters and fields as the expected one (its optionality and default value may differ, so a
     * struct built with a required schema fits an optional field of that struct type; the struct's
     * field values are not re-checked here: {@link Struct#put} checked them, {@link Struct#validate()}
     * checks them all). Range rules of logical
     * types (a {@code Date} at midnight UTC, a {@code Decimal}'s scale) are checked on conversion,
     * by {@code fromLogical}, not here.
     *
     * @param schema the schema; not {@code null}
     * @param value the value; may be {@code null}
     * @throws DataException if the value does not match; the message names the expected schema
     *     type, the actual Java class, and where in the value the mismatch is (for example
     *     {@code [3]} for an array element, {@code [key]} for a map value, <code>{key}</code> for a
     *     map key)
     */
    public static void validateValue(Schema schema, Object value) {
        validate(schema, value, null);
    }

    /**
     * Like {@link #validateValue(Schema, Object)}, naming the field in the message, for example
     * {@code Invalid value for field 'zip': expected INT32, got String}.
     *
     * @param fieldName the field name or path (for example {@code address.zip}); {@code null} for
     *     an unnamed value
     * @param schema the schema; not {@code null}
     * @param value the value; may be {@code null}
     * @throws DataException if the value does not match
     */
    public static void validateValue(String fieldName, Schema schema, Object value) {
        if (value != null && schema != null && schema.name() == null && isPrimitiveOf(schema.type(), value)) {
            return; // the common case, without building the error path
        }
        validate(schema, value, fieldName == null ? null : new Path(null, fieldName, 0, null, Path.NAME));
    }

    /** @return whether the value is of a Java class of a primitive type (false for other types) */
    private static boolean isPrimitiveOf(Type type, Object value) {
        if (!type.isPrimitive()) {
            return false;
        }
        for (Class<?> c : TYPE_CLASSES.get(type)) {
            if (c.isInstance(value)) {
                return true;
            }
        }
        return false;
    }

    private static void validate(Schema schema, Object value, Path path) {
        if (schema == null) {
            throw new DataException(location(path) + ": no schema to validate against");
        }
        if (value == null) {
            if (!schema.isOptional()) {
                throw new DataException(location(path) + ": expected " + expected(schema)
                        + ", got null (the schema is not optional)");
            }
            return;
        }
        Class<?> logicalClass = schema.name() == null ? null : LOGICAL_TYPE_CLASSES.get(schema.name());
        boolean ok = false;
        if (logicalClass != null) {
            ok = logicalClass.isInstance(value);
        } else {
            for (Class<?> c : TYPE_CLASSES.get(schema.type())) {
                if (c.isInstance(value)) {
                    ok = true;
                    break;
                }
            }
        }
        if (!ok) {
            throw new DataException(location(path) + ": expected " + expected(schema) + ", got "
                    + value.getClass().getSimpleName());
        }
        switch (schema.type()) {
            case STRUCT:
                if (value instanceof Struct) {
                    Schema actual = ((Struct) value).schema();
                    if (!structSchemaMatches(schema, actual)) {
                        throw new DataException(location(path) + ": expected a Struct with schema "
                                + describe(schema) + ", got a Struct with schema " + describe(actual)
                                + " (the schemas must have the same name, version, doc, parameters and fields)");
                    }
                }
                break;
            case ARRAY:
                if (value instanceof List) {
                    Schema elementSchema = schema.valueSchema();
                    int i = 0;
                    for (Object element : (List<?>) value) {
                        validate(elementSchema, element, new Path(path, null, i++, null, Path.INDEX));
                    }
                }
                break;
            case MAP:
                if (value instanceof Map) {
                    Schema keySchema = schema.keySchema();
                    Schema valueSchema = schema.valueSchema();
                    for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                        validate(keySchema, e.getKey(), new Path(path, null, 0, e.getKey(), Path.KEY));
                        validate(valueSchema, e.getValue(), new Path(path, null, 0, e.getKey(), Path.VALUE));
                    }
                }
                break;
            default:
                break;
        }
    }

    /** Lazily rendered location of a value inside a field, for error messages. */
    private static final class Path {
        static final int NAME = 0;
        static final int INDEX = 1;
        static final int KEY = 2;
        static final int VALUE = 3;

        final Path parent;
        final String name;
        final int index;
        final Object key;
        final int kind;

        Path(Path parent, String name, int index, Object key, int kind) {
            this.parent = parent;
            this.name = name;
            this.index = index;
            this.key = key;
            this.kind = kind;
        }

        boolean named() {
            Path p = this;
            while (p.parent != null) {
                p = p.parent;
            }
            return p.kind == NAME;
        }

        @Override
        public String toString() {
            String prefix = parent == null ? "" : parent.toString();
            switch (kind) {
                case NAME:
                    return prefix.isEmpty() ? name : prefix + "." + name;
                case INDEX:
                    return prefix + "[" + index + "]";
                case KEY:
                    return prefix + "{" + ValueUtil.toString(key) + "}";
                default:
                    return prefix + "[" + ValueUtil.toString(key) + "]";
            }
        }
    }

    private static String location(Path path) {
        if (path == null) {
            return "Invalid value";
        }
        return path.named() ? "Invalid value for field '" + path + "'" : "Invalid value at '" + path + "'";
    }

    private static String expected(Schema schema) {
        String logical = schema.name();
        Class<?> logicalClass = logical == null ? null : LOGICAL_TYPE_CLASSES.get(logical);
        if (logicalClass != null) {
            return logicalClass.getName() + " (logical type " + logical + ")";
        }
        return schema.type().toString();
    }

    /**
     * @param klass a Java class; may be {@code null}
     * @return the schema type whose values have that class (or a subclass/implementation of it, for
     *     example {@code ArrayList} gives {@code ARRAY}; primitive classes such as {@code int.class}
     *     give their boxed type's schema type), or {@code null} if there is none (including for
     *     logical classes such as {@link BigDecimal})
     */
    public static Type schemaType(Class<?> klass) {
        if (klass == null) {
            return null;
        }
        Type exact = JAVA_CLASS_TYPES.get(klass);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<Class<?>, Type> e : JAVA_CLASS_TYPES.entrySet()) {
            if (e.getKey().isAssignableFrom(klass)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Equal when every attribute is, see the class description. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ConnectSchema)) {
            return false;
        }
        ConnectSchema that = (ConnectSchema) o;
        if (hash != 0 && that.hash != 0 && hash != that.hash) {
            return false;
        }
        return attributesEqual(this, that);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(type, optional, name, version, doc, parameters, fields, keySchema, valueSchema);
            h = 31 * h + ValueUtil.deepHashCode(defaultValue);
            if (h == 0) {
                h = 1;
            }
            hash = h;
        }
        return h;
    }

    /** @return a short description such as {@code Schema{com.example.Order:STRUCT}} or {@code Schema{ARRAY<STRING>, optional}} */
    @Override
    public String toString() {
        return "Schema{" + describe(this) + (optional ? ", optional" : "") + "}";
    }

    // ---- package-private helpers shared with SchemaBuilder, Struct, Field ----

    /** "com.example.Order" or "STRUCT{a:INT32}" style label, for messages. */
    static String label(String name, Type type) {
        return name != null ? "'" + name + "'" : "(unnamed " + type + ")";
    }

    /** A compact description of a schema: its name and type if named, else its structure. */
    static String describe(Schema schema) {
        if (schema == null) {
            return "null";
        }
        if (schema.name() != null) {
            return schema.name() + ":" + schema.type();
        }
        switch (schema.type()) {
            case ARRAY:
                return "ARRAY<" + describeNested(schema.valueSchema()) + ">";
            case MAP:
                return "MAP<" + describeNested(schema.keySchema()) + "," + describeNested(schema.valueSchema()) + ">";
            case STRUCT: {
                StringBuilder sb = new StringBuilder("STRUCT{");
                boolean first = true;
                for (Field f : schema.fields()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    sb.append(f.name()).append(':').append(describeNested(f.schema()));
                }
                return sb.append('}').toString();
            }
            default:
                return schema.type().toString();
        }
    }

    private static String describeNested(Schema schema) {
        return schema == null ? "null" : describe(schema) + (schema.isOptional() ? "?" : "");
    }

    /**
     * Structural equality of any two schemas (also across ConnectSchema and SchemaBuilder): every
     * attribute equal, nested schemas compared the same way.
     */
    static boolean schemaEquals(Schema a, Schema b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof ConnectSchema && b instanceof ConnectSchema) {
            return a.equals(b);
        }
        return attributesEqual(a, b);
    }

    /**
     * Whether a struct's schema fits an expected STRUCT schema: every attribute equal except the
     * top-level optionality and default value (which describe the slot, not the struct).
     */
    static boolean structSchemaMatches(Schema expected, Schema actual) {
        if (expected == actual) {
            return true;
        }
        if (expected instanceof ConnectSchema && actual instanceof ConnectSchema && expected.equals(actual)) {
            return true;
        }
        return sameStructure(expected, actual);
    }

    private static boolean attributesEqual(Schema a, Schema b) {
        return a.isOptional() == b.isOptional() && ValueUtil.deepEquals(a.defaultValue(), b.defaultValue())
                && sameStructure(a, b);
    }

    private static boolean sameStructure(Schema a, Schema b) {
        if (a.type() != b.type()
                || !Objects.equals(a.name(), b.name()) || !Objects.equals(a.version(), b.version())
                || !Objects.equals(a.doc(), b.doc()) || !Objects.equals(a.parameters(), b.parameters())) {
            return false;
        }
        switch (a.type()) {
            case STRUCT: {
                List<Field> fa = a.fields();
                List<Field> fb = b.fields();
                if (fa.size() != fb.size()) {
                    return false;
                }
                for (int i = 0; i < fa.size(); i++) {
                    Field x = fa.get(i);
                    Field y = fb.get(i);
                    if (!x.name().equals(y.name()) || x.index() != y.index() || !schemaEquals(x.schema(), y.schema())) {
                        return false;
                    }
                }
                return true;
            }
            case MAP:
                return schemaEquals(a.keySchema(), b.keySchema()) && schemaEquals(a.valueSchema(), b.valueSchema());
            case ARRAY:
                return schemaEquals(a.valueSchema(), b.valueSchema());
            default:
                return true;
        }
    }

    /** The schema itself if it is a ConnectSchema, else an immutable copy of its attributes. */
    static ConnectSchema freeze(Schema schema) {
        if (schema instanceof ConnectSchema) {
            return (ConnectSchema) schema;
        }
        Type t = schema.type();
        return new ConnectSchema(t, schema.isOptional(), schema.defaultValue(), schema.name(), schema.version(),
                schema.doc(), schema.parameters(), t == Type.STRUCT ? schema.fields() : null,
                t == Type.MAP ? schema.keySchema() : null,
                t == Type.MAP || t == Type.ARRAY ? schema.valueSchema() : null);
    }

    /** Field names of a struct schema, for "unknown field" messages. */
    static List<String> fieldNames(Schema schema) {
        List<String> names = new ArrayList<>();
        for (Field f : schema.fields()) {
            names.add(f.name());
        }
        return names;
    }

}
