package io.connectsdk.examples.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.source.SourceRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTaskTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final InMemoryOffsets offsets = new InMemoryOffsets();
    private final List<FileSourceTask> started = new ArrayList<>();

    @AfterEach
    void stopTasks() {
        started.forEach(FileSourceTask::stop);
    }

    private Map<String, String> props(Path file, String... extra) {
        Map<String, String> props = new HashMap<>();
        props.put("file", file.toString());
        props.put("topic", "lines");
        props.put("poll.wait.ms", "20");
        for (int i = 0; i < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        return props;
    }

    private FileSourceTask start(Map<String, String> props) {
        FileSourceTask task = new FileSourceTask();
        task.initialize(offsets.context(props));
        task.start(props);
        started.add(task);
        return task;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<String> values(List<SourceRecord> records) {
        List<String> values = new ArrayList<>();
        if (records != null) {
            records.forEach(r -> values.add((String) r.value()));
        }
        return values;
    }

    /** Polls (each poll bounded by poll.wait.ms) until {@code count} lines arrived, within BOUND. */
    private List<SourceRecord> pollUntil(FileSourceTask task, int count) {
        List<SourceRecord> all = new ArrayList<>();
        await().atMost(BOUND).until(() -> {
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                all.addAll(batch);
            }
            return all.size() >= count;
        });
        return all;
    }

    @Test
    void readsExistingLinesWithPartitionOffsetAndSchema() throws Exception {
        Path file = dir.resolve("in.txt");
        append(file, "alpha\nbeta\r\n\ngamma\n");
        FileSourceTask task = start(props(file));

        List<SourceRecord> records = task.poll();

        assertThat(values(records)).containsExactly("alpha", "beta", "", "gamma");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo("lines");
            assertThat(r.sourcePartition()).isEqualTo(Map.of("filename", file.toString()));
            assertThat(r.valueSchema()).isEqualTo(Schema.STRING_SCHEMA);
            assertThat(r.key()).isNull();
        });
        assertThat(records).extracting(r -> (Object) r.sourceOffset().get("position")).containsExactly(6L, 12L, 13L, 19L);
    }

    @Test
    void batchSizeLimitsEachPoll() throws Exception {
        Path file = dir.resolve("in.txt");
        append(file, "1\n2\n3\n4\n5\n");
        FileSourceTask task = start(props(file, "batch.size", "2"));

        assertThat(values(task.poll())).containsExactly("1", "2");
        assertThat(values(task.poll())).containsExactly("3", "4");
        assertThat(values(task.poll())).containsExactly("5");
        assertThat(task.poll()).isNullOrEmpty();
    }

    @Test
    void multiByteCharactersAreCountedInBytes() throws Exception {
        Path file = dir.resolve("in.txt");
        append(file, "héllo wörld €\nnext\n");
        FileSourceTask task = start(props(file));

        List<SourceRecord> records = task.poll();

        assertThat(values(records)).containsExactly("héllo wörld €", "next");
        long firstLineBytes = "héllo wörld €\n".getBytes(StandardCharsets.UTF_8).length;
        assertThat(records.get(0).sourceOffset().get("position")).isEqualTo(firstLineBytes);
    }

    @Test
    void tailsLinesAppendedLaterAndHoldsBackAnIncompleteLine() throws Exception {
        Path file = dir.resolve("in.txt");
        append(file, "first\n");
        FileSourceTask task = start(props(file));
        assertThat(values(task.poll())).containsExactly("first");

        append(file, "sec");
        assertThat(task.poll()).isNullOrEmpty();

        append(file, "ond\nthird\n");
        assertThat(values(pollUntil(task, 2))).containsExactly("second", "third");
    }

    @Test
    void resumesFromTheCommittedOffsetWithoutDuplicates() throws Exception {
        Path file = dir.resolve("in.txt");
        append(file, "a\nb\nc\n");
        FileSourceTask first = start(props(file, "batch.size", "2"));
        List<SourceRecord> read = first.poll();
        assertThat(values(read)).containsExactly("a", "b");
        offsets.commit(read);
        first.stop();

        append(file, "d\n");
        FileSourceTask second = start(props(file, "batch.size", "2"));

        assertThat(values(pollUntil(second, 2))).containsExactly("c", "d");
        assertThat(second.poll()).isNullOrEmpty();
    }

    @Test
    void resumesFromAnOffsetPutInTheStore() throws Exception {
        Path file = dir.resolve("in.txt");
        append(file, "a\nb\nc\n");
        offsets.put(Map.of("filename", file.toString()), Map.of("position", 4L));

        FileSourceTask task = start(props(file));

        assertThat(values(task.poll())).containsExactly("c");
    }

    @Test
    void aCommittedPositionBeyondTheEndMeansTheFileWasReplaced() throws Exception {
        Path file = dir.resolve("in.txt");
        append(file, "new\n");
        offsets.put(Map.of("filename", file.toString()), Map.of("position", 1000L));

        FileSourceTask task = start(props(file));

        assertThat(values(task.poll())).containsExactly("new");
    }

    @Test
    void aMalformedCommittedOffsetIsAnError() {
        Path file = dir.resolve("in.txt");
        offsets.put(Map.of("filename", file.toString()), Map.of("position", "soon"));
        FileSourceTask task = new FileSourceTask();
        task.initialize(offsets.context(props(file)));

        assertThatThrownBy(() -> task.start(props(file))).hasMessageContaining("position");
    }

    @Test
    void waitsForAFileThatIsCreatedLater() throws Exception {
        Path file = dir.resolve("later.txt");
        FileSourceTask task = start(props(file));
        assertThat(task.poll()).isNullOrEmpty();

        append(file, "hello\n");

        assertThat(values(pollUntil(task, 1))).containsExactly("hello");
    }

    @Test
    void startsOverWhenTheFileIsTruncated() throws Exception {
        Path file = dir.resolve("in.txt");
        append(file, "one long line\ntwo\n");
        FileSourceTask task = start(props(file));
        assertThat(values(task.poll())).hasSize(2);

        Files.writeString(file, "", StandardOpenOption.TRUNCATE_EXISTING);
        assertThat(task.poll()).isNullOrEmpty();
        append(file, "x\n");

        List<SourceRecord> records = pollUntil(task, 1);
        assertThat(values(records)).containsExactly("x");
        assertThat(records.get(0).sourceOffset()).isEqualTo(Map.of("position", 2L));
    }

    @Test
    void stopUnblocksAWaitingPollPromptly() throws Exception {
        Path file = dir.resolve("in.txt");
        append(file, "only\n");
        FileSourceTask task = start(props(file, "poll.wait.ms", "10000"));
        assertThat(values(task.poll())).containsExactly("only");

        AtomicReference<Object> result = new AtomicReference<>();
        Thread poller = new Thread(() -> {
            try {
                List<SourceRecord> records = task.poll();
                result.set(records == null ? "null" : records);
            } catch (Throwable t) {
                result.set(t);
            }
        }, "poller");
        poller.start();
        await().atMost(BOUND).until(() -> poller.getState() == Thread.State.TIMED_WAITING);

        long stopAt = System.nanoTime();
        task.stop();
        poller.join(Duration.ofSeconds(5).toMillis());

        assertThat(poller.isAlive()).as("poll still blocked after stop").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - stopAt)).isLessThan(Duration.ofSeconds(5));
        assertThat(result.get()).isEqualTo("null");
    }

    @Test
    void interruptingAWaitingPollThrowsInterruptedException() throws Exception {
        Path file = dir.resolve("in.txt");
        FileSourceTask task = start(props(file, "poll.wait.ms", "10000"));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread poller = new Thread(() -> {
            try {
                task.poll();
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "poller");
        poller.start();
        await().atMost(BOUND).until(() -> poller.getState() == Thread.State.TIMED_WAITING);

        poller.interrupt();
        poller.join(Duration.ofSeconds(5).toMillis());

        assertThat(poller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void configurationErrorsNameTheKey() {
        Path file = dir.resolve("in.txt");
        Map<String, String> noTopic = props(file);
        noTopic.remove("topic");
        assertThatThrownBy(() -> start(noTopic))
                .isInstanceOf(ConfigException.class).hasMessageContaining("\"topic\"");

        assertThatThrownBy(() -> start(props(file, "batch.size", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("batch.size");
        assertThatThrownBy(() -> start(props(file, "batch.size", "many")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("batch.size");
        assertThatThrownBy(() -> start(props(file, "poll.wait.ms", "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("poll.wait.ms");
        assertThatThrownBy(() -> start(props(dir)))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors()).containsOnlyKeys("file"))
                .hasMessageContaining("directory");
    }
}
