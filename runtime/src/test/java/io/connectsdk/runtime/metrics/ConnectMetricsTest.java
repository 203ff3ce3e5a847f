package io.connectsdk.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.api.errors.RetriableException;
import io.connectsdk.runtime.errors.ProcessingContext;
import io.connectsdk.runtime.errors.RetryWithToleranceOperator;
import io.connectsdk.runtime.errors.Stage;
import io.connectsdk.runtime.errors.ToleranceType;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectMetricsTest {
    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();
    private final ConnectMetrics metrics = new ConnectMetrics();

    @AfterEach
    void close() {
        metrics.close();
    }

    private static ObjectName name(String type, String connector, int task) throws Exception {
        return new ObjectName("kafka.connect:type=" + type + ",connector=" + connector + ",task=" + task);
    }

    @Test
    void taskMetricsArePublishedUnderKafkaConnectsNamesAndRemovedWhenClosed() throws Exception {
        TaskMetrics task = new TaskMetrics(metrics, "orders", 0, true, () -> "running", () -> 7);
        task.state("running");
        task.sourcePoll(500, 3);
        task.sourcePoll(0, 1);
        task.sourceSent(480, 7);
        task.offsetCommit(4, true);
        task.offsetCommit(6, false);

        ObjectName source = name("source-task-metrics", "orders", 0);
        assertThat(JMX.getAttribute(source, "source-record-poll-total")).isEqualTo(500.0);
        assertThat(JMX.getAttribute(source, "source-record-write-total")).isEqualTo(480.0);
        assertThat(JMX.getAttribute(source, "poll-batch-max-time-ms")).isEqualTo(3.0);
        assertThat(JMX.getAttribute(source, "poll-batch-avg-time-ms")).isEqualTo(2.0);
        assertThat(JMX.getAttribute(source, "source-record-active-count")).isEqualTo(7.0);
        ObjectName common = name("connector-task-metrics", "orders", 0);
        assertThat(JMX.getAttribute(common, "status")).isEqualTo("running");
        assertThat(JMX.getAttribute(common, "batch-size-max")).isEqualTo(500.0);
        assertThat(JMX.getAttribute(common, "offset-commit-success-percentage")).isEqualTo(50.0);
        assertThat(JMX.getAttribute(common, "offset-commit-max-time-ms")).isEqualTo(6.0);
        assertThat(JMX.isRegistered(name("sink-task-metrics", "orders", 0))).isFalse();

        task.close();
        task.close(); // idempotent
        assertThat(JMX.isRegistered(source)).isFalse();
        assertThat(JMX.isRegistered(common)).isFalse();
        assertThat(JMX.isRegistered(name("task-error-metrics", "orders", 0))).isFalse();
        task.sourcePoll(10, 1); // a cancelled task still recording does no harm

        TaskMetrics successor = new TaskMetrics(metrics, "orders", 0, false, () -> "paused", () -> 3);
        successor.sinkPut(20, 18, 2);
        ObjectName sink = name("sink-task-metrics", "orders", 0);
        assertThat(JMX.getAttribute(sink, "sink-record-read-total")).isEqualTo(20.0);
        assertThat(JMX.getAttribute(sink, "sink-record-send-total")).isEqualTo(18.0);
        assertThat(JMX.getAttribute(sink, "partition-count")).isEqualTo(3.0);
        assertThat(JMX.getAttribute(name("connector-task-metrics", "orders", 0), "status")).isEqualTo("paused");
        successor.close();
    }

    @Test
    void sinkTaskMetricsCountActiveRecordsCommitSequenceSkipsAndLag() throws Exception {
        TaskMetrics task = new TaskMetrics(metrics, "billing", 1, false, () -> "running", () -> 2);
        ObjectName sink = name("sink-task-metrics", "billing", 1);
        assertThat((Double) JMX.getAttribute(sink, "sink-record-lag-max")).as("no consumer yet").isNaN();

        task.sinkActive(500);
        task.sinkActive(1500);
        task.sinkActive(0);
        assertThat(JMX.getAttribute(sink, "sink-record-active-count")).isEqualTo(0.0);
        assertThat(JMX.getAttribute(sink, "sink-record-active-count-max")).isEqualTo(1500.0);
        assertThat(JMX.getAttribute(sink, "sink-record-active-count-avg")).isEqualTo(2000.0 / 3);

        long first = task.sinkCommitStarted();
        long second = task.sinkCommitStarted();
        assertThat(second).isEqualTo(first + 1).isEqualTo(task.sinkCommitSeq());
        task.offsetCommitSkipped();
        task.offsetCommit(3, true);
        assertThat(JMX.getAttribute(sink, "offset-commit-seq-no")).isEqualTo(2.0);
        assertThat(JMX.getAttribute(sink, "offset-commit-skip-total")).isEqualTo(1.0);
        assertThat(JMX.getAttribute(sink, "offset-commit-completion-total")).isEqualTo(1.0);

        AtomicInteger lag = new AtomicInteger(42);
        task.sinkLag(lag::get);
        assertThat(JMX.getAttribute(sink, "sink-record-lag-max")).isEqualTo(42.0);
        lag.set(7);
        assertThat(JMX.getAttribute(sink, "sink-record-lag-max")).as("read when asked").isEqualTo(7.0);
        task.close();
        assertThat(JMX.isRegistered(sink)).isFalse();
    }

    @Test
    void theWorkerConfigurationChoosesReportersSamplesAndContextLabels() throws Exception {
        RecordingReporter.last = null;
        Map<String, String> props = new java.util.HashMap<>();
        props.put("bootstrap.servers", "127.0.0.1:9");
        props.put("key.converter", "StringConverter");
        props.put("value.converter", "StringConverter");
        props.put("metric.reporters", RecordingReporter.class.getName()); // no JmxReporter: no MBeans
        props.put("metrics.num.samples", "5");
        props.put("metrics.sample.window.ms", "1000");
        props.put("metrics.context.region", "eu-west");
        props.put("recording.reporter.tag", "from the worker file");
        try (ConnectMetrics configured = new ConnectMetrics(new io.connectsdk.runtime.config.WorkerConfig(props),
                "worker-7:8083")) {
            RecordingReporter reporter = RecordingReporter.last;
            assertThat(reporter).isNotNull();
            assertThat(reporter.settings).containsEntry("client.id", "worker-7:8083")
                    .containsEntry("recording.reporter.tag", "from the worker file");
            assertThat(reporter.labels).containsEntry("_namespace", "kafka.connect").containsEntry("region", "eu-west");
            assertThat(configured.registry().config().samples()).isEqualTo(5);
            assertThat(configured.registry().config().timeWindowMs()).isEqualTo(1000);

            TaskMetrics task = new TaskMetrics(configured, "inventory", 0, true, () -> "running", () -> 0);
            task.sourcePoll(10, 1);
            assertThat(reporter.names).contains("source-task-metrics/source-record-poll-total");
            assertThat(JMX.isRegistered(name("source-task-metrics", "inventory", 0))).isFalse();
            task.close();
            assertThat(reporter.names).doesNotContain("source-task-metrics/source-record-poll-total");
        }
        assertThat(RecordingReporter.last.closed).isTrue();
    }

    /** Remembers what a metrics reporter is told. */
    public static class RecordingReporter implements org.apache.kafka.common.metrics.MetricsReporter {
        static volatile RecordingReporter last;
        final Map<String, Object> settings = new java.util.HashMap<>();
        final Map<String, String> labels = new java.util.HashMap<>();
        final java.util.Set<String> names = java.util.concurrent.ConcurrentHashMap.newKeySet();
        volatile boolean closed;

        @Override
        public void configure(Map<String, ?> configs) {
            settings.putAll(configs);
            last = this;
        }

        @Override
        public void contextChange(org.apache.kafka.common.metrics.MetricsContext context) {
            labels.putAll(context.contextLabels());
        }

        @Override
        public void init(List<org.apache.kafka.common.metrics.KafkaMetric> metrics) {
            metrics.forEach(this::metricChange);
        }

        @Override
        public void metricChange(org.apache.kafka.common.metrics.KafkaMetric metric) {
            names.add(metric.metricName().group() + "/" + metric.metricName().name());
        }

        @Override
        public void metricRemoval(org.apache.kafka.common.metrics.KafkaMetric metric) {
            names.remove(metric.metricName().group() + "/" + metric.metricName().name());
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void retriesFailuresAndSkippedRecordsAreCountedByTheErrorOperator() throws Exception {
        TaskMetrics task = new TaskMetrics(metrics, "errs", 1, false, () -> "running", () -> 0);
        AtomicInteger calls = new AtomicInteger();
        try (RetryWithToleranceOperator op = new RetryWithToleranceOperator("errs-1", 10_000, 1, ToleranceType.ALL,
                List.of(), task.errors())) {
            ProcessingContext context = new ProcessingContext();
            Object result = op.execute(context, Stage.VALUE_CONVERTER, getClass(), () -> {
                if (calls.incrementAndGet() < 3) {
                    throw new RetriableException("not yet");
                }
                return "ok";
            });
            assertThat(result).isEqualTo("ok");
            ObjectName errors = name("task-error-metrics", "errs", 1);
            assertThat(JMX.getAttribute(errors, "total-record-failures")).isEqualTo(2.0);
            assertThat(JMX.getAttribute(errors, "total-retries")).isEqualTo(2.0);
            assertThat(JMX.getAttribute(errors, "total-record-errors")).isEqualTo(0.0);
            assertThat(JMX.getAttribute(errors, "last-error-timestamp")).isEqualTo(0.0);

            op.execute(new ProcessingContext(), Stage.TRANSFORMATION, getClass(), () -> {
                throw new IllegalStateException("bad record");
            });
            assertThat(JMX.getAttribute(errors, "total-record-failures")).isEqualTo(3.0);
            assertThat(JMX.getAttribute(errors, "total-record-errors")).isEqualTo(1.0);
            assertThat(JMX.getAttribute(errors, "total-records-skipped")).isEqualTo(1.0);
            assertThat((Double) JMX.getAttribute(errors, "last-error-timestamp")).isPositive();
        }
        task.close();
    }

    @Test
    void workerMetricsCountStartsAndReadTheRunningCounts() throws Exception {
        AtomicInteger connectors = new AtomicInteger(1);
        WorkerMetrics worker = new WorkerMetrics(metrics, connectors::get, () -> 2);
        worker.connectorStartAttempted();
        worker.connectorStarted(true);
        worker.taskStartAttempted();
        worker.taskStarted(false);
        worker.taskStartAttempted();
        worker.taskStarted(true);
        ObjectName name = new ObjectName("kafka.connect:type=connect-worker-metrics");
        assertThat(JMX.getAttribute(name, "connector-count")).isEqualTo(1.0);
        connectors.set(3);
        assertThat(JMX.getAttribute(name, "connector-count")).isEqualTo(3.0);
        assertThat(JMX.getAttribute(name, "task-count")).isEqualTo(2.0);
        assertThat(JMX.getAttribute(name, "connector-startup-success-total")).isEqualTo(1.0);
        assertThat(JMX.getAttribute(name, "task-startup-attempts-total")).isEqualTo(2.0);
        assertThat(JMX.getAttribute(name, "task-startup-failure-total")).isEqualTo(1.0);
        assertThat(JMX.getAttribute(name, "task-startup-failure-percentage")).isEqualTo(50.0);
        worker.close();
        assertThat(JMX.isRegistered(name)).isFalse();
    }
}
