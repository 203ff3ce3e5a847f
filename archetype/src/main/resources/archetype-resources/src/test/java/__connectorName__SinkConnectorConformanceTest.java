package ${package};

import io.connectsdk.testkit.conformance.SinkConnectorConformance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Connect contract, checked by connect-sdk's sink conformance suite (25+ checks: packaging,
 * configuration, lifecycle, task configurations, every record written, no gap after a crash between
 * {@code put} and {@code flush}, stop latency, secret leaks, a broker bounce). The report lists every
 * check with its result; a check you skip needs a reason ({@code skippedChecks()}).
 */
class ${connectorName}SinkConnectorConformanceTest extends SinkConnectorConformance<${connectorName}SinkConnector> {
    @TempDir
    Path dir;

    @Override
    protected Class<${connectorName}SinkConnector> connectorClass() {
        return ${connectorName}SinkConnector.class;
    }

    @Override
    protected Map<String, String> validConfig() {
        return Map.of("file", dir.resolve("output.txt").toString(), "topics", "conformance");
    }

    /** What the sink wrote: the complete lines of the file, one record value each. */
    @Override
    protected Collection<?> readBack() throws Exception {
        Path out = dir.resolve("output.txt");
        if (!Files.exists(out)) {
            return List.of();
        }
        String content = Files.readString(out, StandardCharsets.UTF_8);
        int end = content.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(content.substring(0, end).split("\n", -1));
    }

    @Override
    protected Map<String, String> skippedChecks() {
        return Map.of("SINK-STOP-DURING-PUT", "put() appends to a local file through a buffer: it never waits on a"
                + " remote destination, so there is no hung destination to stop it from (a sink that calls a"
                + " remote system should run this check: override blockDestination())");
    }
}
