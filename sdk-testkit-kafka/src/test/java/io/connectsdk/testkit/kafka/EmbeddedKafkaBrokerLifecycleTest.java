package io.connectsdk.testkit.kafka;

import static io.connectsdk.testkit.kafka.EmbeddedKafkaBrokerTest.consumeAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.utils.internals.Exit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start, stop, restart and close; each test has its own broker(s). */
class EmbeddedKafkaBrokerLifecycleTest {

    private final List<EmbeddedKafkaBroker> brokers = new ArrayList<>();

    @AfterEach
    void closeBrokers() {
        brokers.forEach(EmbeddedKafkaBroker::close);
    }

    private EmbeddedKafkaBroker newBroker(EmbeddedKafkaBroker.Builder builder) {
        EmbeddedKafkaBroker broker = builder.build();
        brokers.add(broker);
        return broker;
    }

    @Test
    void accessorsFailClearlyWhenTheBrokerIsNotRunning() {
        EmbeddedKafkaBroker broker = newBroker(EmbeddedKafkaBroker.builder());

        assertThatThrownBy(broker::bootstrapServers)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bootstrapServers()")
                .hasMessageContaining("not started yet: call start() first");
        assertThatThrownBy(broker::producerConfig).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> broker.createTopic("t", 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(broker::clusterId).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(broker::logDir).isInstanceOf(IllegalStateException.class);
        assertThat(broker.isRunning()).isFalse();

        broker.start();
        broker.stop();
        assertThatThrownBy(broker::bootstrapServers)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopped: call start() again");

        broker.close();
        broker.close();
        assertThatThrownBy(broker::bootstrapServers).hasMessageContaining("closed");
        assertThatThrownBy(broker::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void restartOnTheSameStorageKeepsTheData() throws Exception {
        EmbeddedKafkaBroker broker = newBroker(EmbeddedKafkaBroker.builder()).start();
        String clusterId = broker.clusterId();
        Path logDir = broker.logDir();
        broker.createTopic("durable", 2);
        produce(broker, "durable", 10);

        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        assertThat(logDir).isDirectory();

        broker.start();
        assertThat(broker.clusterId()).isEqualTo(clusterId);
        assertThat(broker.logDir()).isEqualTo(logDir);
        assertThat(broker.topicNames()).contains("durable");
        assertThat(consumeAll(broker, "durable", 10)).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(values(10));
        produce(broker, "durable", 1);
    }

    @Test
    void restartMovesToAnotherPortWhenTheOldOneIsTaken() throws Exception {
        EmbeddedKafkaBroker broker = newBroker(EmbeddedKafkaBroker.builder()).start();
        produce(broker, "moving", 3);
        String before = broker.bootstrapServers();
        broker.stop();

        int oldPort = Integer.parseInt(before.substring(before.lastIndexOf(':') + 1));
        try (ServerSocket squatter = new ServerSocket(oldPort, 1, InetAddress.getByName("127.0.0.1"))) {
            broker.start();
            assertThat(broker.bootstrapServers()).isNotEqualTo(before);
            assertThat(consumeAll(broker, "moving", 3)).hasSize(3);
        }
    }

    @Test
    void twoBrokersRunAtOnceIndependently() throws Exception {
        EmbeddedKafkaBroker first = newBroker(EmbeddedKafkaBroker.builder()).start();
        EmbeddedKafkaBroker second = newBroker(EmbeddedKafkaBroker.builder()).start();

        assertThat(first.bootstrapServers()).isNotEqualTo(second.bootstrapServers());
        assertThat(first.clusterId()).isNotEqualTo(second.clusterId());
        assertThat(first.logDir()).isNotEqualTo(second.logDir());

        first.createTopic("only-on-first", 1);
        produce(first, "only-on-first", 2);
        produce(second, "only-on-second", 1);

        assertThat(first.topicNames()).contains("only-on-first").doesNotContain("only-on-second");
        assertThat(second.topicNames()).contains("only-on-second").doesNotContain("only-on-first");
        assertThat(consumeAll(first, "only-on-first", 2)).hasSize(2);
        assertThat(consumeAll(second, "only-on-second", 1)).hasSize(1);

        second.close();
        assertThat(first.isRunning()).isTrue();
        produce(first, "only-on-first", 1);
    }

    @Test
    void closeDeletesTheTemporaryStorage() {
        EmbeddedKafkaBroker broker = newBroker(EmbeddedKafkaBroker.builder()).start();
        Path logDir = broker.logDir();
        assertThat(logDir).isDirectory();

        broker.close();

        assertThat(logDir).doesNotExist();
        assertThat(broker.isRunning()).isFalse();
    }

    @Test
    void aGivenLogDirIsKeptOnCloseAndReusedByTheNextBroker(@TempDir Path dir) throws Exception {
        Path logDir = dir.resolve("kafka-data");
        EmbeddedKafkaBroker first = newBroker(EmbeddedKafkaBroker.builder().logDir(logDir)).start();
        String clusterId = first.clusterId();
        produce(first, "kept", 4);
        first.close();
        assertThat(logDir).isDirectoryContaining("glob:**/meta.properties");

        EmbeddedKafkaBroker second = newBroker(EmbeddedKafkaBroker.builder().logDir(logDir)).start();
        assertThat(second.clusterId()).isEqualTo(clusterId);
        assertThat(consumeAll(second, "kept", 4)).hasSize(4);
    }

    @Test
    void exitProceduresAreReplacedWhileRunningAndRestoredAfterClose() throws Exception {
        List<String> calls = new ArrayList<>();
        Exit.Procedure exit = (status, message) -> calls.add("exit " + status);
        Exit.Procedure halt = (status, message) -> calls.add("halt " + status);
        Exit.setExitProcedure(exit);
        Exit.setHaltProcedure(halt);
        try {
            EmbeddedKafkaBroker first = newBroker(EmbeddedKafkaBroker.builder()).start();
            EmbeddedKafkaBroker second = newBroker(EmbeddedKafkaBroker.builder()).start();
            assertThat(ExitGuard.holders()).isEqualTo(2);
            assertThatThrownBy(() -> Exit.halt(1)).isInstanceOf(ExitPreventedException.class);

            first.close();
            assertThatThrownBy(() -> Exit.exit(1))
                    .as("still guarded while another broker runs")
                    .isInstanceOf(ExitPreventedException.class);

            second.stop();
            assertThat(ExitGuard.holders()).isZero();
            // Check before calling them: were they not restored, these calls would end the test JVM.
            assertThat(installed("exitProcedure")).isSameAs(exit);
            assertThat(installed("haltProcedure")).isSameAs(halt);
            Exit.exit(7);
            Exit.halt(8);
            assertThat(calls).containsExactly("exit 7", "halt 8");
        } finally {
            Exit.resetExitProcedure();
            Exit.resetHaltProcedure();
        }
    }

    @Test
    void brokerPropertiesOverrideTheDefaults() throws Exception {
        EmbeddedKafkaBroker broker = newBroker(EmbeddedKafkaBroker.builder()
                .autoCreateTopics(false)
                .brokerProperty("log.retention.hours", "5")
                .nodeId(3)).start();

        try (Admin admin = Admin.create(broker.adminConfig())) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, "3");
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("auto.create.topics.enable").value()).isEqualTo("false");
            assertThat(config.get("log.retention.hours").value()).isEqualTo("5");
            assertThat(config.get("group.initial.rebalance.delay.ms").value()).isEqualTo("0");
            assertThat(config.get("offsets.topic.replication.factor").value()).isEqualTo("1");
        }
        assertThat(broker.nodeId()).isEqualTo(3);
    }

    @Test
    void builderRefusesPropertiesTheBrokerManages() {
        EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder();
        for (String key : List.of("listeners", "node.id", "log.dirs", "process.roles", "controller.quorum.voters")) {
            assertThatThrownBy(() -> builder.brokerProperty(key, "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(key);
        }
        assertThatThrownBy(() -> builder.nodeId(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Object installed(String field) throws ReflectiveOperationException {
        Field f = Exit.class.getDeclaredField(field);
        f.setAccessible(true);
        return f.get(null);
    }

    private static void produce(EmbeddedKafkaBroker broker, String topic, int count) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(broker.producerConfig())) {
            for (String value : values(count)) {
                producer.send(new ProducerRecord<>(topic, value, value)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static List<String> values(int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add("value-" + i);
        }
        return values;
    }
}
