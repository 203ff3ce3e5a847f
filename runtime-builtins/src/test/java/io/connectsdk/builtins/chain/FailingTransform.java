package io.connectsdk.builtins.chain;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.errors.RetriableException;
import io.connectsdk.api.transforms.Transform;
import java.util.Map;

/** Test transform: throws the configured kind of exception from apply, and from close when asked. */
public class FailingTransform<R extends ConnectRecord<R>> implements Transform<R> {
    private String kind;
    private boolean failOnClose;
    int closed;

    @Override
    public void configure(Map<String, ?> configs) {
        kind = String.valueOf(configs.get("kind"));
        failOnClose = "true".equals(configs.get("fail.on.close"));
    }

    @Override
    public R apply(R record) {
        switch (kind) {
            case "retriable":
                throw new RetriableException("try again later");
            case "npe":
                throw new NullPointerException("boom");
            default:
                throw new io.connectsdk.api.errors.DataException("bad data in field 'x'");
        }
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public void close() {
        closed++;
        if (failOnClose) {
            throw new IllegalStateException("cannot close");
        }
    }

    @Override
    public String version() {
        return "1.0";
    }
}
