package io.connectsdk.api.data;

import java.util.Objects;

/**
 * A value together with its schema, as converters produce and consume them. Either part may be
 * {@code null}: a {@code null} schema means schemaless data. The value is <em>not</em> validated
 * against the schema here (use {@link ConnectSchema#validateValue(Schema, Object)}).
 *
 * <p>Immutable (the value is held by reference) and thread-safe if the value is.
 */
public final class SchemaAndValue {
    /** No schema and no value. */
    public static final SchemaAndValue NULL = new SchemaAndValue(null, null);

    private final Schema schema;
    private final Object value;

    /**
     * @param schema the schema; may be {@code null} (schemaless)
     * @param value the value; may be {@code null}
     */
    public SchemaAndValue(Schema schema, Object value) {
        this.schema = schema;
        this.value = value;
    }

    /** @return the schema; may be {@code null} */
    public Schema schema() {
        return schema;
    }

    /** @return the value; may be {@code null} */
    public Object value() {
        return value;
    }

    /** Equal when the schemas are equal and the values are (byte arrays compared by content). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SchemaAndValue)) {
            return false;
        }
        SchemaAndValue that = (SchemaAndValue) o;
        return Objects.equals(schema, that.schema) && ValueUtil.deepEquals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(schema) + ValueUtil.deepHashCode(value);
    }

    @Override
    public String toString() {
        return "SchemaAndValue{schema=" + schema + ", value=" + ValueUtil.toString(value) + "}";
    }
}
