package io.connectsdk.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigValue;
import io.connectsdk.runtime.config.WorkerConfig;
import io.connectsdk.runtime.herder.ConfigInfos;
import io.connectsdk.runtime.herder.ConfigInfos.ConfigInfo;
import io.connectsdk.runtime.herder.ConfigInfos.ConfigValueInfo;
import io.connectsdk.runtime.herder.ConfigKeyInfo;
import io.connectsdk.runtime.standalone.StandaloneHerder;
import io.connectsdk.runtime.standalone.TestPlugins;
import io.connectsdk.runtime.storage.MemoryOffsetStore;
import io.connectsdk.runtime.storage.MemoryStatusStore;
import io.connectsdk.runtime.worker.Worker;
import io.connectsdk.runtime.worker.WorkerPlugins;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.runtime.AbstractHerder;
import org.junit.jupiter.api.Test;

/**
 * Differential: our validation JSON against Kafka Connect 4.4's REST entities
 * ({@code ConfigInfos}, {@code ConfigInfo}, {@code ConfigKeyInfo}, {@code ConfigValueInfo}) serialized
 * by Jackson, built by Kafka's own conversion ({@code AbstractHerder.convertConfigKey},
 * {@code generateResult}) from an equivalent Kafka {@code ConfigDef}.
 */
class ConfigInfosKafkaShapeTest {
    private static final ObjectMapper KAFKA_JSON = new ObjectMapper();

    /** The same keys in both libraries: every type, required and defaulted, grouped and not. */
    private static ConfigDef ours() {
        List<Object> modes = List.of("kv", "transit");
        return new ConfigDef()
                .define(ConfigDef.key("url").type(ConfigDef.Type.STRING).required().importance(ConfigDef.Importance.HIGH)
                        .doc("Where.").group("Connection").orderInGroup(1).width(ConfigDef.Width.LONG)
                        .displayName("URL"))
                .define(ConfigDef.key("password").type(ConfigDef.Type.PASSWORD).defaultValue("changeme")
                        .importance(ConfigDef.Importance.HIGH).doc("Secret.").group("Connection").orderInGroup(2))
                .define(ConfigDef.key("port").type(ConfigDef.Type.INT).defaultValue(8200)
                        .importance(ConfigDef.Importance.MEDIUM).doc("Port.").group("Connection").orderInGroup(3)
                        .width(ConfigDef.Width.SHORT))
                .define(ConfigDef.key("mode").type(ConfigDef.Type.STRING).defaultValue("kv")
                        .importance(ConfigDef.Importance.LOW).doc("Mode.").group("Connection").orderInGroup(4)
                        .dependents("port").recommender(new ConfigDef.Recommender() {
                            @Override
                            public List<Object> validValues(String name, Map<String, Object> parsed) {
                                return modes;
                            }

                            @Override
                            public boolean visible(String name, Map<String, Object> parsed) {
                                return false;
                            }
                        }))
                .define(ConfigDef.key("tags").type(ConfigDef.Type.LIST).defaultValue(List.of("a", "b"))
                        .importance(ConfigDef.Importance.LOW).doc("Tags."))
                .define(ConfigDef.key("enabled").type(ConfigDef.Type.BOOLEAN).defaultValue(false)
                        .importance(ConfigDef.Importance.LOW))
                .define(ConfigDef.key("timeout").type(ConfigDef.Type.LONG).defaultValue(60000L)
                        .importance(ConfigDef.Importance.LOW).doc("ms."))
                .define(ConfigDef.key("ratio").type(ConfigDef.Type.DOUBLE).defaultValue(1.5)
                        .importance(ConfigDef.Importance.LOW).doc("Ratio."))
                .define(ConfigDef.key("replicas").type(ConfigDef.Type.SHORT).defaultValue((short) 3)
                        .importance(ConfigDef.Importance.LOW).doc("Replicas."))
                .define(ConfigDef.key("nothing").type(ConfigDef.Type.STRING).defaultValue(null)
                        .importance(ConfigDef.Importance.LOW).doc("Null default."));
    }

