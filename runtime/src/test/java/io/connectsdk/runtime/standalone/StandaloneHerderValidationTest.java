package io.connectsdk.runtime.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectsdk.api.config.Config;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.config.ConfigValue;
import io.connectsdk.api.config.Password;
import io.connectsdk.api.connector.Task;
import io.connectsdk.api.source.SourceConnector;
import io.connectsdk.runtime.config.WorkerConfig;
import io.connectsdk.runtime.herder.ConfigInfos;
import io.connectsdk.runtime.herder.ConfigInfos.ConfigInfo;
import io.connectsdk.runtime.herder.ConfigKeyInfo;
import io.connectsdk.runtime.herder.NotFoundException;
import io.connectsdk.runtime.rest.RestServer;
import io.connectsdk.runtime.storage.MemoryOffsetStore;
import io.connectsdk.runtime.storage.MemoryStatusStore;
import io.connectsdk.runtime.worker.Worker;
import io.connectsdk.runtime.worker.WorkerPlugins;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation of connector configurations and plugin definitions by the standalone herder, with
 * real plugins (no Kafka needed: nothing is started), and over the read-only REST API.
 */
class StandaloneHerderValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEQ = TestPlugins.SeqSource.class.getName();

    private Worker worker;
    private StandaloneHerder herder;

    /** A source with a password, a default password, a recommender and a cross-key check. */
    public static class VaultSource extends SourceConnector {
        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public Class<? extends Task> taskClass() {
            return TestPlugins.SeqTask.class;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            return List.of();
        }

        @Override
        public void stop() {
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef()
                    .define(ConfigDef.key("vault.url").type(ConfigDef.Type.STRING).required()
                            .importance(ConfigDef.Importance.HIGH).group("Connection").width(ConfigDef.Width.LONG)
                            .displayName("Vault URL").doc("Where the vault is."))
                    .define(ConfigDef.key("vault.password").type(ConfigDef.Type.PASSWORD).required()
                            .importance(ConfigDef.Importance.HIGH).group("Connection").doc("The vault's password."))
                    .define(ConfigDef.key("vault.fallback.password").type(ConfigDef.Type.PASSWORD)
                            .defaultValue("changeme").importance(ConfigDef.Importance.LOW).doc("Fallback."))
                    .define(ConfigDef.key("vault.port").type(ConfigDef.Type.INT).defaultValue(8200)
                            .validator(ConfigDef.Range.between(1, 65535)).importance(ConfigDef.Importance.MEDIUM)
                            .group("Connection").doc("Port."))
                    .define(ConfigDef.key("vault.mode").type(ConfigDef.Type.STRING).defaultValue("kv")
                            .importance(ConfigDef.Importance.LOW).group("Connection").doc("Mode.")
                            .dependents("vault.port")
                            .recommender((name, parsed) -> List.of("kv", "transit")));
        }

        @Override
        public Config validate(Map<String, String> props) {
            Config config = super.validate(props);
            Object port = config.configValue("vault.port").map(ConfigValue::value).orElse(null);
            if ("transit".equals(props.get("vault.mode")) && port instanceof Integer p && p < 1024) {
                config.configValue("vault.port").orElseThrow()
                        .addErrorMessage("vault.port must be at least 1024 in transit mode");
            }
            return config;
        }
    }

    @BeforeEach
    void setUp() {
        WorkerConfig config = new WorkerConfig(Map.of(
                "bootstrap.servers", "127.0.0.1:9",
                "key.converter", "StringConverter",
                "value.converter", "StringConverter"));
        worker = new Worker("127.0.0.1:0", config, WorkerPlugins.classpath(getClass().getClassLoader()),
                new MemoryOffsetStore(), new MemoryStatusStore());
        herder = new StandaloneHerder(worker, "cluster-1");
    }

    @AfterEach
    void tearDown() {
        herder.stop();
    }

    private static Map<String, String> props(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static ConfigInfo config(ConfigInfos infos, String key) {
        return infos.configs().stream().filter(c -> c.value().name().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry for " + key + " in " + infos));
    }

    private static Map<String, List<String>> errorsOf(ConfigInfos infos) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (ConfigInfo c : infos.configs()) {
            if (!c.value().errors().isEmpty()) {
                errors.put(c.value().name(), c.value().errors());
            }
        }
        return errors;
    }

    @Test
    void aMissingRequiredKeyAndAWrongTypeAreCountedAndReportedPerKey() {
        Map<String, String> props = props("name", "seq", "connector.class", SEQ, "tasks.max", "many");
        ConfigInfos infos = herder.validateConnectorConfig(props);

        assertThat(infos.name()).isEqualTo(SEQ);
        assertThat(infos.errorCount()).isEqualTo(2);
        assertThat(errorsOf(infos)).containsOnlyKeys("topic", "tasks.max");
        assertThat(config(infos, "topic").value().errors()).singleElement().asString()
                .contains("Missing required configuration \"topic\"");
        assertThat(config(infos, "tasks.max").value().errors()).singleElement().asString()
                .contains("many").contains("tasks.max");
        assertThat(config(infos, "tasks.max").value().value()).as("an invalid value is not shown").isNull();
        assertThat(errorsOf(infos)).as("the errors creating the connector would report")
                .isEqualTo(worker.validateConnectorConfig(props));

        ConfigKeyInfo topic = config(infos, "topic").definition();
        assertThat(topic.type()).isEqualTo("STRING");
        assertThat(topic.required()).isTrue();
        assertThat(topic.defaultValue()).isNull();
        assertThat(topic.importance()).isEqualTo("HIGH");
        ConfigKeyInfo tasksMax = config(infos, "tasks.max").definition();
        assertThat(tasksMax.type()).isEqualTo("INT");
        assertThat(tasksMax.required()).isFalse();
        assertThat(tasksMax.defaultValue()).isEqualTo("1");
        assertThat(tasksMax.group()).isEqualTo("Common");
        assertThat(infos.configs()).extracting(c -> c.value().name())
                .contains("name", "connector.class", "tasks.max", "key.converter", "value.converter",
                        "header.converter", "transforms", "predicates", "errors.tolerance", "errors.retry.timeout",
                        "errors.log.enable", "topic")
                .doesNotHaveDuplicates();
        assertThat(infos.groups()).contains("Common", "Error Handling").doesNotHaveDuplicates();
    }

    @Test
    void configProviderVariablesAreValidatedByTheirValuesButShownAsGiven(@TempDir Path dir) throws Exception {
        Path secrets = dir.resolve("vault.properties");
        Files.writeString(secrets, "url=https://vault.internal\npassword=s3cr3t\nport=80\n");
        WorkerConfig config = new WorkerConfig(Map.of(
                "bootstrap.servers", "127.0.0.1:9",
                "key.converter", "StringConverter",
                "value.converter", "StringConverter",
                "config.providers", "file",
                "config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider"));
        Worker withProviders = new Worker("127.0.0.1:0", config, WorkerPlugins.classpath(getClass().getClassLoader()),
                new MemoryOffsetStore(), new MemoryStatusStore());
        StandaloneHerder providersHerder = new StandaloneHerder(withProviders, "cluster-1");
        try {
            String url = "${file:" + secrets + ":url}";
            ConfigInfos infos = providersHerder.validateConnectorConfig(props("name", "vault",
                    "connector.class", VaultSource.class.getName(), "vault.url", url,
                    "vault.password", "${file:" + secrets + ":password}", "vault.mode", "transit",
                    "vault.port", "${file:" + secrets + ":port}"));
            assertThat(errorsOf(infos)).as("the connector validated port 80, the file's value")
                    .containsOnlyKeys("vault.port");
            assertThat(config(infos, "vault.url").value().value()).isEqualTo(url);
            assertThat(config(infos, "vault.password").value().value()).isEqualTo(Password.HIDDEN);

            ConfigInfos missing = providersHerder.validateConnectorConfig(props("name", "vault",
                    "connector.class", VaultSource.class.getName(), "vault.url", "${file:" + secrets + ":uri}",
                    "vault.password", "x"));
            assertThat(errorsOf(missing)).containsOnlyKeys("vault.url");
            assertThat(config(missing, "vault.url").value().errors()).singleElement().asString()
                    .contains("${file:" + secrets + ":uri}").contains("has no key 'uri'");
        } finally {
            providersHerder.stop();
        }
    }

    @Test
    void aValidConfigurationHasNoErrorAndShowsDefaults() {
        ConfigInfos infos = herder.validateConnectorConfig(props("name", "seq", "connector.class", SEQ, "topic", "t"));
        assertThat(infos.errorCount()).isZero();
        assertThat(errorsOf(infos)).isEmpty();
        assertThat(config(infos, "tasks.max").value().value()).isEqualTo("1");
        assertThat(config(infos, "topic").value().value()).isEqualTo("t");
        assertThat(config(infos, "errors.tolerance").definition().defaultValue()).isEqualTo("none");
        assertThat(config(infos, "key.converter").definition().defaultValue()).isNull();
        assertThat(config(infos, "key.converter").definition().required()).isFalse();
    }

    @Test
    void passwordsAreMaskedAndTheConnectorsOwnValidationIsIncluded() throws Exception {
        Map<String, String> props = props("name", "vault", "connector.class", VaultSource.class.getName(),
                "vault.url", "https://vault", "vault.password", "s3cr3t", "vault.mode", "transit", "vault.port", "80");
        ConfigInfos infos = herder.validateConnectorConfig(props);

        assertThat(config(infos, "vault.password").value().value()).isEqualTo(Password.HIDDEN);
        assertThat(config(infos, "vault.password").definition().type()).isEqualTo("PASSWORD");
        assertThat(config(infos, "vault.fallback.password").definition().defaultValue()).isEqualTo(Password.HIDDEN);
        assertThat(config(infos, "vault.fallback.password").value().value()).isEqualTo(Password.HIDDEN);
        assertThat(config(infos, "vault.mode").value().recommendedValues()).containsExactly("kv", "transit");
        assertThat(config(infos, "vault.mode").definition().dependents()).containsExactly("vault.port");
        assertThat(config(infos, "vault.url").definition().width()).isEqualTo("LONG");
        assertThat(config(infos, "vault.url").definition().displayName()).isEqualTo("Vault URL");
        assertThat(config(infos, "vault.url").definition().orderInGroup()).isEqualTo(1);
        assertThat(config(infos, "vault.port").value().errors())
                .containsExactly("vault.port must be at least 1024 in transit mode");
        assertThat(infos.errorCount()).isEqualTo(1);
        assertThat(infos.groups()).contains("Common", "Connection");
        String json = JSON.writeValueAsString(infos);
        assertThat(json).doesNotContain("s3cr3t").doesNotContain("changeme");
    }

    @Test
    void transformsAndPredicatesAddTheirKeysInTheirOwnGroups() {
        ConfigInfos infos = herder.validateConnectorConfig(props("name", "seq", "connector.class", SEQ, "topic", "t",
                "transforms", "route", "transforms.route.type", "RegexRouter", "transforms.route.replacement", "x",
                "transforms.route.predicate", "isOrders",
                "predicates", "isOrders", "predicates.isOrders.type", "TopicNameMatches",
                "predicates.isOrders.pattern", "orders.*"));

        assertThat(infos.groups()).contains("Transforms: route", "Predicates: isOrders");
        ConfigInfo type = config(infos, "transforms.route.type");
        assertThat(type.definition().type()).isEqualTo("CLASS");
        assertThat(type.definition().required()).isTrue();
        assertThat(type.definition().group()).isEqualTo("Transforms: route");
        assertThat(type.value().value()).isEqualTo("RegexRouter");
        assertThat(config(infos, "transforms.route.predicate").value().value()).isEqualTo("isOrders");
        assertThat(config(infos, "transforms.route.negate").value().value()).isEqualTo("false");
        ConfigInfo regex = config(infos, "transforms.route.regex");
        assertThat(regex.definition().group()).isEqualTo("Transforms: route");
        assertThat(regex.definition().required()).isTrue();
        assertThat(regex.value().errors()).singleElement().asString().contains("regex");
        assertThat(config(infos, "transforms.route.replacement").value().errors()).isEmpty();
        assertThat(config(infos, "predicates.isOrders.pattern").value().value()).isEqualTo("orders.*");
        assertThat(config(infos, "predicates.isOrders.pattern").definition().group()).isEqualTo("Predicates: isOrders");
        assertThat(infos.errorCount()).isEqualTo(1);
        assertThat(errorsOf(infos)).containsOnlyKeys("transforms.route.regex");
        List<String> names = infos.configs().stream().map(c -> c.value().name()).toList();
        assertThat(names.indexOf("transforms.route.type")).isLessThan(names.indexOf("transforms.route.regex"));
    }

    @Test
    void anInvalidNegateIsAnErrorOfItsKeyWithoutAValue() {
        ConfigInfos infos = herder.validateConnectorConfig(props("name", "seq", "connector.class", SEQ, "topic", "t",
                "transforms", "route", "transforms.route.type", "RegexRouter", "transforms.route.regex", "(.*)",
                "transforms.route.replacement", "x-$1", "transforms.route.negate", "maybe"));
        assertThat(errorsOf(infos)).containsOnlyKeys("transforms.route.negate");
        assertThat(config(infos, "transforms.route.negate").value().value()).isNull();
        assertThat(config(infos, "transforms.route.regex").value().value()).isEqualTo("(.*)");
    }

    @Test
    void anUnknownTransformIsAnErrorOfItsTypeKey() {
        ConfigInfos infos = herder.validateConnectorConfig(props("name", "seq", "connector.class", SEQ, "topic", "t",
                "transforms", "x", "transforms.x.type", "NoSuchTransform"));
        assertThat(errorsOf(infos)).containsOnlyKeys("transforms.x.type");
        assertThat(config(infos, "transforms.x.type").value().errors().get(0)).contains("NoSuchTransform");
    }

    @Test
    void sinksHaveTheSinkKeys() {
        ConfigInfos infos = herder.validateConnectorConfig(props("name", "s", "connector.class",
                TestPlugins.CollectingSink.class.getName(), "topics", "a,b"));
        assertThat(infos.errorCount()).isZero();
        assertThat(config(infos, "topics").value().value()).isEqualTo("a,b");
        assertThat(config(infos, "topics").definition().type()).isEqualTo("LIST");
        assertThat(config(infos, "errors.deadletterqueue.topic.name").definition().defaultValue()).isEmpty();
    }

    @Test
    void aNullValueIsAnErrorOfItsKey() {
        Map<String, String> props = props("name", "seq", "connector.class", SEQ, "topic", "t");
        props.put("tasks.max", null);
        props.put("not.defined", null);
        ConfigInfos infos = herder.validateConnectorConfig(props);
        assertThat(errorsOf(infos)).containsOnlyKeys("tasks.max", "not.defined");
        assertThat(config(infos, "tasks.max").value().errors()).singleElement().asString().contains("null");
        assertThat(infos.errorCount()).isEqualTo(2);
        assertThat(infos.configs().get(0).value().name()).as("keys without definition first, as in Kafka Connect")
                .isEqualTo("not.defined");
        assertThat(infos.configs().get(0).definition()).isNull();
        assertThat(infos.configs().get(0).value().value()).isNull();
    }

    @Test
    void anUnknownConnectorIsNotFoundAndAMissingOneIsAConfigError() {
        assertThatThrownBy(() -> herder.validateConnectorConfig(props("connector.class", "com.acme.NoSuchConnector")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("com.acme.NoSuchConnector");
        assertThatThrownBy(() -> herder.validateConnectorConfig(props("name", "x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("connector.class");
    }

    @Test
    void pluginConfigDescribesConnectorsTransformsPredicatesAndConverters() {
        assertThat(herder.pluginConfig(SEQ)).extracting(ConfigKeyInfo::name).containsExactly("topic");
        assertThat(herder.pluginConfig("RegexRouter")).extracting(ConfigKeyInfo::name)
                .containsExactly("regex", "replacement");
        assertThat(herder.pluginConfig("org.apache.kafka.connect.transforms.RegexRouter"))
                .extracting(ConfigKeyInfo::name).containsExactly("regex", "replacement");
        assertThat(herder.pluginConfig("TopicNameMatches")).extracting(ConfigKeyInfo::name).containsExactly("pattern");
        List<ConfigKeyInfo> string = herder.pluginConfig("StringConverter");
        assertThat(string).extracting(ConfigKeyInfo::name).contains("converter.encoding");
        List<ConfigKeyInfo> vault = herder.pluginConfig(VaultSource.class.getName());
        assertThat(vault).extracting(ConfigKeyInfo::name).containsExactly("vault.url", "vault.password",
                "vault.fallback.password", "vault.port", "vault.mode");
        assertThat(vault.get(2).defaultValue()).isEqualTo(Password.HIDDEN);
        assertThat(vault.get(3).defaultValue()).isEqualTo("8200");
        assertThatThrownBy(() -> herder.pluginConfig("NoSuchPlugin"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("NoSuchPlugin");
    }

    @Test
    void bothEndpointsAnswerOnTheReadOnlyRestApi() throws Exception {
        RestServer server = new RestServer(Map.of("listeners", "http://127.0.0.1:0"), herder, List::of, true);
        server.start();
        try {
            URI base = server.uris().get(0);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String body = JSON.writeValueAsString(props("name", "seq", "tasks.max", "many"));
            HttpResponse<String> validate = client.send(HttpRequest.newBuilder(
                            base.resolve("/connector-plugins/" + SEQ + "/config/validate"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(validate.statusCode()).as(validate.body()).isEqualTo(200);
            JsonNode json = JSON.readTree(validate.body());
            assertThat(json.get("name").textValue()).isEqualTo(SEQ);
            assertThat(json.get("error_count").intValue()).isEqualTo(2);
            List<String> withErrors = new ArrayList<>();
            for (JsonNode c : json.get("configs")) {
                if (!c.get("value").get("errors").isEmpty()) {
                    withErrors.add(c.get("value").get("name").textValue());
                }
            }
            assertThat(withErrors).containsExactlyInAnyOrder("topic", "tasks.max");

            HttpResponse<String> defs = client.send(HttpRequest.newBuilder(
                            base.resolve("/connector-plugins/RegexRouter/config")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(defs.statusCode()).as(defs.body()).isEqualTo(200);
            assertThat(JSON.readTree(defs.body()).findValuesAsText("name")).containsExactly("regex", "replacement");

            HttpResponse<String> unknown = client.send(HttpRequest.newBuilder(
                            base.resolve("/connector-plugins/com.acme.Nope/config/validate"))
                    .timeout(Duration.ofSeconds(10)).PUT(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(unknown.body()).get("message").textValue()).contains("com.acme.Nope");
        } finally {
            server.stop();
        }
    }
}
