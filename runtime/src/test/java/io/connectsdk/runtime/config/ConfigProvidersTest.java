package io.connectsdk.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigProvidersTest {
    private static final String FILE_PROVIDER = "org.apache.kafka.common.config.provider.FileConfigProvider";

    @TempDir
    Path dir;

    private Path secrets() throws Exception {
        Path file = dir.resolve("secrets.properties");
        Files.writeString(file, "db.user=alice\ndb.password=s3cret\n");
        return file;
    }

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void fileVariablesAreReplacedByTheirValuesAndEverythingElseIsKept() throws Exception {
        Path file = secrets();
        try (ConfigProviders providers = ConfigProviders.create(map(
                "config.providers", "file", "config.providers.file.class", FILE_PROVIDER))) {
            Map<String, String> resolved = providers.resolve(map(
                    "connection.password", "${file:" + file + ":db.password}",
                    "connection.url", "jdbc:x://${file:" + file + ":db.user}@db/${file:" + file + ":db.user}",
                    "other", "${vault:secret/x:y} is no provider of this worker",
                    "plain", "value"));
            assertThat(resolved).containsExactly(
                    Map.entry("connection.password", "s3cret"),
                    Map.entry("connection.url", "jdbc:x://alice@db/alice"),
                    Map.entry("other", "${vault:secret/x:y} is no provider of this worker"),
                    Map.entry("plain", "value"));
        }
    }

    @Test
    void aMissingKeyOrFileFailsNamingTheConfigKeyAndTheVariable() throws Exception {
        Path file = secrets();
        try (ConfigProviders providers = ConfigProviders.create(map(
                "config.providers", "file", "config.providers.file.class", FILE_PROVIDER))) {
            Map<String, String> config = map(
                    "good", "${file:" + file + ":db.user}",
                    "connection.password", "${file:" + file + ":db.pasword}",
                    "ssl.key", "${file:" + dir.resolve("absent.properties") + ":key}");
            assertThatThrownBy(() -> providers.resolve(config))
                    .isInstanceOf(ConfigException.class)
                    .satisfies(e -> {
                        Map<String, List<String>> errors = ((ConfigException) e).errors();
                        assertThat(errors).containsOnlyKeys("connection.password", "ssl.key");
                        assertThat(errors.get("connection.password")).singleElement().asString()
                                .contains("${file:" + file + ":db.pasword}")
                                .contains("config provider 'file' has no key 'db.pasword' at path '" + file + "'");
                        assertThat(errors.get("ssl.key")).singleElement().asString()
                                .contains("${file:" + dir.resolve("absent.properties") + ":key}");
                    });
            assertThat(config).as("the input is not modified").containsEntry("good", "${file:" + file + ":db.user}");
        }
    }

    @Test
    void providerParamsReachTheProviderWithoutTheirPrefix() {
        try (ConfigProviders providers = ConfigProviders.create(map(
                "config.providers", "static",
                "config.providers.static.class", StaticProvider.class.getName(),
                "config.providers.static.param.answer", "42",
                "config.providers.static.param.other", "x"))) {
            assertThat(providers.names()).containsExactly("static");
            assertThat(providers.resolve(map("k", "${static:answer}", "p", "${static:some/path:other}")))
                    .containsEntry("k", "42")
                    .containsEntry("p", "x");
        }
    }

    @Test
    void theShortestTimeToLiveOfTheValuesIsReported() {
        try (ConfigProviders providers = ConfigProviders.create(map(
                "config.providers", "static",
                "config.providers.static.class", StaticProvider.class.getName(),
                "config.providers.static.param.answer", "42"))) {
            ConfigProviders.Resolved resolved = providers.resolveWithTtl(map(
                    "a", "${static:ttl=500:answer}", "b", "x-${static:ttl=200:answer}", "c", "${static:answer}"));
            assertThat(resolved.config()).containsExactly(Map.entry("a", "42"), Map.entry("b", "x-42"),
                    Map.entry("c", "42"));
            assertThat(resolved.ttlMs()).hasValue(200);
            assertThat(providers.resolveWithTtl(map("c", "${static:answer}", "d", "plain")).ttlMs())
                    .as("values without a time to live do not expire").isEmpty();
        }
        assertThat(ConfigProviders.none().resolveWithTtl(map("a", "${static:ttl=5:answer}")).ttlMs()).isEmpty();
    }

    @Test
    void closingClosesEveryProviderOnce() {
        StaticProvider.closed.set(0);
        ConfigProviders providers = ConfigProviders.create(map(
                "config.providers", "a, b",
                "config.providers.a.class", StaticProvider.class.getName(),
                "config.providers.b.class", StaticProvider.class.getName()));
        assertThat(providers.names()).containsExactly("a", "b");
        providers.close();
        providers.close();
        assertThat(StaticProvider.closed).hasValue(2);
    }

    @Test
    void badProviderDeclarationsNameTheirClassKey() {
        assertThatThrownBy(() -> ConfigProviders.create(map("config.providers", "file")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.providers.file.class")
                .hasMessageContaining("FileConfigProvider");
        assertThatThrownBy(() -> ConfigProviders.create(map("config.providers", "v",
                "config.providers.v.class", "com.example.VaultConfigProvider")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.providers.v.class")
                .hasMessageContaining("com.example.VaultConfigProvider")
                .hasMessageContaining("class not found");
        assertThatThrownBy(() -> ConfigProviders.create(map("config.providers", "s",
                "config.providers.s.class", String.class.getName())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.providers.s.class")
                .hasMessageContaining("not a " + ConfigProvider.class.getName());
        assertThatThrownBy(() -> ConfigProviders.create(map("config.providers", "a",
                "config.providers.a.class", ArgumentProvider.class.getName())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.providers.a.class")
                .hasMessageContaining("cannot be instantiated: it has no public no-argument constructor")
                .hasMessageNotContaining("Exception");
        StaticProvider.closed.set(0);
        assertThatThrownBy(() -> ConfigProviders.create(map("config.providers", "ok,bad",
                "config.providers.ok.class", StaticProvider.class.getName(),
                "config.providers.bad.class", StaticProvider.class.getName(),
                "config.providers.bad.param.fail", "yes")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.providers.bad.class")
                .hasMessageContaining("rejected its settings config.providers.bad.param.*")
                .hasMessageContaining("fail was set");
        assertThat(StaticProvider.closed).as("the providers created before the failure are closed").hasValue(2);
    }

    @Test
    void withoutProvidersNothingIsResolved() {
        Map<String, String> config = map("k", "${file:/x:y}");
        assertThat(ConfigProviders.create(map("bootstrap.servers", "x")).resolve(config)).isSameAs(config);
    }

    @Test
    void workerConfigurationValuesAreResolvedWhenItIsParsed() throws Exception {
        Path file = secrets();
        Map<String, String> props = map(
                "config.providers", "file",
                "config.providers.file.class", FILE_PROVIDER,
                "bootstrap.servers", "127.0.0.1:9092",
                "key.converter", "StringConverter",
                "value.converter", "StringConverter",
                "producer.sasl.jaas.config", "user=\"${file:" + file + ":db.user}\" password=\"${file:" + file
                        + ":db.password}\"");
        WorkerConfig config = new WorkerConfig(props);
        assertThat(config.originals()).containsEntry("producer.sasl.jaas.config", "user=\"alice\" password=\"s3cret\"");

        props.put("bootstrap.servers", "${file:" + file + ":kafka.bootstrap}");
        assertThatThrownBy(() -> new WorkerConfig(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bootstrap.servers")
                .hasMessageContaining("has no key 'kafka.bootstrap'");
    }

    /** Answers every key with its param of the same name; fails to configure when {@code fail} is set. */
    /** A provider that cannot be created from a class name. */
    public static class ArgumentProvider extends StaticProvider {
        public ArgumentProvider(String required) {
        }
    }

    public static class StaticProvider implements ConfigProvider {
        static final AtomicInteger closed = new AtomicInteger();
        private Map<String, ?> params = Map.of();

        @Override
        public void configure(Map<String, ?> configs) {
            if (configs.containsKey("fail")) {
                throw new IllegalArgumentException("fail was set");
            }
            params = configs;
        }

        @Override
        public ConfigData get(String path) {
            return get(path, Set.copyOf(params.keySet()));
        }

        @Override
        public ConfigData get(String path, Set<String> keys) {
            Map<String, String> data = new LinkedHashMap<>();
            for (String k : keys) {
                if (params.containsKey(k)) {
                    data.put(k, String.valueOf(params.get(k)));
                }
            }
            // a path "ttl=<ms>" gives the values that time to live
            return path != null && path.startsWith("ttl=") ? new ConfigData(data, Long.parseLong(path.substring(4)))
                    : new ConfigData(data);
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }
}
