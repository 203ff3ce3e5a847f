package io.connectsdk.builtins.chain;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.header.Headers;
import io.connectsdk.api.transforms.Transform;
import java.util.HashMap;
import java.util.Map;

/** Test transform: appends its {@code tag} to the {@code trail} header; records its lifecycle. */
public class TagTransform<R extends ConnectRecord<R>> implements Transform<R> {
    private static final ConfigDef CONFIG = new ConfigDef()
            .define("tag", ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Importance.HIGH, "The tag.");

    Map<String, Object> configured;
    String tag;
    int applied;
    int closed;
    ClassLoader contextLoaderSeen;

    @Override
    public void configure(Map<String, ?> configs) {
        configured = new HashMap<>(configs);
        tag = (String) CONFIG.parse(configs).get("tag");
    }

    @Override
    public R apply(R record) {
        applied++;
        contextLoaderSeen = Thread.currentThread().getContextClassLoader();
        Headers headers = record.headers().duplicate();
        String trail = headers.lastWithName("trail") == null ? "" : (String) headers.lastWithName("trail").value();
        headers.remove("trail").addString("trail", trail + tag);
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value(), record.timestamp(), headers);
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void close() {
        closed++;
    }

    @Override
    public String version() {
        return "1.0";
    }
}
