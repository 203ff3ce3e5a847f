package io.connectsdk.examples.http;

import io.connectsdk.api.config.Password;
import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.errors.RetriableException;
import io.connectsdk.api.sink.ErrantRecordReporter;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.sink.SinkTask;
import io.connectsdk.api.sink.TopicPartition;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Posts records to an HTTP endpoint as JSON arrays; see {@link HttpSinkConnector} and
 * {@link HttpSinkConfig}.
 *
 * <p><b>Batching.</b> {@link #put(Collection)} buffers records (each converted to JSON at once; a
 * record that cannot be is reported as errant) and sends a batch whenever {@code batch.size}
 * records are buffered, or all of them once the oldest has waited {@code batch.linger.ms}.
 * {@link #preCommit(Map)} sends what is left and commits, per partition, only the offsets of
 * records that were delivered or reported.
 *
 * <p><b>Errors.</b> A retriable failure (network error, timeout, 5xx, 408, 429) is retried
 * {@code max.retries} times with a doubling backoff; then {@code put} throws a
 * {@link RetriableException} and keeps the records, so the runtime hands the same records over
 * again (they are recognised by their offsets and not buffered twice) and the send is retried. Any
 * other 4xx answer refuses the batch: it is split in halves and re-sent until the refused records
 * are isolated, and each of those is reported to {@link io.connectsdk.api.sink.SinkTaskContext#errantRecordReporter()}.
 * 401 and 403 fail the task (a wrong {@code http.auth.token} would otherwise send everything to
 * the dead letter queue). A 3xx answer fails the task too: redirects are not followed.
 *
 * <p>The token never appears in logs or exception messages, even when the server echoes it in an
 * answer.
 */
public class HttpSinkTask extends SinkTask {
    private static final System.Logger LOG = System.getLogger(HttpSinkTask.class.getName());
    private static final AtomicInteger TASK_NUMBERS = new AtomicInteger();
    private static final long MAX_BACKOFF_MS = 60_000;
    private static final int MAX_BODY_IN_MESSAGES = 300;

    private final LongSupplier nanoClock;

    private HttpSinkConfig config;
    private ExecutorService executor;
    private HttpClient client;
    private String tokenValue;
    private List<String[]> headers;

    /** Records buffered for sending, in arrival order. */
    private final List<Pending> buffer = new ArrayList<>();
    /** Per consumed partition, the highest offset that is buffered or was delivered/reported. */
    private final Map<TopicPartition, Long> accepted = new HashMap<>();
    /** Why the last batch was refused (a 4xx answer), for the errant record reports. */
    private String lastRefusal;

    /** Creates the task; the runtime calls {@link #initialize} and {@link #start(Map)} next. */
    public HttpSinkTask() {
        this(System::nanoTime);
    }

    HttpSinkTask(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public String version() {
        return PluginVersion.of(getClass());
    }

    /** @throws io.connectsdk.api.config.ConfigException naming the key when the configuration is invalid */
    @Override
    public void start(Map<String, String> props) {
        config = new HttpSinkConfig(props);
        Password token = config.authToken();
        tokenValue = token == null ? null : token.value();
        headers = new ArrayList<>();
        boolean contentType = false;
        for (Map.Entry<String, String> h : config.headers()) {
            headers.add(new String[] {h.getKey(), h.getValue()});
            contentType |= h.getKey().toLowerCase(Locale.ROOT).equals("content-type");
        }
        if (!contentType) {
            headers.add(new String[] {"Content-Type", "application/json"});
        }
        if (tokenValue != null) {
            headers.add(new String[] {"Authorization", "Bearer " + tokenValue});
        }
        String threadName = "http-sink-" + TASK_NUMBERS.incrementAndGet();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofMillis(config.timeoutMs()))
                .executor(executor)
                .build();
        LOG.log(Level.INFO, "Posting records to {0} in batches of up to {1}", config.url(),
                String.valueOf(config.batchSize()));
    }

    /**
     * @throws RetriableException when a batch could not be delivered after {@code max.retries}
     *     retries; the records are kept
     * @throws ConnectException on 401, 403 or a redirect, or when a refused record cannot be reported
     */
    @Override
    public void put(Collection<SinkRecord> records) {
        for (SinkRecord record : records) {
            TopicPartition tp = consumedPartition(record);
            long offset = record.originalKafkaOffset();
            Long last = accepted.get(tp);
            if (last != null && offset <= last) {
                continue; // handed over again after a RetriableException: already buffered or delivered
            }
            accepted.put(tp, offset);
            String json;
            try {
                json = payload(record);
            } catch (DataException e) {
                report(record, e);
                continue;
            }
            buffer.add(new Pending(record, tp, offset, json, nanoClock.getAsLong()));
        }
        while (buffer.size() >= config.batchSize()) {
            send(config.batchSize());
        }
        if (!buffer.isEmpty() && nanoClock.getAsLong() - buffer.get(0).arrivalNanos
                >= TimeUnit.MILLISECONDS.toNanos(config.batchLingerMs())) {
            send(buffer.size());
        }
    }

    /**
     * Sends every buffered record.
     *
     * @throws RetriableException when that fails after the retries
     */
    @Override
    public void flush(Map<TopicPartition, Long> currentOffsets) {
        while (!buffer.isEmpty()) {
            send(Math.min(buffer.size(), config.batchSize()));
        }
    }

    /**
     * Sends every buffered record, then returns the offsets to commit: for a partition with records
     * that could not be sent (yet), the offset of the first of them; else {@code currentOffsets}'.
     */
    @Override
    public Map<TopicPartition, Long> preCommit(Map<TopicPartition, Long> currentOffsets) {
        try {
            flush(currentOffsets);
        } catch (RetriableException e) {
            LOG.log(Level.WARNING, "{0} buffered records could not be sent before the offset commit; their "
                    + "offsets are not committed: {1}", String.valueOf(buffer.size()), e.getMessage());
        }
        Map<TopicPartition, Long> committable = new HashMap<>(currentOffsets);
        for (Pending p : buffer) {
            committable.computeIfPresent(p.partition, (tp, next) -> Math.min(next, p.offset));
        }
        return committable;
    }

    /** Forgets what is known about newly assigned partitions. */
    @Override
    public void open(Collection<TopicPartition> partitions) {
        partitions.forEach(accepted::remove);
    }

    /** Drops the buffered records of revoked partitions: their offsets were not committed. */
    @Override
    public void close(Collection<TopicPartition> partitions) {
        Set<TopicPartition> revoked = new HashSet<>(partitions);
        buffer.removeIf(p -> revoked.contains(p.partition));
        revoked.forEach(accepted::remove);
    }

    @Override
    public void stop() {
        buffer.clear();
        accepted.clear();
        client = null;
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    private static TopicPartition consumedPartition(SinkRecord record) {
        String topic = record.originalTopic() != null ? record.originalTopic() : record.topic();
        Integer partition = record.originalKafkaPartition() != null ? record.originalKafkaPartition()
                : record.kafkaPartition();
        return new TopicPartition(topic, partition == null ? 0 : partition);
    }

    private String payload(SinkRecord record) {
        if (!config.envelope()) {
            return JsonWriter.toJson(record.value(), record.valueSchema());
        }
        StringBuilder out = new StringBuilder("{\"topic\":");
        JsonWriter.writeString(out, record.topic());
        out.append(",\"partition\":").append(record.kafkaPartition())
                .append(",\"offset\":").append(record.kafkaOffset())
                .append(",\"timestamp\":").append(record.timestamp())
                .append(",\"key\":");
        JsonWriter.write(out, record.key(), record.keySchema());
        out.append(",\"value\":");
        JsonWriter.write(out, record.value(), record.valueSchema());
        return out.append('}').toString();
    }

    /** Delivers the first {@code count} buffered records; removes those delivered or reported, even on failure. */
    private void send(int count) {
        List<Pending> batch = new ArrayList<>(buffer.subList(0, count));
        try {
            deliver(batch);
        } finally {
            buffer.removeIf(p -> p.done);
        }
    }

    /** Sends a batch; on a refusal, splits it until the refused records are found and reports them. */
    private void deliver(List<Pending> batch) {
        int status = post(batch);
        if (status < 300) {
            batch.forEach(p -> p.done = true);
            return;
        }
        if (batch.size() == 1) {
            Pending refused = batch.get(0);
            report(refused.record, new DataException(lastRefusal));
            refused.done = true;
            return;
        }
        int half = batch.size() / 2;
        deliver(batch.subList(0, half));
        deliver(batch.subList(half, batch.size()));
    }

    /**
     * POSTs a batch, retrying retriable failures.
     *
     * @return a 2xx status, or a 4xx status of a refusal (its message in {@link #lastRefusal})
     */
    private int post(List<Pending> batch) {
        StringBuilder body = new StringBuilder(2 + batch.size() * 64).append('[');
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append(batch.get(i).json);
        }
        body.append(']');
        HttpRequest.Builder builder = HttpRequest.newBuilder(config.url())
                .timeout(Duration.ofMillis(config.timeoutMs()))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        for (String[] h : headers) {
            builder.header(h[0], h[1]);
        }
        HttpRequest request = builder.build();
        URI url = config.url();
        String failure = null;
        for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
            if (attempt > 0) {
                long backoff = Math.min(MAX_BACKOFF_MS, config.retryBackoffMs() << Math.min(attempt - 1, 20));
                LOG.log(Level.WARNING, "POST of {0} records to {1} failed ({2}); retry {3} of {4} in {5} ms",
                        String.valueOf(batch.size()), url, failure, String.valueOf(attempt),
                        String.valueOf(config.maxRetries()), String.valueOf(backoff));
                sleep(backoff);
            }
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                failure = redact(e.toString());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetriableException("Interrupted while posting to " + url);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return status;
            }
            String answer = "HTTP " + status + " from POST " + url + describeBody(response.body());
            if (status >= 500 || status == 408 || status == 429) {
                failure = answer;
                continue;
            }
            if (status == 401 || status == 403) {
                throw new ConnectException(answer + " - the credentials were refused; check "
                        + HttpSinkConfig.AUTH_TOKEN_CONFIG + " and " + HttpSinkConfig.HEADERS_CONFIG);
            }
            if (status >= 400 && status < 500) {
                lastRefusal = answer;
                return status;
            }
            throw new ConnectException(answer + " - unexpected status (redirects are not followed: set "
                    + HttpSinkConfig.URL_CONFIG + " to the final address)");
        }
        if (context != null) {
            context.timeout(config.retryBackoffMs());
        }
        throw new RetriableException("POST of " + batch.size() + " records to " + url + " failed after "
                + config.maxRetries() + " retries (" + HttpSinkConfig.MAX_RETRIES_CONFIG + "): " + failure
                + "; the records are kept and sent again");
    }

    private String describeBody(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String shown = body.length() > MAX_BODY_IN_MESSAGES ? body.substring(0, MAX_BODY_IN_MESSAGES) + "..." : body;
        return ": " + redact(shown.strip());
    }

    /** Removes the token from text that came from elsewhere (a server may echo request headers). */
    private String redact(String text) {
        if (text == null || tokenValue == null || tokenValue.isEmpty()) {
            return text;
        }
        return text.replace(tokenValue, Password.HIDDEN);
    }

    private void report(SinkRecord record, Throwable error) {
        ErrantRecordReporter reporter = context == null ? null : context.errantRecordReporter();
        if (reporter == null) {
            throw new ConnectException("Record " + record.topic() + "-" + record.kafkaPartition() + "@"
                    + record.kafkaOffset() + " was refused and the runtime has no errant record reporter: "
                    + error.getMessage(), error);
        }
        reporter.report(record, error);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("Interrupted while waiting to retry");
        }
    }

    /** A buffered record with its JSON text. */
    private static final class Pending {
        final SinkRecord record;
        final TopicPartition partition;
        final long offset;
        final String json;
        final long arrivalNanos;
        boolean done;

        Pending(SinkRecord record, TopicPartition partition, long offset, String json, long arrivalNanos) {
            this.record = record;
            this.partition = partition;
            this.offset = offset;
            this.json = json;
            this.arrivalNanos = arrivalNanos;
        }
    }
}
