package io.connectsdk.api.data;

import io.connectsdk.api.errors.DataException;
import java.util.Objects;

/**
 * One field of a {@link Schema.Type#STRUCT} schema: a name, a position and a schema.
 *
 * <p>Immutable and thread-safe as long as its schema is (fields of a built {@link ConnectSchema}
 * always are). Usually obtained from {@link Schema#fields()} or {@link Schema#field(String)}
 * rather than constructed.
 */
public final class Field {
    private final String name;
    private final int index;
    private final Schema schema;

    /**
     * @param name the field name; not {@code null}
     * @param index the position of the field in its struct schema, from 0
     * @param schema the schema of the field's values; not {@code null}
     * @throws DataException if {@code name} or {@code schema} is {@code null} or {@code index} is negative
     */
    public Field(String name, int index, Schema schema) {
        if (name == null) {
            throw new DataException("Field name must not be null");
        }
        if (schema == null) {
            throw new DataException("Schema of field '" + name + "' must not be null");
        }
        if (index < 0) {
            throw new DataException("Index of field '" + name + "' must not be negative: " + index);
        }
        this.name = name;
        this.index = index;
        this.schema = schema;
    }

    /** @return the field name; never {@code null} */
    public String name() {
        return name;
    }

    /** @return the position of the field in its struct schema, from 0 */
    public int index() {
        return index;
    }

    /** @return the schema of the field's values; never {@code null} */
    public Schema schema() {
        return schema;
    }

    /** Fields are equal when their names, indexes and schemas are. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Field)) {
            return false;
        }
        Field that = (Field) o;
        return index == that.index && name.equals(that.name) && schema.equals(that.schema);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, index, schema);
    }

    @Override
    public String toString() {
        return "Field{name=" + name + ", index=" + index + ", schema=" + schema + "}";
    }
}
