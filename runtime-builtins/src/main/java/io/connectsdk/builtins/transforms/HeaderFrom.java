package io.connectsdk.builtins.transforms;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.data.Field;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.header.Headers;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.builtins.BuiltinVersion;
import io.connectsdk.builtins.transforms.util.RecordPart;
import io.connectsdk.builtins.transforms.util.Requirements;
import io.connectsdk.builtins.transforms.util.SchemaCache;
import io.connectsdk.builtins.transforms.util.SchemaUtil;
import io.connectsdk.builtins.transforms.util.Validators;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies or moves top-level fields of the record key ({@link Key}) or value ({@link Value}) into
 * headers; Kafka Connect's {@code HeaderFrom}.
 *
 * <p>Configuration:
 * <ul>
 *   <li>{@code fields} (required): the fields, a non-empty list.</li>
 *   <li>{@code headers} (required): the header keys, one per field, in the same order.</li>
 *   <li>{@code operation} (required): {@code copy} (the fields stay) or {@code move} (the fields
 *       are removed from the key/value).</li>
 *   <li>{@code replace.null.with.default} (default {@code true}): whether unset struct fields read
 *       as their schema's default value.</li>
 * </ul>
 *
 * <p>Behaviour: each header is added (after the existing headers) with the field's schema, or
 * without schema for schemaless data; a field missing from a map gives a {@code null} header. With
 * a schema, every field must exist ({@code DataException} otherwise) and {@code move} builds a
 * schema without the moved fields (once per input schema). The part must be a {@code Struct} or a
 * {@code Map} (a {@code null} part is a {@code DataException}, as in Kafka Connect).
 *
 * <p>Thread-safety: one instance per task, called from that task's thread.
 *
 * @param <R> the record type
 */
public abstract class HeaderFrom<R extends ConnectRecord<R>> implements Transform<R> {
    /** Key: the fields to copy or move. */
    public static final String FIELDS_CONFIG = "fields";
    /** Key: the header keys. */
    public static final String HEADERS_CONFIG = "headers";
    /** Key: {@code copy} or {@code move}. */
    public static final String OPERATION_CONFIG = "operation";
    /** Key: whether unset struct fields read as their default. */
    public static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FIELDS_CONFIG, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Validators.nonEmptyList(),
                    ConfigDef.Importance.HIGH, "Fields of the record key or value to copy or move to headers.")
            .define(HEADERS_CONFIG, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Validators.nonEmptyList(),
                    ConfigDef.Importance.HIGH, "Header keys, one per field of the fields setting, in the same order.")
            .define(OPERATION_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.ValidString.in("move", "copy"),
                    ConfigDef.Importance.HIGH, "move to remove the fields from the key or value, copy to keep them.")
            .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
                    "Whether struct fields that are unset and have a default value are read as the default (true) or as null.");

    private final RecordPart part;
    private List<String> fields;
    private List<String> headers;
    private Set<String> fieldSet;
    private boolean move;
    private boolean replaceNullWithDefault;
    private final SchemaCache schemaCache = new SchemaCache();

    /** @param part the part of the record this variant works on */
    protected HeaderFrom(RecordPart part) {
        this.part = part;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, configs);
        fields = List.copyOf(config.getList(FIELDS_CONFIG));
        headers = List.copyOf(config.getList(HEADERS_CONFIG));
        if (fields.size() != headers.size()) {
            throw new ConfigException(HEADERS_CONFIG, headers, "must have as many elements as " + FIELDS_CONFIG + " ("
                    + fields.size() + ": " + fields + "), one header per field, but has " + headers.size());
        }
        fieldSet = new HashSet<>(fields);
        move = "move".equals(config.getString(OPERATION_CONFIG));
        replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
        schemaCache.clear();
    }

    @Override
    public R apply(R record) {
        Schema schema = part.schema(record);
        Object value = part.value(record);
        Headers updatedHeaders = record.headers().duplicate();
        if (schema == null) {
            Map<String, Object> map = Requirements.requireMap(value, name(), part.label());
            Map<String, Object> updated = new LinkedHashMap<>(map);
            for (int i = 0; i < fields.size(); i++) {
                if (move) {
                    updated.remove(fields.get(i));
                }
                updatedHeaders.add(headers.get(i), map.get(fields.get(i)), null);
            }
            return part.with(record, null, updated, updatedHeaders);
        }
        Struct struct = Requirements.requireStruct(value, name(), part.label());
        for (int i = 0; i < fields.size(); i++) {
            Field field = struct.schema().field(fields.get(i));
            if (field == null) {
                throw new DataException(name() + ": the record " + part.label() + " has no field '" + fields.get(i)
                        + "'; its fields are " + SchemaUtil.fieldNames(struct.schema()));
            }
            updatedHeaders.add(headers.get(i), read(struct, field), field.schema());
        }
        if (!move) {
            return part.with(record, schema, struct, updatedHeaders);
        }
        Schema movedSchema = schemaCache.computeIfAbsent(struct.schema(), this::withoutFields);
        Struct moved = new Struct(movedSchema);
        for (Field field : movedSchema.fields()) {
            moved.put(field, read(struct, struct.schema().field(field.name())));
        }
        return part.with(record, movedSchema, moved, updatedHeaders);
    }

    private Object read(Struct struct, Field field) {
        return replaceNullWithDefault ? struct.get(field) : struct.getWithoutDefault(field.name());
    }

    private Schema withoutFields(Schema schema) {
        SchemaBuilder builder = SchemaUtil.copyBasics(schema, SchemaBuilder.struct());
        for (Field field : schema.fields()) {
            if (!fieldSet.contains(field.name())) {
                builder.field(field.name(), field.schema());
            }
        }
        return builder.build();
    }

    private String name() {
        return part.variantOf("HeaderFrom");
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
     * Copies or moves fields of the record key to headers.
     *
     * @param <R> the record type
     */
    public static class Key<R extends ConnectRecord<R>> extends HeaderFrom<R> {
        /** Creates the transform; configure it before use. */
        public Key() {
            super(RecordPart.KEY);
        }
    }

    /**
     * Copies or moves fields of the record value to headers.
     *
     * @param <R> the record type
     */
    public static class Value<R extends ConnectRecord<R>> extends HeaderFrom<R> {
        /** Creates the transform; configure it before use. */
        public Value() {
            super(RecordPart.VALUE);
        }
    }
}
