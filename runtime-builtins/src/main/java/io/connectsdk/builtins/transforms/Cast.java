package io.connectsdk.builtins.transforms;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.data.ConnectSchema;
import io.connectsdk.api.data.Date;
import io.connectsdk.api.data.Field;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.data.Time;
import io.connectsdk.api.data.Timestamp;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.builtins.BuiltinVersion;
import io.connectsdk.builtins.transforms.util.RecordPart;
import io.connectsdk.builtins.transforms.util.Requirements;
import io.connectsdk.builtins.transforms.util.SchemaCache;
import io.connectsdk.builtins.transforms.util.SchemaUtil;
import java.nio.ByteBuffer;
import java.text.SimpleDateFormat;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

/**
 * Casts top-level fields, or the whole record key ({@link Key}) or value ({@link Value}), to
 * another primitive type; Kafka Connect's {@code Cast}.
 *
 * <p>Configuration:
 * <ul>
 *   <li>{@code spec} (required): either {@code field:type,field:type,...} to cast fields of a
 *       struct or map, or a single {@code type} to cast the whole part. Types (any case):
 *       {@code int8, int16, int32, int64, float32, float64, boolean, string}.</li>
 *   <li>{@code replace.null.with.default} (default {@code true}): whether unset struct fields read
 *       as their schema's default value.</li>
 * </ul>
 *
 * <p>Casting rules, as in Kafka Connect: numbers narrow or widen with Java's primitive
 * conversions ({@code 300} to {@code int8} is {@code 44}); booleans become {@code 1}/{@code 0} and
 * numbers become {@code true} unless zero; strings are parsed ({@code Integer.parseInt} and
 * friends; {@code Boolean.parseBoolean}, so anything but {@code "true"} is {@code false}); to
 * {@code string}, bytes are Base64-encoded, {@code Date}/{@code Time}/{@code Timestamp} values are
 * written in ISO 8601 (UTC), everything else with {@code toString()}. {@code Date}, {@code Time}
 * and {@code Timestamp} values cast to a number use their encoded form (days, milliseconds of the
 * day, milliseconds). Only primitive values (and bytes, to string) can be cast; anything else, or a
 * string that does not parse, is a {@code DataException}.
 *
 * <p>Schemas: a cast field gets a plain schema of the target type, optional and with a cast default
 * when the original was; a whole-value cast keeps the original schema's name, version, doc and
 * parameters. Derived schemas are built once per input schema. A {@code null} part passes
 * unchanged. A schemaless map gets every spec field set (a missing field becomes {@code null}).
 *
 * <p>Thread-safety: one instance per task, called from that task's thread.
 *
 * @param <R> the record type
 */
public abstract class Cast<R extends ConnectRecord<R>> implements Transform<R> {
    /** Key: the cast specification. */
    public static final String SPEC_CONFIG = "spec";
    /** Key: whether unset struct fields read as their default. */
    public static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";

