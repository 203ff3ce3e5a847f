package io.connectsdk.builtins.transforms;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.data.Field;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.builtins.BuiltinVersion;
import io.connectsdk.builtins.transforms.util.RecordPart;
import io.connectsdk.builtins.transforms.util.Requirements;
import io.connectsdk.builtins.transforms.util.Validators;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces the values of some top-level fields of the record key ({@link Key}) or value
 * ({@link Value}) with an "empty" value of the same type, or with a configured replacement;
 * Kafka Connect's {@code MaskField}.
 *
 * <p>Configuration:
 * <ul>
 *   <li>{@code fields} (required): the fields to mask; a non-empty list of names (repeats ignored).</li>
 *   <li>{@code replacement} (default none): a non-empty string used instead of the empty value,
 *       converted to the field's type; only for numeric (incl. {@code Decimal}) and string
 *       fields.</li>
 *   <li>{@code replace.null.with.default} (default {@code true}): whether an unset struct field
 *       reads as its schema's default value (which is then masked).</li>
 * </ul>
 *
 * <p>Empty values: {@code 0} of the same numeric class ({@code Byte}, {@code Short},
 * {@code Integer}, {@code Long}, {@code Float}, {@code Double}, {@code BigInteger},
 * {@code BigDecimal}), {@code false}, {@code ""}, the epoch for {@code Date}/{@code Time}/
 * {@code Timestamp} values, an empty list, an empty map. {@code null} stays {@code null}. A
 * replacement is parsed as a decimal number and narrowed to the field's integer or floating-point
 * type the way Kafka Connect does (so {@code 1.9} becomes {@code 1} for an integer field). Bytes,
 * structs and other values cannot be masked: {@code DataException} naming the field.
 *
 * <p>Behaviour: the schema is unchanged. A schemaless part must be a {@code Map}; a configured field
 * that is missing from it is added with a {@code null} value (as Kafka Connect does). A
 * {@code null} part (a tombstone) is a {@code DataException}, as in Kafka Connect.
 *
 * <p>Thread-safety: one instance per task, called from that task's thread.
 *
 * @param <R> the record type
 */
public abstract class MaskField<R extends ConnectRecord<R>> implements Transform<R> {
    /** Key: the fields to mask. */
    public static final String FIELDS_CONFIG = "fields";
    /** Key: the replacement value. */
    public static final String REPLACEMENT_CONFIG = "replacement";
    /** Key: whether unset struct fields read as their default. */
    public static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FIELDS_CONFIG, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Validators.nameList(false),
                    ConfigDef.Importance.HIGH, "Names of the fields to mask.")
            .define(REPLACEMENT_CONFIG, ConfigDef.Type.STRING, null, new ConfigDef.NonEmptyString(), ConfigDef.Importance.LOW,
                    "Replacement for every masked value, converted to the field's type (numeric and string fields only).")
            .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
                    "Whether struct fields that are unset and have a default value are read as the default (true) or as null.");

    private final RecordPart part;
    private Set<String> fields;
    private String replacement;
    private boolean replaceNullWithDefault;

    /** @param part the part of the record this variant works on */
    protected MaskField(RecordPart part) {
        this.part = part;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, configs);
        fields = new LinkedHashSet<>(config.getList(FIELDS_CONFIG));
        replacement = config.getString(REPLACEMENT_CONFIG);
        replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
    }

    @Override
    public R apply(R record) {
        Object value = part.value(record);
        if (part.schema(record) == null) {
            Map<String, Object> map = Requirements.requireMap(value, name(), part.label());
            Map<String, Object> updated = new LinkedHashMap<>(map);
            for (String field : fields) {
                updated.put(field, mask(field, map.get(field)));
            }
            return part.with(record, null, updated);
        }
        Struct struct = Requirements.requireStruct(value, name(), part.label());
        Struct updated = new Struct(struct.schema());
        for (Field field : struct.schema().fields()) {
            Object original = replaceNullWithDefault ? struct.get(field) : struct.getWithoutDefault(field.name());
            updated.put(field, fields.contains(field.name()) ? mask(field.name(), original) : original);
        }
        return part.with(record, part.schema(record), updated);
    }

    private Object mask(String field, Object value) {
        if (value == null) {
            return null;
        }
        return replacement == null ? emptyValue(field, value) : replacementFor(field, value);
    }

    private Object emptyValue(String field, Object value) {
        if (value instanceof Boolean) {
            return Boolean.FALSE;
        } else if (value instanceof Byte) {
            return (byte) 0;
        } else if (value instanceof Short) {
            return (short) 0;
        } else if (value instanceof Integer) {
            return 0;
        } else if (value instanceof Long) {
            return 0L;
        } else if (value instanceof Float) {
            return 0f;
        } else if (value instanceof Double) {
            return 0d;
        } else if (value instanceof BigInteger) {
            return BigInteger.ZERO;
        } else if (value instanceof BigDecimal) {
            return BigDecimal.ZERO;
        } else if (value instanceof String) {
            return "";
        } else if (value.getClass() == Date.class) {
            return new Date(0L);
        } else if (value instanceof List) {
            return new ArrayList<>();
        } else if (value instanceof Map) {
            return new HashMap<>();
        }
        throw new DataException(name() + " cannot mask field '" + field + "': it holds " + Requirements.describe(value)
                + ", and only numbers, booleans, strings, dates, lists and maps can be masked");
    }

    private Object replacementFor(String field, Object value) {
        try {
            if (value instanceof String) {
                return replacement;
            } else if (value instanceof Byte) {
                return (byte) new BigDecimal(replacement).longValue();
            } else if (value instanceof Short) {
                return (short) new BigDecimal(replacement).longValue();
            } else if (value instanceof Integer) {
                return (int) new BigDecimal(replacement).longValue();
            } else if (value instanceof Long) {
                return new BigDecimal(replacement).longValue();
            } else if (value instanceof Float) {
                return (float) new BigDecimal(replacement).doubleValue();
            } else if (value instanceof Double) {
                return new BigDecimal(replacement).doubleValue();
            } else if (value instanceof BigDecimal) {
                return new BigDecimal(replacement);
            } else if (value instanceof BigInteger) {
                return new BigInteger(replacement);
            }
        } catch (NumberFormatException e) {
            throw new DataException(name() + " cannot mask field '" + field + "' with replacement '" + replacement
                    + "': the field holds a " + value.getClass().getSimpleName() + " and the replacement is not a number", e);
        }
        throw new DataException(name() + " cannot mask field '" + field + "' with replacement '" + replacement
                + "': it holds " + Requirements.describe(value) + ", and a replacement is only possible for numbers and strings");
    }

    private String name() {
        return part.variantOf("MaskField");
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
    }

    @Override
    public String version() {
        return BuiltinVersion.VERSION;
    }

    /**
     * Masks fields of the record key.
     *
     * @param <R> the record type
     */
    public static final class Key<R extends ConnectRecord<R>> extends MaskField<R> {
        /** Creates the transform; configure it before use. */
        public Key() {
            super(RecordPart.KEY);
        }
    }

    /**
     * Masks fields of the record value.
     *
     * @param <R> the record type
     */
    public static final class Value<R extends ConnectRecord<R>> extends MaskField<R> {
        /** Creates the transform; configure it before use. */
        public Value() {
            super(RecordPart.VALUE);
        }
    }
}
