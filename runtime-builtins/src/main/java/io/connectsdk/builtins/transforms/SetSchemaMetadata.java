package io.connectsdk.builtins.transforms;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.data.ConnectSchema;
import io.connectsdk.api.data.Field;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.builtins.BuiltinVersion;
import io.connectsdk.builtins.transforms.util.RecordPart;
import io.connectsdk.builtins.transforms.util.Requirements;
import java.util.Map;

/**
 * Sets the name and/or version of the record key ({@link Key}) or value ({@link Value}) schema;
 * Kafka Connect's {@code SetSchemaMetadata}.
 *
 * <p>Configuration (at least one of the first two):
 * <ul>
 *   <li>{@code schema.name} (default none): the new name.</li>
 *   <li>{@code schema.version} (default none): the new version, an integer.</li>
 *   <li>{@code replace.null.with.default} (default {@code true}): whether unset fields of a struct
 *       value are copied as their schema's default value.</li>
 * </ul>
 *
 * <p>Behaviour: everything else about the schema is kept. A struct value is copied into a struct of
 * the new schema. A record with neither schema nor value for the part passes unchanged; a value
 * without schema is a {@code DataException}.
 *
 * <p>Thread-safety: one instance per task, called from that task's thread.
 *
 * @param <R> the record type
 */
public abstract class SetSchemaMetadata<R extends ConnectRecord<R>> implements Transform<R> {
    /** Key: the schema name to set. */
    public static final String SCHEMA_NAME_CONFIG = "schema.name";
    /** Key: the schema version to set. */
    public static final String SCHEMA_VERSION_CONFIG = "schema.version";
    /** Key: whether unset struct fields read as their default. */
    public static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(SCHEMA_NAME_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH, "Schema name to set.")
            .define(SCHEMA_VERSION_CONFIG, ConfigDef.Type.INT, null, ConfigDef.Importance.HIGH, "Schema version to set.")
            .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
                    "Whether struct fields that are unset and have a default value are copied as the default (true) or as null.");

    private final RecordPart part;
    private String schemaName;
    private Integer schemaVersion;
    private boolean replaceNullWithDefault;

    /** @param part the part of the record this variant works on */
    protected SetSchemaMetadata(RecordPart part) {
        this.part = part;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, configs);
        schemaName = config.getString(SCHEMA_NAME_CONFIG);
        schemaVersion = config.getInt(SCHEMA_VERSION_CONFIG);
        replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
        if (schemaName == null && schemaVersion == null) {
            throw new ConfigException(name() + " has nothing to set: set " + SCHEMA_NAME_CONFIG + " and/or "
                    + SCHEMA_VERSION_CONFIG);
        }
    }

    @Override
    public R apply(R record) {
        Schema schema = part.schema(record);
        Object value = part.value(record);
        if (schema == null && value == null) {
            return record;
        }
        Requirements.requireSchema(schema, name(), part.label());
        Schema updatedSchema = withMetadata(schema);
        Object updatedValue = value;
        if (value instanceof Struct) {
            updatedValue = copyInto((Struct) value, updatedSchema);
        }
        return part.with(record, updatedSchema, updatedValue);
    }

    private Schema withMetadata(Schema schema) {
        String name = schemaName != null ? schemaName : schema.name();
        Integer version = schemaVersion != null ? schemaVersion : schema.version();
        boolean isStruct = schema.type() == Schema.Type.STRUCT;
        Object defaultValue = schema.defaultValue();
        if (isStruct && defaultValue instanceof Struct) {
            // a struct default must carry the new schema too; build it against the schema without default
            Schema withoutDefault = build(schema, name, version, null);
            defaultValue = copyInto((Struct) defaultValue, withoutDefault);
        }
        return build(schema, name, version, defaultValue);
    }

    private static Schema build(Schema schema, String name, Integer version, Object defaultValue) {
        Schema.Type type = schema.type();
        return new ConnectSchema(type, schema.isOptional(), defaultValue, name, version, schema.doc(), schema.parameters(),
                type == Schema.Type.STRUCT ? schema.fields() : null,
                type == Schema.Type.MAP ? schema.keySchema() : null,
                type == Schema.Type.MAP || type == Schema.Type.ARRAY ? schema.valueSchema() : null);
    }

    private Struct copyInto(Struct original, Schema updatedSchema) {
        Struct updated = new Struct(updatedSchema);
        for (Field field : updatedSchema.fields()) {
            updated.put(field, replaceNullWithDefault ? original.get(field.name()) : original.getWithoutDefault(field.name()));
        }
        return updated;
    }

    private String name() {
        return part.variantOf("SetSchemaMetadata");
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
     * Sets the metadata of the record key schema.
     *
     * @param <R> the record type
     */
    public static class Key<R extends ConnectRecord<R>> extends SetSchemaMetadata<R> {
        /** Creates the transform; configure it before use. */
        public Key() {
            super(RecordPart.KEY);
        }
    }

    /**
     * Sets the metadata of the record value schema.
     *
     * @param <R> the record type
     */
    public static class Value<R extends ConnectRecord<R>> extends SetSchemaMetadata<R> {
        /** Creates the transform; configure it before use. */
        public Value() {
            super(RecordPart.VALUE);
        }
    }
}
