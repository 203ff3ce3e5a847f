package io.connectsdk.builtins.chain;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.transforms.Predicate;
import java.util.Map;

/** Test predicate: true for records whose topic equals {@code topic}; counts tests and closes. */
public class CountingPredicate<R extends ConnectRecord<R>> implements Predicate<R> {
    String topic;
    int tested;
    int closed;

    @Override
    public void configure(Map<String, ?> configs) {
        topic = String.valueOf(configs.get("topic"));
        if ("boom".equals(configs.get("mode"))) {
            throw new IllegalStateException("predicate cannot start");
        }
    }

    @Override
    public boolean test(R record) {
        tested++;
        if ("explode".equals(topic)) {
            throw new IllegalArgumentException("cannot decide");
        }
        return topic.equals(record.topic());
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
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
