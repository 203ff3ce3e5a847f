package io.connectsdk.builtins.chain.one;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.transforms.Transform;
import java.util.Map;

/** Test transform whose simple name is shared with another one, to test ambiguous aliases. */
public class DupTransform<R extends ConnectRecord<R>> implements Transform<R> {
    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public R apply(R record) {
        return record;
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public void close() {
    }

    @Override
    public String version() {
        return "one";
    }
}
