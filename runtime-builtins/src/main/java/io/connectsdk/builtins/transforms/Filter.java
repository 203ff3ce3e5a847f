package io.connectsdk.builtins.transforms;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.builtins.BuiltinVersion;
import java.util.Map;

/**
 * Drops every record it is applied to, so later transforms and the destination never see it;
 * Kafka Connect's {@code Filter}. Meant to be used with a predicate
 * ({@code transforms.<alias>.predicate}, optionally {@code negate}) to drop only some records.
 *
 * <p>Configuration: none. Thread-safety: stateless; one instance per task.
 *
 * @param <R> the record type
 */
public class Filter<R extends ConnectRecord<R>> implements Transform<R> {
    private static final ConfigDef CONFIG_DEF = new ConfigDef();

    /** Creates the transform. */
    public Filter() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    /** @return {@code null}: the record is dropped */
    @Override
    public R apply(R record) {
        return null;
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
}
