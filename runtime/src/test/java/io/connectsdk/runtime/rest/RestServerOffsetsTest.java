package io.connectsdk.runtime.rest;

import static io.connectsdk.runtime.rest.RestServerReadTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.runtime.rest.RestClient.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /connectors/{name}/offsets} on a read-only (standalone) server: Kafka Connect's JSON shape. */
class RestServerOffsetsTest {
    static final FakeHerder HERDER = new FakeHerder();
    static RestServer server;
    static RestClient client;

    @BeforeAll
    static void start() {
        server = new RestServer(Map.of("listeners", "http://127.0.0.1:0"), HERDER, List::of, true);
        server.start();
        client = new RestClient(server.uris().get(0));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        HERDER.reset();
    }

    @Test
    void sourceOffsetsArePartitionAndOffsetMapsAsStored() {
        Reply r = client.get("/connectors/orders/offsets");
        assertThat(r.status()).isEqualTo(200);
        assertThat(fieldNames(r.json())).containsExactly("offsets");
        JsonNode offsets = r.json().get("offsets");
        assertThat(offsets.isArray()).isTrue();
        assertThat(offsets).hasSize(2);
        JsonNode first = offsets.get(0);
        assertThat(fieldNames(first)).containsExactly("partition", "offset");
        assertThat(first.get("partition").get("file").textValue()).isEqualTo("a.txt");
        assertThat(first.get("offset").get("position").isIntegralNumber()).isTrue();
        assertThat(first.get("offset").get("position").longValue()).isEqualTo(42);
        assertThat(offsets.get(1).get("offset").has("position")).as("a null offset value is kept").isTrue();
        assertThat(offsets.get(1).get("offset").get("position").isNull()).isTrue();
        assertThat(HERDER.calls()).containsExactly("connectorOffsets orders");
    }

    @Test
    void sinkOffsetsNameTopicPartitionAndKafkaOffset() {
        Reply r = client.get("/connectors/archive/offsets");
        assertThat(r.status()).isEqualTo(200);
        JsonNode offsets = r.json().get("offsets");
        assertThat(offsets).hasSize(2);
        JsonNode first = offsets.get(0);
        assertThat(fieldNames(first.get("partition"))).containsExactly("kafka_topic", "kafka_partition");
        assertThat(first.get("partition").get("kafka_topic").textValue()).isEqualTo("t");
        assertThat(first.get("partition").get("kafka_partition").isInt()).isTrue();
        assertThat(first.get("partition").get("kafka_partition").intValue()).isZero();
        assertThat(fieldNames(first.get("offset"))).containsExactly("kafka_offset");
        assertThat(first.get("offset").get("kafka_offset").longValue()).isEqualTo(7);
        assertThat(offsets.get(1).get("partition").get("kafka_partition").intValue()).isEqualTo(1);
    }

    @Test
    void unknownConnectorIs404() {
        assertThat(client.get("/connectors/nope/offsets").error(404)).isEqualTo("Connector nope not found");
    }

    @Test
    void failureToReadIs500WithTheHerdersMessage() {
        HERDER.failNext(new ConnectException("Could not read the committed offsets of consumer group connect-archive"));
        assertThat(client.get("/connectors/archive/offsets").error(500)).contains("connect-archive");
    }

    @Test
    void changingOffsetsIsRefusedByTheReadOnlyApi() {
        Reply r = client.send("DELETE", "/connectors/orders/offsets", null);
        assertThat(r.error(405)).contains("Cannot reset the offsets of connector orders", "standalone mode");
        assertThat(r.headers().firstValue("Allow")).hasValue("GET");
        assertThat(HERDER.calls()).isEmpty();
    }
}
