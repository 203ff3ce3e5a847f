package io.connectsdk.builtins.predicates;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.transforms.Predicate;
import io.connectsdk.builtins.BuiltinVersion;
import java.util.Map;

/**
 * True for tombstones: records whose value is {@code null} (whatever their value schema); Kafka
 * Connect's {@code RecordIsTombstone}.
 *
 * <p>Configuration: none. Thread-safety: stateless.
 *
 * @param <R> the record type
 */
public class RecordIsTombstone<R extends ConnectRecord<R>> implements Predicate<R> {
    private static final ConfigDef CONFIG_DEF = new ConfigDef();

    /** Creates the predicate. */
    public RecordIsTombstone() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public boolean test(R record) {
        return record.value() == null;
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
        return "RecordIsTombstone{}";
    }
}
