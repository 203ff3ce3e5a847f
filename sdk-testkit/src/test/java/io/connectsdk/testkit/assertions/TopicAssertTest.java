package io.connectsdk.testkit.assertions;

import static io.connectsdk.testkit.assertions.ConnectAssertions.assertThat;
import static io.connectsdk.testkit.assertions.ConnectAssertions.assertThatThrownBy;
import static io.connectsdk.testkit.assertions.ConnectAssertions.deadLetterQueue;
import static io.connectsdk.testkit.assertions.ConnectAssertions.topic;

import io.connectsdk.testkit.cluster.KafkaClusterExtension;
import io.connectsdk.testkit.cluster.KafkaMode;
import io.connectsdk.testkit.cluster.KafkaRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every topic assertion passes on good data and fails, with what it saw, on bad data. One broker for the class. */
class TopicAssertTest {
    private static final Duration SHORT = Duration.ofMillis(700);

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.create(KafkaMode.EMBEDDED);

    /** A topic of its own for each test, with the given records "key=value" in partition 0. */
    private static String topicWith(TestInfo test, int partitions, String... keyValues) {
        String name = test.getTestMethod().orElseThrow().getName();
        kafka.createTopic(name, partitions);
        for (String kv : keyValues) {
            String[] parts = kv.split("=", 2);
            kafka.produce(new ProducerRecord<>(name, 0, bytes(parts[0]), bytes(parts[1])));
        }
        return name;
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static void produceWithHeader(String topic, int partition, String value, String header, String headerValue) {
        ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, partition, null, bytes(value));
        r.headers().add(header, bytes(headerValue));
        kafka.produce(r);
    }

    @Test
    void hasRecordCountWaitsForRecordsThatArriveLater(TestInfo test) throws Exception {
        String t = topicWith(test, 1, "k0=v0");
        CompletableFuture<Void> later = CompletableFuture.runAsync(() -> kafka.produce(t, "k1", "v1"),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        assertThat(topic(kafka, t)).within(Duration.ofSeconds(20)).hasRecordCount(2).hasAtLeast(1);
        later.get(20, TimeUnit.SECONDS);
    }

    @Test
    void hasRecordCountShowsTheRecordsItSawWhenTooFewArrive(TestInfo test) {
        String t = topicWith(test, 1, "k0=v0", "k1=v1", "k2=v2");
        assertThatThrownBy(() -> assertThat(topic(kafka, t)).within(SHORT).hasRecordCount(5))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting topic '" + t + "' to have exactly 5 record(s) within 700 ms,\n"
                        + "but it had 3 record(s):\n"
                        + "  " + t + "-0@0 key=k0 value=v0\n"
                        + "  " + t + "-0@1 key=k1 value=v1\n"
                        + "  " + t + "-0@2 key=k2 value=v2");
    }

