package io.connectsdk.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.connectsdk.api.config.ConfigDef.Importance;
import io.connectsdk.api.config.ConfigDef.Range;
import io.connectsdk.api.config.ConfigDef.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AbstractConfigTest {

    static final ConfigDef CONFIG = new ConfigDef()
            .define("s", Type.STRING, "str", Importance.HIGH, "doc")
            .define("i", Type.INT, 1, Range.atLeast(0), Importance.HIGH, "doc")
            .define("sh", Type.SHORT, (short) 2, Importance.LOW, "doc")
            .define("l", Type.LONG, 3L, Importance.LOW, "doc")
            .define("d", Type.DOUBLE, 4.5, Importance.LOW, "doc")
            .define("b", Type.BOOLEAN, false, Importance.LOW, "doc")
            .define("list", Type.LIST, "a,b", Importance.LOW, "doc")
            .define("c", Type.CLASS, String.class, Importance.LOW, "doc")
            .define("pw", Type.PASSWORD, Importance.HIGH, "doc")
            .define("opt", Type.STRING, null, Importance.LOW, "doc");

    /** The way plugins use it: a typed subclass. */
    static final class MyConfig extends AbstractConfig {
        MyConfig(Map<String, ?> props) {
            super(CONFIG, props);
        }

        int batch() {
            return getInt("i");
        }
    }

    private static Map<String, Object> props() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("s", "hello");
        props.put("i", "42");
        props.put("sh", "7");
        props.put("l", "8");
        props.put("d", "0.25");
        props.put("b", "TRUE");
        props.put("list", "x, y");
        props.put("c", "java.lang.Integer");
        props.put("pw", "hunter2");
        props.put("transforms.mask.type", "Mask");
        props.put("transforms.mask.fields", "ssn");
        return props;
    }

    @Test
    void typedGetters() {
        MyConfig config = new MyConfig(props());
        assertThat(config.getString("s")).isEqualTo("hello");
        assertThat(config.getInt("i")).isEqualTo(42);
        assertThat(config.batch()).isEqualTo(42);
        assertThat(config.getShort("sh")).isEqualTo((short) 7);
        assertThat(config.getLong("l")).isEqualTo(8L);
        assertThat(config.getDouble("d")).isEqualTo(0.25);
        assertThat(config.getBoolean("b")).isTrue();
        assertThat(config.getList("list")).containsExactly("x", "y");
        assertThat(config.getClass("c")).isEqualTo(Integer.class);
        assertThat(config.getPassword("pw").value()).isEqualTo("hunter2");
        assertThat(config.getString("opt")).isNull();
        assertThat(config.get("i")).isEqualTo(42);
        assertThat(config.definition()).isSameAs(CONFIG);
    }

    @Test
    void defaultsApply() {
        AbstractConfig config = new AbstractConfig(CONFIG, Map.of("pw", "x"));
        assertThat(config.getString("s")).isEqualTo("str");
        assertThat(config.getInt("i")).isEqualTo(1);
        assertThat(config.getShort("sh")).isEqualTo((short) 2);
        assertThat(config.getList("list")).containsExactly("a", "b");
        assertThat(config.getClass("c")).isEqualTo(String.class);
    }

    @Test
    void unknownKeyAndWrongTypeAreNamed() {
        AbstractConfig config = new AbstractConfig(CONFIG, Map.of("pw", "x"));
        assertThatThrownBy(() -> config.getString("nope"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("\"nope\"");
        assertThatThrownBy(() -> config.get("nope"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> config.getString("i"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("\"i\"").hasMessageContaining("INT");
        assertThatThrownBy(() -> config.getLong("i")).isInstanceOf(ConfigException.class);
    }

    @Test
    void constructorReportsEveryError() {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("i", "-1");
        bad.put("b", "perhaps");
        bad.put("c", "no.such.Thing");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> new MyConfig(bad));
        assertThat(e.errors()).containsOnlyKeys("i", "b", "c", "pw");
        assertThat(e.getMessage()).startsWith("4 configuration errors");
    }

    @Test
    void toStringMasksPasswords() {
        MyConfig config = new MyConfig(props());
        assertThat(config.toString()).startsWith("MyConfig{").contains("pw=[hidden]").doesNotContain("hunter2")
                .contains("s=hello");
    }

    @Test
    void originalsAndPrefixes() {
        MyConfig config = new MyConfig(props());
        assertThat(config.originals()).containsEntry("transforms.mask.type", "Mask").hasSize(11);
        assertThatThrownBy(() -> config.originals().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(config.originalsWithPrefix("transforms.mask."))
                .containsExactly(Map.entry("type", "Mask"), Map.entry("fields", "ssn"));
        assertThat(config.originalsWithPrefix("transforms.mask.", false))
                .containsOnlyKeys("transforms.mask.type", "transforms.mask.fields");
        assertThat(config.originalsWithPrefix("transforms.mask.type")).isEmpty();
        assertThat(config.values()).containsEntry("i", 42).containsEntry("opt", null)
                .doesNotContainKey("transforms.mask.type");
    }

    @Test
    void originalsStringsConvertsTypedValues() {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("i", 5);
        typed.put("list", List.of("p", "q"));
        typed.put("c", Long.class);
        typed.put("pw", new Password("sec"));
        typed.put("opt", null);
        AbstractConfig config = new AbstractConfig(CONFIG, typed);
        Map<String, String> strings = config.originalsStrings();
        assertThat(strings).containsEntry("i", "5").containsEntry("list", "p,q").containsEntry("c", "java.lang.Long")
                .containsEntry("pw", "sec").containsEntry("opt", null);
        assertThat(config.getInt("i")).isEqualTo(5);
    }

    @Test
    void unusedListsOriginalsNeverRead() {
        MyConfig config = new MyConfig(props());
        config.getString("s");
        config.get("i");
        config.getPassword("pw");
        assertThat(config.unused()).containsExactly("sh", "l", "d", "b", "list", "c", "transforms.mask.type",
                "transforms.mask.fields");
    }

    @Test
    void acceptsPropertiesAndRejectsNonStringKeys() {
        Properties p = new Properties();
        p.setProperty("pw", "x");
        p.setProperty("i", "9");
        assertThat(new AbstractConfig(CONFIG, p).getInt("i")).isEqualTo(9);

        Map<Object, Object> weird = new LinkedHashMap<>();
        weird.put(1, "x");
        assertThatThrownBy(() -> new AbstractConfig(CONFIG, weird))
                .isInstanceOf(ConfigException.class).hasMessageContaining("1");
        assertThatThrownBy(() -> new AbstractConfig(CONFIG, null)).isInstanceOf(NullPointerException.class);
    }
}
