package io.connectsdk.cli;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.provider.ConfigProvider;

/**
 * A Kafka config provider that is not on the CLI's class path, for the launcher test of
 * {@code CLASSPATH}: answers {@code listeners} with a loopback listener on a free port.
 */
public class StaticConfigProvider implements ConfigProvider {
    private static final Map<String, String> VALUES = Map.of("listeners", "http://127.0.0.1:0");

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public ConfigData get(String path) {
        return new ConfigData(VALUES);
    }

    @Override
    public ConfigData get(String path, Set<String> keys) {
        return new ConfigData(VALUES.entrySet().stream().filter(e -> keys.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Override
    public void close() {
    }
}
