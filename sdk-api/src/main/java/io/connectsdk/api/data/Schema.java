package io.connectsdk.api.data;

import io.connectsdk.api.errors.DataException;
import java.util.List;
import java.util.Map;

/**
 * The description of a piece of data (a record key or value, a struct field, a header value): its
 * {@link Type}, whether it may be {@code null}, an optional default value, and optional metadata
 * (name, version, documentation, free-form parameters). Complex types describe their parts:
 * {@link Type#STRUCT} has ordered {@link #fields()}, {@link Type#ARRAY} a {@link #valueSchema()},
 * {@link Type#MAP} a {@link #keySchema()} and a {@link #valueSchema()}.
 *
 * <p>A schema with a well-known {@link #name()} is a <em>logical type</em>: a primitive schema
 * whose values are presented as a richer Java type ({@link Decimal}, {@link Date}, {@link Time},
 * {@link Timestamp}). The names are the same as Kafka Connect's, so data written by either is
 * understood by the other.
 *
 * <p>Build schemas with {@link SchemaBuilder}; {@link SchemaBuilder#build()} returns an immutable,
 * thread-safe {@link ConnectSchema}. The constants below are ready-made primitive schemas.
 *
 * <p>Java types of values, per schema type: {@code INT8} {@link Byte}, {@code INT16} {@link Short},
 * {@code INT32} {@link Integer}, {@code INT64} {@link Long}, {@code FLOAT32} {@link Float},
 * {@code FLOAT64} {@link Double}, {@code BOOLEAN} {@link Boolean}, {@code STRING} {@link String},
 * {@code BYTES} {@code byte[]} or {@link java.nio.ByteBuffer}, {@code ARRAY} {@link List},
 * {@code MAP} {@link Map}, {@code STRUCT} {@link Struct}. See
 * {@link ConnectSchema#validateValue(Schema, Object)}.
 *
 * <p>Methods that do not apply to a schema's type (for example {@link #fields()} on an
 * {@code INT32} schema, or {@link #keySchema()} on a {@code STRUCT}) throw {@link DataException}.
 */
public interface Schema {

    /** The type of a schema. The first eight are primitive; {@code ARRAY}, {@code MAP} and {@code STRUCT} are not. */
    enum Type {
        /** 8-bit signed integer; Java {@link Byte}. */
        INT8,
        /** 16-bit signed integer; Java {@link Short}. */
        INT16,
        /** 32-bit signed integer; Java {@link Integer}. */
        INT32,
        /** 64-bit signed integer; Java {@link Long}. */
        INT64,
        /** IEEE 754 single-precision float; Java {@link Float}. */
        FLOAT32,
        /** IEEE 754 double-precision float; Java {@link Double}. */
        FLOAT64,
        /** Java {@link Boolean}. */
        BOOLEAN,
        /** Character string; Java {@link String}. */
        STRING,
        /** Byte sequence; Java {@code byte[]} or {@link java.nio.ByteBuffer}. */
        BYTES,
        /** Ordered sequence of values of one schema; Java {@link List}. */
        ARRAY,
        /** Mapping from keys of one schema to values of another; Java {@link Map}. */
        MAP,
        /** Ordered, named fields, each with its own schema; Java {@link Struct}. */
        STRUCT;

        private final String lowerCaseName = name().toLowerCase(java.util.Locale.ROOT);

        /** @return the lower-case name of the type, for example {@code "int32"}; never {@code null} */
        public String getName() {
            return lowerCaseName;
        }

        /** @return {@code true} for the eight primitive types, {@code false} for {@code ARRAY}, {@code MAP} and {@code STRUCT} */
        public boolean isPrimitive() {
            return this != ARRAY && this != MAP && this != STRUCT;
        }
    }