    private static org.apache.kafka.common.config.ConfigDef kafka() {
        org.apache.kafka.common.config.ConfigDef.Recommender modes = new org.apache.kafka.common.config.ConfigDef.Recommender() {
            @Override
            public List<Object> validValues(String name, Map<String, Object> parsed) {
                return List.of("kv", "transit");
            }

            @Override
            public boolean visible(String name, Map<String, Object> parsed) {
                return false;
            }
        };
        org.apache.kafka.common.config.ConfigDef.Importance high = org.apache.kafka.common.config.ConfigDef.Importance.HIGH;
        org.apache.kafka.common.config.ConfigDef.Importance medium = org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;
        org.apache.kafka.common.config.ConfigDef.Importance low = org.apache.kafka.common.config.ConfigDef.Importance.LOW;
        org.apache.kafka.common.config.ConfigDef.Width none = org.apache.kafka.common.config.ConfigDef.Width.NONE;
        return new org.apache.kafka.common.config.ConfigDef()
                .define("url", org.apache.kafka.common.config.ConfigDef.Type.STRING,
                        org.apache.kafka.common.config.ConfigDef.NO_DEFAULT_VALUE, null, high, "Where.", "Connection", 1,
                        org.apache.kafka.common.config.ConfigDef.Width.LONG, "URL", List.of(), null)
                .define("password", org.apache.kafka.common.config.ConfigDef.Type.PASSWORD, "changeme", null, high,
                        "Secret.", "Connection", 2, none, "password", List.of(), null)
                .define("port", org.apache.kafka.common.config.ConfigDef.Type.INT, 8200, null, medium, "Port.",
                        "Connection", 3, org.apache.kafka.common.config.ConfigDef.Width.SHORT, "port", List.of(), null)
                .define("mode", org.apache.kafka.common.config.ConfigDef.Type.STRING, "kv", null, low, "Mode.",
                        "Connection", 4, none, "mode", List.of("port"), modes)
                .define("tags", org.apache.kafka.common.config.ConfigDef.Type.LIST, List.of("a", "b"), low, "Tags.")
                .define("enabled", org.apache.kafka.common.config.ConfigDef.Type.BOOLEAN, false, low, null)
                .define("timeout", org.apache.kafka.common.config.ConfigDef.Type.LONG, 60000L, low, "ms.")
                .define("ratio", org.apache.kafka.common.config.ConfigDef.Type.DOUBLE, 1.5, low, "Ratio.")
                .define("replicas", org.apache.kafka.common.config.ConfigDef.Type.SHORT, (short) 3, low, "Replicas.")
                .define("nothing", org.apache.kafka.common.config.ConfigDef.Type.STRING, null, low, "Null default.");
    }

    private static JsonNode ourJson(Object value) {
        return ConnectApi.Json.MAPPER.valueToTree(value);
    }

    private static JsonNode kafkaJson(Object value) {
        return KAFKA_JSON.valueToTree(value);
    }

    @Test
    void keyDefinitionsAreKafkasJsonExactly() {
        List<ConfigKeyInfo> ours = new ArrayList<>();
        ours().configKeys().values().forEach(k -> ours.add(ConfigKeyInfo.of(k)));
        List<org.apache.kafka.connect.runtime.rest.entities.ConfigKeyInfo> theirs = new ArrayList<>();
        kafka().configKeys().values().forEach(k -> theirs.add(AbstractHerder.convertConfigKey(k)));
        assertThat(ourJson(ours)).isEqualTo(kafkaJson(theirs));
    }

    @Test
    void validationResultsAreKafkasJsonApartFromTheWordingOfErrors() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("password", "s3cr3t");
        props.put("port", "nope");
        props.put("tags", "x, y");
        props.put("enabled", "TRUE");
        props.put("ratio", "2");

        List<ConfigValue> ourValues = ours().validate(props);
        List<ConfigInfo> configs = new ArrayList<>();
        // A key without a definition (e.g. a refused client override) comes first in both.
        configs.add(new ConfigInfo(null, new ConfigValueInfo("producer.override.acks", null, List.of(),
                List.of("not allowed"), true)));
        int errors = 1;
        Map<String, ConfigDef.ConfigKey> ourKeys = ours().configKeys();
        for (ConfigValue v : ourValues) {
            ConfigDef.ConfigKey key = ourKeys.get(v.name());
            configs.add(new ConfigInfo(ConfigKeyInfo.of(key), ConfigValueInfo.of(v.name(), v, key.type())));
            errors += v.errorMessages().size();
        }
        ConfigInfos ours = new ConfigInfos("com.acme.Vault", errors, List.of("Connection"), configs);

