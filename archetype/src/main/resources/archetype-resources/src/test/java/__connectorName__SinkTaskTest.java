package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.sink.TopicPartition;
import io.connectsdk.testkit.harness.Records;
import io.connectsdk.testkit.harness.SinkTaskHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unit tests of the task without a broker: {@code SinkTaskHarness} runs it on a task thread as a
 * worker would, assigns partitions, builds records, and calls {@code preCommit}/{@code flush} on
 * {@code flush()}, checking the offsets the task hands back.
 */
class ${connectorName}SinkTaskTest {
    private static final TopicPartition ORDERS = Records.tp("orders", 0);

    @TempDir
    Path dir;

    private SinkTaskHarness<${connectorName}SinkTask> harness(Path file) {
        return SinkTaskHarness.of(${connectorName}SinkTask.class).config("file", file.toString());
    }

    @Test
    void appendsOneLinePerValueAndCommitsOnceFlushed() throws Exception {
        Path file = dir.resolve("out/orders.txt"); // the folder is created too
        try (var h = harness(file).start().assign(ORDERS)) {
            h.put("orders", 0, "a", "b", null, "c"); // null: a tombstone, skipped

            assertThat(h.flush()).isEqualTo(Map.of(ORDERS, 4L)); // commit up to after the last record
            assertThat(Files.readAllLines(file)).containsExactly("a", "b", "c");
        }
    }

    @Test
    void aValueOfSeveralLinesIsReportedAsErrantAndTheRestIsWritten() throws Exception {
        Path file = dir.resolve("orders.txt");
        try (var h = harness(file).start().assign(ORDERS)) {
            h.put("orders", 0, "one", "two\nlines", "three");
            h.flush();

            assertThat(Files.readAllLines(file)).containsExactly("one", "three");
            assertThat(h.errantRecords()).singleElement().satisfies(errant -> {
                assertThat(errant.record().value()).isEqualTo("two\nlines");
                assertThat(errant.error()).isInstanceOf(DataException.class).hasMessageContaining("offset 1");
            });
        }
    }

    @Test
    void aRestartedTaskAppendsToTheSameFile() throws Exception {
        Path file = dir.resolve("orders.txt");
        try (var h = harness(file).start().assign(ORDERS)) {
            h.put("orders", 0, "first");
            h.flush();
        }
        try (var h = harness(file).start().assign(ORDERS)) {
            h.put("orders", 0, "second");
            h.flush();
        }
        assertThat(Files.readAllLines(file)).containsExactly("first", "second");
    }

    @Test
    void aMissingFileSettingNamesTheKey() {
        assertThatThrownBy(() -> SinkTaskHarness.of(${connectorName}SinkTask.class).start())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("file");
    }
}
