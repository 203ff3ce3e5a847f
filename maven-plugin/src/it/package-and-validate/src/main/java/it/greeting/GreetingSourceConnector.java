package it.greeting;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.Task;
import io.connectsdk.api.source.SourceConnector;
import java.util.List;
import java.util.Map;

/** A source connector whose task emits nothing; enough for packaging and validation. */
public class GreetingSourceConnector extends SourceConnector {
    private Map<String, String> props;

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef().define(ConfigDef.key("greeting").type(ConfigDef.Type.STRING).defaultValue("hello")
                .importance(ConfigDef.Importance.LOW).doc("The greeting."));
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return GreetingSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
    }
}
