package io.connectsdk.builtins.transforms;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.connector.ConnectRecord;
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
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;

/**
 * Converts a timestamp, the whole record key ({@link Key}) or value ({@link Value}) or one of its
 * top-level fields, between representations; Kafka Connect's {@code TimestampConverter}.
 *
 * <p>Configuration:
 * <ul>
 *   <li>{@code target.type} (required): {@code string}, {@code unix} (an {@code INT64} count of
 *       {@code unix.precision} units since the epoch), {@code Date}, {@code Time} or
 *       {@code Timestamp} (Connect's logical types). Case-sensitive.</li>
 *   <li>{@code field} (default empty): the field holding the timestamp; empty means the whole
 *       key or value.</li>
 *   <li>{@code format} (default empty): a {@link SimpleDateFormat} pattern (UTC) used to write
 *       {@code string} output and to parse string input; required when {@code target.type=string}
 *       or when string input must be parsed.</li>
 *   <li>{@code unix.precision} (default {@code milliseconds}): {@code seconds},
 *       {@code milliseconds}, {@code microseconds} or {@code nanoseconds}; the unit of
 *       {@code unix} input and output (sub-millisecond digits are lost).</li>
 *   <li>{@code replace.null.with.default} (default {@code true}): whether unset struct fields read
 *       as their schema's default value.</li>
 * </ul>
 *
 * <p>Input type: from the schema ({@code Timestamp}/{@code Date}/{@code Time} logical types,
 * {@code STRING}, {@code INT64} for unix) or, schemaless, from the Java class ({@code Date},
 * {@code Long}, {@code String}). {@code Date} output truncates to midnight UTC, {@code Time} output
 * keeps only the time of day. The output schema is the target type's, optional when the input's
 * was. {@code null} values stay {@code null}. Unsupported input is a {@code DataException}.
 *
 * <p>Thread-safety: one instance per task, called from that task's thread.
 *
 * @param <R> the record type
 */
public abstract class TimestampConverter<R extends ConnectRecord<R>> implements Transform<R> {
    /** Key: the field holding the timestamp; empty for the whole part. */
    public static final String FIELD_CONFIG = "field";
    /** Key: the target representation. */
    public static final String TARGET_TYPE_CONFIG = "target.type";
    /** Key: the SimpleDateFormat pattern. */
    public static final String FORMAT_CONFIG = "format";
    /** Key: the unit of unix timestamps. */
    public static final String UNIX_PRECISION_CONFIG = "unix.precision";
    /** Key: whether unset struct fields read as their default. */
    public static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";

    private static final String TYPE_STRING = "string";
    private static final String TYPE_UNIX = "unix";
    private static final String TYPE_DATE = "Date";
    private static final String TYPE_TIME = "Time";
    private static final String TYPE_TIMESTAMP = "Timestamp";

    private static final long MILLIS_PER_DAY = TimeUnit.DAYS.toMillis(1);

