package io.connectsdk.examples.datagen;

import static io.connectsdk.testkit.assertions.ConnectAssertions.assertThat;
import static io.connectsdk.testkit.assertions.ConnectAssertions.topic;

import io.connectsdk.runtime.plugin.PluginClassLoader;
import io.connectsdk.testkit.cluster.KafkaCluster;
import io.connectsdk.testkit.cluster.KafkaRecord;
import io.connectsdk.testkit.connect.ConnectCluster;
import io.connectsdk.testkit.junit.ConnectTest;
import io.connectsdk.testkit.junit.TestTopics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The datagen connector on a real broker and worker: several tasks share the id space and write
 * schema'd orders at a rate, serialized by the runtime's JSON converter.
 */
@ConnectTest
class DatagenPipelineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Map<String, String> datagen(String topic, boolean schemas) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "DatagenSourceConnector");
        config.put("topic", topic);
        config.put("tasks.max", "3");
        config.put("rate.per.second", "100");
        config.put("max.records", "90");
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("key.converter.schemas.enable", "false");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", Boolean.toString(schemas));
        config.put("value.converter.decimal.format", "NUMERIC");
        return config;
    }

    @Test
    void threeTasksWriteEveryOrderOnceAsJson(ConnectCluster connect, KafkaCluster kafka, TestTopics topics) {
        String topic = topics.create("orders", 3);
        connect.startConnector("datagen", datagen(topic, false));

        assertThat(connect.connector("datagen")).within(WAIT).isRunning().hasTaskCount(3).allTasksRunning();
        assertThat(connect.taskConfigs("datagen")).extracting(c -> c.get(DatagenTaskConfig.TASK_ID_CONFIG))
                .containsExactly("0", "1", "2");
        assertThat(connect.taskClassLoader("datagen")).isInstanceOf(PluginClassLoader.class);

        List<String> ids = IntStream.range(0, 90).mapToObj(Integer::toString).collect(Collectors.toList());
        assertThat(topic(kafka, topic)).within(WAIT)
                .hasRecordCount(90)
                .allValuesSatisfyJson("$.id", "be a whole number below 90", id -> id.isIntegralNumber() && id.asLong() < 90)
                .allValuesSatisfyJson("$.name", "be a first and last name", n -> n.asText().matches("\\p{L}+ \\p{L}+"))
                .allValuesSatisfyJson("$.amount", "be an amount from 1.00 to 1000.00",
                        a -> a.isNumber() && a.decimalValue().compareTo(java.math.BigDecimal.ONE) >= 0
                                && a.decimalValue().compareTo(java.math.BigDecimal.valueOf(1000)) <= 0)
                .allValuesSatisfyJson("$.tags", "be an array of at most 3 tags", t -> t.isArray() && t.size() <= 3)
                .containsJsonValue("$.id", 0)
                .containsJsonValue("$.id", 89)
                .records().extracting(KafkaRecord::keyAsString).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void withSchemasEnabledEveryValueCarriesTheOrderSchema(ConnectCluster connect, KafkaCluster kafka, TestTopics topics) {
        String topic = topics.create("orders-with-schema", 1);
        connect.startConnector("datagen", datagen(topic, true));

        assertThat(topic(kafka, topic)).within(WAIT)
                .hasRecordCount(90)
                .allValuesSatisfyJson("$.schema.name", "name the Order schema",
                        n -> n.asText().equals(OrderGenerator.SCHEMA_NAME))
                .allValuesSatisfyJson("$.schema.fields[0].field", "start with the id field", f -> f.asText().equals("id"))
                .allValuesSatisfyJson("$.payload.created", "be epoch milliseconds of 2024 or later",
                        c -> c.asLong() >= 1_704_067_200_000L)
                .containsJsonValue("$.payload.id", 42);
    }
}
