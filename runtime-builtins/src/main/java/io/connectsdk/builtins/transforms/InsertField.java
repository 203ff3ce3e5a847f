package io.connectsdk.builtins.transforms;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.data.Field;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.data.Timestamp;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.builtins.BuiltinVersion;
import io.connectsdk.builtins.transforms.util.RecordPart;
import io.connectsdk.builtins.transforms.util.Requirements;
import io.connectsdk.builtins.transforms.util.SchemaCache;
import io.connectsdk.builtins.transforms.util.SchemaUtil;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds fields holding record metadata (topic, partition, Kafka offset, timestamp) or a fixed
 * string to the record key ({@link Key}) or value ({@link Value}); Kafka Connect's
 * {@code InsertField}, with the same keys, defaults and results.
 *
 * <p>Configuration (each {@code *.field} names the field to add; suffix it with {@code !} to make
 * the field required in the new schema, or {@code ?} (the default) to keep it optional):
 * <ul>
 *   <li>{@code topic.field}: the record topic, a {@code STRING}. Default none.</li>
 *   <li>{@code partition.field}: the Kafka partition, an {@code INT32} (left out when the record
 *       has none). Default none.</li>
 *   <li>{@code offset.field}: the Kafka offset, an {@code INT64}; sink records only (a source
 *       record fails with a {@code DataException}). Default none.</li>
 *   <li>{@code timestamp.field}: the record timestamp, a {@code Timestamp} (a {@code Long} when
 *       schemaless; left out when the record has none). Default none.</li>
 *   <li>{@code static.field} and {@code static.value}: a fixed string field. Default none; a
 *       {@code static.field} needs a {@code static.value}.</li>
 *   <li>{@code replace.null.with.default} (default {@code true}): whether copied struct fields
 *       that are unset read as their schema's default value.</li>
 * </ul>
 * At least one field must be configured.
 *
 * <p>Behaviour: a {@code null} key/value (a tombstone) passes unchanged. A struct with a schema
 * gets a new schema (name, version, doc and parameters kept; built once per input schema) with the
 * new fields appended; a schemaless value must be a {@code Map}, copied with the new entries.
 * Anything else is a {@code DataException}.
 *
 * <p>Thread-safety: one instance per task, called from that task's thread.
 *
 * @param <R> the record type
 */
public abstract class InsertField<R extends ConnectRecord<R>> implements Transform<R> {
    /** Key: field for the topic. */
    public static final String TOPIC_FIELD_CONFIG = "topic.field";
    /** Key: field for the Kafka partition. */
    public static final String PARTITION_FIELD_CONFIG = "partition.field";
    /** Key: field for the Kafka offset (sink records only). */
    public static final String OFFSET_FIELD_CONFIG = "offset.field";
    /** Key: field for the record timestamp. */
    public static final String TIMESTAMP_FIELD_CONFIG = "timestamp.field";
    /** Key: field for the static value. */
    public static final String STATIC_FIELD_CONFIG = "static.field";
    /** Key: the static value. */
    public static final String STATIC_VALUE_CONFIG = "static.value";
    /** Key: whether unset struct fields read as their default. */
    public static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";