    private static final Schema OPTIONAL_DATE_SCHEMA = io.connectsdk.api.data.Date.builder().optional().build();
    private static final Schema OPTIONAL_TIME_SCHEMA = Time.builder().optional().build();
    private static final Schema OPTIONAL_TIMESTAMP_SCHEMA = Timestamp.builder().optional().build();

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FIELD_CONFIG, ConfigDef.Type.STRING, "", ConfigDef.Importance.HIGH,
                    "The field holding the timestamp, or empty when the whole key or value is the timestamp.")
            .define(TARGET_TYPE_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.ValidString.in(TYPE_STRING, TYPE_UNIX, TYPE_DATE, TYPE_TIME, TYPE_TIMESTAMP), ConfigDef.Importance.HIGH,
                    "The representation to convert to: string, unix, Date, Time or Timestamp.")
            .define(FORMAT_CONFIG, ConfigDef.Type.STRING, "", ConfigDef.Importance.MEDIUM,
                    "A java.text.SimpleDateFormat pattern (UTC) for string output, and for parsing string input.")
            .define(UNIX_PRECISION_CONFIG, ConfigDef.Type.STRING, "milliseconds",
                    ConfigDef.ValidString.in("nanoseconds", "microseconds", "milliseconds", "seconds"), ConfigDef.Importance.LOW,
                    "The unit of unix timestamps, for output (target.type=unix) and for INT64 input: seconds, milliseconds, "
                            + "microseconds or nanoseconds. Sub-millisecond digits are lost.")
            .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
                    "Whether struct fields that are unset and have a default value are read as the default (true) or as null.");

    private final RecordPart part;
    private String field;
    private String targetType;
    private SimpleDateFormat format;
    private TimeUnit unixUnit;
    private boolean replaceNullWithDefault;
    private final SchemaCache schemaCache = new SchemaCache();

    /** @param part the part of the record this variant works on */
    protected TimestampConverter(RecordPart part) {
        this.part = part;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, configs);
        field = config.getString(FIELD_CONFIG);
        targetType = config.getString(TARGET_TYPE_CONFIG);
        String pattern = config.getString(FORMAT_CONFIG);
        replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
        if (pattern == null || pattern.isBlank()) {
            if (TYPE_STRING.equals(targetType)) {
                throw new ConfigException(FORMAT_CONFIG, pattern, "must be set to a SimpleDateFormat pattern because "
                        + TARGET_TYPE_CONFIG + " is string");
            }
            format = null;
        } else {
            try {
                format = new SimpleDateFormat(pattern);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(FORMAT_CONFIG, pattern, "not a valid SimpleDateFormat pattern: " + e.getMessage());
            }
            format.setTimeZone(TimeZone.getTimeZone("UTC"));
        }
        switch (config.getString(UNIX_PRECISION_CONFIG)) {
            case "seconds":
                unixUnit = TimeUnit.SECONDS;
                break;
            case "microseconds":
                unixUnit = TimeUnit.MICROSECONDS;
                break;
            case "nanoseconds":
                unixUnit = TimeUnit.NANOSECONDS;
                break;
            default:
                unixUnit = TimeUnit.MILLISECONDS;
                break;
        }
        schemaCache.clear();
    }

    @Override
    public R apply(R record) {
        Schema schema = part.schema(record);
        Object value = part.value(record);
        if (schema == null) {
            if (value == null || field.isEmpty()) {
                return part.with(record, null, convert(value, null, "the record " + part.label()));
            }
            Map<String, Object> map = Requirements.requireMap(value, name(), part.label());
            Map<String, Object> updated = new LinkedHashMap<>(map);
            updated.put(field, convert(map.get(field), null, "field '" + field + "'"));
            return part.with(record, null, updated);
        }
        if (field.isEmpty()) {
            String sourceType = typeOf(schema, "the record " + part.label());
            return part.with(record, targetSchema(schema.isOptional()), convert(value, sourceType, "the record " + part.label()));
        }
        Struct struct = Requirements.requireStructOrNull(value, name(), part.label());
        Schema updatedSchema = schemaCache.computeIfAbsent(schema, this::updatedSchema);
        return part.with(record, updatedSchema, convertStruct(struct, updatedSchema));
    }

    private Schema updatedSchema(Schema schema) {
        if (schema.type() != Schema.Type.STRUCT) {
            throw new DataException(name() + " converts field '" + field + "', so the record " + part.label()
                    + " must be a struct, but its schema is " + schema.type());
        }
        SchemaBuilder builder = SchemaUtil.copyBasics(schema, SchemaBuilder.struct());
        for (Field f : schema.fields()) {
            builder.field(f.name(), f.name().equals(field) ? targetSchema(f.schema().isOptional()) : f.schema());
        }
        if (schema.isOptional()) {
            builder.optional();
        }
        if (schema.defaultValue() != null) {
            builder.defaultValue(convertStruct((Struct) schema.defaultValue(), builder.build()));
        }
        return builder.build();
    }

    private Struct convertStruct(Struct struct, Schema updatedSchema) {
        if (struct == null) {
            return null;
        }
        Struct updated = new Struct(updatedSchema);
        for (Field f : struct.schema().fields()) {
            Object original = replaceNullWithDefault ? struct.get(f) : struct.getWithoutDefault(f.name());
            updated.put(f.name(), f.name().equals(field)
                    ? convert(original, typeOf(f.schema(), "field '" + f.name() + "'"), "field '" + f.name() + "'")
                    : original);
        }
        return updated;
    }

    private Schema targetSchema(boolean optional) {
        switch (targetType) {
            case TYPE_STRING:
                return optional ? Schema.OPTIONAL_STRING_SCHEMA : Schema.STRING_SCHEMA;
            case TYPE_UNIX:
                return optional ? Schema.OPTIONAL_INT64_SCHEMA : Schema.INT64_SCHEMA;
            case TYPE_DATE:
                return optional ? OPTIONAL_DATE_SCHEMA : io.connectsdk.api.data.Date.SCHEMA;
            case TYPE_TIME:
                return optional ? OPTIONAL_TIME_SCHEMA : Time.SCHEMA;
            default:
                return optional ? OPTIONAL_TIMESTAMP_SCHEMA : Timestamp.SCHEMA;
        }
    }

    private String typeOf(Schema schema, String what) {
        if (Timestamp.LOGICAL_NAME.equals(schema.name())) {
            return TYPE_TIMESTAMP;
        }
        if (io.connectsdk.api.data.Date.LOGICAL_NAME.equals(schema.name())) {
            return TYPE_DATE;
        }
        if (Time.LOGICAL_NAME.equals(schema.name())) {
            return TYPE_TIME;
        }
        if (schema.type() == Schema.Type.STRING) {
            return TYPE_STRING;
        }
        if (schema.type() == Schema.Type.INT64) {
            return TYPE_UNIX;
        }
        throw new DataException(name() + " cannot convert " + what + ": its schema " + schema
                + " is not a timestamp (Timestamp, Date, Time, STRING or INT64)");
    }

    private Object convert(Object value, String sourceType, String what) {
        if (value == null) {
            return null;
        }
        String type = sourceType != null ? sourceType
                : value instanceof Date ? TYPE_TIMESTAMP
                : value instanceof Long ? TYPE_UNIX
                : value instanceof String ? TYPE_STRING
                : null;
        if (type == null) {
            throw new DataException(name() + " cannot convert " + what + ": " + Requirements.describe(value)
                    + " is not a timestamp (java.util.Date, Long or String)");
        }
        return fromMillis(toMillis(value, type, what));
    }

    private long toMillis(Object value, String type, String what) {
        switch (type) {
            case TYPE_STRING:
                if (!(value instanceof String)) {
                    throw new DataException(name() + " expected a String for " + what + ", got " + Requirements.describe(value));
                }
                if (format == null) {
                    throw new DataException(name() + " cannot parse the string timestamp in " + what + " because "
                            + FORMAT_CONFIG + " is not set");
                }
                try {
                    synchronized (format) {
                        return format.parse((String) value).getTime();
                    }
                } catch (ParseException e) {
                    throw new DataException(name() + " cannot parse " + what + ": '" + value + "' does not match pattern '"
                            + format.toPattern() + "'", e);
                }
            case TYPE_UNIX:
                if (!(value instanceof Long)) {
                    throw new DataException(name() + " expected a Long unix timestamp for " + what + ", got "
                            + Requirements.describe(value));
                }
                return unixUnit.toMillis((Long) value);
            default:
                if (!(value instanceof Date)) {
                    throw new DataException(name() + " expected a java.util.Date for " + what + ", got "
                            + Requirements.describe(value));
                }
                return ((Date) value).getTime();
        }
    }

    private Object fromMillis(long millis) {
        switch (targetType) {
            case TYPE_STRING:
                synchronized (format) {
                    return format.format(new Date(millis));
                }
            case TYPE_UNIX:
                return unixUnit.convert(millis, TimeUnit.MILLISECONDS);
            case TYPE_DATE:
                return new Date(millis - Math.floorMod(millis, MILLIS_PER_DAY));
            case TYPE_TIME:
                return new Date(Math.floorMod(millis, MILLIS_PER_DAY));
            default:
                return new Date(millis);
        }
    }

    private String name() {
        return part.variantOf("TimestampConverter");
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
     * Converts a timestamp in the record key.
     *
     * @param <R> the record type
     */
    public static class Key<R extends ConnectRecord<R>> extends TimestampConverter<R> {
        /** Creates the transform; configure it before use. */
        public Key() {
            super(RecordPart.KEY);
        }
    }

    /**
     * Converts a timestamp in the record value.
     *
     * @param <R> the record type
     */
    public static class Value<R extends ConnectRecord<R>> extends TimestampConverter<R> {
        /** Creates the transform; configure it before use. */
        public Value() {
            super(RecordPart.VALUE);
        }
    }
}
