package io.connectsdk.examples.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.source.SourceConnector;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class DatagenSourceConnectorTest {

    private static List<Map<String, String>> taskConfigs(Map<String, String> props, int maxTasks) {
        DatagenSourceConnector connector = new DatagenSourceConnector();
        connector.start(props);
        return connector.taskConfigs(maxTasks);
    }

    @Test
    void makesOneConfigurationPerTaskWithIdAndCount() {
        List<Map<String, String>> configs = taskConfigs(Map.of("topic", "orders", "seed", "5"), 4);

        assertThat(configs).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(configs.get(i)).containsEntry("task.id", Integer.toString(i)).containsEntry("task.count", "4")
                    .containsEntry("topic", "orders").containsEntry("seed", "5");
        }
    }

    @Test
    void neverRunsMoreTasksThanRecordsButAlwaysOne() {
        assertThat(taskConfigs(Map.of("topic", "orders", "max.records", "2"), 5)).hasSize(2)
                .allSatisfy(c -> assertThat(c).containsEntry("task.count", "2"));
        assertThat(taskConfigs(Map.of("topic", "orders", "max.records", "0"), 5)).hasSize(1);
    }

    @Test
    void startRejectsAnInvalidConfigurationNamingTheKey() {
        assertThatThrownBy(() -> new DatagenSourceConnector().start(Map.of("topic", "t", "rate.per.second", "fast")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rate.per.second");
        assertThat(new DatagenSourceConnector().validate(Map.of("max.records", "-1")).errors())
                .containsOnlyKeys("topic", "max.records");
    }

    @Test
    void everyKeyIsDocumentedAndTaskKeysAreHidden() {
        assertThat(DatagenConfig.CONFIG_DEF.names())
                .containsExactly("topic", "rate.per.second", "max.records", "seed", "batch.size");
        assertThat(DatagenTaskConfig.TASK_CONFIG_DEF.configKeys().values())
                .allSatisfy(k -> assertThat(k.documentation()).isNotBlank());
    }

    @Test
    void versionIsTheProjectVersionAndTheConnectorIsRegistered() {
        String expected = System.getProperty("project.version");
        assertThat(expected).isNotBlank();
        assertThat(new DatagenSourceConnector().version()).isEqualTo(expected);
        assertThat(new DatagenSourceTask().version()).isEqualTo(expected);
        assertThat(ServiceLoader.load(SourceConnector.class).stream().map(ServiceLoader.Provider::type))
                .contains(DatagenSourceConnector.class);
    }
}
