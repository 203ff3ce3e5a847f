package io.connectsdk.builtins.transforms;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.data.Field;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.builtins.BuiltinVersion;
import io.connectsdk.builtins.transforms.util.FieldPath;
import io.connectsdk.builtins.transforms.util.FieldSyntaxVersion;
import io.connectsdk.builtins.transforms.util.Requirements;
import io.connectsdk.builtins.transforms.util.SchemaCache;
import io.connectsdk.builtins.transforms.util.SchemaUtil;
import io.connectsdk.builtins.transforms.util.Validators;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces the record key with a struct (with a schema) or map (schemaless) made of some fields of
 * the record value; Kafka Connect's {@code ValueToKey}.
 *
 * <p>Configuration:
 * <ul>
 *   <li>{@code fields} (required): the value fields to copy, a non-empty list of names (repeats ignored; or,
 *       with {@code field.syntax.version=V2}, dotted paths; the key field is named by the path
 *       text).</li>
 *   <li>{@code field.syntax.version} (default {@code V1}): {@code V1} or {@code V2}.</li>
 *   <li>{@code replace.null.with.default} (default {@code true}): whether unset struct fields are
 *       copied as their schema's default value.</li>
 * </ul>
 *
 * <p>Behaviour: with a value schema the value must be a {@code Struct} holding every field (else
 * {@code DataException} naming the missing one); the key schema is an unnamed struct of those
 * fields' schemas, built once per value schema. Schemaless, the value must be a {@code Map}; a
 * missing field gives a {@code null} entry. A {@code null} value is a {@code DataException}.
 *
 * <p>Thread-safety: one instance per task, called from that task's thread.
 *
 * @param <R> the record type
 */
public class ValueToKey<R extends ConnectRecord<R>> implements Transform<R> {
    /** Key: the value fields that make the key. */
    public static final String FIELDS_CONFIG = "fields";
    /** Key: whether unset struct fields read as their default. */
    public static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";

    private static final String NAME = "ValueToKey";

    private static final ConfigDef CONFIG_DEF = FieldSyntaxVersion.define(new ConfigDef()
            .define(FIELDS_CONFIG, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Validators.nameList(false),
                    ConfigDef.Importance.HIGH, "Fields of the record value that make the record key.")
            .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
                    "Whether struct fields that are unset and have a default value are copied as the default (true) or as null."));

    private List<String> fields;
    private List<FieldPath> paths;
    private boolean replaceNullWithDefault;
    private final SchemaCache schemaCache = new SchemaCache();

    /** Creates the transform; configure it before use. */
    public ValueToKey() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, configs);
        fields = Validators.distinct(config.getList(FIELDS_CONFIG));
        FieldSyntaxVersion version = FieldSyntaxVersion.parse(config.getString(FieldSyntaxVersion.CONFIG));
        paths = new ArrayList<>(fields.size());
        for (String field : fields) {
            paths.add(FieldPath.parse(field, version));
        }
        replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
        schemaCache.clear();
    }

    @Override
    public R apply(R record) {
        if (record.valueSchema() == null) {
            Map<String, Object> value = Requirements.requireMap(record.value(), NAME, "value");
            Map<String, Object> key = new HashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                key.put(fields.get(i), paths.get(i).valueIn(value));
            }
            return record.newRecord(record.topic(), record.kafkaPartition(), null, key,
                    record.valueSchema(), record.value(), record.timestamp());
        }
        Struct value = Requirements.requireStruct(record.value(), NAME, "value");
        Schema keySchema = schemaCache.computeIfAbsent(value.schema(), this::keySchema);
        Struct key = new Struct(keySchema);
        for (int i = 0; i < fields.size(); i++) {
            key.put(fields.get(i), paths.get(i).valueIn(value, replaceNullWithDefault));
        }
        return record.newRecord(record.topic(), record.kafkaPartition(), keySchema, key,
                value.schema(), value, record.timestamp());
    }

    private Schema keySchema(Schema valueSchema) {
        SchemaBuilder builder = SchemaBuilder.struct();
        for (int i = 0; i < fields.size(); i++) {
            Field field = paths.get(i).fieldIn(valueSchema);
            if (field == null) {
                throw new DataException(NAME + ": the record value has no field '" + fields.get(i) + "'"
                        + (valueSchema.type() == Schema.Type.STRUCT ? "; its fields are " + SchemaUtil.fieldNames(valueSchema) : ""));
            }
            builder.field(fields.get(i), field.schema());
        }
        return builder.build();
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
}
