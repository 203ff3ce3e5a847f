package io.connectsdk.builtins.transforms;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.builtins.BuiltinVersion;
import io.connectsdk.builtins.transforms.util.RecordPart;
import io.connectsdk.builtins.transforms.util.SchemaCache;
import java.util.HashMap;
import java.util.Map;

/**
 * Wraps the record key ({@link Key}) or value ({@link Value}) in a struct (with a schema) or a map
 * (schemaless) with a single field; Kafka Connect's {@code HoistField}.
 *
 * <p>Configuration: {@code field} (required), the name of the single field.
 *
 * <p>Behaviour: with a schema, the new schema is an unnamed struct whose one field has the
 * original schema (built once per input schema); a {@code null} value with a required schema is a
 * {@code DataException}. Schemaless, the new value is a map of one entry (also for {@code null}).
 *
 * <p>Thread-safety: one instance per task, called from that task's thread.
 *
 * @param <R> the record type
 */
public abstract class HoistField<R extends ConnectRecord<R>> implements Transform<R> {
    /** Key: the name of the wrapping field. */
    public static final String FIELD_CONFIG = "field";

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FIELD_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Importance.MEDIUM,
                    "Name of the single field of the resulting struct or map.");

    private final RecordPart part;
    private String fieldName;
    private final SchemaCache schemaCache = new SchemaCache();

    /** @param part the part of the record this variant works on */
    protected HoistField(RecordPart part) {
        this.part = part;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        fieldName = new AbstractConfig(CONFIG_DEF, configs).getString(FIELD_CONFIG);
        schemaCache.clear();
    }

    @Override
    public R apply(R record) {
        Schema schema = part.schema(record);
        Object value = part.value(record);
        if (schema == null) {
            Map<String, Object> wrapped = new HashMap<>();
            wrapped.put(fieldName, value);
            return part.with(record, null, wrapped);
        }
        Schema wrappedSchema = schemaCache.computeIfAbsent(schema, s -> SchemaBuilder.struct().field(fieldName, s).build());
        return part.with(record, wrappedSchema, new Struct(wrappedSchema).put(fieldName, value));
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
     * Wraps the record key.
     *
     * @param <R> the record type
     */
    public static class Key<R extends ConnectRecord<R>> extends HoistField<R> {
        /** Creates the transform; configure it before use. */
        public Key() {
            super(RecordPart.KEY);
        }
    }

    /**
     * Wraps the record value.
     *
     * @param <R> the record type
     */
    public static class Value<R extends ConnectRecord<R>> extends HoistField<R> {
        /** Creates the transform; configure it before use. */
        public Value() {
            super(RecordPart.VALUE);
        }
    }
}
