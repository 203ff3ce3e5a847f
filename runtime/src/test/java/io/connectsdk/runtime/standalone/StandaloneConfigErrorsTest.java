package io.connectsdk.runtime.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad worker and connector configurations fail {@link Standalone#start} before anything runs (no
 * broker is contacted: the bootstrap address is never used), with messages naming the culprit; an
 * unreachable Kafka cluster fails it too, stopping what had started.
 */
class StandaloneConfigErrorsTest {
    @TempDir
    Path dir;

    private Map<String, String> worker() {
        Map<String, String> p = new HashMap<>();
        p.put("bootstrap.servers", "127.0.0.1:1");
        p.put("key.converter", "StringConverter");
        p.put("value.converter", "StringConverter");
        p.put("offset.storage.file.filename", dir.resolve("offsets.json").toString());
        return p;
    }

    private static Map<String, String> source(String... kv) {
        Map<String, String> p = new HashMap<>();
        p.put("name", "src");
        p.put("connector.class", TestPlugins.SeqSource.class.getName());
        p.put("topic", "t");
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] == null) {
                p.remove(kv[i]);
            } else {
                p.put(kv[i], kv[i + 1]);
            }
        }
        return p;
    }

    private static Map<String, String> sink(String... kv) {
        Map<String, String> p = source(kv);
        p.put("connector.class", TestPlugins.CollectingSink.class.getName());
        return p;
    }

    private ConfigException failure(Map<String, String> connector) {
        return failure(worker(), connector);
    }

    private ConfigException failure(Map<String, String> worker, Map<String, String> connector) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> Standalone.start(worker, List.of(connector)));
        assertThat(t).isInstanceOf(ConfigException.class);
        assertThat(Files.exists(dir.resolve("offsets.json"))).as("nothing was started").isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(n -> n.startsWith("connector-src") || n.startsWith("task-src"));
        return (ConfigException) t;
    }

    @Test
    void unreachableKafkaFailsTheStartAndStopsWhatHadStarted() {
        Map<String, String> worker = worker();
        worker.put("admin.default.api.timeout.ms", "1500"); // the cluster id lookup gives up after 1.5 s
        worker.put("admin.request.timeout.ms", "1000");
        worker.put("task.shutdown.graceful.timeout.ms", "2000");
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> Standalone.start(worker, List.of(source("max.records", "10"))));
        assertThat(t).isInstanceOf(io.connectsdk.api.errors.ConnectException.class)
                .hasMessageContaining("bootstrap.servers=127.0.0.1:1").hasMessageContaining("1500 ms");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                        .as("the connector and task that started meanwhile are stopped")
                        .noneMatch(n -> n.startsWith("connector-src") || n.startsWith("task-src")));
    }

    @Test
    void connectorVariableThatTheConfigProviderCannotResolveIsNamed() throws Exception {
        Path secrets = dir.resolve("secrets.properties");
        Files.writeString(secrets, "db.password=s3cret\n");
        Map<String, String> worker = TestPlugins.withFileConfigProvider(worker());
        ConfigException e = failure(worker, source("connection.password", "${file:" + secrets + ":db.pasword}"));
        assertThat(e.getMessage()).contains("Connector 'src'").contains("connection.password")
                .contains("${file:" + secrets + ":db.pasword}").contains("has no key 'db.pasword'");
    }

    @Test
    void configProviderWithoutClassIsNamed() {
        Map<String, String> worker = worker();
        worker.put("config.providers", "vault");
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> Standalone.start(worker, List.of(source())));
        assertThat(t).isInstanceOf(ConfigException.class).hasMessageContaining("config.providers.vault.class");
        assertThat(Files.exists(dir.resolve("offsets.json"))).as("nothing was started").isFalse();
    }

    @Test
    void metricReporterThatIsNotOneIsNamed() {
        Map<String, String> worker = worker();
        worker.put("metric.reporters", "org.apache.kafka.common.metrics.JmxReporter,java.lang.String");
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> Standalone.start(worker, List.of(source())));
        assertThat(t).isInstanceOf(ConfigException.class).hasMessageContaining("metric.reporters")
                .hasMessageContaining("java.lang.String").hasMessageContaining("MetricsReporter");
        assertThat(Files.exists(dir.resolve("offsets.json"))).as("nothing was started").isFalse();
    }

    @Test
    void topicCreationWithoutTheDefaultGroupsPartitionsIsNamed() {
        ConfigException e = failure(source("topic.creation.default.replication.factor", "1",
                "topic.creation.default.cleanup.policy", "compact"));
        assertThat(e.getMessage()).contains("Connector 'src'").contains("topic.creation.default.partitions")
                .doesNotContain("topic.creation.default.replication.factor");
    }

    @Test
    void missingConnectorClassIsNamed() {
        ConfigException e = failure(source("connector.class", null));
        assertThat(e.getMessage()).contains("Connector 'src'").contains("connector.class");
    }

    @Test
    void unknownConnectorClassNamesTheKeyTheClassAndTheAliasesTried() {
        ConfigException e = failure(source("connector.class", "com.example.NopeConnector"));
        assertThat(e.getMessage()).contains("connector.class").contains("com.example.NopeConnector")
                .contains("NopeConnector, Nope");
    }

    @Test
    void zeroTasksMaxIsNamed() {
        ConfigException e = failure(source("tasks.max", "0"));
        assertThat(e.getMessage()).contains("tasks.max").contains("at least 1");
    }

    @Test
    void topicsAndTopicsRegexTogetherAreRefused() {
        ConfigException e = failure(sink("topics", "a", "topics.regex", "b.*"));
        assertThat(e.getMessage()).contains("topics").contains("topics.regex").contains("mutually exclusive");
    }

    @Test
    void sinkWithoutTopicsIsRefused() {
        ConfigException e = failure(sink());
        assertThat(e.getMessage()).contains("topics").contains("topics.regex");
    }

    @Test
    void transformAliasWithoutTypeIsNamed() {
        ConfigException e = failure(source("transforms", "mask"));
        assertThat(e.getMessage()).contains("transforms.mask.type");
    }

    @Test
    void unknownTransformTypeIsNamed() {
        ConfigException e = failure(source("transforms", "mask", "transforms.mask.type", "NoSuchTransform"));
        assertThat(e.getMessage()).contains("transforms.mask.type").contains("NoSuchTransform");
    }

    @Test
    void unknownConverterIsNamed() {
        ConfigException e = failure(source("value.converter", "NoSuchConverter"));
        assertThat(e.getMessage()).contains("value.converter").contains("NoSuchConverter");
    }

    @Test
    void connectorsOwnRequiredKeyIsNamed() {
        ConfigException e = failure(source("topic", null));
        assertThat(e.getMessage()).contains("\"topic\"");
    }

    @Test
    void deadLetterQueueMayNotBeAConsumedTopic() {
        ConfigException e = failure(sink("topics", "in", "errors.deadletterqueue.topic.name", "in"));
        assertThat(e.getMessage()).contains("errors.deadletterqueue.topic.name");
    }

    @Test
    void clientOverridesAreRefusedUnderPolicyNone() {
        Map<String, String> w = worker();
        w.put("connector.client.config.override.policy", "None");
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() ->
                Standalone.start(w, List.of(source("producer.override.linger.ms", "50"))));
        assertThat(t).isInstanceOf(ConfigException.class).hasMessageContaining("producer.override.linger.ms")
                .hasMessageContaining("connector.client.config.override.policy=None");
    }

    @Test
    void everyErrorIsReportedAtOnce() {
        ConfigException e = failure(source("tasks.max", "-3", "errors.tolerance", "sometimes"));
        assertThat(e.getMessage()).contains("tasks.max").contains("errors.tolerance");
        assertThat(e.getCause()).isInstanceOf(ConfigException.class);
        assertThat(((ConfigException) e.getCause()).errors()).containsKeys("tasks.max", "errors.tolerance");
    }

    @Test
    void missingWorkerSettingsAreNamed() {
        Map<String, String> w = worker();
        w.remove("offset.storage.file.filename");
        w.remove("bootstrap.servers");
        assertThatThrownBy(() -> Standalone.start(w, List.of(source())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("offset.storage.file.filename")
                .hasMessageContaining("bootstrap.servers");
    }

    @Test
    void duplicateConnectorNamesAreRefused() {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() ->
                Standalone.start(worker(), List.of(source(), source())));
        assertThat(t).isInstanceOf(ConfigException.class).hasMessageContaining("src");
    }

    @Test
    void propertiesFilesAreLoadedAndAMissingOneIsNamed() throws Exception {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "name=x\n# comment\nconnector.class = a.B\ntopics=t1, t2\n");
        assertThat(Standalone.loadProperties(file)).containsEntry("name", "x").containsEntry("connector.class", "a.B")
                .containsEntry("topics", "t1, t2").hasSize(3);
        assertThatThrownBy(() -> Standalone.loadProperties(dir.resolve("missing.properties")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("missing.properties");
    }
}
