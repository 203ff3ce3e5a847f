package io.connectsdk.api.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.connector.Task;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.sink.ErrantRecordReporter;
import io.connectsdk.api.sink.SinkConnector;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.sink.SinkTask;
import io.connectsdk.api.sink.SinkTaskContext;
import io.connectsdk.api.sink.TopicPartition;
import io.connectsdk.api.source.OffsetStorageReader;
import io.connectsdk.api.source.SourceConnector;
import io.connectsdk.api.source.SourceRecord;
import io.connectsdk.api.source.SourceTask;
import io.connectsdk.api.source.SourceTaskContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The complete minimal plugins shown in the javadoc of {@link SourceConnector} and {@link SinkTask},
 * copied verbatim (except for {@code static} and the print stream of the sink, which a test
 * captures), so that the documentation keeps compiling and working.
 */
class JavadocExamplesTest {

    // ---- from SourceConnector's javadoc ----
    public static class CounterConnector extends SourceConnector {
        static final ConfigDef CONFIG = new ConfigDef()
                .define("topic", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "Topic to write to.");
        private Map<String, String> props;

        public String version() { return "1.0"; }
        public ConfigDef config() { return CONFIG; }
        public void start(Map<String, String> props) { CONFIG.parse(props); this.props = props; }
        public Class<? extends Task> taskClass() { return CounterTask.class; }
        public List<Map<String, String>> taskConfigs(int maxTasks) { return List.of(props); }
        public void stop() { }
    }

    public static class CounterTask extends SourceTask {
        private static final Map<String, String> PARTITION = Map.of("counter", "main");
        private String topic;
        private long next;

        public String version() { return "1.0"; }
        public void start(Map<String, String> props) {
            topic = props.get("topic");
            Map<String, Object> offset = context.offsetStorageReader().offset(PARTITION);
            next = offset == null ? 0 : ((Number) offset.get("next")).longValue();
        }
        public List<SourceRecord> poll() throws InterruptedException {
            Thread.sleep(100); // a real source would block on its data, up to a bound
            long n = next++;
            return List.of(new SourceRecord(PARTITION, Map.of("next", n + 1), topic, Schema.INT64_SCHEMA, n));
        }
        public void stop() { }
    }

    // ---- from SinkTask's javadoc ----
    public static class PrintSinkConnector extends SinkConnector {
        private Map<String, String> props;

        public String version() { return "1.0"; }
        public ConfigDef config() { return new ConfigDef(); }
        public void start(Map<String, String> props) { this.props = props; }
        public Class<? extends Task> taskClass() { return PrintSinkTask.class; }
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            return Collections.nCopies(maxTasks, props);
        }
        public void stop() { }
    }

    public static class PrintSinkTask extends SinkTask {
        static PrintStream target = System.out;
        private PrintStream out;

        public String version() { return "1.0"; }
        public void start(Map<String, String> props) { out = target; }
        public void put(Collection<SinkRecord> records) {
            for (SinkRecord r : records) {
                if (r.value() == null) {
                    context.errantRecordReporter().report(r, new DataException("tombstones are not printed"));
                } else {
                    out.println(r.topic() + "/" + r.kafkaPartition() + "@" + r.kafkaOffset() + ": " + r.value());
                }
            }
        }
        public void flush(Map<TopicPartition, Long> currentOffsets) { out.flush(); }
        public void stop() { }
    }

    @Test
    void counterSourceResumesFromItsCommittedOffset() throws Exception {
        CounterConnector connector = new CounterConnector();
        Map<String, String> config = Map.of("name", "counter", "topic", "numbers");
        assertThat(connector.validate(config).configValues())
                .allSatisfy(v -> assertThat(v.errorMessages()).isEmpty());
        connector.start(config);
        List<Map<String, String>> taskConfigs = connector.taskConfigs(3);
        assertThat(taskConfigs).hasSize(1);

        Map<Map<String, ?>, Map<String, Object>> committed = new HashMap<>();
        committed.put(Map.of("counter", "main"), Map.of("next", 41L));
        CounterTask task = new CounterTask();
        task.initialize(sourceContext(taskConfigs.get(0), committed));
        task.start(taskConfigs.get(0));
        List<SourceRecord> records = task.poll();

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo("numbers");
            assertThat(r.value()).isEqualTo(41L);
            assertThat(r.valueSchema()).isEqualTo(Schema.INT64_SCHEMA);
            assertThat(r.sourceOffset()).isEqualTo(Map.of("next", 42L));
        });
        task.stop();
        connector.stop();
    }

    @Test
    void counterConnectorRefusesAConfigWithoutTopic() {
        CounterConnector connector = new CounterConnector();
        assertThat(connector.validate(Map.of()).configValues())
                .anySatisfy(v -> {
                    assertThat(v.name()).isEqualTo("topic");
                    assertThat(v.errorMessages()).isNotEmpty();
                });
        Assertions.assertThatThrownBy(() -> connector.start(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("topic");
    }

    @Test
    void printSinkPrintsRecordsAndReportsTombstones() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintSinkTask.target = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<SinkRecord> reported = new ArrayList<>();
        PrintSinkConnector connector = new PrintSinkConnector();
        connector.start(Map.of("topics", "orders"));
        assertThat(connector.taskConfigs(2)).hasSize(2);

        PrintSinkTask task = new PrintSinkTask();
        task.initialize(sinkContext((record, error) -> {
            reported.add(record);
            return CompletableFuture.completedFuture(null);
        }));
        task.start(Map.of("topics", "orders"));
        task.open(List.of(new TopicPartition("orders", 0)));
        task.put(List.of(
                new SinkRecord("orders", 0, null, null, Schema.STRING_SCHEMA, "book", 7),
                new SinkRecord("orders", 0, null, null, null, null, 8)));
        Map<TopicPartition, Long> committed = task.preCommit(Map.of(new TopicPartition("orders", 0), 9L));
        task.stop();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("orders/0@7: book" + System.lineSeparator());
        assertThat(reported).extracting(SinkRecord::kafkaOffset).containsExactly(8L);
        assertThat(committed).containsEntry(new TopicPartition("orders", 0), 9L);
    }

    private static SourceTaskContext sourceContext(Map<String, String> configs,
                                                   Map<Map<String, ?>, Map<String, Object>> committed) {
        OffsetStorageReader reader = new OffsetStorageReader() {
            @Override
            public <T> Map<String, Object> offset(Map<String, T> partition) {
                return committed.get(partition);
            }

            @Override
            public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
                partitions.forEach(p -> result.put(p, committed.get(p)));
                return result;
            }
        };
        return new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return configs;
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return reader;
            }
        };
    }

    private static SinkTaskContext sinkContext(ErrantRecordReporter reporter) {
        return new SinkTaskContext() {
            @Override public Map<String, String> configs() { return Map.of(); }
            @Override public void offset(Map<TopicPartition, Long> offsets) { }
            @Override public void offset(TopicPartition tp, long offset) { }
            @Override public void timeout(long timeoutMs) { }
            @Override public Set<TopicPartition> assignment() { return Set.of(); }
            @Override public void pause(TopicPartition... partitions) { }
            @Override public void resume(TopicPartition... partitions) { }
            @Override public void requestCommit() { }
            @Override public ErrantRecordReporter errantRecordReporter() { return reporter; }
        };
    }

}
