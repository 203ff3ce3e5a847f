package io.connectsdk.builtins.predicates;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.transforms.Predicate;
import io.connectsdk.builtins.BuiltinVersion;
import java.util.Map;

/**
 * True for records with at least one header with the configured key (whatever its value, even
 * {@code null}); Kafka Connect's {@code HasHeaderKey}.
 *
 * <p>Configuration: {@code name} (required), the non-empty header key.
 *
 * <p>Thread-safety: one instance per task, called from that task's thread.
 *
 * @param <R> the record type
 */
public class HasHeaderKey<R extends ConnectRecord<R>> implements Predicate<R> {
    /** Key: the header key. */
    public static final String NAME_CONFIG = "name";

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(NAME_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.MEDIUM, "The header key.");

    private String name;

    /** Creates the predicate; configure it before use. */
    public HasHeaderKey() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
        name = new AbstractConfig(CONFIG_DEF, configs).getString(NAME_CONFIG);
    }

    @Override
    public boolean test(R record) {
        return record.headers().allWithName(name).hasNext();
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

    @Override
    public String toString() {
        return "HasHeaderKey{name='" + name + "'}";
    }
}
