package io.connectsdk.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.api.config.ConfigDef.Importance;
import io.connectsdk.api.config.ConfigDef.Range;
import io.connectsdk.api.config.ConfigDef.Type;
import io.connectsdk.api.config.ConfigDef.ValidString;
import io.connectsdk.api.config.ConfigDef.Width;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDocsAndExceptionTest {

    @Test
    void markdownDescribesEveryKey() {
        ConfigDef def = new ConfigDef()
                .define("topic", Type.STRING, Importance.HIGH, "Topic to write to.")
                .define("batch.size", Type.INT, 100, Range.between(1, 1000), Importance.MEDIUM, "Records per poll.")
                .define("mode", Type.STRING, "bulk", ValidString.in("bulk", "incremental"), Importance.HIGH,
                        "How rows are read.", "Source", 2, Width.SHORT, "Mode")
                .define("table", Type.LIST, "", Importance.LOW, "Tables.", "Source", 1, Width.LONG, "table")
                .define("secret", Type.PASSWORD, "dont-print-me", Importance.LOW, null)
                .define("opt", Type.STRING, null, Importance.LOW, "  ");

        String md = def.toMarkdown();

        assertThat(md).contains("#### `topic`", "#### `batch.size`", "#### `mode`", "#### `table`", "#### `secret`",
                "#### `opt`");
        assertThat(md).contains("Topic to write to.", "* Type: string", "* Required: yes", "* Importance: high");
        assertThat(md).contains("* Default: `100`", "* Valid values: [1,...,1000]", "* Type: int");
        assertThat(md).contains("### Source", "* Valid values: [bulk, incremental]", "* Display name: Mode");
        assertThat(md).contains("* Default: `\"\"`", "* Default: null");
        assertThat(md).contains("* Default: `[hidden]`").doesNotContain("dont-print-me");
        assertThat(md.indexOf("#### `table`")).as("order in group").isLessThan(md.indexOf("#### `mode`"));
        assertThat(md.indexOf("#### `opt`")).as("ungrouped first").isLessThan(md.indexOf("### Source"));
        assertThat(new ConfigDef().toMarkdown()).isEmpty();
    }

    @Test
    void undocumentedKeysAreDetectable() {
        ConfigDef def = new ConfigDef()
                .define("a", Type.STRING, "", Importance.LOW, null)
                .define("b", Type.STRING, "", Importance.LOW, " ")
                .define("c", Type.STRING, "", Importance.LOW, "Documented.");
        assertThat(def.configKeys().values())
                .filteredOn(k -> k.documentation() == null || k.documentation().isBlank())
                .extracting(ConfigDef.ConfigKey::name)
                .containsExactly("a", "b");
    }

    @Test
    void singleValueExceptionNamesKeyAndValue() {
        ConfigException e = new ConfigException("port", "abc", "Not a number");
        assertThat(e.getMessage()).isEqualTo("Invalid value abc for configuration port: Not a number");
        assertThat(e.key()).isEqualTo("port");
        assertThat(e.errors()).containsExactly(Map.entry("port", List.of(e.getMessage())));
        assertThat(new ConfigException("k", "v", null).getMessage()).isEqualTo("Invalid value v for configuration k");
        assertThat(new ConfigException(null, "v", "m").errors()).containsKey("null");
    }

    @Test
    void exceptionMasksPasswords() {
        ConfigException e = new ConfigException("pw", new Password("hunter2"), "too short");
        assertThat(e.getMessage()).isEqualTo("Invalid value [hidden] for configuration pw: too short");
        assertThat(e.toString()).doesNotContain("hunter2");
        assertThat(new Password("hunter2").toString()).isEqualTo("[hidden]");
    }

    @Test
    void multiKeyExceptionListsEveryError() {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        errors.put("a", List.of("Invalid value 1 for configuration a: bad", "second problem"));
        errors.put("b", List.of("Missing required configuration \"b\" which has no default value."));
        errors.put("c", List.of());
        ConfigException e = new ConfigException(errors);
        assertThat(e.getMessage()).isEqualTo("3 configuration errors"
                + "\n  Invalid value 1 for configuration a: bad"
                + "\n  a: second problem"
                + "\n  Missing required configuration \"b\" which has no default value.");
        assertThat(e.errors()).containsOnlyKeys("a", "b");
        assertThat(e.key()).isNull();
        assertThat(new ConfigException(Map.of("x", List.of("x is bad"))).key()).isEqualTo("x");
        Map<String, List<String>> similar = new LinkedHashMap<>();
        similar.put("a", List.of("bad value"));
        similar.put("tasks", List.of("tasks.max is not tasks"));
        similar.put("topic", List.of("See topic."));
        assertThat(new ConfigException(similar).getMessage()).isEqualTo("3 configuration errors"
                + "\n  a: bad value"
                + "\n  tasks.max is not tasks"
                + "\n  See topic.");
        assertThat(new ConfigException("plain").errors()).isEmpty();
        assertThat(new ConfigException("plain", new RuntimeException("cause")).getCause()).hasMessage("cause");
    }
}
