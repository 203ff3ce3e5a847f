package io.connectsdk.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.internals.Exit;
import org.apache.kafka.server.fault.FaultHandler;
import org.apache.kafka.server.fault.ProcessTerminatingFaultHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Behaviour of one running broker, shared by all tests of this class. */
class EmbeddedKafkaBrokerTest {

    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaBroker.builder().build().start();
    }

    @AfterAll
    static void closeBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void startedBrokerReportsItsAddressAndStorage() {
        assertThat(kafka.isRunning()).isTrue();
        assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(kafka.logDir()).isDirectory().isDirectoryContaining("glob:**/meta.properties");
        assertThat(kafka.clusterId()).isNotBlank();
        assertThat(kafka.nodeId()).isEqualTo(1);
        assertThat(kafka.start()).as("start() on a running broker is a no-op").isSameAs(kafka);
    }

    @Test
    void producesAndConsumesARecord() throws Exception {
        String topic = "produce-consume";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.producerConfig())) {
            RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, "k1", "v1")).get(30, TimeUnit.SECONDS);
            assertThat(metadata.offset()).isZero();
        }
        List<ConsumerRecord<String, String>> records = consumeAll(kafka, topic, 1);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("k1");
            assertThat(r.value()).isEqualTo("v1");
        });
    }

    @Test
    void createsTopicWithPartitions() throws Exception {
        kafka.createTopic("three-partitions", 3);

        assertThat(kafka.topicNames()).contains("three-partitions");
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            var description = admin.describeTopics(List.of("three-partitions")).allTopicNames().get().get("three-partitions");
            assertThat(description.partitions()).hasSize(3)
                    .allSatisfy(p -> assertThat(p.leader()).isNotNull());
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.producerConfig())) {
            for (int partition = 0; partition < 3; partition++) {
                producer.send(new ProducerRecord<>("three-partitions", partition, "k", "v" + partition)).get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(consumeAll(kafka, "three-partitions", 3))
                .extracting(ConsumerRecord::partition).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void createsCompactedTopicWithConfig() throws Exception {
        kafka.createTopic("compacted", 1, Map.of("cleanup.policy", "compact"));

        try (Admin admin = Admin.create(kafka.adminConfig())) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "compacted");
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void createTopicTwiceFailsWithTopicExists() {
        kafka.createTopic("twice", 1);
        assertThatThrownBy(() -> kafka.createTopic("twice", 1)).isInstanceOf(TopicExistsException.class);
        assertThatThrownBy(() -> kafka.createTopic("bad", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletesTopicAndAllowsRecreatingIt() {
        kafka.createTopic("to-delete", 2);
        kafka.deleteTopic("to-delete");
        assertThat(kafka.topicNames()).doesNotContain("to-delete");

        kafka.createTopic("to-delete", 1);
        assertThat(kafka.topicNames()).contains("to-delete");
        assertThatThrownBy(() -> kafka.deleteTopic("never-existed")).isInstanceOf(UnknownTopicOrPartitionException.class);
    }

    @Test
    void clientConfigsPointAtTheBrokerAndAreFreshMutableMaps() {
        assertThat(kafka.adminConfig()).containsEntry("bootstrap.servers", kafka.bootstrapServers());
        assertThat(kafka.producerConfig()).containsEntry("bootstrap.servers", kafka.bootstrapServers())
                .containsKeys("key.serializer", "value.serializer");
        Map<String, Object> consumer = kafka.consumerConfig();
        assertThat(consumer).containsEntry("bootstrap.servers", kafka.bootstrapServers())
                .containsEntry("auto.offset.reset", "earliest")
                .containsKeys("group.id", "key.deserializer", "value.deserializer");
        assertThat(kafka.consumerConfig().get("group.id")).isNotEqualTo(consumer.get("group.id"));
        assertThat(kafka.consumerConfig("my-group")).containsEntry("group.id", "my-group");

        consumer.put("max.poll.records", 1);
        assertThat(kafka.consumerConfig()).doesNotContainKey("max.poll.records");
    }

    @Test
    void exitAndHaltThrowInsteadOfEndingTheJvmWhileRunning() {
        assertThatThrownBy(() -> Exit.halt(1, "simulated fatal fault"))
                .isInstanceOfSatisfying(ExitPreventedException.class, e -> {
                    assertThat(e.isHalt()).isTrue();
                    assertThat(e.status()).isEqualTo(1);
                })
                .hasMessageContaining("simulated fatal fault");
        assertThatThrownBy(() -> Exit.exit(3))
                .isInstanceOfSatisfying(ExitPreventedException.class, e -> {
                    assertThat(e.isHalt()).isFalse();
                    assertThat(e.status()).isEqualTo(3);
                });
        assertThat(kafka.isRunning()).isTrue();
    }

    @Test
    void kafkasProcessTerminatingFaultHandlerThrowsInsteadOfHalting() {
        // The handler the broker and controller use for fatal faults: by default it halts the JVM.
        FaultHandler fatal = new ProcessTerminatingFaultHandler.Builder().build();

        assertThatThrownBy(() -> fatal.handleFault("simulated fatal metadata fault", new IllegalStateException("boom")))
                .isInstanceOf(ExitPreventedException.class);
        assertThat(kafka.isRunning()).isTrue();
        assertThat(kafka.topicNames()).isNotNull();
    }

    /** Polls a fresh consumer until {@code expected} records have arrived. */
    static List<ConsumerRecord<String, String>> consumeAll(EmbeddedKafkaBroker broker, String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(broker.consumerConfig())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ZERO).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                assertThat(records).hasSizeGreaterThanOrEqualTo(expected);
            });
        }
        return records;
    }

}
