package io.connectsdk.examples.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.sink.TopicPartition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTaskTest {
    @TempDir
    Path dir;

    private final List<FileSinkTask> started = new ArrayList<>();
    private long offset;

    @AfterEach
    void stopTasks() {
        started.forEach(FileSinkTask::stop);
    }

    private FileSinkTask start(Path file) {
        Map<String, String> props = Map.of("file", file.toString(), "topics", "lines");
        FileSinkTask task = new FileSinkTask();
        task.initialize(new FakeSinkTaskContext(props));
        task.start(props);
        started.add(task);
        return task;
    }

    private SinkRecord record(Schema schema, Object value) {
        return new SinkRecord("lines", 0, null, null, schema, value, offset++);
    }

    private static Map<TopicPartition, Long> offsets(long next) {
        return Map.of(new TopicPartition("lines", 0), next);
    }

    @Test
    void writesEachValueAsALineAndFlushesThemToTheFile() throws Exception {
        Path file = dir.resolve("out.txt");
        FileSinkTask task = start(file);
        Schema schema = SchemaBuilder.struct().name("Point").field("x", Schema.INT32_SCHEMA)
                .field("label", Schema.STRING_SCHEMA).build();
        Map<String, Object> schemaless = new HashMap<>();
        schemaless.put("k", 1);

        task.put(List.of(
                record(Schema.STRING_SCHEMA, "plain text"),
                record(Schema.BYTES_SCHEMA, "bytes ü".getBytes(StandardCharsets.UTF_8)),
                record(schema, new Struct(schema).put("x", 3).put("label", "p")),
                record(null, schemaless),
                record(Schema.OPTIONAL_STRING_SCHEMA, null),
                record(null, 42L)));
        task.preCommit(offsets(offset));

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
                .containsExactly("plain text", "bytes ü", "Struct{x=3,label=p}", "{k=1}", "42");
    }

    @Test
    void flushMakesBufferedLinesVisibleAndPutAloneNeedNot() throws Exception {
        Path file = dir.resolve("out.txt");
        FileSinkTask task = start(file);

        task.put(List.of(record(Schema.STRING_SCHEMA, "a"), record(Schema.STRING_SCHEMA, "b")));
        task.flush(offsets(offset));
        assertThat(Files.readString(file)).isEqualTo("a\nb\n");

        task.put(List.of(record(Schema.STRING_SCHEMA, "c")));
        task.flush(offsets(offset));
        assertThat(Files.readString(file)).isEqualTo("a\nb\nc\n");
    }

    @Test
    void appendsToAnExistingFileAndCreatesMissingParents() throws Exception {
        Path file = dir.resolve("nested/deeper/out.txt");
        FileSinkTask first = start(file);
        first.put(List.of(record(Schema.STRING_SCHEMA, "one")));
        first.stop();

        FileSinkTask second = start(file);
        second.put(List.of(record(Schema.STRING_SCHEMA, "two")));
        second.flush(offsets(offset));

        assertThat(Files.readAllLines(file)).containsExactly("one", "two");
    }

    @Test
    void configurationErrorsNameTheKey() {
        FileSinkTask task = new FileSinkTask();
        task.initialize(new FakeSinkTaskContext(Map.of()));

        assertThatThrownBy(() -> task.start(Map.of("topics", "lines")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("\"file\"");
        assertThatThrownBy(() -> task.start(Map.of("file", dir.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("file").hasMessageContaining("directory");
    }
}
