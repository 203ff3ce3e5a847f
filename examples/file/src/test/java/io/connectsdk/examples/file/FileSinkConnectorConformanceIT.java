package io.connectsdk.examples.file;

import io.connectsdk.testkit.connect.PluginUnderTest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link FileSinkConnectorConformanceTest} once more, by failsafe after {@code package}, against
 * the packaged plugin ({@code target/ARTIFACT-VERSION-plugin.zip}, the system property
 * {@code plugin.zip} set in {@code examples/pom.xml}): the {@code PACKAGING-*} checks inspect the
 * archive, so {@code PACKAGING-MANIFEST}, not applicable to {@code target/classes} in the test
 * phase, runs here; the checks that run a worker host the archive.
 */
class FileSinkConnectorConformanceIT extends FileSinkConnectorConformanceTest {
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
        skipped.put("BROKER-BOUNCE", "run in the test phase by FileSinkConnectorConformanceTest on the same"
                + " classes; a second broker bounce would only lengthen the build");
        return skipped;
    }
}
