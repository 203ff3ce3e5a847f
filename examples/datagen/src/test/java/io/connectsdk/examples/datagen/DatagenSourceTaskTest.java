package io.connectsdk.examples.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.source.SourceRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DatagenSourceTaskTest {
    private final InMemoryOffsets offsets = new InMemoryOffsets();
    private final FakeTicker ticker = new FakeTicker();

    private static Map<String, String> props(String... extra) {
        Map<String, String> props = new HashMap<>();
        props.put("topic", "orders");
        props.put("task.id", "0");
        props.put("task.count", "1");
        for (int i = 0; i < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        return props;
    }

    private DatagenSourceTask start(Map<String, String> props) {
        return start(props, offsets);
    }

    private DatagenSourceTask start(Map<String, String> props, InMemoryOffsets store) {
        DatagenSourceTask task = new DatagenSourceTask(ticker);
        task.initialize(store.context(props));
        task.start(props);
        return task;
    }

    private static int size(List<SourceRecord> records) {
        return records == null ? 0 : records.size();
    }

    /** Polls until the task has nothing more (with max.records set and no rate limit). */
    private static List<SourceRecord> drain(DatagenSourceTask task) throws InterruptedException {
        List<SourceRecord> all = new ArrayList<>();
        for (int polls = 0; polls < 10_000; polls++) {
            List<SourceRecord> batch = task.poll();
            if (batch == null || batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
        }
        throw new AssertionError("the task did not run out of ids");
    }

    private static List<Long> ids(List<SourceRecord> records) {
        return records.stream().map(r -> (Long) r.key()).collect(Collectors.toList());
    }

    @Test
    void recordsHaveTheOrderSchemaKeyPartitionAndOffset() throws Exception {
        DatagenSourceTask task = start(props("rate.per.second", "0", "batch.size", "20"));

        List<SourceRecord> records = task.poll();

        assertThat(records).hasSize(20);
        for (int i = 0; i < records.size(); i++) {
            SourceRecord r = records.get(i);
            Struct order = (Struct) r.value();
            assertThat(r.topic()).isEqualTo("orders");
            assertThat(r.keySchema()).isEqualTo(OrderGenerator.KEY_SCHEMA);
            assertThat(r.key()).isEqualTo((long) i);
            assertThat(r.valueSchema()).isEqualTo(OrderGenerator.VALUE_SCHEMA);
            assertThat(order.getInt64("id")).isEqualTo((long) i);
            assertThat(order.getString("name")).matches("\\p{L}+ \\p{L}+");
            assertThat((BigDecimal) order.get("amount")).hasScaleOf(2)
                    .isBetween(new BigDecimal("1.00"), new BigDecimal("1000.00"));
            assertThat(((java.util.Date) order.get("created")).getTime() - OrderGenerator.CREATED_BASE_MS - i * 1000L)
                    .isBetween(0L, 999L);
            assertThat(order.<String>getArray("tags")).hasSizeLessThanOrEqualTo(3).doesNotHaveDuplicates();
            assertThat(r.sourcePartition()).isEqualTo(Map.of("task", 0));
            assertThat(r.sourceOffset()).isEqualTo(Map.of("next", i + 1L));
        }
        assertThat(records.stream().map(r -> ((Struct) r.value()).getString("name")).distinct().count())
                .as("names vary").isGreaterThan(10);
    }

    @Test
    void equalSeedsGiveEqualRecordsAndOtherSeedsOthers() throws Exception {
        List<SourceRecord> first = drain(start(props("rate.per.second", "0", "max.records", "50", "seed", "7")));
        List<SourceRecord> again = drain(start(props("rate.per.second", "0", "max.records", "50", "seed", "7")));
        List<SourceRecord> other = drain(start(props("rate.per.second", "0", "max.records", "50", "seed", "8")));

        assertThat(first).hasSize(50);
        assertThat(again).extracting(SourceRecord::value).isEqualTo(first.stream().map(SourceRecord::value).toList());
        assertThat(other).hasSize(50);
        long differing = LongStream.range(0, 50)
                .filter(i -> !first.get((int) i).value().equals(other.get((int) i).value())).count();
        assertThat(differing).isGreaterThan(40);
    }

    @Test
    void emitsAtTheConfiguredRateMeasuredOnTheInjectedClock() throws Exception {
        DatagenSourceTask task = start(props("rate.per.second", "10", "batch.size", "1000"));

        assertThat(size(task.poll())).as("first record is due at once").isEqualTo(1);
        assertThat(task.poll()).as("nothing more due at t=0").isNull();
        assertThat(ticker.lastWaitMillis()).isEqualTo(100);

        ticker.advanceMillis(50);
        assertThat(task.poll()).isNull();
        assertThat(ticker.lastWaitMillis()).isEqualTo(50);

        ticker.advanceMillis(950);
        assertThat(size(task.poll())).as("records due at 0.1 s .. 1.0 s").isEqualTo(10);

        int total = 11;
        for (int step = 0; step < 40; step++) {
            ticker.advanceMillis(100);
            total += size(task.poll());
        }
        assertThat(total).as("records in the window [0 s, 5 s] at 10/s").isEqualTo(51);
    }

    @Test
    void aFractionalRateSpacesRecordsOut() throws Exception {
        DatagenSourceTask task = start(props("rate.per.second", "0.5"));

        assertThat(size(task.poll())).isEqualTo(1);
        ticker.advanceMillis(1999);
        assertThat(task.poll()).isNull();
        assertThat(ticker.lastWaitMillis()).isEqualTo(1);
        ticker.advanceMillis(1);
        assertThat(size(task.poll())).isEqualTo(1);
    }

    @Test
    void aTaskThatFellBehindCatchesUpOneBatchPerPoll() throws Exception {
        DatagenSourceTask task = start(props("rate.per.second", "1000", "batch.size", "100"));
        assertThat(size(task.poll())).isEqualTo(1);

        ticker.advanceMillis(1000);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sizes.add(size(task.poll()));
        }

        assertThat(sizes).containsExactly(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 0, 0);
    }

    @Test
    void stopsAfterMaxRecordsAndThenIdles() throws Exception {
        DatagenSourceTask task = start(props("rate.per.second", "0", "max.records", "25", "batch.size", "10"));

        assertThat(ids(drain(task))).isEqualTo(LongStream.range(0, 25).boxed().toList());
        assertThat(task.poll()).isNull();
        assertThat(ticker.lastWaitMillis()).isEqualTo(500);
    }

    @Test
    void tasksSplitTheIdSpaceDisjointlyAndAgreeWithASingleTask() throws Exception {
        DatagenSourceConnector connector = new DatagenSourceConnector();
        connector.start(Map.of("topic", "orders", "rate.per.second", "0", "max.records", "100", "seed", "3"));
        List<Map<String, String>> configs = connector.taskConfigs(3);
        assertThat(configs).hasSize(3);

        Map<Long, Object> byId = new HashMap<>();
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            List<SourceRecord> records = drain(start(configs.get(i)));
            int taskId = i;
            assertThat(ids(records)).allSatisfy(id -> assertThat(id % 3).isEqualTo(taskId));
            assertThat(records).allSatisfy(r -> assertThat(r.sourcePartition()).isEqualTo(Map.of("task", taskId)));
            records.forEach(r -> byId.put((Long) r.key(), r.value()));
            all.addAll(ids(records));
        }

        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                LongStream.range(0, 100).boxed().toList());
        List<SourceRecord> single = drain(start(props("rate.per.second", "0", "max.records", "100", "seed", "3")));
        assertThat(single).allSatisfy(r -> assertThat(byId.get((Long) r.key())).isEqualTo(r.value()));
    }

    @Test
    void resumesAfterTheCommittedOffsetWithoutDuplicates() throws Exception {
        DatagenSourceTask first = start(props("rate.per.second", "0", "batch.size", "10"));
        List<SourceRecord> batch = first.poll();
        offsets.commit(batch);
        first.stop();

        DatagenSourceTask second = start(props("rate.per.second", "0", "batch.size", "10"));
        List<SourceRecord> resumed = second.poll();

        assertThat(ids(resumed)).isEqualTo(LongStream.range(10, 20).boxed().toList());
        List<SourceRecord> uninterrupted = drain(start(props("rate.per.second", "0", "batch.size", "10",
                "max.records", "20"), new InMemoryOffsets()));
        assertThat(uninterrupted).hasSize(20);
        assertThat(resumed).extracting(SourceRecord::value)
                .isEqualTo(uninterrupted.subList(10, 20).stream().map(SourceRecord::value).toList());
    }

    @Test
    void aResumedOffsetIsRoundedUpToAnIdOfTheTask() throws Exception {
        offsets.put(Map.of("task", 1), Map.of("next", 11L));

        DatagenSourceTask task = start(props("rate.per.second", "0", "batch.size", "3", "task.id", "1",
                "task.count", "3"));

        assertThat(ids(task.poll())).containsExactly(13L, 16L, 19L);
    }

    @Test
    void stopMakesPollReturnNothing() throws Exception {
        DatagenSourceTask task = start(props("rate.per.second", "0"));
        task.stop();

        assertThat(task.poll()).isNull();
    }

    @Test
    void configurationErrorsNameTheKey() {
        Map<String, String> noTopic = props();
        noTopic.remove("topic");
        assertThatThrownBy(() -> start(noTopic)).isInstanceOf(ConfigException.class).hasMessageContaining("\"topic\"");
        assertThatThrownBy(() -> start(props("rate.per.second", "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rate.per.second");
        assertThatThrownBy(() -> start(props("max.records", "-5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("max.records");
        assertThatThrownBy(() -> start(props("seed", "lucky")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("seed");
        assertThatThrownBy(() -> start(props("batch.size", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("batch.size");
        assertThatThrownBy(() -> start(props("task.id", "3", "task.count", "3")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("task.id");
        Set<String> keys = new HashSet<>(((ConfigException) catchConfig(props("rate.per.second", "x", "seed", "y")))
                .errors().keySet());
        assertThat(keys).containsExactlyInAnyOrder("rate.per.second", "seed");
    }

    private Throwable catchConfig(Map<String, String> props) {
        try {
            start(props);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("no ConfigException");
    }
}
