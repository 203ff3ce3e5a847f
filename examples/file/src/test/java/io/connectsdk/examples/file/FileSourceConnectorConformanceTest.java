package io.connectsdk.examples.file;

import io.connectsdk.testkit.conformance.SourceConnectorConformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The source conformance suite for {@link FileSourceConnector}: a fresh file per check. */
class FileSourceConnectorConformanceTest extends SourceConnectorConformance<FileSourceConnector> {
    @TempDir
    Path dir;

    private int produced;

    @Override
    protected Class<FileSourceConnector> connectorClass() {
        return FileSourceConnector.class;
    }

    @Override
    protected Map<String, String> validConfig() {
        return Map.of(FileSourceConfig.FILE_CONFIG, dir.resolve("input.txt").toString(),
                FileSourceConfig.TOPIC_CONFIG, "lines");
    }

    /** Appends {@code count} complete lines to the file the connector reads. */
    @Override
    protected void produceSourceData(int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append("line ").append(produced++).append('\n');
        }
        try {
            Files.writeString(dir.resolve("input.txt"), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
