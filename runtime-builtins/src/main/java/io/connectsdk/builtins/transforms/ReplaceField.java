package io.connectsdk.builtins.transforms;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.data.Field;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.builtins.BuiltinVersion;
import io.connectsdk.builtins.transforms.util.RecordPart;
import io.connectsdk.builtins.transforms.util.Requirements;
import io.connectsdk.builtins.transforms.util.SchemaCache;
import io.connectsdk.builtins.transforms.util.SchemaUtil;
import io.connectsdk.builtins.transforms.util.Validators;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops, keeps and renames top-level fields of the record key ({@link Key}) or value
 * ({@link Value}); Kafka Connect's {@code ReplaceField}.
 *
 * <p>Configuration:
 * <ul>
 *   <li>{@code exclude} (default empty): fields to drop; wins over {@code include}.</li>
 *   <li>{@code include} (default empty): if not empty, only these fields are kept.</li>
 *   <li>{@code renames} (default empty): {@code old:new} pairs, e.g. {@code foo:bar,abc:xyz};
 *       applied after filtering (filters use the old names).</li>
 *   <li>{@code replace.null.with.default} (default {@code true}): whether unset struct fields are
 *       copied as their schema's default value.</li>
 *   <li>{@code blacklist} and {@code whitelist}: the pre-Kafka-4.0 names of {@code exclude} and
 *       {@code include}, used only when the new key is not set. (Kafka Connect 4.x ignores them.)</li>
 * </ul>
 * Repeated names in the lists are ignored.
 *
 * <p>Behaviour: a {@code null} part passes unchanged. A struct gets a new schema (built once per
 * input schema; name, version, doc and parameters kept) with the kept fields, renamed, in their
 * original order; a schemaless part must be a {@code Map}. Anything else is a
 * {@code DataException}.
 *
 * <p>Thread-safety: one instance per task, called from that task's thread.
 *
 * @param <R> the record type
 */