    /** Required {@code INT8}. */
    Schema INT8_SCHEMA = new ConnectSchema(Type.INT8);
    /** Required {@code INT16}. */
    Schema INT16_SCHEMA = new ConnectSchema(Type.INT16);
    /** Required {@code INT32}. */
    Schema INT32_SCHEMA = new ConnectSchema(Type.INT32);
    /** Required {@code INT64}. */
    Schema INT64_SCHEMA = new ConnectSchema(Type.INT64);
    /** Required {@code FLOAT32}. */
    Schema FLOAT32_SCHEMA = new ConnectSchema(Type.FLOAT32);
    /** Required {@code FLOAT64}. */
    Schema FLOAT64_SCHEMA = new ConnectSchema(Type.FLOAT64);
    /** Required {@code BOOLEAN}. */
    Schema BOOLEAN_SCHEMA = new ConnectSchema(Type.BOOLEAN);
    /** Required {@code STRING}. */
    Schema STRING_SCHEMA = new ConnectSchema(Type.STRING);
    /** Required {@code BYTES}. */
    Schema BYTES_SCHEMA = new ConnectSchema(Type.BYTES);

    /** Optional {@code INT8}. */
    Schema OPTIONAL_INT8_SCHEMA = new ConnectSchema(Type.INT8, true);
    /** Optional {@code INT16}. */
    Schema OPTIONAL_INT16_SCHEMA = new ConnectSchema(Type.INT16, true);
    /** Optional {@code INT32}. */
    Schema OPTIONAL_INT32_SCHEMA = new ConnectSchema(Type.INT32, true);
    /** Optional {@code INT64}. */
    Schema OPTIONAL_INT64_SCHEMA = new ConnectSchema(Type.INT64, true);
    /** Optional {@code FLOAT32}. */
    Schema OPTIONAL_FLOAT32_SCHEMA = new ConnectSchema(Type.FLOAT32, true);
    /** Optional {@code FLOAT64}. */
    Schema OPTIONAL_FLOAT64_SCHEMA = new ConnectSchema(Type.FLOAT64, true);
    /** Optional {@code BOOLEAN}. */
    Schema OPTIONAL_BOOLEAN_SCHEMA = new ConnectSchema(Type.BOOLEAN, true);
    /** Optional {@code STRING}. */
    Schema OPTIONAL_STRING_SCHEMA = new ConnectSchema(Type.STRING, true);
    /** Optional {@code BYTES}. */
    Schema OPTIONAL_BYTES_SCHEMA = new ConnectSchema(Type.BYTES, true);

    /** @return the type; never {@code null} */
    Type type();

    /** @return {@code true} if {@code null} is a valid value for this schema */
    boolean isOptional();

    /**
     * @return the value to use where none is given (for example a struct field that was never set,
     *     see {@link Struct#get(String)}); {@code null} if there is none. Held by reference: do not
     *     modify it.
     */
    Object defaultValue();

    /**
     * @return the name, typically a fully qualified record name such as {@code com.example.Order},
     *     or a logical type name such as {@link Decimal#LOGICAL_NAME}; {@code null} if unnamed
     */
    String name();

    /** @return the version of a named schema; {@code null} if not versioned */
    Integer version();

    /** @return human-readable documentation; {@code null} if none */
    String doc();

    /**
     * @return free-form string parameters (for example a logical type's {@link Decimal#SCALE_FIELD});
     *     never {@code null}, empty if none; unmodifiable, in the order they were set
     */
    Map<String, String> parameters();

    /**
     * @return the schema of the keys of a {@link Type#MAP}; never {@code null}
     * @throws DataException if this is not a {@code MAP} schema
     */
    Schema keySchema();

    /**
     * @return the schema of the elements of an {@link Type#ARRAY} or of the values of a
     *     {@link Type#MAP}; never {@code null}
     * @throws DataException if this is neither an {@code ARRAY} nor a {@code MAP} schema
     */
    Schema valueSchema();

    /**
     * @return the fields of a {@link Type#STRUCT}, in order ({@link Field#index()} is the position
     *     in this list); never {@code null}; unmodifiable
     * @throws DataException if this is not a {@code STRUCT} schema
     */
    List<Field> fields();

    /**
     * @param name the field name; case-sensitive
     * @return the field of a {@link Type#STRUCT} with that name, or {@code null} if there is none
     * @throws DataException if this is not a {@code STRUCT} schema
     */
    Field field(String name);

    /**
     * @return this schema as an immutable {@link ConnectSchema}: the schema itself if it is one,
     *     otherwise (a {@link SchemaBuilder}) the result of building it
     */
    Schema schema();
}