    @Test
    void hasRecordCountFailsAtOnceWhenThereAreTooMany(TestInfo test) {
        String t = topicWith(test, 1, "a=1", "b=2");
        long begin = System.nanoTime();
        assertThatThrownBy(() -> assertThat(topic(kafka, t)).within(Duration.ofSeconds(30)).hasRecordCount(1))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting topic '" + t + "' to have exactly 1 record(s) (checked for up to 30 s),\n"
                        + "but it had 2 record(s):");
        Assertions.assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void hasAtLeastShowsCountsPerPartitionAndOnlyTheFirstRecords(TestInfo test) {
        String t = topicWith(test, 2);
        for (int i = 0; i < 12; i++) {
            kafka.produce(new ProducerRecord<>(t, 0, bytes("k" + i), bytes("v" + i)));
        }
        kafka.produce(new ProducerRecord<>(t, 1, bytes("x"), bytes("y")));
        assertThat(topic(kafka, t)).hasAtLeast(13);
        assertThatThrownBy(() -> assertThat(topic(kafka, t)).within(SHORT).hasAtLeast(20))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to have at least 20 record(s) within 700 ms,\nbut it had 13 record(s)"
                        + " (per partition: 0=12, 1=1), the first 10:")
                .hasMessageNotContaining("k11");
    }

    @Test
    void aMissingTopicIsReportedAsSuch() {
        assertThatThrownBy(() -> assertThat(topic(kafka, "never-created")).within(SHORT).hasAtLeast(1))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting topic 'never-created' to have at least 1 record(s) within 700 ms,\n"
                        + "but topic 'never-created' does not exist (no partitions found)");
    }

    @Test
    void containsValuesAndKeys(TestInfo test) {
        String t = topicWith(test, 1, "k1=a", "k2=b", "k3=c");
        assertThat(topic(kafka, t)).containsValues("c", "a").containsKeys("k2");
        assertThatThrownBy(() -> assertThat(topic(kafka, t)).within(SHORT).containsValues("a", "zz"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting topic '" + t + "' to contain the values [a, zz] within 700 ms,\n"
                        + "but these were missing: [zz];\nit had 3 record(s):");
        assertThatThrownBy(() -> assertThat(topic(kafka, t)).within(SHORT).containsKeys("k9"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but these were missing: [k9]");
    }

    @Test
    void hasHeaderAndAllRecordsHaveHeader(TestInfo test) {
        String t = topicWith(test, 1);
        produceWithHeader(t, 0, "v1", "source", "crm");
        produceWithHeader(t, 0, "v2", "source", "erp");
        assertThat(topic(kafka, t)).hasHeader("source", "erp").allRecordsHaveHeader("source");
        assertThatThrownBy(() -> assertThat(topic(kafka, t)).within(SHORT).hasHeader("source", "web"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting topic '" + t + "' to have a record with header source=web within 700 ms,\n"
                        + "but values of header 'source' seen: [crm, erp];")
                .hasMessageContaining(t + "-0@0 key=null value=v1 headers={source=crm}");
        kafka.produce(new ProducerRecord<>(t, 0, null, bytes("no header")));
        assertThatThrownBy(() -> assertThat(topic(kafka, t)).allRecordsHaveHeader("source"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to have records that all have header 'source' (checked for up to")
                .hasMessageContaining("but these records do not: \n  " + t + "-0@2 key=null value=no header");
    }

    @Test
    void isOrderedPerPartitionBy(TestInfo test) {
        String t = topicWith(test, 2);
        kafka.produce(new ProducerRecord<>(t, 0, null, bytes("1")));
        kafka.produce(new ProducerRecord<>(t, 1, null, bytes("0")));
        kafka.produce(new ProducerRecord<>(t, 0, null, bytes("5")));
        assertThat(topic(kafka, t)).hasRecordCount(3).isOrderedPerPartitionBy(r -> Long.parseLong(r.valueAsString()));
        kafka.produce(new ProducerRecord<>(t, 0, null, bytes("2")));
        assertThatThrownBy(() -> assertThat(topic(kafka, t)).hasRecordCount(4)
                .isOrderedPerPartitionBy(r -> Long.parseLong(r.valueAsString())))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to have its records ordered within each partition (checked for up to")
                .hasMessageContaining("but in partition 0, offset 2 (key 2) comes after offset 1 (key 5):\n"
                        + "  " + t + "-0@1 key=null value=5\n  " + t + "-0@2 key=null value=2");
    }

    @Test
    void valuesInOrderWithinEachPartition(TestInfo test) {
        String t = topicWith(test, 2);
        kafka.produce(new ProducerRecord<>(t, 0, null, bytes("a")));
        kafka.produce(new ProducerRecord<>(t, 1, null, bytes("x")));
        kafka.produce(new ProducerRecord<>(t, 0, null, bytes("b")));
        assertThat(topic(kafka, t)).valuesInOrder("a", "x", "b").valuesInOrder("x", "a", "b");
        assertThatThrownBy(() -> assertThat(topic(kafka, t)).valuesInOrder("b", "a"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to contain the values [b, a] in this order within each partition (checked for up to")
                .hasMessageContaining("but in partition 0, 'a' (offset 0) comes before 'b' (offset 1)");
        assertThatThrownBy(() -> assertThat(topic(kafka, t)).within(SHORT).valuesInOrder("a", "c"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but these were missing: [c]");
    }

    @Test
    void jsonFieldMatchers(TestInfo test) {
        String t = topicWith(test, 1, "1={\"id\":1,\"customer\":{\"name\":\"Ann\"},\"items\":[{\"sku\":\"A-1\"}]}",
                "2={\"id\":2,\"customer\":{\"name\":\"Bob\"},\"items\":[{\"sku\":\"B-7\"}]}");
        assertThat(topic(kafka, t)).hasRecordCount(2)
                .allValuesSatisfyJson("$.id", id -> id.asLong() > 0)
                .allValuesSatisfyJson("customer.name", "be text", n -> n.isTextual())
                .allValuesSatisfyJson("/items/0/sku", n -> n.asText().contains("-"))
                .containsJsonValue("$.items[0].sku", "B-7")
                .containsJsonValue("id", 2);

        assertThatThrownBy(() -> assertThat(topic(kafka, t)).allValuesSatisfyJson("$.id", "be above 1", id -> id.asLong() > 1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to have JSON values whose $.id all be above 1 (checked for up to")
                .hasMessageContaining("but record " + t + "-0@0 does not: its field /id is 1:");
        assertThatThrownBy(() -> assertThat(topic(kafka, t)).allValuesSatisfyJson("price", n -> true))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("does not: its value has no field /price");
        assertThatThrownBy(() -> assertThat(topic(kafka, t)).within(SHORT).containsJsonValue("id", 3))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to have a JSON value whose id is 3 within 700 ms,\nbut values seen at id: [1, 2]");
        kafka.produce(t, "3", "not json");
        assertThatThrownBy(() -> assertThat(topic(kafka, t)).hasRecordCount(3).allValuesSatisfyJson("id", n -> true))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but record " + t + "-0@2 does not: its value is not JSON:\n  " + t + "-0@2 key=3 value=not json");
    }

    @Test
    void isEmptyForHoldsOrFailsAsSoonAsARecordIsThere(TestInfo test) {
        String t = topicWith(test, 1);
        assertThat(topic(kafka, t)).isEmptyFor(Duration.ofMillis(500));
        kafka.produce(t, "k", "surprise");
        assertThatThrownBy(() -> assertThat(topic(kafka, t)).isEmptyFor(Duration.ofSeconds(30)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting topic '" + t + "' to stay empty for 30 s,\nbut it had 1 record(s):\n"
                        + "  " + t + "-0@0 key=k value=surprise");
    }

    @Test
    void composesWithAssertJListAssertions(TestInfo test) {
        String t = topicWith(test, 1, "a=1", "b=2");
        assertThat(topic(kafka, t)).hasRecordCount(2)
                .records().extracting(KafkaRecord::keyAsString).containsExactly("a", "b");
        assertThat(topic(kafka, t)).hasRecordCount(2).values().containsExactly("1", "2");
        // AssertJ's own entry point reaches the same assertions through AssertProvider
        Assertions.assertThat(topic(kafka, t)).hasRecordCount(2);
        // a description given with as(...) leads the failure message
        assertThatThrownBy(() -> assertThat(topic(kafka, t)).as("orders written by the sink").within(SHORT).hasRecordCount(3))
                .hasMessageStartingWith("[orders written by the sink] Expecting topic '" + t + "' to have exactly 3 record(s)");
    }

    @Test
    void anyAndAllRecordsSatisfy(TestInfo test) {
        String t = topicWith(test, 1, "a=10", "b=20");
        assertThat(topic(kafka, t))
                .anyRecordSatisfies(r -> r.valueAsString().equals("20"), "has value 20")
                .allRecordsSatisfy(r -> r.key() != null, "have a key");
        assertThatThrownBy(() -> assertThat(topic(kafka, t)).within(SHORT).anyRecordSatisfies(r -> false, "is magic"))
                .hasMessageStartingWith("Expecting topic '" + t + "' to have a record that is magic within 700 ms,\n"
                        + "but none of its records does;");
    }

    @Test
    void deadLetterQueueAssertions(TestInfo test) {
        String dlq = topicWith(test, 1);
        ProducerRecord<byte[], byte[]> failed = new ProducerRecord<>(dlq, 0, bytes("k"), bytes("bad payload"));
        failed.headers().add(DeadLetterQueueAssert.ORIGINAL_TOPIC, bytes("orders"))
                .add(DeadLetterQueueAssert.ORIGINAL_PARTITION, bytes("0"))
                .add(DeadLetterQueueAssert.ORIGINAL_OFFSET, bytes("41"))
                .add(DeadLetterQueueAssert.EXCEPTION_CLASS, bytes("io.connectsdk.api.errors.DataException"))
                .add(DeadLetterQueueAssert.EXCEPTION_MESSAGE, bytes("Converting byte[] to Kafka Connect data failed"));
        kafka.produce(failed);

        assertThat(deadLetterQueue(kafka, dlq)).hasRecordCount(1)
                .firstRecordHasErrorHeader("__connect.errors.exception.class.name", "io.connectsdk.api.errors.DataException")
                .firstRecordHasErrorHeader(DeadLetterQueueAssert.EXCEPTION_MESSAGE)
                .hasErrorClass("io.connectsdk.api.errors.DataException")
                .allRecordsHaveErrorContext()
                .containsValues("bad payload");

        assertThatThrownBy(() -> assertThat(deadLetterQueue(kafka, dlq))
                .firstRecordHasErrorHeader(DeadLetterQueueAssert.EXCEPTION_CLASS, "java.lang.NullPointerException"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting dead letter queue '" + dlq + "' to have a first record with header"
                        + " __connect.errors.exception.class.name=java.lang.NullPointerException (checked for up to")
                .hasMessageContaining("but its first record has __connect.errors.exception.class.name="
                        + "io.connectsdk.api.errors.DataException:\n  " + dlq + "-0@0 key=k value=bad payload headers={");
        assertThatThrownBy(() -> assertThat(deadLetterQueue(kafka, dlq)).firstRecordHasErrorHeader(DeadLetterQueueAssert.STAGE))
                .hasMessageContaining("but its first record has no header __connect.errors.stage:");
        assertThatThrownBy(() -> assertThat(deadLetterQueue(kafka, dlq)).within(SHORT).hasRecordCount(2))
                .hasMessageStartingWith("Expecting dead letter queue '" + dlq + "' to have exactly 2 record(s) within 700 ms,\n"
                        + "but it had 1 record(s):");
    }

    @Test
    void theDefaultBoundIsConfigurable() {
        Assertions.assertThat(ConnectAssertions.initialTimeout(null)).isEqualTo(Duration.ofSeconds(10));
        Assertions.assertThat(ConnectAssertions.initialTimeout("PT30S")).isEqualTo(Duration.ofSeconds(30));
        Assertions.assertThat(ConnectAssertions.initialTimeout("2.5")).isEqualTo(Duration.ofMillis(2500));
        assertThatThrownBy(() -> ConnectAssertions.initialTimeout("soon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dconnectsdk.testkit.timeout=soon is not a positive duration; use e.g. PT30S or 30 (seconds)");
        Duration before = ConnectAssertions.defaultTimeout();
        try {
            ConnectAssertions.setDefaultTimeout(Duration.ofMillis(400));
            assertThatThrownBy(() -> assertThat(topic(kafka, "never-created-either")).hasAtLeast(1))
                    .hasMessageContaining("within 400 ms");
        } finally {
            ConnectAssertions.setDefaultTimeout(before);
        }
    }

    @Test
    void jsonPathsAreParsedOrRejectedClearly() {
        Assertions.assertThat(JsonPaths.compile("$.items[0].sku").toString()).isEqualTo("/items/0/sku");
        Assertions.assertThat(JsonPaths.compile("a.b").toString()).isEqualTo("/a/b");
        Assertions.assertThat(JsonPaths.compile("$[1]").toString()).isEqualTo("/1");
        assertThatThrownBy(() -> JsonPaths.compile("$.items[x]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only numeric indexes");
        assertThatThrownBy(() -> JsonPaths.compile(" ")).isInstanceOf(IllegalArgumentException.class);
        Assertions.assertThat(List.of(JsonPaths.matches(JsonPaths.parse("1.0"), 1), JsonPaths.matches(JsonPaths.parse("true"), true),
                JsonPaths.matches(JsonPaths.parse("null"), null), JsonPaths.matches(JsonPaths.parse("\"1\""), 1)))
                .containsExactly(true, true, true, false);
    }
}
