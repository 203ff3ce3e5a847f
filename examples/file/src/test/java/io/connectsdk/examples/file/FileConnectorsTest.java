package io.connectsdk.examples.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.config.ConfigValue;
import io.connectsdk.api.connector.Connector;
import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.sink.SinkConnector;
import io.connectsdk.api.source.SourceConnector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FileConnectorsTest {
    private static final Map<String, String> SOURCE_PROPS = Map.of(
            "name", "src", "connector.class", FileSourceConnector.class.getName(), "tasks.max", "4",
            "file", "/tmp/connect-sdk-example-in.txt", "topic", "lines");

    @Test
    void sourceRunsOneTaskWithTheConnectorConfiguration() {
        FileSourceConnector connector = new FileSourceConnector();
        connector.start(SOURCE_PROPS);

        assertThat(connector.taskClass()).isEqualTo(FileSourceTask.class);
        assertThat(connector.taskConfigs(4)).containsExactly(SOURCE_PROPS);
    }

    @Test
    void sinkRunsOneTaskWithTheConnectorConfiguration() {
        Map<String, String> props = Map.of("topics", "lines", "file", "/tmp/connect-sdk-example-out.txt");
        FileSinkConnector connector = new FileSinkConnector();
        connector.start(props);

        assertThat(connector.taskClass()).isEqualTo(FileSinkTask.class);
        assertThat(connector.taskConfigs(3)).containsExactly(props);
    }

    @Test
    void startRejectsAnInvalidConfigurationNamingTheKey() {
        Map<String, String> props = new HashMap<>(SOURCE_PROPS);
        props.remove("file");

        assertThatThrownBy(() -> new FileSourceConnector().start(props))
                .isInstanceOf(ConfigException.class).hasMessageContaining("\"file\"");
        assertThatThrownBy(() -> new FileSinkConnector().start(Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("\"file\"");
    }

    @Test
    void validateReportsErrorsPerKey() {
        Map<String, String> props = new HashMap<>(SOURCE_PROPS);
        props.put("batch.size", "-3");
        props.remove("topic");

        Map<String, List<String>> errors = new FileSourceConnector().validate(props).configValues().stream()
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));

        assertThat(errors.get("batch.size")).singleElement().asString().contains("batch.size");
        assertThat(errors.get("topic")).singleElement().asString().contains("topic");
        assertThat(errors.get("file")).isEmpty();
    }

    @Test
    void everyKeyIsDocumented() {
        for (ConfigDef def : List.of(FileSourceConfig.CONFIG_DEF, FileSinkConfig.CONFIG_DEF)) {
            assertThat(def.configKeys().values()).allSatisfy(k -> assertThat(k.documentation()).isNotBlank());
        }
        assertThat(FileSourceConfig.CONFIG_DEF.names()).containsExactly("file", "topic", "batch.size", "poll.wait.ms");
        assertThat(FileSourceConfig.CONFIG_DEF.configKeys().get("batch.size").defaultValue()).isEqualTo(2000);
    }

    @Test
    void versionIsTheProjectVersion() {
        String expected = System.getProperty("project.version");
        assertThat(expected).isNotBlank();
        for (Connector c : List.of(new FileSourceConnector(), new FileSinkConnector())) {
            assertThat(c.version()).isEqualTo(expected);
        }
        assertThat(new FileSourceTask().version()).isEqualTo(expected);
        assertThat(new FileSinkTask().version()).isEqualTo(expected);
    }

    @Test
    void connectorsAreRegisteredAsServices() {
        assertThat(ServiceLoader.load(SourceConnector.class).stream().map(ServiceLoader.Provider::type))
                .contains(FileSourceConnector.class);
        assertThat(ServiceLoader.load(SinkConnector.class).stream().map(ServiceLoader.Provider::type))
                .contains(FileSinkConnector.class);
    }

    @Test
    void alterOffsetsAcceptsBytePositionsAndRejectsOtherShapes() {
        FileSourceConnector connector = new FileSourceConnector();
        Map<Map<String, ?>, Map<String, ?>> good = new HashMap<>();
        good.put(Map.of("filename", "/x"), Map.of("position", 10L));
        good.put(Map.of("filename", "/y"), null);
        assertThat(connector.alterOffsets(SOURCE_PROPS, good)).isTrue();

        assertThatThrownBy(() -> connector.alterOffsets(SOURCE_PROPS,
                Map.of(Map.of("filename", "/x"), Map.of("position", -1L))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("position");
        assertThatThrownBy(() -> connector.alterOffsets(SOURCE_PROPS,
                Map.of(Map.of("file", "/x"), Map.of("position", 1L))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("filename");
    }
}
