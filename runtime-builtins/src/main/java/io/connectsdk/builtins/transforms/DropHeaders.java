package io.connectsdk.builtins.transforms;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.header.ConnectHeaders;
import io.connectsdk.api.header.Header;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.builtins.BuiltinVersion;
import io.connectsdk.builtins.transforms.util.Validators;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Removes every header with one of the configured keys; Kafka Connect's {@code DropHeaders}.
 *
 * <p>Configuration: {@code headers} (required), a non-empty list of header keys (repeats ignored).
 *
 * <p>Behaviour: the other headers keep their order; key, value and topic are unchanged. The input
 * record is not modified (the result is a copy).
 *
 * <p>Thread-safety: one instance per task, called from that task's thread.
 *
 * @param <R> the record type
 */
public class DropHeaders<R extends ConnectRecord<R>> implements Transform<R> {
    /** Key: the header keys to remove. */
    public static final String HEADERS_CONFIG = "headers";

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(HEADERS_CONFIG, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Validators.nameList(false),
                    ConfigDef.Importance.HIGH, "The keys of the headers to remove.");

    private Set<String> headers;

    /** Creates the transform; configure it before use. */
    public DropHeaders() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
        headers = new HashSet<>(new AbstractConfig(CONFIG_DEF, configs).getList(HEADERS_CONFIG));
    }

    @Override
    public R apply(R record) {
        ConnectHeaders kept = new ConnectHeaders();
        for (Header header : record.headers()) {
            if (!headers.contains(header.key())) {
                kept.add(header);
            }
        }
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value(), record.timestamp(), kept);
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
