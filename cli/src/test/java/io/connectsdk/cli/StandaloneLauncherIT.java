package io.connectsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
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
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick start as a user runs it: {@code bin/connect-sdk standalone --embedded-kafka} with the
 * files of config/ in a process of its own, stopped with a real SIGINT (Ctrl-C).
 */
class StandaloneLauncherIT {
    private static final Path LAUNCHER = Paths.get(System.getProperty("connectsdk.launcher", "../bin/connect-sdk"));
    private static final Pattern REST = Pattern.compile("REST API\\s+(http://\\S+?)/?\\s");

    @TempDir
    Path dir;

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    @Test
    void ctrlCStopsTheLaunchedQuickstartWithin30Seconds() throws Exception {
        Path output = dir.resolve("orders.out");
        Properties sink = new Properties();
        try (Reader r = Files.newBufferedReader(ExamplePlugins.config("quickstart-file-sink.properties"))) {
            sink.load(r);
        }
        sink.setProperty("file", output.toString());
        Path sinkFile = dir.resolve("sink.properties");
        try (Writer w = Files.newBufferedWriter(sinkFile)) {
            sink.store(w, null);
        }
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(List.of(LAUNCHER.toString(), "standalone", "--embedded-kafka", "--rest-port", "0",
                "-o", "plugin.path=" + ExamplePlugins.pluginPath(),
                "-o", "offset.storage.file.filename=" + dir.resolve("offsets.json"),
                "-o", "offset.flush.interval.ms=500",
                ExamplePlugins.config("quickstart-worker.properties").toString(),
                ExamplePlugins.config("quickstart-datagen-source.properties").toString(),
                sinkFile.toString()))
                .directory(dir.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("CONNECT_SDK_BUILD_DIR", System.getProperty("connectsdk.build.dir.name", "target"));
        Process p = pb.start();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> read(stdout).contains(StandaloneBanner.RUNNING) || !p.isAlive());
            String banner = read(stdout);
            assertThat(p.isAlive()).as("running\n%s\n%s", banner, read(stderr)).isTrue();
            Matcher m = REST.matcher(banner);
            assertThat(m.find()).as(banner).isTrue();
            URI rest = URI.create(m.group(1) + "/");

            HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(rest.resolve("/connectors"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).isEqualTo("[\"quickstart-datagen\",\"quickstart-file-sink\"]");
            await().atMost(Duration.ofSeconds(30)).until(() -> read(output).contains("{\"id\":0,"));

            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -INT sent").isTrue();
            long begin = System.nanoTime();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("exited within 30 s of SIGINT").isTrue();
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
            String all = read(stdout) + "\n--- stderr\n" + read(stderr);
            assertThat(p.exitValue()).as(all).isEqualTo(130); // 128 + SIGINT: the JVM's status after a signal
            assertThat(read(stdout)).as(all).contains("connect-sdk standalone: stopping", "connect-sdk standalone: stopped in");
            assertThat(read(stderr)).as(all).doesNotContain("ERROR", "Exception", "did not stop");
            assertThat(tookMs).isLessThan(30_000);
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress(InetAddress.getByName(rest.getHost()), rest.getPort()));
            }
        } finally {
            if (p.isAlive()) { // an assertion failed: SIGTERM stops it cleanly (its broker data goes too)
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }
}
