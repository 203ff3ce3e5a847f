package io.connectsdk.runtime.metrics;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.runtime.config.WorkerClasses;
import io.connectsdk.runtime.config.WorkerConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.utils.Time;

/**
 * A worker's metrics, published over JMX under Kafka Connect's names so that dashboards and alerts
 * made for Kafka Connect work unchanged: {@code kafka.connect:type=<group>,<tag>=<value>,...}, for
 * example {@code kafka.connect:type=source-task-metrics,connector=orders,task=0} with the attribute
 * {@code source-record-poll-total}. Built on Kafka's own metrics library (kafka-clients'
 * {@link Metrics} and {@link JmxReporter}), as Kafka Connect is.
 *
 * <p>Metrics belong to a {@link Group} (one MBean); a group is created when its connector or task
 * starts and {@linkplain Group#close() closed} when it stops, which removes its MBean. Two open
 * groups must not have the same name and tags: close the old one before creating its successor.
 *
 * <p><b>Threads.</b> Thread-safe: sensors may be recorded from any thread (Kafka's sensors
 * synchronise per sensor); record per batch, not per record, on hot paths.
 */
public final class ConnectMetrics implements AutoCloseable {
    /** The JMX domain of every metric, as in Kafka Connect. */
    public static final String JMX_PREFIX = "kafka.connect";

    private final Metrics metrics;

    /** Creates the metrics registry with Kafka's defaults and the JMX reporter (tests). */
    public ConnectMetrics() {
        this.metrics = new Metrics(new MetricConfig(), List.of(new JmxReporter()), Time.SYSTEM,
                new KafkaMetricsContext(JMX_PREFIX));
    }

    /**
     * Creates the metrics registry a worker configuration describes, as Kafka Connect does: samples
     * ({@code metrics.num.samples}, {@code metrics.sample.window.ms}), recording level
     * ({@code metrics.recording.level}), and the reporters of {@code metric.reporters}, each
     * created from the worker's class path and configured with the worker's settings and
     * {@code client.id=<worker id>}. Reporters see the metrics context {@code _namespace=kafka.connect}
     * plus the worker's {@code metrics.context.<label>} settings.
     *
     * @param config the worker configuration
     * @param workerId the worker's id
     * @throws ConfigException naming {@code metric.reporters} and the class when a reporter cannot
     *     be loaded, created or configured (the reporters created before it are closed)
     */
    public ConnectMetrics(WorkerConfig config, String workerId) {
        MetricConfig metricConfig = new MetricConfig()
                .samples(config.metricsNumSamples())
                .timeWindow(config.metricsSampleWindowMs(), TimeUnit.MILLISECONDS)
                .recordLevel(Sensor.RecordingLevel.forName(config.metricsRecordingLevel()));
        Map<String, Object> reporterSettings = new LinkedHashMap<>(config.originals());
        reporterSettings.put("client.id", workerId);
        List<MetricsReporter> reporters = new ArrayList<>();
        try {
            for (String className : config.metricReporterClasses()) {
                reporters.add(reporter(className, reporterSettings));
            }
        } catch (RuntimeException e) {
            reporters.forEach(ConnectMetrics::closeQuietly);
            throw e;
        }
        Map<String, Object> labels = new LinkedHashMap<>();
        config.originalsWithPrefix(WorkerConfig.METRICS_CONTEXT_PREFIX).forEach((k, v) -> labels.put(k, v));
        this.metrics = new Metrics(metricConfig, reporters, Time.SYSTEM, new KafkaMetricsContext(JMX_PREFIX, labels));
    }

    /**
     * Checks, without creating any, that the reporters of {@code metric.reporters} can be loaded and
     * are {@link MetricsReporter}s: what a launcher checks before it starts anything.
     *
     * @param config the worker configuration
     * @throws ConfigException naming {@code metric.reporters} and the first bad class
     */
    public static void checkReporterClasses(WorkerConfig config) {
        config.metricReporterClasses().forEach(className -> WorkerClasses.load(
                WorkerConfig.METRIC_REPORTER_CLASSES_CONFIG, className, MetricsReporter.class, "metric reporters"));
    }

