package io.connectsdk.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedded and external modes against one embedded broker shared by the class. */
class KafkaClusterTest {
    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.create(KafkaMode.EMBEDDED);

    @Test
    void theDefaultModeIsAnEmbeddedBrokerOnLoopback() {
        assertThat(kafka.mode()).isEqualTo(KafkaMode.EMBEDDED);
        assertThat(kafka.cluster()).isInstanceOf(EmbeddedKafkaCluster.class);
        assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
    }

    @Test
    void createsListsAndDeletesTopicsWithSettings() throws Exception {
        kafka.createTopic("compacted", 2, Map.of("cleanup.policy", "compact"));
        assertThat(kafka.topicNames()).contains("compacted");
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "compacted");
            assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value())
                    .isEqualTo("compact");
            assertThat(admin.describeTopics(List.of("compacted")).allTopicNames().get().get("compacted").partitions()).hasSize(2);
        }
        kafka.deleteTopic("compacted");
        assertThat(kafka.topicNames()).doesNotContain("compacted");
    }

    @Test
    void producesAndConsumesTextBytesAndHeaders() {
        kafka.createTopic("mixed", 3);
        KafkaRecord first = kafka.produce("mixed", "k1", "v1");
        kafka.produce("mixed", new byte[] {1, 2}, new byte[] {3, 4});
        ProducerRecord<byte[], byte[]> withHeaders = new ProducerRecord<>("mixed", 2, null, "k3".getBytes(StandardCharsets.UTF_8),
                "v3".getBytes(StandardCharsets.UTF_8));
        withHeaders.headers().add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
        KafkaRecord third = kafka.produce(withHeaders);

        assertThat(first.topic()).isEqualTo("mixed");
        assertThat(third.partition()).isEqualTo(2);

        List<KafkaRecord> read = kafka.consume("mixed", 3, Duration.ofSeconds(20));
        assertThat(read).hasSize(3);
        assertThat(read).extracting(KafkaRecord::valueAsString).contains("v1", "v3");
        assertThat(read).filteredOn(r -> "k3".equals(r.keyAsString())).singleElement().satisfies(r -> {
            assertThat(r.partition()).isEqualTo(2);
            assertThat(r.offset()).isEqualTo(third.offset());
            assertThat(r.header("trace")).isEqualTo("t-1");
            assertThat(r.headers()).containsExactly(new KafkaRecord.Header("trace", "t-1".getBytes(StandardCharsets.UTF_8)));
            assertThat(r.timestamp()).isPositive();
        });
        assertThat(read).filteredOn(r -> r.value()[0] == 3).singleElement()
                .satisfies(r -> assertThat(r.key()).containsExactly(1, 2));
    }

    @Test
    void consumeSaysWhatItReadWhenTooFewRecordsArrive() {
        kafka.createTopic("short", 1);
        kafka.produce("short", "k", "only one");
        assertThatThrownBy(() -> kafka.consume("short", 2, Duration.ofMillis(800)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected at least 2 record(s) in topic 'short' within 800 ms, but read 1\n  short-0@0 key=k value=only one");
    }

    @Test
    void consumingAMissingTopicWaitsAndNeverCreatesIt() {
        assertThatThrownBy(() -> kafka.consume("nowhere", 1, Duration.ofMillis(800)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected at least 1 record(s) in topic 'nowhere' within 800 ms, but read 0 (the topic does not exist)");
        assertThat(kafka.topicNames()).doesNotContain("nowhere");
    }

    @Test
    void aTopicReaderContinuesWhereAnotherStopped() {
        kafka.createTopic("continued", 2);
        kafka.produce(new ProducerRecord<>("continued", 0, null, "a".getBytes(StandardCharsets.UTF_8)));
        kafka.produce(new ProducerRecord<>("continued", 1, null, "b".getBytes(StandardCharsets.UTF_8)));
        List<KafkaRecord> firstTwo = kafka.consume("continued", 2, Duration.ofSeconds(20));
        kafka.produce(new ProducerRecord<>("continued", 0, null, "c".getBytes(StandardCharsets.UTF_8)));

        try (TopicReader reader = new TopicReader(kafka.bootstrapServers(), "continued", firstTwo)) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInSameThread()
                    .until(() -> !reader.poll(Duration.ofMillis(100)).isEmpty());
            assertThat(reader.records()).extracting(KafkaRecord::valueAsString).containsExactlyInAnyOrder("a", "b", "c");
            assertThat(reader.countsPerPartition()).containsEntry(0, 2L).containsEntry(1, 1L);
            assertThat(reader.partitionCount()).isEqualTo(2);
        }
    }

    @Test
    void externalModeReachesARunningClusterAndLeavesItRunning() {
        kafka.createTopic("shared", 1);
        try (KafkaCluster external = KafkaCluster.external(kafka.bootstrapServers()).start()) {
            assertThat(external.mode()).isEqualTo(KafkaMode.EXTERNAL);
            assertThat(external.bootstrapServers()).isEqualTo(kafka.bootstrapServers());
            external.produce("shared", "k", "from external");
            assertThat(external.consume("shared", 1, Duration.ofSeconds(20)))
                    .extracting(KafkaRecord::valueAsString).containsExactly("from external");
            external.createTopic("made-externally", 1);
        }
        assertThat(kafka.topicNames()).contains("shared", "made-externally");
        assertThat(kafka.consume("shared", 1, Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void theExtensionStartsPerClassOrPerTestAndClosesAfter() {
        KafkaClusterExtension perTest = KafkaClusterExtension.of(() -> KafkaCluster.external(kafka.bootstrapServers()));
        perTest.beforeEach(null);
        KafkaCluster first = perTest.cluster();
        assertThat(first.bootstrapServers()).isEqualTo(kafka.bootstrapServers());
        perTest.afterEach(null);
        assertThatThrownBy(first::bootstrapServers).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");

        KafkaClusterExtension perClass = KafkaClusterExtension.of(() -> KafkaCluster.external(kafka.bootstrapServers()));
        perClass.beforeAll(null);
        KafkaCluster shared = perClass.cluster();
        perClass.beforeEach(null);
        perClass.afterEach(null);
        assertThat(perClass.cluster()).isSameAs(shared);
        assertThat(shared.topicNames()).isNotNull();
        perClass.afterAll(null);
        assertThatThrownBy(shared::topicNames).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aClusterThatIsNotStartedSaysSo() {
        KafkaCluster cluster = KafkaCluster.embedded();
        assertThatThrownBy(cluster::bootstrapServers).isInstanceOf(IllegalStateException.class)
                .hasMessage("bootstrapServers(): the embedded Kafka cluster is not started; call start() first");
        cluster.close();
        assertThatThrownBy(cluster::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("connect-sdk test kit: this embedded Kafka cluster was closed; create a new one");
    }
}