        org.apache.kafka.common.config.ConfigDef kafkaDef = kafka();
        List<org.apache.kafka.common.config.ConfigValue> kafkaValues = new ArrayList<>(kafkaDef.validate(props));
        org.apache.kafka.common.config.ConfigValue orphan =
                new org.apache.kafka.common.config.ConfigValue("producer.override.acks");
        orphan.addErrorMessage("not allowed");
        kafkaValues.add(orphan);
        org.apache.kafka.connect.runtime.rest.entities.ConfigInfos theirs = AbstractHerder.generateResult(
                "com.acme.Vault", kafkaDef.configKeys(), kafkaValues, List.of("Connection"));

        JsonNode ourTree = ourJson(ours);
        JsonNode kafkaTree = kafkaJson(theirs);
        assertThat(ourTree.get("error_count").intValue()).as("url missing, port invalid, the override refused").isEqualTo(3);
        assertThat(ourTree.toString()).doesNotContain("s3cr3t").doesNotContain("changeme");
        assertThat(withoutErrorWording(ourTree)).isEqualTo(withoutErrorWording(kafkaTree));
    }

    @Test
    void aRealValidationHasKafkasFieldNamesAndValueTypes() {
        WorkerConfig config = new WorkerConfig(Map.of("bootstrap.servers", "127.0.0.1:9",
                "key.converter", "StringConverter", "value.converter", "StringConverter"));
        Worker worker = new Worker("127.0.0.1:0", config, WorkerPlugins.classpath(getClass().getClassLoader()),
                new MemoryOffsetStore(), new MemoryStatusStore());
        StandaloneHerder herder = new StandaloneHerder(worker, "cluster-1");
        ConfigInfos ours;
        try {
            ours = herder.validateConnectorConfig(Map.of("name", "seq",
                    "connector.class", TestPlugins.SeqSource.class.getName(), "tasks.max", "x"));
        } finally {
            herder.stop();
        }
        var kafkaKey = new org.apache.kafka.connect.runtime.rest.entities.ConfigKeyInfo("k", "STRING", false, "d",
                "HIGH", "doc", "g", 1, "NONE", "k", List.of("d"));
        var kafkaValue = new org.apache.kafka.connect.runtime.rest.entities.ConfigValueInfo("k", "v", List.of("r"),
                List.of("e"), true);
        JsonNode reference = kafkaJson(new org.apache.kafka.connect.runtime.rest.entities.ConfigInfos("c", 1,
                List.of("g"), List.of(new org.apache.kafka.connect.runtime.rest.entities.ConfigInfo(kafkaKey, kafkaValue))));
        JsonNode tree = ourJson(ours);
        assertSameShape("$", tree, reference);
        for (JsonNode c : tree.get("configs")) {
            assertSameShape("configs[" + c.get("value").get("name") + "]", c, reference.get("configs").get(0));
        }
        assertThat(ours.errorCount()).isEqualTo(2);
    }

    /** Same field names in the same order, and the same JSON type of each value (null allowed for strings). */
    private static void assertSameShape(String path, JsonNode ours, JsonNode reference) {
        if (reference.isObject()) {
            assertThat(ours.isObject()).as(path).isTrue();
            assertThat(names(ours)).as(path).isEqualTo(names(reference));
            for (String name : names(reference)) {
                assertSameShape(path + "." + name, ours.get(name), reference.get(name));
            }
        } else if (reference.isArray()) {
            assertThat(ours.isArray()).as(path).isTrue();
            if (!reference.isEmpty() && !path.equals("$.configs")) {
                for (JsonNode element : ours) {
                    assertSameShape(path + "[]", element, reference.get(0));
                }
            }
        } else if (reference.isTextual()) {
            assertThat(ours.isTextual() || ours.isNull()).as(path + " is a string or null").isTrue();
        } else {
            assertThat(ours.getNodeType()).as(path).isEqualTo(reference.getNodeType());
            assertThat(ours.numberType()).as(path).isEqualTo(reference.numberType());
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A copy where each error message is replaced by a marker: the two ConfigDefs word them differently. */
    private static JsonNode withoutErrorWording(JsonNode tree) {
        JsonNode copy = tree.deepCopy();
        for (Iterator<JsonNode> it = copy.get("configs").elements(); it.hasNext(); ) {
            ObjectNode value = (ObjectNode) it.next().get("value");
            ArrayNode errors = (ArrayNode) value.get("errors");
            for (int i = 0; i < errors.size(); i++) {
                errors.set(i, TextNode.valueOf("<error>"));
            }
        }
        return copy;
    }
}
