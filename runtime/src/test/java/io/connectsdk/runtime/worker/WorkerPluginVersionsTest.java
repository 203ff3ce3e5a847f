package io.connectsdk.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.connector.Connector;
import io.connectsdk.api.source.SourceRecord;
import io.connectsdk.api.storage.Converter;
import io.connectsdk.builtins.chain.TransformChain;
import io.connectsdk.runtime.config.ConnectorConfig;
import io.connectsdk.runtime.config.WorkerConfig;
import io.connectsdk.runtime.plugin.PluginClassLoader;
import io.connectsdk.runtime.plugin.Plugins;
import io.connectsdk.runtime.plugin.fixtures.PluginFixtures;
import io.connectsdk.runtime.storage.MemoryOffsetStore;
import io.connectsdk.runtime.storage.MemoryStatusStore;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker honours the {@code *.plugin.version} keys: with several versions of one plugin
 * installed, the highest is used unless the connector configuration asks for one.
 */
class WorkerPluginVersionsTest {
    private final PluginFixtures fixtures = PluginFixtures.get();
    private Plugins plugins;
    private Worker worker;

    @BeforeEach
    void setUp() {
        plugins = Plugins.builder().pluginPath(fixtures.versionsPath.toString())
                .extractionRoot(fixtures.newFolder("extract")).build();
        WorkerConfig config = new WorkerConfig(Map.of(
                "bootstrap.servers", "127.0.0.1:9",
                "key.converter", "StringConverter",
                "value.converter", "StringConverter"));
        worker = new Worker("127.0.0.1:0", config, WorkerPlugins.of(plugins), new MemoryOffsetStore(), new MemoryStatusStore());
    }

    @AfterEach
    void tearDown() {
        plugins.close();
    }

    @Test
    void theConnectorClassIsTheHighestVersionUnlessOneIsAskedFor() {
        Class<? extends Connector> highest = worker.connectorClass(Map.of("connector.class", "Versioned"));
        Class<? extends Connector> pinned = worker.connectorClass(Map.of(
                "connector.class", "Versioned", "connector.plugin.version", "1.0.0"));

        assertThat(location(highest)).endsWith("versioned-1.10.0.jar");
        assertThat(location(pinned)).contains("versioned-1.0.0");
    }

    @Test
    void anUninstalledConnectorVersionIsRefusedNamingTheKeyAndTheInstalledVersions() {
        assertThatThrownBy(() -> worker.connectorClass(Map.of(
                "connector.class", "Versioned", "connector.plugin.version", "9.9")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("connector.class")
                .hasMessageContaining("9.9")
                .hasMessageContaining("1.10.0");
    }

    @Test
    void convertersHonourTheirPluginVersionKeyAndDoNotReceiveIt() {
        Map<String, String> props = new HashMap<>(Map.of(
                "name", "c", "connector.class", "Versioned", "tasks.max", "1",
                "value.converter", "VersionedConverter",
                "value.converter.plugin.version", "1.2.0-SNAPSHOT",
                "value.converter.extra", "x"));
        Converter converter = worker.newConverter(new ConnectorConfig(props), "value.converter", false);

        // the fixture converter answers "version|isKey|settings"
        assertThat(converter.toConnectData("t", null).value())
                .isEqualTo("1.2.0-SNAPSHOT|false|{converter.type=value, extra=x}");
    }

    @Test
    void transformsAndPredicatesHonourTheirPluginVersionKeys() {
        Map<String, String> props = Map.of(
                "transforms", "up",
                "transforms.up.type", "Versioned",
                "transforms.up.plugin.version", "1.0.0",
                "transforms.up.predicate", "always",
                "predicates", "always",
                "predicates.always.type", "VersionedPredicate",
                "predicates.always.plugin.version", "1.2.0-SNAPSHOT");
        try (TransformChain<SourceRecord> chain = worker.newTransformChain(props)) {
            TransformChain.Stage<SourceRecord> stage = chain.stages().get(0);
            assertThat(stage.transform().version()).isEqualTo("1.0.0");
            assertThat(stage.predicate().version()).isEqualTo("1.2.0-SNAPSHOT");
        }
    }

    @Test
    void anUninstalledTransformVersionNamesTheAliasAndKey() {
        Map<String, String> props = Map.of(
                "transforms", "up",
                "transforms.up.type", "Versioned",
                "transforms.up.plugin.version", "0.1");
        assertThatThrownBy(() -> worker.newTransformChain(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("transforms.up.type")
                .hasMessageContaining("0.1")
                .hasMessageContaining("'up'");
    }

    private static String location(Class<?> type) {
        return ((PluginClassLoader) type.getClassLoader()).location();
    }
}
