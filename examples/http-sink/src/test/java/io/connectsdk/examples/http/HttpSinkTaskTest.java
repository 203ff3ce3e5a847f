package io.connectsdk.examples.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.errors.RetriableException;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.sink.TopicPartition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSinkTaskTest {
    private static final String TOKEN = "s3cr3t-T0ken-4711";
    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);

    private TestHttpServer server;
    private RecordingSinkContext context;
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<HttpSinkTask> started = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = new TestHttpServer();
    }

    @AfterEach
    void stopAll() {
        started.forEach(HttpSinkTask::stop);
        server.close();
    }

    private Map<String, String> props(String... extra) {
        Map<String, String> props = new HashMap<>();
        props.put("topics", "orders");
        props.put("http.url", server.url("/ingest"));
        props.put("batch.size", "10");
        props.put("batch.linger.ms", "60000");
        props.put("max.retries", "3");
        props.put("retry.backoff.ms", "1");
        for (int i = 0; i < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        return props;
    }

    private HttpSinkTask start(Map<String, String> props) {
        HttpSinkTask task = new HttpSinkTask(nanos::get);
        context = new RecordingSinkContext(props);
        task.initialize(context);
        task.start(props);
        task.open(List.of(P0, P1));
        started.add(task);
        return task;
    }

    private static SinkRecord record(TopicPartition tp, long offset, Object value) {
        return new SinkRecord(tp.topic(), tp.partition(), null, null, null, value, offset);
    }

    private static List<SinkRecord> records(TopicPartition tp, long from, String... values) {
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(record(tp, from + i, values[i]));
        }
        return records;
    }

    private static List<SinkRecord> numbered(int count) {
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(record(P0, i, "r" + i));
        }
        return records;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> elements(TestHttpServer.Request request) {
        return (List<Object>) MiniJson.parse(request.body());
    }

    private List<Object> allPosted() {
        return server.requests().stream().flatMap(r -> elements(r).stream()).collect(Collectors.toList());
    }

    private static List<Object> expected(int from, int to) {
        List<Object> values = new ArrayList<>();
        for (int i = from; i < to; i++) {
            values.add("r" + i);
        }
        return values;
    }

    @Test
    void sendsEachFullBatchAtOnceAndTheRestBeforeTheCommit() {
        HttpSinkTask task = start(props());

        task.put(numbered(25));

        assertThat(server.requests()).hasSize(2);
        assertThat(elements(server.requests().get(0))).isEqualTo(expected(0, 10));
        assertThat(elements(server.requests().get(1))).isEqualTo(expected(10, 20));

        Map<TopicPartition, Long> committed = task.preCommit(Map.of(P0, 25L));

        assertThat(server.requests()).hasSize(3);
        assertThat(elements(server.requests().get(2))).isEqualTo(expected(20, 25));
        assertThat(committed).isEqualTo(Map.of(P0, 25L));
        assertThat(server.requests()).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/ingest");
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
        });
    }

    @Test
    void anIncompleteBatchIsSentOnceItsOldestRecordHasLingered() {
        HttpSinkTask task = start(props("batch.linger.ms", "500"));

        task.put(numbered(3));
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(499));
        task.put(List.of());
        assertThat(server.requests()).isEmpty();

        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        task.put(List.of());

        assertThat(server.requests()).hasSize(1);
        assertThat(elements(server.requests().get(0))).isEqualTo(expected(0, 3));
    }

    @Test
    void zeroLingerSendsAtEveryPut() {
        HttpSinkTask task = start(props("batch.linger.ms", "0"));

        task.put(numbered(3));

        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void retriesServerErrorsThenSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        server.respond(r -> new TestHttpServer.Response(calls.incrementAndGet() <= 2 ? 503 : 200, "busy"));
        HttpSinkTask task = start(props());

        task.put(numbered(10));

        assertThat(server.requests()).hasSize(3);
        assertThat(server.requests()).extracting(TestHttpServer.Request::body).containsOnly(
                server.requests().get(0).body());
        assertThat(context.errant).isEmpty();
    }

    @Test
    void givesUpWithARetriableExceptionKeepsTheRecordsAndSendsThemOnceWhenHandedOverAgain() {
        server.respond(r -> new TestHttpServer.Response(503, "unavailable; you sent " + r.header("Authorization")));
        HttpSinkTask task = start(props("http.auth.token", TOKEN));
        List<SinkRecord> batch = numbered(10);

        assertThatThrownBy(() -> task.put(batch))
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("503").hasMessageContaining("max.retries")
                .hasMessageNotContaining(TOKEN);
        assertThat(server.requests()).hasSize(4);
        assertThat(context.timeoutMs).isEqualTo(1);

        server.respond(r -> new TestHttpServer.Response(200, ""));
        task.put(batch);

        assertThat(server.requests()).hasSize(5);
        assertThat(elements(server.requests().get(4))).isEqualTo(expected(0, 10));
        assertThat(task.preCommit(Map.of(P0, 10L))).isEqualTo(Map.of(P0, 10L));
        assertThat(server.requests()).hasSize(5);
    }

    @Test
    void preCommitCommitsOnlyWhatWasDelivered() {
        server.respond(r -> new TestHttpServer.Response(500, ""));
        HttpSinkTask task = start(props("max.retries", "0"));
        task.put(records(P0, 5, "a", "b", "c"));
        task.put(records(P1, 0, "x", "y"));

        assertThat(task.preCommit(Map.of(P0, 8L, P1, 2L))).isEqualTo(Map.of(P0, 5L, P1, 0L));

        server.respond(r -> new TestHttpServer.Response(200, ""));
        assertThat(task.preCommit(Map.of(P0, 8L, P1, 2L))).isEqualTo(Map.of(P0, 8L, P1, 2L));
        assertThat(elements(server.requests().get(server.requests().size() - 1))).containsExactly("a", "b", "c", "x", "y");
    }

    @Test
    void refusedRecordsAreIsolatedAndReportedAndTheOthersDeliveredOnce() {
        server.respond(r -> r.body().contains("bad")
                ? new TestHttpServer.Response(400, "{\"error\":\"bad record\"}")
                : new TestHttpServer.Response(200, ""));
        HttpSinkTask task = start(props());

        task.put(records(P0, 0, "ok0", "bad1", "ok2", "ok3", "bad4", "ok5"));
        Map<TopicPartition, Long> committed = task.preCommit(Map.of(P0, 6L));

        assertThat(context.errant).extracting(e -> e.record().value()).containsExactly("bad1", "bad4");
        assertThat(context.errant).allSatisfy(e -> assertThat(e.error())
                .isInstanceOf(DataException.class).hasMessageContaining("400").hasMessageContaining("bad record"));
        List<Object> delivered = server.requests().stream().filter(r -> !r.body().contains("bad"))
                .flatMap(r -> elements(r).stream()).collect(Collectors.toList());
        assertThat(delivered).containsExactlyInAnyOrder("ok0", "ok2", "ok3", "ok5");
        assertThat(committed).isEqualTo(Map.of(P0, 6L));
    }

    @Test
    void whenEverythingIsRefusedEveryRecordIsReported() {
        server.respond(r -> new TestHttpServer.Response(422, "no"));
        HttpSinkTask task = start(props());

        task.put(records(P0, 0, "a", "b", "c", "d"));
        task.preCommit(Map.of(P0, 4L));

        assertThat(context.errant).extracting(e -> e.record().value()).containsExactly("a", "b", "c", "d");
        assertThat(server.requests()).as("1 batch of 4, 2 of 2, 4 of 1").hasSize(7);
    }

    @Test
    void refusedCredentialsFailTheTaskInsteadOfReportingRecords() {
        server.respond(r -> new TestHttpServer.Response(401, "who are you, " + r.header("Authorization")));
        HttpSinkTask task = start(props("http.auth.token", TOKEN, "batch.linger.ms", "0"));

        assertThatThrownBy(() -> task.put(numbered(2)))
                .isInstanceOf(ConnectException.class).isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("401").hasMessageContaining("http.auth.token").hasMessageNotContaining(TOKEN);
        assertThat(context.errant).isEmpty();
    }

    @Test
    void sendsTheBearerTokenAndTheConfiguredHeaders() {
        HttpSinkTask task = start(props("http.auth.token", TOKEN, "http.headers", "X-Tenant:acme, X-Trace: on",
                "batch.linger.ms", "0"));

        task.put(numbered(1));

        TestHttpServer.Request request = server.requests().get(0);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.header("X-Tenant")).isEqualTo("acme");
        assertThat(request.header("X-Trace")).isEqualTo("on");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void withoutATokenNoAuthorizationHeaderIsSentAndContentTypeMayBeOverridden() {
        HttpSinkTask task = start(props("batch.linger.ms", "0",
                "http.headers", "Content-Type:application/json; charset=utf-8"));

        task.put(numbered(1));

        TestHttpServer.Request request = server.requests().get(0);
        assertThat(request.header("Authorization")).isNull();
        assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void theTokenNeverAppearsInReportsOrMessages() {
        server.respond(r -> new TestHttpServer.Response(400, "rejected request with " + r.header("Authorization")));
        HttpSinkTask task = start(props("http.auth.token", TOKEN, "batch.linger.ms", "0"));

        task.put(numbered(1));

        assertThat(context.errant).singleElement().satisfies(e -> assertThat(e.error().getMessage())
                .contains("Bearer [hidden]").doesNotContain(TOKEN));
        assertThat(new HttpSinkConfig(props("http.auth.token", TOKEN)).toString())
                .contains("http.auth.token=[hidden]").doesNotContain(TOKEN);
        assertThatThrownBy(() -> new HttpSinkConfig(props("http.auth.token", TOKEN, "batch.size", "0")))
                .hasMessageContaining("batch.size").hasMessageNotContaining(TOKEN);
    }

    @Test
    void envelopeFormatCarriesMetadataKeyAndStructValue() {
        Schema schema = SchemaBuilder.struct().name("Order").field("id", Schema.INT64_SCHEMA)
                .field("name", Schema.STRING_SCHEMA).build();
        HttpSinkTask task = start(props("payload.format", "envelope", "batch.linger.ms", "0"));

        task.put(List.of(new SinkRecord("orders", 1, Schema.STRING_SCHEMA, "k1", schema,
                new Struct(schema).put("id", 1L).put("name", "x"), 42L)));

        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("topic", "orders");
        expected.put("partition", new java.math.BigDecimal(1));
        expected.put("offset", new java.math.BigDecimal(42));
        expected.put("timestamp", null);
        expected.put("key", "k1");
        expected.put("value", Map.of("id", new java.math.BigDecimal(1), "name", "x"));
        assertThat(elements(server.requests().get(0))).containsExactly(expected);
    }

    @Test
    void aValueThatIsNotJsonIsReportedAndNotSent() {
        HttpSinkTask task = start(props("batch.linger.ms", "0"));

        task.put(List.of(record(P0, 0, new Object()), record(P0, 1, "fine")));

        assertThat(context.errant).singleElement().satisfies(e -> {
            assertThat(e.record().kafkaOffset()).isZero();
            assertThat(e.error()).isInstanceOf(DataException.class);
        });
        assertThat(allPosted()).containsExactly("fine");
    }

    @Test
    void closeDropsTheBufferedRecordsOfRevokedPartitions() {
        HttpSinkTask task = start(props());
        task.put(records(P0, 0, "a", "b"));
        task.put(records(P1, 0, "x"));

        task.close(List.of(P0));
        assertThat(task.preCommit(Map.of(P1, 1L))).isEqualTo(Map.of(P1, 1L));
        assertThat(allPosted()).containsExactly("x");

        task.open(List.of(P0));
        task.put(records(P0, 0, "a", "b"));
        task.preCommit(Map.of(P0, 2L, P1, 1L));
        assertThat(allPosted()).containsExactly("x", "a", "b");
    }

    @Test
    void anUnreachableEndpointIsARetriableError() {
        String url = server.url("/ingest");
        server.close();
        HttpSinkTask task = start(props("http.url", url, "max.retries", "1", "batch.linger.ms", "0"));

        assertThatThrownBy(() -> task.put(numbered(1)))
                .isInstanceOf(RetriableException.class).hasMessageContaining(url).hasMessageContaining("ConnectException");
    }
}