    private static MetricsReporter reporter(String className, Map<String, Object> settings) {
        String key = WorkerConfig.METRIC_REPORTER_CLASSES_CONFIG;
        MetricsReporter reporter = WorkerClasses.instantiate(key,
                WorkerClasses.load(key, className, MetricsReporter.class, "metric reporters"));
        try {
            reporter.configure(settings);
        } catch (RuntimeException e) {
            closeQuietly(reporter);
            throw new ConfigException(key, className, "the reporter rejected the worker's settings: " + e.getMessage());
        }
        return reporter;
    }

    private static void closeQuietly(MetricsReporter reporter) {
        try {
            reporter.close();
        } catch (RuntimeException e) {
            // already failing; the first error is the one reported
        }
    }

    /**
     * @param name the group, e.g. {@code source-task-metrics}
     * @param tags its tags in MBean order, e.g. {@code connector} then {@code task}
     * @return a new group; close it to remove its metrics
     */
    public Group group(String name, Map<String, String> tags) {
        return new Group(name, tags);
    }

    /** @return Kafka's registry under these metrics (tests read values from it) */
    public Metrics registry() {
        return metrics;
    }

    /** Removes every metric and the JMX reporter's MBeans. */
    @Override
    public void close() {
        metrics.close();
    }

    /** The metrics of one MBean: gauges read on demand and sensors recorded by the runtime. */
    public final class Group implements AutoCloseable {
        private final String name;
        private final Map<String, String> tags;
        private final List<MetricName> gauges = new ArrayList<>();
        private final List<String> sensors = new ArrayList<>();

        private Group(String name, Map<String, String> tags) {
            this.name = name;
            this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        }

        /**
         * @param metric the attribute name
         * @param description what it is
         * @return the metric's name in this group
         */
        public MetricName metricName(String metric, String description) {
            return metrics.metricName(metric, name, description, tags);
        }

        /**
         * Adds a value read whenever the metric is read.
         *
         * @param metric the attribute name
         * @param description what it is
         * @param value reads the value (a number or a string); called from JMX threads
         * @param <T> the value type
         */
        public synchronized <T> void gauge(String metric, String description, Supplier<T> value) {
            MetricName mn = metricName(metric, description);
            metrics.addMetric(mn, (Gauge<T>) (config, now) -> value.get());
            gauges.add(mn);
        }

        /**
         * A sensor with a total and a per-second rate of what is recorded (e.g. records polled).
         *
         * @param total the total's attribute name
         * @param rate the rate's attribute name
         * @param what what is counted, for the descriptions
         * @return the sensor; {@code record(n)} adds {@code n}
         */
        public synchronized Sensor totalAndRate(String total, String rate, String what) {
            Sensor s = sensor(total);
            s.add(metricName(total, "The total number of " + what + "."), new CumulativeSum());
            s.add(metricName(rate, "The average per-second number of " + what + "."), new Rate());
            return s;
        }

        /**
         * A sensor with a total of what is recorded.
         *
         * @param total the attribute name
         * @param what what is counted, for the description
         * @return the sensor; {@code record()} adds one
         */
        public synchronized Sensor total(String total, String what) {
            Sensor s = sensor(total);
            s.add(metricName(total, "The total number of " + what + "."), new CumulativeSum());
            return s;
        }

        /**
         * A sensor with the average and the maximum of what is recorded (e.g. a duration).
         *
         * @param avg the average's attribute name
         * @param max the maximum's attribute name
         * @param what what is measured, for the descriptions
         * @return the sensor
         */
        public synchronized Sensor avgAndMax(String avg, String max, String what) {
            Sensor s = sensor(avg);
            s.add(metricName(avg, "The average " + what + "."), new Avg());
            s.add(metricName(max, "The maximum " + what + "."), new Max());
            return s;
        }

        private Sensor sensor(String first) {
            String sensorName = JMX_PREFIX + ":" + name + tags + ":" + first;
            sensors.add(sensorName);
            return metrics.sensor(sensorName);
        }

        /**
         * Removes this group's metrics (and so its MBean, once it has none left). Idempotent; a sensor
         * recorded after this still works but is no longer published.
         */
        @Override
        public synchronized void close() {
            gauges.forEach(metrics::removeMetric);
            sensors.forEach(metrics::removeSensor);
            gauges.clear();
            sensors.clear();
        }
    }
}
