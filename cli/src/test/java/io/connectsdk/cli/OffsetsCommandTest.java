package io.connectsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectsdk.testkit.kafka.EmbeddedKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code connect-sdk offsets} on the quick start's datagen source, with an embedded broker. */
class OffsetsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedKafkaBroker kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaBroker.builder().build().start();
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path worker() throws Exception {
        return write("worker.properties", String.join("\n", "bootstrap.servers=" + kafka.bootstrapServers(),
                "key.converter=StringConverter", "value.converter=StringConverter",
                "offset.storage.file.filename=" + dir.resolve("offsets.json"),
                "plugin.path=" + ExamplePlugins.pluginPath(), ""));
    }

    private Path datagen() throws Exception {
        return write("datagen.json", "{\"name\": \"orders-gen\", \"config\": {\"connector.class\": "
                + "\"DatagenSourceConnector\", \"topic\": \"orders\", \"tasks.max\": \"1\"}}");
    }

    private long next(CliRun shown) throws Exception {
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        var offsets = JSON.readTree(shown.out()).get("offsets");
        assertThat(offsets).hasSize(1);
        assertThat(offsets.get(0).get("partition")).isEqualTo(JSON.readTree("{\"task\":0}"));
        return offsets.get(0).get("offset").get("next").longValue();
    }

    @Test
    void showsAltersAndResetsASourceConnectorsOffsetsWithoutStartingIt() throws Exception {
        Path worker = worker();
        Path connector = datagen();
        Files.writeString(dir.resolve("offsets.json"), "{\"format\":\"connect-sdk-offsets\",\"version\":1,\"offsets\":"
                + "[{\"connector\":\"orders-gen\",\"partition\":{\"task\":0},\"offset\":{\"next\":42}}]}");
        assertThat(next(CliRun.of("offsets", worker.toString(), connector.toString()))).isEqualTo(42);

        Path rewind = write("rewind.json", "{\"offsets\": [{\"partition\": {\"task\": 0}, \"offset\": {\"next\": 7}}]}");
        CliRun altered = CliRun.of("offsets", "--alter", rewind.toString(), worker.toString(), connector.toString());
        assertThat(altered.exitCode()).as(altered.toString()).isZero();
        assertThat(altered.out()).contains("The Connect framework-managed offsets for this connector have been altered");
        assertThat(next(CliRun.of("offsets", worker.toString(), connector.toString()))).isEqualTo(7);

        CliRun reset = CliRun.of("offsets", "--reset", worker.toString(), connector.toString());
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        CliRun empty = CliRun.of("offsets", worker.toString(), connector.toString());
        assertThat(JSON.readTree(empty.out())).isEqualTo(JSON.readTree("{\"offsets\":[]}"));
        assertThat(JSON.readTree(dir.resolve("offsets.json").toFile()).get("offsets")).isEmpty();
    }

    @Test
    void malformedOffsetsAndBadUsageAreNamed() throws Exception {
        Path worker = worker();
        Path connector = datagen();
        Path bad = write("bad.json", "{\"offset\": []}");
        CliRun malformed = CliRun.of("offsets", "--alter", bad.toString(), worker.toString(), connector.toString());
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains(bad.toString(), "needs \"offsets\"");

        Path noPartition = write("nopart.json", "{\"offsets\": [{\"offset\": {\"next\": 1}}]}");
        CliRun refused = CliRun.of("offsets", "--alter", noPartition.toString(), worker.toString(), connector.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("offsets[0].partition");

        CliRun both = CliRun.of("offsets", "--reset", "--alter", bad.toString(), worker.toString(), connector.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }
}
