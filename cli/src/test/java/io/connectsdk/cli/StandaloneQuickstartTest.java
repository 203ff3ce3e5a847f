package io.connectsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick start in this JVM: {@code connect-sdk standalone --embedded-kafka} with the files of
 * config/ (only the paths that would write into the repository, and the REST port, are changed),
 * checked through its output, the sink's file and the REST API, then stopped through the path
 * SIGINT takes.
 */
class StandaloneQuickstartTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Pattern REST = Pattern.compile("REST API\\s+(http://\\S+?)/?\\s");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private BackgroundCli cli;

    /** When an assertion failed midway, stop the worker and broker anyway (their temporary data goes too). */
    @AfterEach
    void stopWhatIsStillRunning() {
        if (cli != null && !cli.exit().isDone() && cli.hooks.registered()) {
            cli.hooks.hook().run();
        }
    }

    /** config/quickstart-file-sink.properties writing to this test's directory. */
    private Path sinkConfig(Path output) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(ExamplePlugins.config("quickstart-file-sink.properties"))) {
            p.load(r);
        }
        p.setProperty("file", output.toString());
        Path file = dir.resolve("sink.properties");
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "config/quickstart-file-sink.properties with file in a temporary directory");
        }
        return file;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Long> ids(Path file) throws IOException {
        List<Long> ids = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                ids.add(JSON.readTree(line).get("id").asLong());
            }
        }
        return ids;
    }

    @Test
    void theQuickstartPipelineRunsAndStopsCleanlyOnTheSignalPath() throws Exception {
        Path output = dir.resolve("out/orders.out");
        Path offsets = dir.resolve("offsets.json");
        cli = BackgroundCli.start("standalone", "--embedded-kafka", "--rest-port", "0",
                "-o", "plugin.path=" + ExamplePlugins.pluginPath(),
                "-o", "offset.storage.file.filename=" + offsets,
                "-o", "offset.flush.interval.ms=500",
                ExamplePlugins.config("quickstart-worker.properties").toString(),
                ExamplePlugins.config("quickstart-datagen-source.properties").toString(),
                sinkConfig(output).toString());

        await().atMost(WAIT).until(() -> cli.out().contains(StandaloneBanner.RUNNING) || cli.exit().isDone());
        assertThat(cli.exit()).as(cli.toString()).isNotDone();
        assertThat(cli.hooks.registered()).isTrue();
        String banner = cli.out();
        Matcher m = REST.matcher(banner);
        assertThat(m.find()).as(banner).isTrue();
        URI rest = URI.create(m.group(1) + "/");
        int port = rest.getPort();
        assertThat(port).isPositive();
        assertThat(banner).contains("embedded Kafka broker running at 127.0.0.1:", "quickstart-datagen",
                "quickstart-file-sink", "topic quickstart-orders", "file " + output,
                "curl -s '" + m.group(1) + "/connectors?expand=status'", "tail -f " + output,
                "--bootstrap-server 127.0.0.1:", "Ctrl-C");

        // records flow from the generator through Kafka into the file, in order and without gaps
        await().atMost(WAIT).untilAsserted(() -> assertThat(ids(output)).hasSizeGreaterThanOrEqualTo(5));
        List<Long> first = ids(output);
        assertThat(first).containsExactlyElementsOf(java.util.stream.LongStream.range(0, first.size()).boxed().toList());
        assertThat(Files.readAllLines(output).get(0)).startsWith("{\"id\":0,\"name\":\"").contains("\"amount\":");

        // the REST API lists both connectors, running on this worker (its id carries the real port)
        HttpResponse<String> list = send(HttpRequest.newBuilder(rest.resolve("/connectors")));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).toString()).isEqualTo("[\"quickstart-datagen\",\"quickstart-file-sink\"]");
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode all = JSON.readTree(send(HttpRequest.newBuilder(rest.resolve("/connectors?expand=status"))).body());
            for (String name : List.of("quickstart-datagen", "quickstart-file-sink")) {
                JsonNode status = all.get(name).get("status");
                assertThat(status.get("connector").get("state").asText()).as(name).isEqualTo("RUNNING");
                assertThat(status.get("connector").get("worker_id").asText()).isEqualTo(rest.getHost() + ":" + port);
                assertThat(status.get("tasks")).hasSize(1);
                assertThat(status.get("tasks").get(0).get("state").asText()).as(name).isEqualTo("RUNNING");
            }
        });

        // standalone mode refuses changes
        HttpResponse<String> create = send(HttpRequest.newBuilder(rest.resolve("/connectors"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"config\":{\"connector.class\":\"FileSinkConnector\"}}")));
        assertThat(create.statusCode()).isEqualTo(405);
        assertThat(JSON.readTree(create.body()).get("error_code").asInt()).isEqualTo(405);

        // ... but validating a configuration changes nothing: it is answered, as are plugin definitions
        HttpResponse<String> validate = send(HttpRequest.newBuilder(rest.resolve("/connector-plugins/FileSinkConnector/config/validate"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"topics\":\"t\",\"tasks.max\":\"many\"}")));
        assertThat(validate.statusCode()).as(validate.body()).isEqualTo(200);
        JsonNode infos = JSON.readTree(validate.body());
        assertThat(infos.get("name").asText()).endsWith("FileSinkConnector");
        assertThat(infos.get("error_count").asInt()).as(validate.body()).isPositive();
        HttpResponse<String> definitions = send(HttpRequest.newBuilder(rest.resolve("/connector-plugins/FileSinkConnector/config")).GET());
        assertThat(definitions.statusCode()).as(definitions.body()).isEqualTo(200);
        assertThat(JSON.readTree(definitions.body())).anySatisfy(d -> assertThat(d.get("name").asText()).isEqualTo("file"));

        // SIGINT: the JVM would run the registered hook; run that same path here
        long begin = System.nanoTime();
        cli.hooks.hook().run();
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        assertThat(tookMs).as("stop took %d ms", tookMs).isLessThan(30_000);
        assertThat(cli.exit().get(5, TimeUnit.SECONDS)).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("connect-sdk standalone: stopping", "connect-sdk standalone: stopped in");

        // the port is released and the REST API gone
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(InetAddress.getByName(rest.getHost()), port));
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> send(HttpRequest.newBuilder(rest.resolve("/connectors"))))
                .isInstanceOf(ConnectException.class);

        // offsets were committed at the stop: the generator would resume after the last record it
        // produced; the file holds whole records in order, without gaps, none it did not produce
        JsonNode stored = JSON.readTree(offsets.toFile()).get("offsets");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("connector").asText()).isEqualTo("quickstart-datagen");
        long next = stored.get(0).get("offset").get("next").asLong();
        List<Long> all = ids(output);
        assertThat(all).containsExactlyElementsOf(java.util.stream.LongStream.range(0, all.size()).boxed().toList());
        assertThat((long) all.size()).isBetween((long) first.size(), next);
        assertThat(cli.err()).as(cli.toString()).doesNotContain("connect-sdk standalone:");
    }
}
