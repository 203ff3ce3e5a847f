package ${package};

import io.connectsdk.testkit.connect.PluginUnderTest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conformance suite once more, by Failsafe after {@code package}, on the packaged plugin
 * ({@code target/ARTIFACT-VERSION-plugin.zip}): the packaging checks inspect the archive (its
 * manifest included) and the worker-based checks host it, as a deployed worker would.
 */
class ${connectorName}SinkConnectorConformanceIT extends ${connectorName}SinkConnectorConformanceTest {
    @Override
    protected Path pluginLocation() {
        return Path.of(System.getProperty("plugin.zip"));
    }

    @Override
    protected PluginUnderTest pluginUnderTest() {
        return PluginUnderTest.archive(pluginLocation());
    }

    @Override
    protected Map<String, String> skippedChecks() {
        Map<String, String> skipped = new LinkedHashMap<>(super.skippedChecks());
        skipped.put("BROKER-BOUNCE", "run in the test phase on the same classes; a second bounce only lengthens the build");
        return skipped;
    }
}
