package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.source.SourceRecord;
import io.connectsdk.testkit.harness.SourceTaskHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Unit tests of the task without a broker: {@code SourceTaskHarness} runs it on a task thread as a
 * worker would, stores offsets on {@code commit()} and starts a new instance on {@code restart()}.
 */
class ${connectorName}SourceTaskTest {
    private static SourceTaskHarness<${connectorName}SourceTask> harness(String... extra) {
        SourceTaskHarness<${connectorName}SourceTask> h = SourceTaskHarness.of(${connectorName}SourceTask.class)
                .config("topic", "counts").config("interval.ms", "0").config("batch.size", "10");
        for (int i = 0; i < extra.length; i += 2) {
            h.config(extra[i], extra[i + 1]);
        }
        return h;
    }

    @Test
    void writesNumberedRecordsWithTheirOffsets() {
        try (var h = harness("message", "hi").start()) {
            List<SourceRecord> records = h.poll();

            assertThat(records).hasSize(10);
            SourceRecord third = records.get(2);
            assertThat(third.topic()).isEqualTo("counts");
            assertThat(third.keySchema()).isEqualTo(Schema.INT64_SCHEMA);
            assertThat(third.key()).isEqualTo(2L);
            assertThat(third.value()).isEqualTo("hi 2");
            assertThat(third.sourcePartition()).isEqualTo(Map.of("source", "counter"));
            assertThat(third.sourceOffset()).isEqualTo(Map.of("next", 3L));
        }
    }

    @Test
    void aRestartedTaskContinuesAfterTheLastCommittedRecord() {
        try (var h = harness().start()) {
            h.pollRecords(25);
            h.commit();      // the worker stores the offsets of the records Kafka acknowledged
            h.poll();        // written, but not committed: these may come again after a restart
            h.restart();     // a new task instance reads the stored offset

            List<SourceRecord> resumed = h.poll();
            assertThat(resumed.get(0).key()).isEqualTo(h.offset(Map.of("source", "counter")).get("next"));
        }
    }

    @Test
    void stopsAfterMaxRecords() {
        try (var h = harness("max.records", "15").start()) {
            List<SourceRecord> all = h.pollRecords(15);
            assertThat(all).extracting(SourceRecord::key).containsExactly(
                    0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L);
            assertThat(h.poll()).isEmpty();
        }
    }

    @Test
    void stopMakesAWaitingPollReturn() {
        try (var h = harness("interval.ms", "3600000").start()) {
            h.poll();                               // record 0 is due at once, record 1 in an hour
            assertThat(h.stopDuringPoll()).isEmpty(); // the harness fails it if poll does not return promptly
        }
    }

    @Test
    void anInvalidConfigurationNamesTheKey() {
        assertThatThrownBy(() -> harness("interval.ms", "-1").start())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("interval.ms");
    }

    @Test
    void recordsComeAtTheConfiguredInterval() {
        try (var h = harness("interval.ms", "50", "max.records", "3").start()) {
            long start = System.nanoTime();
            h.pollUntil(3, Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        }
    }
}
