package io.connectsdk.builtins.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.storage.Converter;
import io.connectsdk.api.storage.HeaderConverter;
import io.connectsdk.api.transforms.Predicate;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.builtins.BuiltinVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultPluginResolverTest {
    private static final ClassLoader LOADER = DefaultPluginResolverTest.class.getClassLoader();

    private static List<String> registered(String spi) throws IOException {
        try (InputStream in = LOADER.getResourceAsStream("META-INF/services/" + spi)) {
            assertThat(in).as("service file of " + spi).isNotNull();
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.replaceAll("#.*", "").trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
            return names;
        }
    }

    @Test
    void everyRegisteredBuiltinIsAPublicConcretePluginWithTheBuiltinVersion() throws Exception {
        DefaultPluginResolver resolver = new DefaultPluginResolver(LOADER);
        List<String> transforms = registered(Transform.class.getName());
        assertThat(transforms).hasSize(26).doesNotHaveDuplicates();
        for (String name : transforms) {
            Class<? extends Transform> type = resolver.resolve(name, Transform.class);
            assertThat(Modifier.isAbstract(type.getModifiers())).as(name).isFalse();
            Transform<?> t = resolver.newInstance(name, Transform.class);
            assertThat(t.version()).isEqualTo(BuiltinVersion.VERSION);
            assertThat(t.config()).isNotNull();
            // the Kafka Connect name of each built-in resolves to it
            String kafkaName = name.replace("io.connectsdk.builtins.transforms.", "org.apache.kafka.connect.transforms.");
            assertThat(Class.forName(kafkaName)).as("Kafka Connect has " + kafkaName).isNotNull();
            assertThat(resolver.resolve(kafkaName, Transform.class)).isEqualTo(type);
        }
        List<String> predicates = registered(Predicate.class.getName());
        assertThat(predicates).containsExactlyInAnyOrder("io.connectsdk.builtins.predicates.TopicNameMatches",
                "io.connectsdk.builtins.predicates.HasHeaderKey", "io.connectsdk.builtins.predicates.RecordIsTombstone");
        for (String name : predicates) {
            assertThat(resolver.newInstance(name, Predicate.class).version()).isEqualTo(BuiltinVersion.VERSION);
            String kafkaName = name.replace("io.connectsdk.builtins.", "org.apache.kafka.connect.transforms.");
            assertThat(resolver.resolve(kafkaName, Predicate.class).getName()).isEqualTo(name);
        }
    }

    @Test
    void sharedAliasesAreAmbiguousButFullNamesWork(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(Transform.class.getName()),
                "io.connectsdk.builtins.chain.one.DupTransform\nio.connectsdk.builtins.chain.two.DupTransform\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, LOADER)) {
            DefaultPluginResolver resolver = new DefaultPluginResolver(loader);
            assertThatThrownBy(() -> resolver.resolve("DupTransform", Transform.class))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ambiguous")
                    .hasMessageContaining("io.connectsdk.builtins.chain.one.DupTransform")
                    .hasMessageContaining("io.connectsdk.builtins.chain.two.DupTransform");
            assertThatThrownBy(() -> resolver.resolve("Dup", Transform.class))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ambiguous");
            assertThat(resolver.resolve("io.connectsdk.builtins.chain.two.DupTransform", Transform.class).getName())
                    .isEqualTo("io.connectsdk.builtins.chain.two.DupTransform");
            // the built-ins are still there, through the parent loader
            assertThat(resolver.resolve("Flatten$Value", Transform.class).getName())
                    .isEqualTo("io.connectsdk.builtins.transforms.Flatten$Value");
        }
    }

    @Test
    void classesOfTheWrongKindAreRefusedWithAReason() {
        DefaultPluginResolver resolver = new DefaultPluginResolver(LOADER);
        assertThatThrownBy(() -> resolver.resolve("java.lang.String", Transform.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String")
                .hasMessageContaining(Transform.class.getName());
        assertThatThrownBy(() -> resolver.resolve("io.connectsdk.builtins.transforms.Filter", Predicate.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a");
        assertThatThrownBy(() -> resolver.resolve("  ", Transform.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> resolver.resolve("Nope", Transform.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Nope'")
                .hasMessageContaining("io.connectsdk.builtins.transforms.RegexRouter");
    }

    @Test
    void kafkaConverterNamesMapToTheBuiltinConverters() {
        DefaultPluginResolver resolver = new DefaultPluginResolver(LOADER);
        assertThat(resolver.resolve("org.apache.kafka.connect.storage.StringConverter", Converter.class).getName())
                .isEqualTo("io.connectsdk.builtins.converters.StringConverter");
        assertThat(resolver.resolve("org.apache.kafka.connect.converters.ByteArrayConverter", Converter.class).getName())
                .isEqualTo("io.connectsdk.builtins.converters.ByteArrayConverter");
        assertThat(resolver.resolve("org.apache.kafka.connect.json.JsonConverter", Converter.class).getName())
                .isEqualTo("io.connectsdk.builtins.json.JsonConverter");
        assertThat(resolver.resolve("org.apache.kafka.connect.storage.SimpleHeaderConverter", HeaderConverter.class)
                .getSimpleName()).isEqualTo("SimpleHeaderConverter");
        assertThat(resolver.resolve("Json", Converter.class).getSimpleName()).isEqualTo("JsonConverter");
        assertThatThrownBy(() -> resolver.resolve("org.apache.kafka.connect.storage.FileOffsetBackingStore", Converter.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FileOffsetBackingStore");
    }

    @Test
    void extraNameMappingsAreTried() {
        DefaultPluginResolver resolver = new DefaultPluginResolver(LOADER,
                Map.of("com.example.OldRouter", "io.connectsdk.builtins.transforms.RegexRouter"));
        assertThat(resolver.resolve("com.example.OldRouter", Transform.class).getSimpleName()).isEqualTo("RegexRouter");
    }

    @Test
    void aSingleLoaderResolverServesAnyVersionButRefusesToPinOne() {
        DefaultPluginResolver resolver = new DefaultPluginResolver(LOADER);
        assertThat(resolver.newInstance("InsertField$Value", Transform.class, null)).isNotNull();
        assertThatThrownBy(() -> resolver.newInstance("InsertField$Value", Transform.class, "1.0.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 1.0.0 of InsertField$Value")
                .hasMessageContaining("plugin.version");
    }
}
