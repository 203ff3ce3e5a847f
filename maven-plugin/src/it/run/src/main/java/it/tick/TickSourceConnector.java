package it.tick;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.Task;
import io.connectsdk.api.source.SourceConnector;
import java.util.List;
import java.util.Map;

/** Writes "tick n" to the topic every 50 ms. */
public class TickSourceConnector extends SourceConnector {
    private Map<String, String> props;

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef().define(ConfigDef.key("topic").type(ConfigDef.Type.STRING)
                .importance(ConfigDef.Importance.HIGH).doc("Where the ticks go."));
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return TickSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
    }
}
