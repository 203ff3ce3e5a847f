package io.connectsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connect-sdk standalone}'s help and its refusals of bad input, which all happen before any
 * Kafka broker is needed (the worker files name an address that is never contacted).
 */
class StandaloneCommandTest {
    private static final Duration MAX = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** A valid worker file whose Kafka address is never contacted by these tests. */
    private Path worker(String... extraLines) throws IOException {
        StringBuilder sb = new StringBuilder()
                .append("bootstrap.servers=127.0.0.1:1\n")
                .append("key.converter=StringConverter\n")
                .append("value.converter=StringConverter\n")
                .append("offset.storage.file.filename=").append(dir.resolve("offsets.json")).append('\n')
                .append("listeners=http://127.0.0.1:0\n")
                .append("plugin.path=").append(ExamplePlugins.pluginPath()).append('\n');
        for (String l : extraLines) {
            sb.append(l).append('\n');
        }
        return write("worker.properties", sb.toString());
    }

    private Path datagen(String name, String... extraLines) throws IOException {
        StringBuilder sb = new StringBuilder("name=").append(name)
                .append("\nconnector.class=DatagenSourceConnector\ntopic=orders\n");
        for (String l : extraLines) {
            sb.append(l).append('\n');
        }
        return write(name + ".properties", sb.toString());
    }

    private static CliRun run(String... args) throws Exception {
        return BackgroundCli.run(MAX, args);
    }

