package io.connectsdk.runtime.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectsdk.runtime.errors.DeadLetterQueueReporter;
import io.connectsdk.runtime.herder.ConnectorStateInfo;
import io.connectsdk.runtime.herder.ConnectorTaskId;
import io.connectsdk.runtime.herder.State;
import io.connectsdk.runtime.herder.TaskInfo;
import io.connectsdk.testkit.kafka.EmbeddedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone worker end to end on an embedded broker: source and sink pipelines, offsets,
 * dead letter queue, shutdown, reconfiguration, failures and retries.
 */
@SuppressWarnings("try") // workers are opened for their side effects in some tests
class StandaloneEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static EmbeddedKafkaBroker kafka;
    private static org.apache.kafka.clients.admin.Admin admin;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaBroker.builder().build().start();
        admin = org.apache.kafka.clients.admin.Admin.create(kafka.adminConfig());
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) {
            admin.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private Map<String, String> workerProps() {
        Map<String, String> p = new HashMap<>();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("key.converter", "StringConverter");
        p.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        p.put("offset.storage.file.filename", dir.resolve("offsets.json").toString());
        p.put("offset.flush.interval.ms", "200");
        p.put("task.shutdown.graceful.timeout.ms", "3000");
        p.put("listeners", "http://127.0.0.1:0");
        return p;
    }

    private static Map<String, String> source(String name, String topic, String... extra) {
        Map<String, String> p = new HashMap<>();
        p.put("name", name);
        p.put("connector.class", TestPlugins.SeqSource.class.getName());
        p.put("topic", topic);
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return p;
    }

    private static Map<String, String> sink(String name, String topic, String... extra) {
        Map<String, String> p = new HashMap<>();
        p.put("name", name);
        p.put("connector.class", TestPlugins.CollectingSink.class.getName());
        p.put("topics", topic);
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return p;
    }

    /** @return how many records a topic holds (0 when it does not exist yet); cheaper than reading them */
    private static long count(String topic) throws Exception {
        if (!admin.listTopics().names().get().contains(topic)) {
            return 0;
        }
        Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
        for (var p : admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()) {
            latest.put(new TopicPartition(topic, p.partition()), org.apache.kafka.clients.admin.OffsetSpec.latest());
        }
        long total = 0;
        for (var info : admin.listOffsets(latest).all().get().values()) {
            total += info.offset();
        }
        return total;
    }

    /** Every record of a topic, read from the beginning to the end offsets of this moment. */
    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka.consumerConfig())) {
            List<TopicPartition> tps = new ArrayList<>();
            for (PartitionInfo pi : consumer.partitionsFor(topic)) {
                tps.add(new TopicPartition(topic, pi.partition()));
            }
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> end = consumer.endOffsets(tps);
            List<ConsumerRecord<String, String>> all = new ArrayList<>();
            await().atMost(WAIT).pollInSameThread().untilAsserted(() -> {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                records.forEach(all::add);
                Map<TopicPartition, Long> positions = new HashMap<>();
                for (TopicPartition tp : tps) {
                    positions.put(tp, consumer.position(tp));
                }
                assertThat(positions).as("positions reached the end offsets %s", end).allSatisfy(
                        (tp, position) -> assertThat(position).isGreaterThanOrEqualTo(end.get(tp)));
            });
            return all;
        }
    }

    /** @return the committed offset of a SeqSource task, or -1 when none is committed yet */
    private static long committedSeq(Path offsetsFile, String connector, int task) throws Exception {
        if (!Files.exists(offsetsFile)) {
            return -1;
        }
        JsonNode root = new ObjectMapper().readTree(offsetsFile.toFile());
        for (JsonNode e : root.get("offsets")) {
            if (e.get("connector").asText().equals(connector) && e.get("partition").get("task").asInt() == task) {
                return e.get("offset").get("seq").asLong();
            }
        }
        return -1;
    }

    @Test
    void recordsFlowFromSourceThroughTopicToSink() throws Exception {
        String topic = "flow";
        kafka.createTopic(topic, 3);
        try (Standalone.Handle worker = Standalone.start(workerProps(), List.of(
                source("flow-src", topic, "tasks.max", "2", "max.records", "500"),
                sink("flow-sink", topic, "tasks.max", "2")))) {
            Set<String> expected = new HashSet<>();
            for (int t = 0; t < 2; t++) {
                for (int s = 0; s < 500; s++) {
                    expected.add(t + "-" + s);
                }
            }
            await().atMost(WAIT).until(() -> TestPlugins.received("flow-sink").size() >= expected.size());
            List<String> received = new ArrayList<>(TestPlugins.received("flow-sink"));
            assertThat(received).hasSize(expected.size());
            assertThat(new HashSet<>(received)).isEqualTo(expected);

            ConnectorStateInfo status = worker.herder().connectorStatus("flow-src");
            assertThat(status.connector().state()).isEqualTo(State.RUNNING);
            assertThat(status.tasks()).extracting(ConnectorStateInfo.TaskState::state)
                    .containsExactly(State.RUNNING, State.RUNNING);
            assertThat(worker.herder().connectors()).containsExactly("flow-sink", "flow-src");
            assertThat(worker.herder().connectorActiveTopics("flow-src")).containsExactly(topic);
            assertThat(worker.herder().connectorActiveTopics("flow-sink")).containsExactly(topic);
            // Kafka Connect's JMX metrics, under its MBean and attribute names
            assertThat(jmx("connect-worker-metrics", null, null, "connector-count")).isEqualTo(2.0);
            assertThat(jmx("connect-worker-metrics", null, null, "task-count")).isEqualTo(4.0);
            assertThat(jmx("connect-worker-metrics", null, null, "connector-startup-success-total")).isEqualTo(2.0);
            assertThat(jmx("connect-worker-metrics", null, null, "task-startup-success-total")).isEqualTo(4.0);
            assertThat(jmx("connect-worker-metrics", "flow-src", null, "connector-running-task-count")).isEqualTo(2.0);
            assertThat(jmx("connector-metrics", "flow-src", null, "status")).isEqualTo("running");
            assertThat(jmx("connector-metrics", "flow-src", null, "connector-type")).isEqualTo("source");
            assertThat(jmx("connector-metrics", "flow-sink", null, "connector-class"))
                    .isEqualTo(TestPlugins.CollectingSink.class.getName());
            assertThat(jmx("connector-task-metrics", "flow-src", 0, "status")).isEqualTo("running");
            double polled = 0;
            double written = 0;
            double read = 0;
            double sent = 0;
            for (int t = 0; t < 2; t++) {
                polled += (Double) jmx("source-task-metrics", "flow-src", t, "source-record-poll-total");
                written += (Double) jmx("source-task-metrics", "flow-src", t, "source-record-write-total");
                read += (Double) jmx("sink-task-metrics", "flow-sink", t, "sink-record-read-total");
                sent += (Double) jmx("sink-task-metrics", "flow-sink", t, "sink-record-send-total");
            }
            assertThat(polled).isEqualTo(1000.0);
            assertThat(written).isEqualTo(1000.0);
            assertThat(read).as("every record consumed").isEqualTo(1000.0);
            assertThat(sent).isEqualTo(1000.0);
            assertThat((Double) jmx("sink-task-metrics", "flow-sink", 0, "partition-count")
                    + (Double) jmx("sink-task-metrics", "flow-sink", 1, "partition-count")).isEqualTo(3.0);
            assertThat((Double) jmx("connector-task-metrics", "flow-src", 0, "running-ratio")).isGreaterThan(0.0);
            // offsets of everything produced are committed within the flush interval
            Path offsets = dir.resolve("offsets.json");
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(committedSeq(offsets, "flow-src", 0)).isEqualTo(500);
                assertThat(committedSeq(offsets, "flow-src", 1)).isEqualTo(500);
            });
            // and the sink's: nothing left between put and commit
            await().atMost(WAIT).untilAsserted(() -> {
                for (int t = 0; t < 2; t++) {
                    assertThat(jmx("sink-task-metrics", "flow-sink", t, "sink-record-active-count")).isEqualTo(0.0);
                }
            });
            double activeMax = 0;
            double lagMax = -1;
            double commitSeqs = 0; // a task may have been given its partitions after the other consumed them all
            for (int t = 0; t < 2; t++) {
                activeMax = Math.max(activeMax, (Double) jmx("sink-task-metrics", "flow-sink", t, "sink-record-active-count-max"));
                commitSeqs += (Double) jmx("sink-task-metrics", "flow-sink", t, "offset-commit-seq-no");
                double lag = (Double) jmx("sink-task-metrics", "flow-sink", t, "sink-record-lag-max");
                if (!Double.isNaN(lag)) { // NaN: this task's consumer fetched nothing in the metric's window
                    lagMax = Math.max(lagMax, lag);
                }
            }
            assertThat(activeMax).as("records were put before they were committed").isPositive();
            assertThat(commitSeqs).isPositive();
            assertThat(lagMax).as("the consumer's lag, known once it fetched").isBetween(0.0, 1000.0);
        }
        assertThat(java.lang.management.ManagementFactory.getPlatformMBeanServer()
                .queryNames(new javax.management.ObjectName("kafka.connect:connector=flow-src,*"), null))
                .as("a stopped worker's connector and task MBeans are gone").isEmpty();
        List<ConsumerRecord<String, String>> inTopic = readAll(topic);
        assertThat(inTopic).hasSize(1000);
        assertThat(inTopic).allSatisfy(r -> assertThat(r.key()).isEqualTo("k" + r.value().charAt(0)));
    }

    @Test
    void connectorAndTasksRestartWhenTheirConfigProviderValuesExpireUnlessReloadIsNone() throws Exception {
        String topic = "reload";
        kafka.createTopic(topic, 1);
        Map<String, String> worker = workerProps();
        worker.put("config.providers", "ttl");
        worker.put("config.providers.ttl.class", TestPlugins.TtlProvider.class.getName());
        worker.put("config.providers.ttl.param.ttl.ms", "0"); // expired at once: restarts wait the 1 s floor
        long startNanos = System.nanoTime();
        try (Standalone.Handle handle = Standalone.start(worker, List.of(
                source("reload-src", topic, "max.records", "5", "secret", "${ttl:secret}"),
                source("fixed-src", topic, "max.records", "5", "secret", "${ttl:secret}",
                        "config.action.reload", "none")))) {
            await().atMost(WAIT).until(() -> TestPlugins.starts("reload-src", 0).size() >= 3);
            assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).as("two restarts, each a second apart at least")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(2 * StandaloneHerder.MIN_RELOAD_DELAY_MS));
            List<String> secrets = TestPlugins.starts("reload-src", 0).stream().map(c -> c.get("secret")).toList();
            assertThat(secrets).as("each restart read the provider again").doesNotHaveDuplicates()
                    .allSatisfy(v -> assertThat(v).matches("secret-\\d+"));
            assertThat(TestPlugins.starts("fixed-src", 0)).as("config.action.reload=none: started once").hasSize(1);
            assertThat(handle.herder().connectorConfig("reload-src")).as("the variable, never the value")
                    .containsEntry("secret", "${ttl:secret}");
            await().atMost(WAIT).untilAsserted(() -> {
                ConnectorStateInfo status = handle.herder().connectorStatus("reload-src");
                assertThat(status.connector().state()).isEqualTo(State.RUNNING);
                assertThat(status.tasks()).extracting(ConnectorStateInfo.TaskState::state).containsExactly(State.RUNNING);
            });
        }
    }

    @Test
    void connectorFilesMayStartAConnectorPausedOrStopped() throws Exception {
        String topic = "initial-states";
        kafka.createTopic(topic, 1);
        try (Standalone.Handle handle = Standalone.start(workerProps(), List.of(
                source("running-src", topic, "max.records", "5"),
                source("paused-src", topic, "max.records", "5"),
                source("stopped-src", topic, "max.records", "5")),
                Map.of("paused-src", io.connectsdk.runtime.worker.TargetState.PAUSED,
                        "stopped-src", io.connectsdk.runtime.worker.TargetState.STOPPED))) {
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(handle.herder().connectorStatus("running-src").connector().state()).isEqualTo(State.RUNNING);
                ConnectorStateInfo paused = handle.herder().connectorStatus("paused-src");
                assertThat(paused.connector().state()).isEqualTo(State.PAUSED);
            });
            ConnectorStateInfo stopped = handle.herder().connectorStatus("stopped-src");
            assertThat(stopped.connector().state()).isEqualTo(State.STOPPED);
            assertThat(stopped.tasks()).isEmpty();
            assertThat(TestPlugins.starts("stopped-src", 0)).as("never started").isEmpty();

            handle.herder().resumeConnector("stopped-src");
            await().atMost(WAIT).untilAsserted(() -> {
                ConnectorStateInfo resumed = handle.herder().connectorStatus("stopped-src");
                assertThat(resumed.connector().state()).isEqualTo(State.RUNNING);
                assertThat(resumed.tasks()).extracting(ConnectorStateInfo.TaskState::state).containsExactly(State.RUNNING);
            });
        }
    }

    @Test
    void sourceStopsPollingAtTheOutstandingRecordsLimitUntilAcknowledgementsArrive() throws Exception {
        String topic = "outstanding";
        kafka.createTopic(topic, 1);
        Map<String, String> worker = workerProps();
        worker.put("source.max.outstanding.records", "100");
        worker.put("producer.interceptor.classes", TestPlugins.AckGate.class.getName());
        TestPlugins.ackGate = new CountDownLatch(1);
        try (Standalone.Handle handle = Standalone.start(worker, List.of(
                source("outstanding-src", topic, "batch", "30", "max.records", "1000")))) {
            java.util.concurrent.atomic.AtomicLong polled =
                    TestPlugins.POLLED.computeIfAbsent("outstanding-src", k -> new java.util.concurrent.atomic.AtomicLong());
            await().atMost(WAIT).until(() -> polled.get() >= 100);
            // acknowledgements are held: the task is polled while fewer than 100 records are outstanding,
            // so it stops after the batch that reached the limit (4 x 30 = 120) and stays there
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(polled.get()).isEqualTo(120));
            TestPlugins.ackGate.countDown();
            await().atMost(WAIT).until(() -> count(topic) >= 1000);
            assertThat(polled.get()).isEqualTo(1000);
            Path offsets = dir.resolve("offsets.json");
            await().atMost(WAIT).untilAsserted(() -> assertThat(committedSeq(offsets, "outstanding-src", 0)).isEqualTo(1000));
        } finally {
            TestPlugins.ackGate.countDown();
        }
        List<String> values = readAll(topic).stream().map(ConsumerRecord::value).collect(Collectors.toList());
        assertThat(values).hasSize(1000).startsWith("0-0", "0-1").endsWith("0-999");
    }

    @Test
    void restartedWorkerResumesFromTheOffsetsFileWithoutLossOrDuplicates() throws Exception {
        String topic = "resume";
        kafka.createTopic(topic, 1);
        Path offsets = dir.resolve("offsets.json");
        Map<String, String> connector = source("resume-src", topic, "batch", "20", "poll.interval.ms", "5");
        int firstRun;
        try (Standalone.Handle worker = Standalone.start(workerProps(), List.of(connector))) {
            await().atMost(WAIT).until(() -> count(topic) >= 2000);
        }
        firstRun = readAll(topic).size();
        // the final commit covers every record that reached the topic, and nothing else
        assertThat(committedSeq(offsets, "resume-src", 0)).isEqualTo(firstRun);
        try (Standalone.Handle worker = Standalone.start(workerProps(), List.of(connector))) {
            await().atMost(WAIT).until(() -> count(topic) >= firstRun + 2000);
        }
        List<String> values = readAll(topic).stream().map(ConsumerRecord::value).collect(Collectors.toList());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            expected.add("0-" + i);
        }
        assertThat(values).as("one partition: the sequence in order, no gap, no duplicate").isEqualTo(expected);
        assertThat(committedSeq(offsets, "resume-src", 0)).isEqualTo(values.size());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary offsets file left")
                    .containsExactly("offsets.json");
        }
    }

    @Test
    void poisonRecordGoesToTheDeadLetterQueueWithContextHeadersAndTheRestFlows() throws Exception {
        String topic = "poison-in";
        String dlq = "poison-dlq";
        kafka.createTopic(topic, 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.producerConfig())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, "key" + i, i == 4 ? "poison" : "v" + i)).get();
            }
        }
        try (Standalone.Handle worker = Standalone.start(workerProps(), List.of(sink("poison-sink", topic,
                "value.converter", TestPlugins.PoisonConverter.class.getName(),
                "reject.value", "v7",
                "errors.tolerance", "all",
                "errors.log.enable", "true",
                "errors.deadletterqueue.topic.name", dlq,
                "errors.deadletterqueue.topic.replication.factor", "1",
                "errors.deadletterqueue.context.headers.enable", "true")))) {
            await().atMost(WAIT).until(() -> TestPlugins.received("poison-sink").size() >= 8);
            assertThat(TestPlugins.received("poison-sink"))
                    .containsExactly("v0", "v1", "v2", "v3", "v5", "v6", "v8", "v9");
            await().atMost(WAIT).until(() -> count(dlq) >= 2);
            List<ConsumerRecord<String, String>> dead = readAll(dlq);
            assertThat(dead).hasSize(2);
            ConsumerRecord<String, String> rejected = dead.get(1);
            assertThat(rejected.key()).isEqualTo("key7");
            assertThat(rejected.value()).isEqualTo("v7");
            assertThat(header(rejected, DeadLetterQueueReporter.ERROR_HEADER_ORIG_OFFSET)).isEqualTo("7");
            assertThat(header(rejected, DeadLetterQueueReporter.ERROR_HEADER_STAGE)).isEqualTo("TASK_PUT");
            assertThat(header(rejected, DeadLetterQueueReporter.ERROR_HEADER_EXECUTING_CLASS))
                    .isEqualTo(TestPlugins.CollectingTask.class.getName());
            assertThat(header(rejected, DeadLetterQueueReporter.ERROR_HEADER_EXCEPTION_MESSAGE))
                    .isEqualTo("the destination rejected v7");
            ConsumerRecord<String, String> r = dead.get(0);
            assertThat(r.key()).isEqualTo("key4");
            assertThat(r.value()).isEqualTo("poison");
            assertThat(header(r, DeadLetterQueueReporter.ERROR_HEADER_ORIG_TOPIC)).isEqualTo(topic);
            assertThat(header(r, DeadLetterQueueReporter.ERROR_HEADER_ORIG_PARTITION)).isEqualTo("0");
            assertThat(header(r, DeadLetterQueueReporter.ERROR_HEADER_ORIG_OFFSET)).isEqualTo("4");
            assertThat(header(r, DeadLetterQueueReporter.ERROR_HEADER_CONNECTOR_NAME)).isEqualTo("poison-sink");
            assertThat(header(r, DeadLetterQueueReporter.ERROR_HEADER_TASK_ID)).isEqualTo("0");
            assertThat(header(r, DeadLetterQueueReporter.ERROR_HEADER_STAGE)).isEqualTo("VALUE_CONVERTER");
            assertThat(header(r, DeadLetterQueueReporter.ERROR_HEADER_EXECUTING_CLASS))
                    .isEqualTo(TestPlugins.PoisonConverter.class.getName());
            assertThat(header(r, DeadLetterQueueReporter.ERROR_HEADER_EXCEPTION))
                    .isEqualTo("io.connectsdk.api.errors.DataException");
            assertThat(header(r, DeadLetterQueueReporter.ERROR_HEADER_EXCEPTION_MESSAGE)).contains("poison pill");
            assertThat(header(r, DeadLetterQueueReporter.ERROR_HEADER_EXCEPTION_STACK_TRACE))
                    .contains("PoisonConverter.toConnectData");
            assertThat(worker.herder().connectorStatus("poison-sink").tasks().get(0).state()).isEqualTo(State.RUNNING);
            // the poison value (converter) and v7 (reported by the task) are errors, skipped, logged and dead-lettered
            assertThat(jmx("task-error-metrics", "poison-sink", 0, "total-record-errors")).isEqualTo(2.0);
            assertThat(jmx("task-error-metrics", "poison-sink", 0, "total-record-failures")).isEqualTo(2.0);
            assertThat(jmx("task-error-metrics", "poison-sink", 0, "total-records-skipped")).isEqualTo(2.0);
            assertThat(jmx("task-error-metrics", "poison-sink", 0, "total-errors-logged")).isEqualTo(2.0);
            assertThat(jmx("task-error-metrics", "poison-sink", 0, "deadletterqueue-produce-requests")).isEqualTo(2.0);
            assertThat(jmx("task-error-metrics", "poison-sink", 0, "deadletterqueue-produce-failures")).isEqualTo(0.0);
            assertThat((Double) jmx("task-error-metrics", "poison-sink", 0, "last-error-timestamp")).isPositive();
            assertThat(jmx("sink-task-metrics", "poison-sink", 0, "sink-record-read-total")).isEqualTo(10.0);
            assertThat(jmx("sink-task-metrics", "poison-sink", 0, "sink-record-send-total")).isEqualTo(9.0);
        }
    }

    /** An attribute of the MBean {@code kafka.connect:type=<type>[,connector=<connector>][,task=<task>]}. */
    private static Object jmx(String type, String connector, Integer task, String attribute) throws Exception {
        String name = "kafka.connect:type=" + type + (connector == null ? "" : ",connector=" + connector)
                + (task == null ? "" : ",task=" + task);
        return java.lang.management.ManagementFactory.getPlatformMBeanServer()
                .getAttribute(new javax.management.ObjectName(name), attribute);
    }

    private static String header(ConsumerRecord<?, ?> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void poisonRecordWithoutToleranceFailsTheTaskNamingTheStage() {
        String topic = "poison-strict";
        kafka.createTopic(topic, 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.producerConfig())) {
            producer.send(new ProducerRecord<>(topic, "k", "poison"));
        }
        try (Standalone.Handle worker = Standalone.start(workerProps(), List.of(sink("strict-sink", topic,
                "value.converter", TestPlugins.PoisonConverter.class.getName())))) {
            await().atMost(WAIT).until(() -> worker.herder().connectorStatus("strict-sink").tasks().get(0).state()
                    == State.FAILED);
            String trace = worker.herder().taskStatus(new ConnectorTaskId("strict-sink", 0)).trace();
            assertThat(trace).contains("Tolerance exceeded").contains("VALUE_CONVERTER").contains("poison pill");
        }
    }

    @Test
    void taskBlockedInPollDoesNotHoldShutdownBeyondTheGracefulTimeout() throws Exception {
        TestPlugins.blockRelease = new CountDownLatch(1);
        TestPlugins.blocked = new CountDownLatch(1);
        Map<String, String> props = workerProps();
        props.put("task.shutdown.graceful.timeout.ms", "500");
        try {
            Standalone.Handle worker = Standalone.start(props, List.of(
                    source("blocked-src", "blocked", "tasks.max", "2", "block.task", "1", "max.records", "10")));
            assertThat(TestPlugins.blocked.await(60, TimeUnit.SECONDS)).isTrue();
            await().atMost(WAIT).until(() -> count("blocked") == 10);
            // task 1 ignores stop() and interrupts: without the graceful timeout close() would never return
            assertTimeoutPreemptively(Duration.ofSeconds(20), worker::close);
            Thread abandoned = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("task-blocked-src-1")).findFirst().orElse(null);
            assertThat(abandoned).isNotNull();
            assertThat(abandoned.isDaemon()).isTrue();
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .doesNotContain("task-blocked-src-0");
            // the well-behaved task committed its offsets at shutdown
            assertThat(committedSeq(dir.resolve("offsets.json"), "blocked-src", 0)).isEqualTo(10);
        } finally {
            TestPlugins.blockRelease.countDown();
        }
    }

    @Test
    void configProviderVariablesReachTheConnectorAndItsTasksResolvedButTheStoredConfigKeepsThem() throws Exception {
        Path secrets = dir.resolve("secrets.properties");
        Files.writeString(secrets, "topic=provided-topic\npassword=s3cret\n");
        Map<String, String> workerProps = TestPlugins.withFileConfigProvider(workerProps());
        String name = "provided-src";
        String topicVariable = "${file:" + secrets + ":topic}";
        String passwordVariable = "${file:" + secrets + ":password}";
        try (Standalone.Handle worker = Standalone.start(workerProps, List.of(source(name, topicVariable,
                "max.records", "5", "connection.password", passwordVariable)))) {
            await().atMost(WAIT).until(() -> count("provided-topic") >= 5);
            assertThat(TestPlugins.starts(name, 0).peek())
                    .containsEntry("topic", "provided-topic")
                    .containsEntry("connection.password", "s3cret");
            assertThat(worker.herder().connectorConfig(name))
                    .as("what GET /connectors/{name}/config shows")
                    .containsEntry("topic", topicVariable)
                    .containsEntry("connection.password", passwordVariable);
        }
    }

    private static final String[] TOPIC_CREATION = {
        "topic.creation.default.replication.factor", "-1",
        "topic.creation.default.partitions", "3",
        "topic.creation.default.retention.ms", "123456789",
        "topic.creation.groups", "orders",
        "topic.creation.orders.include", "tc-orders\\..*",
        "topic.creation.orders.partitions", "2",
        "topic.creation.orders.cleanup.policy", "compact"};

    private static String[] with(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static int partitions(String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    }

    private static String topicConfig(String topic, String key) throws Exception {
        var resource = new org.apache.kafka.common.config.ConfigResource(
                org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(key).value();
    }

    @Test
    void topicCreationGroupsCreateTheSourceTopicsWithTheirSettings() throws Exception {
        try (Standalone.Handle worker = Standalone.start(workerProps(), List.of(
                source("tc-orders-src", "tc-orders.eu", with(TOPIC_CREATION, "max.records", "3")),
                source("tc-other-src", "tc-other", with(TOPIC_CREATION, "max.records", "3"))))) {
            await().atMost(WAIT).until(() -> count("tc-orders.eu") >= 3 && count("tc-other") >= 3);
        }
        assertThat(partitions("tc-orders.eu")).as("group 'orders'").isEqualTo(2);
        assertThat(topicConfig("tc-orders.eu", "cleanup.policy")).isEqualTo("compact");
        assertThat(partitions("tc-other")).as("the default group").isEqualTo(3);
        assertThat(topicConfig("tc-other", "retention.ms")).isEqualTo("123456789");
        assertThat(topicConfig("tc-other", "cleanup.policy")).isEqualTo("delete");
    }

    @Test
    void aTopicKafkaRefusesToCreateFailsTheTaskNamingTheTopicAndTheGroup() throws Exception {
        try (Standalone.Handle worker = Standalone.start(workerProps(), List.of(source("tc-bad-src", "tc-bad",
                "max.records", "3", "topic.creation.default.replication.factor", "3",
                "topic.creation.default.partitions", "1")))) {
            ConnectorTaskId task = new ConnectorTaskId("tc-bad-src", 0);
            await().atMost(WAIT).until(() -> worker.herder().taskStatus(task).state() == State.FAILED);
            assertThat(worker.herder().taskStatus(task).trace()).contains("cannot create topic tc-bad")
                    .contains("topic creation group 'default'").contains("replication factor 3")
                    .contains("InvalidReplicationFactorException");
        }
        assertThat(admin.listTopics().names().get()).doesNotContain("tc-bad");
    }

    @Test
    void withTopicCreationDisabledOnTheWorkerTheBrokerCreatesTheTopic() throws Exception {
        Map<String, String> workerProps = workerProps();
        workerProps.put("topic.creation.enable", "false");
        try (Standalone.Handle worker = Standalone.start(workerProps, List.of(
                source("tc-off-src", "tc-off", with(TOPIC_CREATION, "max.records", "3"))))) {
            await().atMost(WAIT).until(() -> count("tc-off") >= 3);
        }
        assertThat(partitions("tc-off")).as("the broker's num.partitions").isEqualTo(1);
        assertThat(topicConfig("tc-off", "retention.ms")).isNotEqualTo("123456789");
    }

    @Test
    void reconfigurationRequestRestartsTasksOnlyWhenTheirConfigsChanged() {
        String name = "reconf-src";
        TestPlugins.LABELS.put(name, "one");
        try (Standalone.Handle worker = Standalone.start(workerProps(),
                List.of(source(name, "reconf", "max.records", "0")))) {
            await().atMost(WAIT).until(() -> TestPlugins.starts(name, 0).size() == 1
                    && worker.herder().connectorStatus(name).tasks().size() == 1
                    && worker.herder().connectorStatus(name).tasks().get(0).state() == State.RUNNING);
            assertThat(TestPlugins.starts(name, 0).peek()).containsEntry("label", "one");

            // unchanged configurations: no restart. The connector thread handles requests in order, and the
            // herder applies their results in order, so a restart caused by this request would show up as a
            // second start with label "one" before the start with label "two" below.
            TestPlugins.CONTEXTS.get(name).requestTaskReconfiguration();
            await().atMost(WAIT).until(() -> TestPlugins.TASK_CONFIG_CALLS.get(name).get() == 2);
            TestPlugins.LABELS.put(name, "two");
            TestPlugins.CONTEXTS.get(name).requestTaskReconfiguration();
            await().atMost(WAIT).until(() -> TestPlugins.starts(name, 0).size() >= 2);
            List<Map<String, String>> starts = new ArrayList<>(TestPlugins.starts(name, 0));
            assertThat(starts).hasSize(2);
            assertThat(starts.get(1)).containsEntry("label", "two");
            List<TaskInfo> tasks = worker.herder().taskConfigs(name);
            assertThat(tasks).hasSize(1);
            assertThat(tasks.get(0).config()).containsEntry("label", "two")
                    .containsEntry("task.class", TestPlugins.SeqTask.class.getName());
            await().atMost(WAIT).until(() -> worker.herder().connectorStatus(name).tasks().get(0).state() == State.RUNNING);
        }
    }

    @Test
    void failingTaskIsFailedWithItsTraceWhileTheOtherKeepsRunning() throws Exception {
        String topic = "failing";
        try (Standalone.Handle worker = Standalone.start(workerProps(), List.of(
                source("failing-src", topic, "tasks.max", "2", "fail.task", "1", "fail.after", "20", "batch", "10",
                "poll.interval.ms", "5")))) {
            await().atMost(WAIT).until(() -> worker.herder().taskStatus(new ConnectorTaskId("failing-src", 1)).state()
                    == State.FAILED);
            ConnectorStateInfo status = worker.herder().connectorStatus("failing-src");
            assertThat(status.tasks().get(1).trace()).contains("IllegalStateException").contains("boom from task 1")
                    .contains("SeqTask.poll");
            assertThat(status.tasks().get(0).state()).isEqualTo(State.RUNNING);
            assertThat(status.tasks().get(0).trace()).isNull();
            assertThat(status.connector().state()).isEqualTo(State.RUNNING);
            long before = count(topic);
            await().atMost(WAIT).until(() -> count(topic) > before + 100); // only task 0 still writes
            // the failed task's records up to the failure were delivered and committed
            assertThat(readAll(topic).stream().filter(r -> r.value().startsWith("1-")).count()).isEqualTo(20);
        }
    }

    @Test
    void sinkRecordsCarryTheirConvertedHeadersOnlyTheirs() {
        String topic = "with-headers";
        kafka.createTopic(topic, 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.producerConfig())) {
            producer.send(new ProducerRecord<>(topic, "k", "none"));
            ProducerRecord<String, String> one = new ProducerRecord<>(topic, "k", "one");
            one.headers().add("h", "v1".getBytes(StandardCharsets.UTF_8));
            producer.send(one);
            producer.send(new ProducerRecord<>(topic, "k", "none again"));
            ProducerRecord<String, String> two = new ProducerRecord<>(topic, "k", "two");
            two.headers().add("h", "42".getBytes(StandardCharsets.UTF_8));
            two.headers().add("g", null);
            producer.send(two);
        }
        try (Standalone.Handle worker = Standalone.start(workerProps(),
                List.of(sink("headers-sink", topic, "record.headers", "true")))) {
            await().atMost(WAIT).until(() -> TestPlugins.received("headers-sink").size() >= 4);
            assertThat(TestPlugins.received("headers-sink"))
                    .containsExactly("none", "one;h=v1", "none again", "two;h=42;g=null");
        }
    }

    @Test
    void retriableExceptionFromPutIsRetriedWithTheSameBatch() {
        String topic = "retry";
        kafka.createTopic(topic, 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.producerConfig())) {
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>(topic, "k", "r" + i));
            }
        }
        try (Standalone.Handle worker = Standalone.start(workerProps(),
                List.of(sink("retry-sink", topic, "retriable.failures", "2")))) {
            await().atMost(WAIT).until(() -> TestPlugins.received("retry-sink").size() >= 20);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                expected.add("r" + i);
            }
            assertThat(TestPlugins.received("retry-sink")).containsExactlyElementsOf(expected);
            List<List<Long>> batches = new ArrayList<>(TestPlugins.PUT_BATCHES.get("retry-sink"));
            assertThat(batches.size()).isGreaterThanOrEqualTo(3);
            assertThat(batches.get(1)).as("first retry: the same batch").isEqualTo(batches.get(0));
            assertThat(batches.get(2)).as("second retry: the same batch").isEqualTo(batches.get(0));
            assertThat(worker.herder().taskStatus(new ConnectorTaskId("retry-sink", 0)).state()).isEqualTo(State.RUNNING);
        }
    }

    @Test
    void connectorThatRefusesItsConfigurationAtStartFailsTheLaunchAndNothingKeepsRunning() {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> Standalone.start(workerProps(),
                List.of(source("refusing-src", "refusing", "start.fail", "no such table"))));
        assertThat(t).isInstanceOf(io.connectsdk.api.errors.ConnectException.class)
                .hasMessageContaining("refusing-src").hasMessageContaining("topic").hasMessageContaining("no such table");
        assertThat(t.getCause()).isInstanceOf(io.connectsdk.api.config.ConfigException.class);
        await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(th -> th.getName().equals("connector-refusing-src") && th.isAlive()));
    }

    @Test
    void pauseAndResumeReachTheConnectorAndItsTasks() throws Exception {
        String name = "pausing-src";
        try (Standalone.Handle worker = Standalone.start(workerProps(), List.of(
                source(name, "pausing", "tasks.max", "2", "batch", "5", "poll.interval.ms", "5")))) {
            await().atMost(WAIT).until(() -> allStates(worker, name, State.RUNNING));
            worker.herder().pauseConnector(name);
            await().atMost(WAIT).until(() -> allStates(worker, name, State.PAUSED));
            long paused = count("pausing");
            worker.herder().resumeConnector(name);
            await().atMost(WAIT).until(() -> allStates(worker, name, State.RUNNING));
            await().atMost(WAIT).until(() -> count("pausing") > paused);
            assertThat(TestPlugins.starts(name, 0)).as("tasks were paused, not restarted").hasSize(1);
        }
    }

    private static boolean allStates(Standalone.Handle worker, String name, State state) {
        ConnectorStateInfo s = worker.herder().connectorStatus(name);
        return s.connector().state() == state && !s.tasks().isEmpty()
                && s.tasks().stream().allMatch(t -> t.state() == state);
    }

    @Test
    void sinkContextSeeksInOpenAndRequestedCommitsAreCommitted() throws Exception {
        String topic = "seeking";
        kafka.createTopic(topic, 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.producerConfig())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, "k", "s" + i));
            }
        }
        Map<String, String> props = workerProps();
        props.put("offset.flush.interval.ms", "600000"); // only requestCommit() can commit in time
        try (Standalone.Handle worker = Standalone.start(props, List.of(
                sink("seeking-sink", topic, "seek.to", "6", "request.commit", "true")));
             org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(kafka.adminConfig())) {
            await().atMost(WAIT).until(() -> TestPlugins.received("seeking-sink").size() >= 4);
            assertThat(TestPlugins.received("seeking-sink")).containsExactly("s6", "s7", "s8", "s9");
            assertThat(TestPlugins.ASSIGNMENTS.get("seeking-sink").peek())
                    .containsExactly(new io.connectsdk.api.sink.TopicPartition(topic, 0));
            await().atMost(WAIT).untilAsserted(() -> assertThat(admin.listConsumerGroupOffsets("connect-seeking-sink")
                    .partitionsToOffsetAndMetadata().get().get(new TopicPartition(topic, 0)))
                    .isNotNull().extracting(org.apache.kafka.clients.consumer.OffsetAndMetadata::offset).isEqualTo(10L));
        }
    }

    @Test
    void transformsApplyToSourceRecordsAndDroppedRecordsAreCommittedWithoutMetadata() {
        try (Standalone.Handle worker = Standalone.start(workerProps(), List.of(
                source("routed-src", "routed-raw", "max.records", "30", "even.header", "true",
                        "transforms", "route,dropEven",
                        "transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter",
                        "transforms.route.regex", "(.*)-raw",
                        "transforms.route.replacement", "$1",
                        "transforms.dropEven.type", "Filter",
                        "transforms.dropEven.predicate", "isEven",
                        "predicates", "isEven",
                        "predicates.isEven.type", "HasHeaderKey",
                        "predicates.isEven.name", "even")))) {
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(committedSeq(dir.resolve("offsets.json"), "routed-src", 0)).isEqualTo(30));
            assertThat(readAll("routed")).extracting(ConsumerRecord::value)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 30).filter(i -> i % 2 == 1)
                            .mapToObj(i -> "0-" + i).collect(Collectors.toList()));
            assertThat(kafka.topicNames()).doesNotContain("routed-raw");
            java.util.concurrent.atomic.AtomicInteger[] commits = TestPlugins.SOURCE_COMMITS.get("routed-src");
            assertThat(commits[0]).as("commitRecord with metadata").hasValue(15);
            assertThat(commits[1]).as("commitRecord of dropped records, without metadata").hasValue(15);
            await().atMost(WAIT).until(() -> commits[2].get() > 0);
        }
    }

    @Test
    void raiseErrorFailsTheConnectorButNotItsTasks() {
        String name = "raising-src";
        try (Standalone.Handle worker = Standalone.start(workerProps(), List.of(source(name, "raising", "max.records", "0")))) {
            await().atMost(WAIT).until(() -> allStates(worker, name, State.RUNNING));
            TestPlugins.CONTEXTS.get(name).raiseError(new IllegalStateException("the source table vanished"));
            await().atMost(WAIT).until(() -> worker.herder().connectorStatus(name).connector().state() == State.FAILED);
            ConnectorStateInfo status = worker.herder().connectorStatus(name);
            assertThat(status.connector().trace()).contains("the source table vanished");
            assertThat(status.tasks()).extracting(ConnectorStateInfo.TaskState::state).containsExactly(State.RUNNING);
        }
    }

    @Test
    void sinkContextPausesAndResumesPartitions() {
        String topic = "context-paused";
        kafka.createTopic(topic, 2);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.producerConfig())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, "k", "p" + i));
            }
        }
        try (Standalone.Handle worker = Standalone.start(workerProps(), List.of(sink("pausing-sink", topic,
                "pause.puts", "3")))) {
            await().atMost(WAIT).until(() -> TestPlugins.received("pausing-sink").size() >= 10);
            assertThat(TestPlugins.received("pausing-sink")).doesNotContain("RECEIVED WHILE PAUSED")
                    .containsExactlyInAnyOrder("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9");
        }
    }
}