public abstract class ReplaceField<R extends ConnectRecord<R>> implements Transform<R> {
    /** Key: fields to drop. */
    public static final String EXCLUDE_CONFIG = "exclude";
    /** Key: fields to keep. */
    public static final String INCLUDE_CONFIG = "include";
    /** Key: {@code old:new} renames. */
    public static final String RENAMES_CONFIG = "renames";
    /** Key: whether unset struct fields read as their default. */
    public static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";
    /** Deprecated key: the former name of {@value #EXCLUDE_CONFIG}. */
    public static final String BLACKLIST_CONFIG = "blacklist";
    /** Deprecated key: the former name of {@value #INCLUDE_CONFIG}. */
    public static final String WHITELIST_CONFIG = "whitelist";

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(EXCLUDE_CONFIG, ConfigDef.Type.LIST, List.of(), Validators.nameList(true), ConfigDef.Importance.MEDIUM,
                    "Fields to drop. Wins over include.")
            .define(INCLUDE_CONFIG, ConfigDef.Type.LIST, List.of(), Validators.nameList(true), ConfigDef.Importance.MEDIUM,
                    "Fields to keep; when not empty, every other field is dropped.")
            .define(RENAMES_CONFIG, ConfigDef.Type.LIST, List.of(),
                    ConfigDef.LambdaValidator.with((name, value) -> parseRenames(name, (List<?>) value),
                            () -> "list of colon-separated pairs, e.g. foo:bar,abc:xyz"),
                    ConfigDef.Importance.MEDIUM, "Field renames, as old:new pairs.")
            .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
                    "Whether struct fields that are unset and have a default value are copied as the default (true) or as null.")
            .define(BLACKLIST_CONFIG, ConfigDef.Type.LIST, null, ConfigDef.Importance.LOW,
                    "Deprecated: use exclude. Used only when exclude is not set.")
            .define(WHITELIST_CONFIG, ConfigDef.Type.LIST, null, ConfigDef.Importance.LOW,
                    "Deprecated: use include. Used only when include is not set.");

    private final RecordPart part;
    private Set<String> exclude;
    private Set<String> include;
    private Map<String, String> renames;
    private Map<String, String> originalNames;
    private boolean replaceNullWithDefault;
    private final SchemaCache schemaCache = new SchemaCache();

    /** @param part the part of the record this variant works on */
    protected ReplaceField(RecordPart part) {
        this.part = part;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, configs);
        exclude = new HashSet<>(listOrLegacy(config, configs, EXCLUDE_CONFIG, BLACKLIST_CONFIG));
        include = new HashSet<>(listOrLegacy(config, configs, INCLUDE_CONFIG, WHITELIST_CONFIG));
        renames = parseRenames(RENAMES_CONFIG, config.getList(RENAMES_CONFIG));
        originalNames = new HashMap<>();
        renames.forEach((from, to) -> originalNames.put(to, from));
        replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
        schemaCache.clear();
    }

    private static List<String> listOrLegacy(AbstractConfig config, Map<String, ?> raw, String key, String legacyKey) {
        if (raw.get(key) == null && config.getList(legacyKey) != null) {
            List<String> legacy = config.getList(legacyKey);
            Validators.nameList(true).ensureValid(legacyKey, legacy);
            return legacy;
        }
        return config.getList(key);
    }

    private static Map<String, String> parseRenames(String key, List<?> mappings) {
        Map<String, String> result = new LinkedHashMap<>();
        if (mappings == null) {
            return result;
        }
        for (Object element : mappings) {
            String mapping = String.valueOf(element);
            String[] parts = mapping.split(":", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw new ConfigException(key, mappings, "'" + mapping + "' is not a rename of the form old:new");
            }
            String previous = result.put(parts[0], parts[1]);
            if (previous != null && !previous.equals(parts[1])) {
                throw new ConfigException(key, mappings, "field '" + parts[0] + "' is renamed both to '" + previous
                        + "' and to '" + parts[1] + "'");
            }
        }
        return result;
    }

    private boolean keeps(String fieldName) {
        return !exclude.contains(fieldName) && (include.isEmpty() || include.contains(fieldName));
    }

    private String renamed(String fieldName) {
        return renames.getOrDefault(fieldName, fieldName);
    }

    @Override
    public R apply(R record) {
        Object value = part.value(record);
        if (value == null) {
            return record;
        }
        if (part.schema(record) == null) {
            Map<String, Object> map = Requirements.requireMap(value, name(), part.label());
            Map<String, Object> updated = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : map.entrySet()) {
                if (keeps(e.getKey())) {
                    updated.put(renamed(e.getKey()), e.getValue());
                }
            }
            return part.with(record, null, updated);
        }
        Struct struct = Requirements.requireStruct(value, name(), part.label());
        Schema updatedSchema = schemaCache.computeIfAbsent(struct.schema(), this::updatedSchema);
        Struct updated = new Struct(updatedSchema);
        for (Field field : updatedSchema.fields()) {
            String original = originalNames.getOrDefault(field.name(), field.name());
            updated.put(field, replaceNullWithDefault ? struct.get(original) : struct.getWithoutDefault(original));
        }
        return part.with(record, updatedSchema, updated);
    }

    private Schema updatedSchema(Schema schema) {
        SchemaBuilder builder = SchemaUtil.copyBasics(schema, SchemaBuilder.struct());
        for (Field field : schema.fields()) {
            if (keeps(field.name())) {
                builder.field(renamed(field.name()), field.schema());
            }
        }
        return builder.build();
    }

    private String name() {
        return part.variantOf("ReplaceField");
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
     * Filters and renames the fields of the record key.
     *
     * @param <R> the record type
     */
    public static class Key<R extends ConnectRecord<R>> extends ReplaceField<R> {
        /** Creates the transform; configure it before use. */
        public Key() {
            super(RecordPart.KEY);
        }
    }

    /**
     * Filters and renames the fields of the record value.
     *
     * @param <R> the record type
     */
    public static class Value<R extends ConnectRecord<R>> extends ReplaceField<R> {
        /** Creates the transform; configure it before use. */
        public Value() {
            super(RecordPart.VALUE);
        }
    }
}
