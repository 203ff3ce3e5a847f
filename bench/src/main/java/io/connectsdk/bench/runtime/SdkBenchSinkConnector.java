package io.connectsdk.bench.runtime;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.Task;
import io.connectsdk.api.sink.SinkConnector;
import java.util.List;
import java.util.Map;

/** The benchmark no-op sink on connect-sdk's SPI; the twin of {@link KafkaBenchSinkConnector}. */
public class SdkBenchSinkConnector extends SinkConnector {
    private Map<String, String> props;

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return SdkBenchSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
    }
}