    private static final String OPTIONALITY = " Suffix with ! to make the field required, or ? to keep it optional (the default).";

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(TOPIC_FIELD_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    "Field name for the Kafka topic." + OPTIONALITY)
            .define(PARTITION_FIELD_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    "Field name for the Kafka partition." + OPTIONALITY)
            .define(OFFSET_FIELD_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    "Field name for the Kafka offset; sink records only." + OPTIONALITY)
            .define(TIMESTAMP_FIELD_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    "Field name for the record timestamp." + OPTIONALITY)
            .define(STATIC_FIELD_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    "Field name for the static value." + OPTIONALITY)
            .define(STATIC_VALUE_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    "The static value, used when static.field is set.")
            .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
                    "Whether struct fields that are unset and have a default value are copied as the default (true) or as null.");

    private static final Schema OPTIONAL_TIMESTAMP_SCHEMA = Timestamp.builder().optional().build();

    /** A configured field: its name and whether it is optional in the new schema. */
    private static final class Spec {
        final String name;
        final boolean optional;

        private Spec(String name, boolean optional) {
            this.name = name;
            this.optional = optional;
        }

        static Spec parse(String text) {
            if (text == null) {
                return null;
            }
            if (text.endsWith("!")) {
                return new Spec(text.substring(0, text.length() - 1), false);
            }
            if (text.endsWith("?")) {
                return new Spec(text.substring(0, text.length() - 1), true);
            }
            return new Spec(text, true);
        }

        @Override
        public String toString() {
            return name + (optional ? "?" : "!");
        }
    }

    private final RecordPart part;
    private Spec topicField;
    private Spec partitionField;
    private Spec offsetField;
    private Spec timestampField;
    private Spec staticField;
    private String staticValue;
    private boolean replaceNullWithDefault;
    private final SchemaCache schemaCache = new SchemaCache();

    /** @param part the part of the record this variant works on */
    protected InsertField(RecordPart part) {
        this.part = part;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, configs);
        topicField = Spec.parse(config.getString(TOPIC_FIELD_CONFIG));
        partitionField = Spec.parse(config.getString(PARTITION_FIELD_CONFIG));
        offsetField = Spec.parse(config.getString(OFFSET_FIELD_CONFIG));
        timestampField = Spec.parse(config.getString(TIMESTAMP_FIELD_CONFIG));
        staticField = Spec.parse(config.getString(STATIC_FIELD_CONFIG));
        staticValue = config.getString(STATIC_VALUE_CONFIG);
        replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
        if (topicField == null && partitionField == null && offsetField == null && timestampField == null
                && staticField == null) {
            throw new ConfigException(name() + " has no field to insert: set at least one of " + TOPIC_FIELD_CONFIG + ", "
                    + PARTITION_FIELD_CONFIG + ", " + OFFSET_FIELD_CONFIG + ", " + TIMESTAMP_FIELD_CONFIG + ", "
                    + STATIC_FIELD_CONFIG);
        }
        if (staticField != null && staticValue == null) {
            throw new ConfigException(STATIC_VALUE_CONFIG, null, "must be set because " + STATIC_FIELD_CONFIG + " is set (to '"
                    + staticField.name + "')");
        }
        schemaCache.clear();
    }

    @Override
    public R apply(R record) {
        Object value = part.value(record);
        if (value == null) {
            return record;
        }
        if (part.schema(record) == null) {
            Map<String, Object> map = Requirements.requireMap(value, name(), part.label());
            Map<String, Object> updated = new LinkedHashMap<>(map);
            if (topicField != null) {
                updated.put(topicField.name, record.topic());
            }
            if (partitionField != null && record.kafkaPartition() != null) {
                updated.put(partitionField.name, record.kafkaPartition());
            }
            if (offsetField != null) {
                updated.put(offsetField.name, Requirements.requireSinkRecord(record, name(), OFFSET_FIELD_CONFIG).kafkaOffset());
            }
            if (timestampField != null && record.timestamp() != null) {
                updated.put(timestampField.name, record.timestamp());
            }
            if (staticField != null) {
                updated.put(staticField.name, staticValue);
            }
            return part.with(record, null, updated);
        }
        Struct struct = Requirements.requireStruct(value, name(), part.label());
        Schema updatedSchema = schemaCache.computeIfAbsent(struct.schema(), this::updatedSchema);
        Struct updated = new Struct(updatedSchema);
        for (Field field : struct.schema().fields()) {
            updated.put(field.name(), replaceNullWithDefault ? struct.get(field) : struct.getWithoutDefault(field.name()));
        }
        if (topicField != null) {
            updated.put(topicField.name, record.topic());
        }
        if (partitionField != null && record.kafkaPartition() != null) {
            updated.put(partitionField.name, record.kafkaPartition());
        }
        if (offsetField != null) {
            updated.put(offsetField.name, Requirements.requireSinkRecord(record, name(), OFFSET_FIELD_CONFIG).kafkaOffset());
        }
        if (timestampField != null && record.timestamp() != null) {
            updated.put(timestampField.name, new Date(record.timestamp()));
        }
        if (staticField != null) {
            updated.put(staticField.name, staticValue);
        }
        return part.with(record, updatedSchema, updated);
    }

    private Schema updatedSchema(Schema schema) {
        SchemaBuilder builder = SchemaUtil.copyBasics(schema, SchemaBuilder.struct());
        for (Field field : schema.fields()) {
            builder.field(field.name(), field.schema());
        }
        if (topicField != null) {
            builder.field(topicField.name, topicField.optional ? Schema.OPTIONAL_STRING_SCHEMA : Schema.STRING_SCHEMA);
        }
        if (partitionField != null) {
            builder.field(partitionField.name, partitionField.optional ? Schema.OPTIONAL_INT32_SCHEMA : Schema.INT32_SCHEMA);
        }
        if (offsetField != null) {
            builder.field(offsetField.name, offsetField.optional ? Schema.OPTIONAL_INT64_SCHEMA : Schema.INT64_SCHEMA);
        }
        if (timestampField != null) {
            builder.field(timestampField.name, timestampField.optional ? OPTIONAL_TIMESTAMP_SCHEMA : Timestamp.SCHEMA);
        }
        if (staticField != null) {
            builder.field(staticField.name, staticField.optional ? Schema.OPTIONAL_STRING_SCHEMA : Schema.STRING_SCHEMA);
        }
        return builder.build();
    }

    private String name() {
        return part.variantOf("InsertField");
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
     * Inserts the fields into the record key.
     *
     * @param <R> the record type
     */
    public static class Key<R extends ConnectRecord<R>> extends InsertField<R> {
        /** Creates the transform; configure it before use. */
        public Key() {
            super(RecordPart.KEY);
        }
    }

    /**
     * Inserts the fields into the record value.
     *
     * @param <R> the record type
     */
    public static class Value<R extends ConnectRecord<R>> extends InsertField<R> {
        /** Creates the transform; configure it before use. */
        public Value() {
            super(RecordPart.VALUE);
        }
    }
}
