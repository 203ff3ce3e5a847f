package io.connectsdk.builtins.transforms;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.data.ConnectSchema;
import io.connectsdk.api.data.Field;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.builtins.BuiltinVersion;
import io.connectsdk.builtins.transforms.util.RecordPart;
import io.connectsdk.builtins.transforms.util.Requirements;
import io.connectsdk.builtins.transforms.util.SchemaCache;
import io.connectsdk.builtins.transforms.util.SchemaUtil;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flattens nested structs (with a schema) or nested maps (schemaless) of the record key
 * ({@link Key}) or value ({@link Value}) into one level, naming each field by joining the names
 * on its path with a delimiter; Kafka Connect's {@code Flatten}.
 *
 * <p>Configuration: {@code delimiter} (default {@code "."}), put between the names.
 *
 * <p>Behaviour: arrays and their contents are kept as they are. With a schema: a field inside an
 * optional struct becomes optional, and takes its default from its own schema or else from the
 * enclosing struct's default value; the top-level name, version, doc and parameters are kept; map
 * fields are not supported ({@code DataException}). Schemaless: the part must be a {@code Map};
 * nested maps are flattened, {@code null} values kept, and a {@code Struct} or other non-Connect
 * value is a {@code DataException}. A {@code null} part passes unchanged. Derived schemas are built once per input schema; two fields that
 * flatten to the same name are a {@code DataException}.
 *
 * <p>Thread-safety: one instance per task, called from that task's thread.
 *
 * @param <R> the record type
 */
public abstract class Flatten<R extends ConnectRecord<R>> implements Transform<R> {
    /** Key: the delimiter between field names. */
    public static final String DELIMITER_CONFIG = "delimiter";
    /** Default of {@value #DELIMITER_CONFIG}. */
    public static final String DELIMITER_DEFAULT = ".";

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(DELIMITER_CONFIG, ConfigDef.Type.STRING, DELIMITER_DEFAULT, ConfigDef.Importance.MEDIUM,
                    "Delimiter put between the field names of the input when generating the field names of the output.");

    private final RecordPart part;
    private String delimiter;
    private final SchemaCache schemaCache = new SchemaCache();

    /** @param part the part of the record this variant works on */
    protected Flatten(RecordPart part) {
        this.part = part;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, configs);
        delimiter = config.getString(DELIMITER_CONFIG);
        schemaCache.clear();
    }

    @Override
    public R apply(R record) {
        Object value = part.value(record);
        if (value == null) {
            return record;
        }
        Schema schema = part.schema(record);
        if (schema == null) {
            Map<String, Object> map = Requirements.requireMap(value, name(), part.label());
            Map<String, Object> flat = new LinkedHashMap<>();
            flattenMap(map, "", flat);
            return part.with(record, null, flat);
        }
        Struct struct = Requirements.requireStruct(value, name(), part.label());
        Schema flatSchema = schemaCache.computeIfAbsent(schema, this::flatSchema);
        Struct flat = new Struct(flatSchema);
        flattenStruct(struct, "", flat);
        return part.with(record, flatSchema, flat);
    }

    private String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + delimiter + name;
    }

    private void flattenMap(Map<?, ?> map, String prefix, Map<String, Object> out) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = join(prefix, String.valueOf(e.getKey()));
            Object value = e.getValue();
            if (value == null) {
                out.put(name, null);
                continue;
            }
            Schema.Type type = ConnectSchema.schemaType(value.getClass());
            if (type == null) {
                throw new DataException(name() + " cannot flatten field '" + name + "': " + Requirements.describe(value)
                        + " is not a Connect data type");
            }
            switch (type) {
                case MAP:
                    flattenMap((Map<?, ?>) value, name, out);
                    break;
                case STRUCT:
                    throw new DataException(name() + " cannot flatten field '" + name
                            + "': a Struct in a record without schema is not supported");
                default:
                    out.put(name, value);
                    break;
            }
        }
    }

    private Schema flatSchema(Schema schema) {
        if (schema.type() != Schema.Type.STRUCT) {
            throw new DataException(name() + " needs the record " + part.label() + " to be a struct, but its schema is "
                    + schema.type());
        }
        SchemaBuilder builder = SchemaUtil.copyBasics(schema, SchemaBuilder.struct());
        addFlatFields(schema, "", builder, schema.isOptional(), (Struct) schema.defaultValue());
        return builder.build();
    }

    private void addFlatFields(Schema struct, String prefix, SchemaBuilder out, boolean optional, Struct parentDefault) {
        for (Field field : struct.fields()) {
            String name = join(prefix, field.name());
            Schema fieldSchema = field.schema();
            boolean fieldOptional = optional || fieldSchema.isOptional();
            Object fieldDefault = fieldSchema.defaultValue() != null ? fieldSchema.defaultValue()
                    : parentDefault != null ? parentDefault.get(field) : null;
            switch (fieldSchema.type()) {
                case STRUCT:
                    addFlatFields(fieldSchema, name, out, fieldOptional, (Struct) fieldDefault);
                    break;
                case MAP:
                    throw new DataException(name() + " cannot flatten field '" + name + "': MAP fields are not supported "
                            + "in records with schemas");
                default:
                    SchemaBuilder copy = SchemaUtil.builderLike(fieldSchema);
                    if (fieldOptional) {
                        copy.optional();
                    }
                    if (fieldDefault != null) {
                        copy.defaultValue(fieldDefault);
                    }
                    out.field(name, copy.build());
                    break;
            }
        }
    }

    private void flattenStruct(Struct struct, String prefix, Struct out) {
        for (Field field : struct.schema().fields()) {
            String name = join(prefix, field.name());
            if (field.schema().type() == Schema.Type.STRUCT) {
                Struct nested = (Struct) struct.get(field);
                if (nested != null) {
                    flattenStruct(nested, name, out);
                }
            } else {
                out.put(name, struct.get(field));
            }
        }
    }

    private String name() {
        return part.variantOf("Flatten");
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
     * Flattens the record key.
     *
     * @param <R> the record type
     */
    public static class Key<R extends ConnectRecord<R>> extends Flatten<R> {
        /** Creates the transform; configure it before use. */
        public Key() {
            super(RecordPart.KEY);
        }
    }

    /**
     * Flattens the record value.
     *
     * @param <R> the record type
     */
    public static class Value<R extends ConnectRecord<R>> extends Flatten<R> {
        /** Creates the transform; configure it before use. */
        public Value() {
            super(RecordPart.VALUE);
        }
    }
}