    private static final Set<Schema.Type> INPUT_TYPES = EnumSet.of(Schema.Type.INT8, Schema.Type.INT16, Schema.Type.INT32,
            Schema.Type.INT64, Schema.Type.FLOAT32, Schema.Type.FLOAT64, Schema.Type.BOOLEAN, Schema.Type.STRING,
            Schema.Type.BYTES);
    private static final Set<Schema.Type> OUTPUT_TYPES = EnumSet.of(Schema.Type.INT8, Schema.Type.INT16, Schema.Type.INT32,
            Schema.Type.INT64, Schema.Type.FLOAT32, Schema.Type.FLOAT64, Schema.Type.BOOLEAN, Schema.Type.STRING);

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(SPEC_CONFIG, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.LambdaValidator.with((name, value) -> parseSpec(name, (List<?>) value),
                            () -> "list of field:type pairs, e.g. foo:int32,bar:string, or a single type"),
                    ConfigDef.Importance.HIGH, "field1:type,field2:type,... to cast fields of a struct or map, or a single "
                            + "type to cast the whole value. Types: int8, int16, int32, int64, float32, float64, boolean, "
                            + "string. Binary values can only be cast to string.")
            .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
                    "Whether struct fields that are unset and have a default value are read as the default (true) or as null.");

    private static final long MILLIS_PER_DAY = 24L * 60 * 60 * 1000;

    /** The parsed spec: field casts, or a whole-value cast. */
    private static final class Spec {
        final Map<String, Schema.Type> fieldCasts;
        final Schema.Type wholeValueCast;

        Spec(Map<String, Schema.Type> fieldCasts, Schema.Type wholeValueCast) {
            this.fieldCasts = fieldCasts;
            this.wholeValueCast = wholeValueCast;
        }
    }

    private final RecordPart part;
    private Spec spec;
    private boolean replaceNullWithDefault;
    private final SchemaCache schemaCache = new SchemaCache();

    /** @param part the part of the record this variant works on */
    protected Cast(RecordPart part) {
        this.part = part;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, configs);
        spec = parseSpec(SPEC_CONFIG, config.getList(SPEC_CONFIG));
        replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
        schemaCache.clear();
    }

    private static Spec parseSpec(String key, List<?> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new ConfigException(key, entries, "must name at least one field:type pair, or a single type");
        }
        Map<String, Schema.Type> casts = new LinkedHashMap<>();
        Schema.Type whole = null;
        for (Object entry : entries) {
            String text = String.valueOf(entry);
            String[] parts = text.split(":", -1);
            if (parts.length == 1) {
                whole = outputType(key, entries, parts[0]);
                continue;
            }
            if (parts.length != 2 || parts[0].trim().isEmpty()) {
                throw new ConfigException(key, entries, "'" + text + "' is not of the form field:type");
            }
            String field = parts[0].trim();
            Schema.Type type = outputType(key, entries, parts[1]);
            Schema.Type previous = casts.put(field, type);
            if (previous != null && previous != type) {
                throw new ConfigException(key, entries, "field '" + field + "' is cast both to " + previous + " and to " + type);
            }
        }
        if (whole != null && entries.size() > 1) {
            throw new ConfigException(key, entries, "a single type casts the whole value, so it must be the only entry");
        }
        return new Spec(casts, whole);
    }

    private static Schema.Type outputType(String key, List<?> entries, String text) {
        String name = text.trim();
        Schema.Type type = null;
        for (Schema.Type t : Schema.Type.values()) {
            if (t.name().equals(name.toUpperCase(Locale.ROOT))) {
                type = t;
            }
        }
        if (type == null || !OUTPUT_TYPES.contains(type)) {
            throw new ConfigException(key, entries, "cannot cast to '" + name + "'; the types are int8, int16, int32, int64, "
                    + "float32, float64, boolean and string");
        }
        return type;
    }

    @Override
    public R apply(R record) {
        Object value = part.value(record);
        if (value == null) {
            return record;
        }
        Schema schema = part.schema(record);
        if (schema == null) {
            if (spec.wholeValueCast != null) {
                return part.with(record, null, cast(null, value, spec.wholeValueCast, "the record " + part.label()));
            }
            Map<String, Object> map = Requirements.requireMap(value, name(), part.label());
            Map<String, Object> updated = new LinkedHashMap<>(map);
            for (Map.Entry<String, Schema.Type> e : spec.fieldCasts.entrySet()) {
                updated.put(e.getKey(), cast(null, map.get(e.getKey()), e.getValue(), "field '" + e.getKey() + "'"));
            }
            return part.with(record, null, updated);
        }
        Schema updatedSchema = schemaCache.computeIfAbsent(schema, this::updatedSchema);
        if (spec.wholeValueCast != null) {
            return part.with(record, updatedSchema, cast(schema, value, spec.wholeValueCast, "the record " + part.label()));
        }
        Struct struct = Requirements.requireStruct(value, name(), part.label());
        Struct updated = new Struct(updatedSchema);
        for (Field field : struct.schema().fields()) {
            Object original = replaceNullWithDefault ? struct.get(field) : struct.getWithoutDefault(field.name());
            Schema.Type target = spec.fieldCasts.get(field.name());
            Object cast = target == null ? original : cast(field.schema(), original, target, "field '" + field.name() + "'");
            updated.put(updatedSchema.field(field.name()), cast);
        }
        return part.with(record, updatedSchema, updated);
    }

    private Schema updatedSchema(Schema schema) {
        SchemaBuilder builder;
        if (spec.wholeValueCast != null) {
            builder = SchemaUtil.copyBasics(schema, SchemaBuilder.type(spec.wholeValueCast));
        } else {
            if (schema.type() != Schema.Type.STRUCT) {
                throw new DataException(name() + " casts fields, so the record " + part.label()
                        + " must be a struct, but its schema is " + schema.type());
            }
            builder = SchemaUtil.copyBasics(schema, SchemaBuilder.struct());
            for (Field field : schema.fields()) {
                Schema.Type target = spec.fieldCasts.get(field.name());
                if (target == null) {
                    builder.field(field.name(), field.schema());
                    continue;
                }
                SchemaBuilder fieldBuilder = SchemaBuilder.type(target);
                if (field.schema().isOptional()) {
                    fieldBuilder.optional();
                }
                if (field.schema().defaultValue() != null) {
                    fieldBuilder.defaultValue(cast(field.schema(), field.schema().defaultValue(), target,
                            "the default value of field '" + field.name() + "'"));
                }
                builder.field(field.name(), fieldBuilder.build());
            }
        }
        if (schema.isOptional()) {
            builder.optional();
        }
        if (schema.defaultValue() != null) {
            Object defaultValue = spec.wholeValueCast != null
                    ? cast(schema, schema.defaultValue(), spec.wholeValueCast, "the schema's default value")
                    : castStructDefault(schema, (Struct) schema.defaultValue(), builder);
            builder.defaultValue(defaultValue);
        }
        return builder.build();
    }

    private Struct castStructDefault(Schema schema, Struct defaultValue, SchemaBuilder builder) {
        Struct result = new Struct(builder.build());
        for (Field field : schema.fields()) {
            Schema.Type target = spec.fieldCasts.get(field.name());
            Object original = defaultValue.get(field);
            result.put(field.name(), target == null ? original
                    : cast(field.schema(), original, target, "field '" + field.name() + "'"));
        }
        return result;
    }

    private Object cast(Schema schema, Object value, Schema.Type target, String what) {
        if (value == null) {
            return null;
        }
        Schema.Type type = schema == null ? ConnectSchema.schemaType(value.getClass()) : schema.type();
        if (type == null) {
            throw new DataException(name() + " cannot cast " + what + ": " + Requirements.describe(value)
                    + " is not a Connect data type");
        }
        if (!INPUT_TYPES.contains(type)) {
            throw new DataException(name() + " cannot cast " + what + " of type " + type
                    + " to " + target + "; only primitive values and bytes can be cast");
        }
        Object input = value;
        if (schema != null && schema.name() != null && target != Schema.Type.STRING) {
            input = encodeLogical(schema, value);
        }
        try {
            switch (target) {
                case INT8:
                    return input instanceof Number ? ((Number) input).byteValue()
                            : input instanceof Boolean ? (byte) ((Boolean) input ? 1 : 0)
                            : input instanceof String ? Byte.parseByte((String) input) : unsupported(input, target, what);
                case INT16:
                    return input instanceof Number ? ((Number) input).shortValue()
                            : input instanceof Boolean ? (short) ((Boolean) input ? 1 : 0)
                            : input instanceof String ? Short.parseShort((String) input) : unsupported(input, target, what);
                case INT32:
                    return input instanceof Number ? ((Number) input).intValue()
                            : input instanceof Boolean ? ((Boolean) input ? 1 : 0)
                            : input instanceof String ? Integer.parseInt((String) input) : unsupported(input, target, what);
                case INT64:
                    return input instanceof Number ? ((Number) input).longValue()
                            : input instanceof Boolean ? ((Boolean) input ? 1L : 0L)
                            : input instanceof String ? Long.parseLong((String) input) : unsupported(input, target, what);
                case FLOAT32:
                    return input instanceof Number ? ((Number) input).floatValue()
                            : input instanceof Boolean ? ((Boolean) input ? 1f : 0f)
                            : input instanceof String ? Float.parseFloat((String) input) : unsupported(input, target, what);
                case FLOAT64:
                    return input instanceof Number ? ((Number) input).doubleValue()
                            : input instanceof Boolean ? ((Boolean) input ? 1d : 0d)
                            : input instanceof String ? Double.parseDouble((String) input) : unsupported(input, target, what);
                case BOOLEAN:
                    return input instanceof Number ? ((Number) input).longValue() != 0L
                            : input instanceof Boolean ? input
                            : input instanceof String ? Boolean.parseBoolean((String) input) : unsupported(input, target, what);
                case STRING:
                    return castToString(input);
                default:
                    throw new DataException(name() + " cannot cast to " + target);
            }
        } catch (NumberFormatException e) {
            throw new DataException(name() + " cannot cast " + what + " value '" + value + "' to " + target
                    + ": not a number of that type, or out of its range", e);
        }
    }

    private Object unsupported(Object value, Schema.Type target, String what) {
        throw new DataException(name() + " cannot cast " + what + " (" + Requirements.describe(value) + ") to " + target);
    }

    private static Object encodeLogical(Schema schema, Object value) {
        switch (schema.name()) {
            case Date.LOGICAL_NAME:
                return Date.fromLogical(schema, (java.util.Date) value);
            case Time.LOGICAL_NAME:
                return Time.fromLogical(schema, (java.util.Date) value);
            case Timestamp.LOGICAL_NAME:
                return Timestamp.fromLogical(schema, (java.util.Date) value);
            default:
                return value;
        }
    }

    private static String castToString(Object value) {
        if (value instanceof java.util.Date) {
            java.util.Date date = (java.util.Date) value;
            SimpleDateFormat format = new SimpleDateFormat(isoPatternFor(date.getTime()));
            format.setTimeZone(TimeZone.getTimeZone("UTC"));
            return format.format(date);
        }
        if (value instanceof byte[]) {
            return Base64.getEncoder().encodeToString((byte[]) value);
        }
        if (value instanceof ByteBuffer) {
            ByteBuffer buffer = ((ByteBuffer) value).duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value.toString();
    }

    /** The ISO 8601 pattern Connect uses for a date value: a time of day, a date, or a timestamp. */
    private static String isoPatternFor(long millis) {
        if (millis < MILLIS_PER_DAY) {
            return "HH:mm:ss.SSS'Z'";
        }
        if (millis % MILLIS_PER_DAY == 0) {
            return "yyyy-MM-dd";
        }
        return "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";
    }

    private String name() {
        return part.variantOf("Cast");
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
        schemaCache.clear();
    }

    @Override
    public String version() {
        return BuiltinVersion.VERSION;
    }

    /**
     * Casts the record key or its fields.
     *
     * @param <R> the record type
     */
    public static final class Key<R extends ConnectRecord<R>> extends Cast<R> {
        /** Creates the transform; configure it before use. */
        public Key() {
            super(RecordPart.KEY);
        }
    }

    /**
     * Casts the record value or its fields.
     *
     * @param <R> the record type
     */
    public static final class Value<R extends ConnectRecord<R>> extends Cast<R> {
        /** Creates the transform; configure it before use. */
        public Value() {
            super(RecordPart.VALUE);
        }
    }
}
