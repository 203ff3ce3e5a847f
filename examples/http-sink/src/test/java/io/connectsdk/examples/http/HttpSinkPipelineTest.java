package io.connectsdk.examples.http;

import static io.connectsdk.testkit.assertions.ConnectAssertions.assertThat;
import static io.connectsdk.testkit.assertions.ConnectAssertions.deadLetterQueue;
import static org.awaitility.Awaitility.await;

import io.connectsdk.testkit.assertions.DeadLetterQueueAssert;
import io.connectsdk.testkit.cluster.KafkaCluster;
import io.connectsdk.testkit.connect.ConnectCluster;
import io.connectsdk.testkit.junit.ConnectTest;
import io.connectsdk.testkit.junit.TestTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP sink on a real broker and worker, posting to a local HTTP server: good records arrive,
 * records the server refuses (400) end in the dead letter queue with the error context.
 */
@ConnectTest
class HttpSinkPipelineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private TestHttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new TestHttpServer();
        // Refuse any batch holding a "bad-" value: the task splits it until the bad records are isolated.
        server.respond(r -> r.body().contains("bad-") ? new TestHttpServer.Response(400, "refused")
                : new TestHttpServer.Response(200, ""));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** @return every value the server accepted (2xx), in arrival order */
    private List<Object> accepted() {
        List<Object> values = new ArrayList<>();
        for (TestHttpServer.Request r : server.requests()) {
            if (!r.body().contains("bad-")) {
                values.addAll((List<?>) MiniJson.parse(r.body()));
            }
        }
        return values;
    }

    @Test
    void postsEveryRecordAndSendsRefusedOnesToTheDeadLetterQueue(ConnectCluster connect, KafkaCluster kafka,
                                                                TestTopics topics) {
        String topic = topics.create("orders", 2);
        String dlq = topics.name("orders-dlq");
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String value = i == 7 || i == 23 ? "bad-" + i : "order-" + i;
            kafka.produce(topic, "k" + i, value);
            if (!value.startsWith("bad-")) {
                good.add(value);
            }
        }

        connect.startConnector("http-sink", Map.of(
                "connector.class", "HttpSinkConnector",
                "topics", topic,
                "http.url", server.url("/ingest"),
                "batch.size", "10",
                "batch.linger.ms", "100",
                "errors.tolerance", "all",
                "errors.deadletterqueue.topic.name", dlq,
                "errors.deadletterqueue.context.headers.enable", "true"));

        assertThat(connect.connector("http-sink")).within(WAIT).isRunning().allTasksRunning();
        await("all good records posted").atMost(WAIT).untilAsserted(() ->
                assertThat(accepted()).containsExactlyInAnyOrderElementsOf(good));
        assertThat(server.requests()).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/ingest");
        });
        assertThat(deadLetterQueue(kafka, dlq)).within(WAIT)
                .hasRecordCount(2)
                .containsValues("bad-7", "bad-23")
                .allRecordsHaveErrorContext()
                .firstRecordHasErrorHeader(DeadLetterQueueAssert.ORIGINAL_TOPIC, topic)
                .firstRecordHasErrorHeader(DeadLetterQueueAssert.CONNECTOR_NAME, "http-sink");
        assertThat(connect.connector("http-sink")).as("errant records do not fail the task").isRunning().allTasksRunning();
        Set<Object> distinct = accepted().stream().collect(Collectors.toSet());
        assertThat(distinct).hasSize(good.size());
    }

    @Test
    void aServerThatRefusesTheTokenFailsTheTask(ConnectCluster connect, KafkaCluster kafka, TestTopics topics) {
        server.respond(r -> new TestHttpServer.Response(401, "who are you?"));
        String topic = topics.create("secured", 1);
        kafka.produce(topic, "k", "order-1");

        connect.startConnector("http-sink", Map.of("connector.class", "HttpSinkConnector", "topics", topic,
                "http.url", server.url("/ingest"), "http.auth.token", "wrong", "batch.linger.ms", "0"));

        assertThat(connect.connector("http-sink")).within(WAIT).taskIsFailed(0).withTraceContaining("401");
    }
}
