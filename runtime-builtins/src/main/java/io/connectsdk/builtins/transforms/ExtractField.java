package io.connectsdk.builtins.transforms;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.data.Field;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.builtins.BuiltinVersion;
import io.connectsdk.builtins.transforms.util.FieldPath;
import io.connectsdk.builtins.transforms.util.FieldSyntaxVersion;
import io.connectsdk.builtins.transforms.util.RecordPart;
import io.connectsdk.builtins.transforms.util.Requirements;
import io.connectsdk.builtins.transforms.util.SchemaUtil;
import java.util.Map;

/**
 * Replaces the record key ({@link Key}) or value ({@link Value}) with one of its fields; Kafka
 * Connect's {@code ExtractField}.
 *
 * <p>Configuration:
 * <ul>
 *   <li>{@code field} (required): the field to extract; with {@code field.syntax.version=V2} a
 *       dotted path into nested structs or maps (see {@link FieldPath}).</li>
 *   <li>{@code field.syntax.version} (default {@code V1}): {@code V1} or {@code V2}.</li>
 *   <li>{@code replace.null.with.default} (default {@code true}): whether an unset struct field
 *       reads as its schema's default value.</li>
 * </ul>
 *
 * <p>Behaviour: with a schema, the part must be a {@code Struct} (or {@code null}) and the field
 * must exist in the schema, else {@code DataException}; the new schema is the field's schema. A
 * schemaless part must be a {@code Map} (or {@code null}); a missing entry gives {@code null}.
 * {@code null} parts stay {@code null}.
 *
 * <p>Thread-safety: one instance per task, called from that task's thread.
 *
 * @param <R> the record type
 */
public abstract class ExtractField<R extends ConnectRecord<R>> implements Transform<R> {
    /** Key: the field to extract. */
    public static final String FIELD_CONFIG = "field";
    /** Key: whether unset struct fields read as their default. */
    public static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";

    private static final ConfigDef CONFIG_DEF = FieldSyntaxVersion.define(new ConfigDef()
            .define(FIELD_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Importance.MEDIUM,
                    "Name (or, with field.syntax.version=V2, path) of the field to extract.")
            .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
                    "Whether a struct field that is unset and has a default value is extracted as the default (true) or as null."));

    private final RecordPart part;
    private FieldPath path;
    private boolean replaceNullWithDefault;

    /** @param part the part of the record this variant works on */
    protected ExtractField(RecordPart part) {
        this.part = part;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, configs);
        FieldSyntaxVersion version = FieldSyntaxVersion.parse(config.getString(FieldSyntaxVersion.CONFIG));
        path = FieldPath.parse(config.getString(FIELD_CONFIG), version);
        replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
    }

    @Override
    public R apply(R record) {
        Schema schema = part.schema(record);
        Object value = part.value(record);
        if (schema == null) {
            Map<String, Object> map = Requirements.requireMapOrNull(value, name(), part.label());
            return part.with(record, null, map == null ? null : path.valueIn(map));
        }
        Struct struct = Requirements.requireStructOrNull(value, name(), part.label());
        Field field = path.fieldIn(schema);
        if (field == null) {
            throw new DataException(name() + ": the record " + part.label() + " schema has no field '" + path.text() + "'"
                    + (schema.type() == Schema.Type.STRUCT ? "; its fields are " + SchemaUtil.fieldNames(schema) : "; it is not a struct but "
                    + schema.type()));
        }
        return part.with(record, field.schema(), struct == null ? null : path.valueIn(struct, replaceNullWithDefault));
    }

    private String name() {
        return part.variantOf("ExtractField");
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
     * Extracts the field from the record key.
     *
     * @param <R> the record type
     */
    public static class Key<R extends ConnectRecord<R>> extends ExtractField<R> {
        /** Creates the transform; configure it before use. */
        public Key() {
            super(RecordPart.KEY);
        }
    }

    /**
     * Extracts the field from the record value.
     *
     * @param <R> the record type
     */
    public static class Value<R extends ConnectRecord<R>> extends ExtractField<R> {
        /** Creates the transform; configure it before use. */
        public Value() {
            super(RecordPart.VALUE);
        }
    }
}
