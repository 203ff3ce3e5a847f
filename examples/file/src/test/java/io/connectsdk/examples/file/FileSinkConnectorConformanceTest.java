package io.connectsdk.examples.file;

import io.connectsdk.testkit.conformance.SinkConnectorConformance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The sink conformance suite for {@link FileSinkConnector}: a fresh output file per check. */
class FileSinkConnectorConformanceTest extends SinkConnectorConformance<FileSinkConnector> {
    @TempDir
    Path dir;

    @Override
    protected Class<FileSinkConnector> connectorClass() {
        return FileSinkConnector.class;
    }

    @Override
    protected Map<String, String> validConfig() {
        return Map.of(FileSinkConfig.FILE_CONFIG, dir.resolve("output.txt").toString(), "topics", "lines");
    }

    /** The complete lines of the output file: one record value per line. */
    @Override
    protected Collection<?> readBack() throws IOException {
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
                + " remote destination, so there is no hung destination to stop it from");
    }
}
