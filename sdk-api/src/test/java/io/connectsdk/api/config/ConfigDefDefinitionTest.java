package io.connectsdk.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.connectsdk.api.config.ConfigDef.ConfigKey;
import io.connectsdk.api.config.ConfigDef.Importance;
import io.connectsdk.api.config.ConfigDef.Range;
import io.connectsdk.api.config.ConfigDef.Type;
import io.connectsdk.api.config.ConfigDef.ValidString;
import io.connectsdk.api.config.ConfigDef.Width;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDefDefinitionTest {

    @Test
    void shortOverloadsDefineKeysInOrder() {
        ConfigDef def = new ConfigDef()
                .define("a", Type.STRING, Importance.HIGH, "A doc")
                .define("b", Type.INT, 5, Importance.MEDIUM, "B doc")
                .define("c", Type.LONG, 7L, Range.atLeast(0), Importance.LOW, "C doc");

        assertThat(def.names()).containsExactly("a", "b", "c");
        assertThat(def.configKeys().keySet()).containsExactly("a", "b", "c");
        ConfigKey a = def.configKeys().get("a");
        assertThat(a.hasDefault()).isFalse();
        assertThat(a.defaultValue()).isSameAs(ConfigDef.NO_DEFAULT_VALUE);
        assertThat(a.importance()).isEqualTo(Importance.HIGH);
        assertThat(a.documentation()).isEqualTo("A doc");
        assertThat(a.width()).isEqualTo(Width.NONE);
        assertThat(a.displayName()).isEqualTo("a");
        assertThat(a.dependents()).isEmpty();
        assertThat(a.group()).isNull();
        assertThat(a.orderInGroup()).isNegative();
        assertThat(def.find("b")).get().extracting(ConfigKey::defaultValue).isEqualTo(5);
        assertThat(def.find("c").get().validator()).isInstanceOf(Range.class);
        assertThat(def.find("nope")).isEmpty();
        assertThat(def.find(null)).isEmpty();
    }

    @Test
    void fullOverloadKeepsEveryAttribute() {
        ConfigDef.Recommender recommender = (name, parsed) -> List.of("x");
        ConfigDef def = new ConfigDef().define("mode", Type.STRING, "x", ValidString.in("x", "y"), Importance.HIGH,
                "Mode doc", "Group 1", 3, Width.SHORT, "Mode", List.of("other"), recommender);

        ConfigKey key = def.find("mode").orElseThrow();
        assertThat(key.type()).isEqualTo(Type.STRING);
        assertThat(key.defaultValue()).isEqualTo("x");
        assertThat(key.group()).isEqualTo("Group 1");
        assertThat(key.orderInGroup()).isEqualTo(3);
        assertThat(key.width()).isEqualTo(Width.SHORT);
        assertThat(key.displayName()).isEqualTo("Mode");
        assertThat(key.dependents()).containsExactly("other");
        assertThat(key.recommender()).isSameAs(recommender);
        assertThat(def.groups()).containsExactly("Group 1");
    }

    @Test
    void builderDefinesKeysAndNumbersGroupOrder() {
        ConfigDef def = new ConfigDef()
                .define(ConfigDef.key("host").type(Type.STRING).importance(Importance.HIGH).doc("Host.")
                        .group("Connection").width(Width.MEDIUM).displayName("Host name"))
                .define(ConfigDef.key("port").type(Type.INT).defaultValue("5432").validator(Range.between(1, 65535))
                        .doc("Port.").group("Connection"))
                .define(ConfigDef.key("batch").type(Type.INT).defaultValue(10).group("Tuning").build())
                .define(ConfigDef.key("user").type(Type.STRING).defaultValue(null).group("Connection")
                        .dependents("password"));

        assertThat(def.groups()).containsExactly("Connection", "Tuning");
        assertThat(def.find("host").get().orderInGroup()).isEqualTo(1);
        assertThat(def.find("port").get().orderInGroup()).isEqualTo(2);
        assertThat(def.find("user").get().orderInGroup()).isEqualTo(3);
        assertThat(def.find("batch").get().orderInGroup()).isEqualTo(1);
        assertThat(def.find("host").get().hasDefault()).isFalse();
        assertThat(def.find("host").get().displayName()).isEqualTo("Host name");
        assertThat(def.find("port").get().importance()).isEqualTo(Importance.MEDIUM);
        assertThat(def.find("port").get().defaultValue()).as("default parsed to the type").isEqualTo(5432);
        assertThat(def.find("batch").get().documentation()).as("undocumented is detectable").isNull();
        assertThat(def.find("user").get().dependents()).containsExactly("password");
        assertThat(def.defaultValues()).containsExactly(entry("port", 5432), entry("batch", 10), entry("user", null));
    }

    @Test
    void duplicateDefinitionNamesTheKey() {
        ConfigDef def = new ConfigDef().define("topic", Type.STRING, Importance.HIGH, "doc");
        assertThatThrownBy(() -> def.define("topic", Type.INT, 1, Importance.LOW, "again"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"topic\"");
        assertThatThrownBy(() -> def.define(ConfigDef.key("topic").type(Type.STRING)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic");
    }

    @Test
    void incompleteDefinitionsAreRejected() {
        assertThatThrownBy(() -> ConfigDef.key(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfigDef.key(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfigDef.key("x").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"x\"").hasMessageContaining("type");
        assertThatThrownBy(() -> new ConfigDef().define("x", Type.STRING, "a", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("importance");
    }

    @Test
    void invalidDefaultsFailAtDefinition() {
        assertThatThrownBy(() -> new ConfigDef().define("n", Type.INT, "abc", Importance.LOW, "doc"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("n")
                .hasMessageContaining("abc");
        assertThatThrownBy(() -> new ConfigDef().define("n", Type.INT, 0, Range.atLeast(1), Importance.LOW, "doc"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("default")
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new ConfigDef().define("n", Type.STRING, null, new ConfigDef.NonNullValidator(),
                Importance.LOW, "doc"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("non-null");
    }

    @Test
    void copyConstructorIsIndependent() {
        ConfigDef base = new ConfigDef().define("a", Type.STRING, "x", Importance.LOW, "doc", "G", 1, Width.NONE, "A");
        ConfigDef extended = new ConfigDef(base).define("b", Type.STRING, "y", Importance.LOW, "doc");
        assertThat(extended.names()).containsExactly("a", "b");
        assertThat(extended.groups()).containsExactly("G");
        assertThat(base.names()).containsExactly("a");
    }

    @Test
    void readViewsAreUnmodifiable() {
        ConfigDef def = new ConfigDef().define("a", Type.STRING, "x", Importance.LOW, "doc");
        assertThatThrownBy(() -> def.configKeys().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> def.names().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> def.groups().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void unknownKeysAreSortedAndRespectAllowedPrefixes() {
        ConfigDef def = new ConfigDef()
                .define("name", Type.STRING, Importance.HIGH, "doc")
                .define("topic", Type.STRING, "t", Importance.HIGH, "doc");
        Map<String, String> props = Map.of("name", "n", "topik", "t", "transforms", "a",
                "transforms.a.type", "X", "batch", "1");

        assertThat(def.unknownKeys(props)).containsExactly("batch", "topik", "transforms", "transforms.a.type");
        assertThat(def.unknownKeys(props, "transforms.")).containsExactly("batch", "topik", "transforms");
        assertThat(def.unknownKeys(props, "transforms", "bat")).containsExactly("topik");
        assertThat(def.unknownKeys(Map.of("name", "x"))).isEmpty();
    }

    @Test
    void configKeyToStringMasksPasswordDefault() {
        ConfigDef def = new ConfigDef().define("pw", Type.PASSWORD, "s3cret", Importance.HIGH, "doc");
        assertThat(def.find("pw").get().toString()).contains("[hidden]").doesNotContain("s3cret");
        assertThat(def.find("pw").get().defaultValue()).isEqualTo(new Password("s3cret"));
    }

    @Test
    void typeSensitivity() {
        assertThat(Type.PASSWORD.isSensitive()).isTrue();
        assertThat(Type.STRING.isSensitive()).isFalse();
    }
}