    private static void assertOneLineError(CliRun run, int exitCode) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        assertThat(run.err().lines()).as(run.toString()).hasSize(1);
        assertThat(run.err()).startsWith("connect-sdk standalone: ").doesNotContain("\tat ", "Exception");
    }

    @Test
    void helpExplainsTheWorkerFileWithAnExample() {
        CliRun run = CliRun.of("standalone", "--help");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Usage: connect-sdk standalone", "<worker.properties>", "<connector.properties>",
                "--embedded-kafka", "--rest-port", "bootstrap.servers", "key.converter, value.converter",
                "offset.storage.file.filename", "plugin.path", "listeners", "Ctrl-C",
                "A worker.properties:", "A connector.properties:", "connector.class=FileSinkConnector",
                "connect-sdk standalone --embedded-kafka config/quickstart-worker.properties");
        assertThat(CliRun.of("--help").out()).contains("standalone");
    }

    @Test
    void aMissingWorkerFileIsNamed() throws Exception {
        Path missing = dir.resolve("no-worker.properties");
        CliRun run = run("standalone", missing.toString());
        assertOneLineError(run, 2);
        assertThat(run.err().strip()).isEqualTo("connect-sdk standalone: Properties file " + missing + " does not exist");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingConnectorFileIsNamed() throws Exception {
        Path missing = dir.resolve("no-connector.properties");
        CliRun run = run("standalone", worker().toString(), missing.toString());
        assertOneLineError(run, 2);
        assertThat(run.err()).contains(missing.toString(), "does not exist");
    }

    @Test
    void anUnreadablePropertiesFileIsNamed() throws Exception {
        Path bad = write("bad.properties", "name=x\nvalue=\\uZZZZ\n");
        CliRun run = run("standalone", worker().toString(), bad.toString());
        assertOneLineError(run, 2);
        assertThat(run.err()).contains(bad.toString(), "cannot be read", "\\uxxxx");
    }

    @Test
    void aJsonConnectorFileWithABadInitialStateIsNamed() throws Exception {
        Path bad = write("orders.json", "{\"name\": \"orders\", \"config\": {\"connector.class\": \"FileSinkConnector\"},"
                + " \"initial_state\": \"SLEEPING\"}");
        CliRun run = run("standalone", worker().toString(), bad.toString());
        assertOneLineError(run, 2);
        assertThat(run.err()).contains(bad.toString(), "\"initial_state\" is \"SLEEPING\"", "RUNNING, PAUSED or STOPPED");
    }

    @Test
    void anInvalidWorkerConfigurationNamesTheFileAndEveryKey() throws Exception {
        Path w = write("worker.properties", "key.converter=StringConverter\noffset.flush.interval.ms=soon\n");
        CliRun run = run("standalone", w.toString());
        assertOneLineError(run, 2);
        assertThat(run.err()).startsWith("connect-sdk standalone: " + w + ": ")
                .contains("bootstrap.servers", "value.converter", "offset.storage.file.filename", "offset.flush.interval.ms");
    }

    @Test
    void aMetricReporterThatCannotBeLoadedIsNamedBeforeAnythingStarts() throws Exception {
        Path w = write("worker.properties", String.join("\n", "bootstrap.servers=127.0.0.1:9",
                "key.converter=StringConverter", "value.converter=StringConverter",
                "offset.storage.file.filename=" + dir.resolve("offsets.json"),
                "metric.reporters=org.apache.kafka.common.metrics.JmxReporter,com.example.MissingReporter", ""));
        CliRun run = run("standalone", w.toString());
        assertOneLineError(run, 2);
        assertThat(run.err()).startsWith("connect-sdk standalone: " + w + ": ")
                .contains("metric.reporters", "com.example.MissingReporter", "class not found");
        assertThat(run.out()).as("nothing was started").isEmpty();
    }

    @Test
    void aWorkerVariableThatItsConfigProviderCannotResolveNamesTheFileTheKeyAndTheVariable() throws Exception {
        Path secrets = write("secrets.properties", "kafka.bootstrap=127.0.0.1:9092\n");
        Path w = write("worker.properties", String.join("\n", "config.providers=file",
                "config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider",
                "bootstrap.servers=${file:" + secrets + ":kafka.bootstrap.servers}", "key.converter=StringConverter",
                "value.converter=StringConverter", "offset.storage.file.filename=" + dir.resolve("offsets.json"), ""));
        CliRun run = run("standalone", w.toString());
        assertOneLineError(run, 2);
        assertThat(run.err()).startsWith("connect-sdk standalone: " + w + ": ")
                .contains("bootstrap.servers", "${file:" + secrets + ":kafka.bootstrap.servers}",
                        "has no key 'kafka.bootstrap.servers'");
    }

    @Test
    void embeddedKafkaSuppliesTheBootstrapServersOfTheWorkerFile() throws Exception {
        // without --embedded-kafka a missing bootstrap.servers is an error; with it, the check passes and the
        // next problem (an unknown plugin.path entry) is reported before any broker is started
        Path w = write("worker.properties", "key.converter=StringConverter\nvalue.converter=StringConverter\n"
                + "offset.storage.file.filename=" + dir.resolve("o.json") + "\nplugin.path=" + dir.resolve("nope") + "\n");
        CliRun without = run("standalone", w.toString());
        assertOneLineError(without, 2);
        assertThat(without.err()).contains("bootstrap.servers");
        CliRun with = run("standalone", "--embedded-kafka", w.toString());
        assertOneLineError(with, 2);
        assertThat(with.err()).doesNotContain("bootstrap.servers").contains(w + ": ", "plugin.path", dir.resolve("nope").toString());
        assertThat(with.out()).doesNotContain("starting an embedded Kafka broker");
    }

    @Test
    void aRelativePluginPathThatIsMissingIsExplainedWithTheCurrentDirectory() throws Exception {
        Path w = worker("plugin.path=no/such/plugins");
        CliRun run = run("standalone", w.toString());
        assertOneLineError(run, 2);
        assertThat(run.err()).contains(w + ": ", "no/such/plugins", "does not exist",
                "resolved against the current directory, " + Path.of("").toAbsolutePath());
    }

    @Test
    void anUnknownWorkerConverterIsNamedBeforeAnythingStarts() throws Exception {
        Path w = worker("value.converter=org.example.NoSuchConverter");
        CliRun run = run("standalone", "--embedded-kafka", w.toString(), datagen("orders").toString());
        assertOneLineError(run, 2);
        assertThat(run.err()).contains(w + ": Invalid value org.example.NoSuchConverter for configuration value.converter: ",
                "StringConverter");
        assertThat(run.out()).doesNotContain("starting an embedded Kafka broker");
    }

    @Test
    void kafkaConnectConverterClassNamesAreAccepted() throws Exception {
        // Kafka Connect's class names pass the converter check; the run then fails on the connector, as intended
        Path w = worker("key.converter=org.apache.kafka.connect.storage.StringConverter",
                "value.converter=org.apache.kafka.connect.json.JsonConverter");
        CliRun run = run("standalone", w.toString(), datagen("orders", "tasks.max=0").toString());
        assertOneLineError(run, 1);
        assertThat(run.err()).contains("tasks.max").doesNotContain("converter");
    }

    @Test
    void aConnectorWithoutNameIsNamedWithItsFile() throws Exception {
        Path c = write("nameless.properties", "connector.class=DatagenSourceConnector\ntopic=t\n");
        CliRun run = run("standalone", worker().toString(), c.toString());
        assertOneLineError(run, 1);
        assertThat(run.err()).contains(c + ": ", "name=");
    }

    @Test
    void twoConnectorsWithOneNameAreRefusedNamingBothFiles() throws Exception {
        Path a = datagen("same");
        Path b = write("other.properties", Files.readString(a));
        CliRun run = run("standalone", worker().toString(), a.toString(), b.toString());
        assertOneLineError(run, 1);
        assertThat(run.err()).contains(b + ": name=same", a.toString(), "unique");
    }

    @Test
    void anInvalidConnectorConfigurationFailsTheStartNamingFileAndKeys() throws Exception {
        Path c = datagen("orders", "tasks.max=0", "rate.per.second=fast");
        BackgroundCli cli = BackgroundCli.start("standalone", worker().toString(), c.toString());
        int code = cli.exit().get(MAX.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        CliRun run = new CliRun(code, cli.out(), cli.err());
        assertOneLineError(run, 1);
        assertThat(run.err()).startsWith("connect-sdk standalone: " + c + ": Connector 'orders' has an invalid configuration: "
                + "2 configuration errors: ").contains("tasks.max", "rate.per.second", "fast");
        assertThat(run.out()).doesNotContain(StandaloneBanner.RUNNING);
        assertThat(cli.hooks.unregistered()).as("the stop hook is removed again").isTrue();
        assertThat(Files.exists(dir.resolve("offsets.json"))).as("no worker ran").isFalse();
    }

    @Test
    void verboseAddsTheStackTrace() throws Exception {
        Path c = datagen("orders", "tasks.max=0");
        CliRun run = run("standalone", "--verbose", worker().toString(), c.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err().lines().findFirst()).hasValueSatisfying(l -> assertThat(l)
                .startsWith("connect-sdk standalone: " + c + ": Connector 'orders'").contains("tasks.max"));
        assertThat(run.err()).contains("io.connectsdk.api.config.ConfigException", "\tat io.connectsdk.");
    }

    @Test
    void aTakenRestPortFailsTheStartNamingTheListener() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            CliRun run = run("standalone", "--rest-port", String.valueOf(port), worker().toString(),
                    datagen("orders").toString());
            assertOneLineError(run, 1);
            assertThat(run.err()).contains("http://127.0.0.1:" + port, "--rest-port");
            assertThat(run.out()).doesNotContain(StandaloneBanner.RUNNING);
        }
    }

    @Test
    void restPortNeedsASingleListener() throws Exception {
        Path w = worker("listeners=http://127.0.0.1:0,http://localhost:0");
        CliRun run = run("standalone", "--rest-port", "8083", w.toString());
        assertOneLineError(run, 2);
        assertThat(run.err()).contains("--rest-port", "listeners=http://127.0.0.1:0,http://localhost:0", "-o listeners=");
    }

    @Test
    void overridesMustBeKeyValuePairs() throws Exception {
        CliRun run = run("standalone", "-o", "offset.flush.interval.ms", worker().toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("KEY=VALUE");
    }

    @Test
    void overridesReplaceWorkerProperties() throws Exception {
        CliRun run = run("standalone", "-o", "offset.flush.interval.ms=never", worker().toString());
        assertOneLineError(run, 2);
        assertThat(run.err()).contains("offset.flush.interval.ms", "never");
    }

    @Test
    void kafkaDirNeedsEmbeddedKafka() throws Exception {
        CliRun run = run("standalone", "--kafka-dir", dir.resolve("k").toString(), worker().toString());
        assertOneLineError(run, 2);
        assertThat(run.err()).contains("--kafka-dir", "--embedded-kafka");
    }

    @Test
    void multiLineMessagesBecomeOneLine() {
        assertThat(StandaloneCommand.oneLine("Connector 'x' has an invalid configuration: 2 configuration errors\n"
                + "  Invalid value 0 for configuration tasks.max: Value must be at least 1\n"
                + "  Missing required configuration \"topic\" which has no default value.\n"))
                .isEqualTo("Connector 'x' has an invalid configuration: 2 configuration errors: Invalid value 0 for"
                        + " configuration tasks.max: Value must be at least 1; Missing required configuration \"topic\""
                        + " which has no default value.");
    }
}
