package io.connectsdk.builtins.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.builtins.transforms.util.FieldPath;
import io.connectsdk.builtins.transforms.util.FieldSyntaxVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldPathTest {

    @Test
    void v1TakesTheNameLiterally() {
        assertThat(FieldPath.parse("a.b`c", FieldSyntaxVersion.V1).steps()).containsExactly("a.b`c");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "a|a",
        "a.b.c|a,b,c",
        "`a.b`.c|a.b,c",
        "`a.b`|a.b",
        "a.`b.c`|a,b.c",
        "`a\\`.b`|a`.b",
        "`a`b`.c|a`b,c",
        "a.|a,",
        "a..b|a,,b",
        "a`b.c|a`b,c",
    })
    void v2SplitsDottedPathsWithBacktickQuoting(String text, String expected) {
        assertThat(String.join(",", FieldPath.parse(text, FieldSyntaxVersion.V2).steps()))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"`a.b", "`a\\`", "x.`y"})
    void unclosedBacktickIsAConfigError(String text) {
        assertThatThrownBy(() -> FieldPath.parse(text, FieldSyntaxVersion.V2))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("[" + text + "]")
                .hasMessageContaining("never closed");
    }

    @Test
    void versionIsParsedCaseInsensitivelyAndRejectsOthers() {
        assertThat(FieldSyntaxVersion.parse("v2")).isEqualTo(FieldSyntaxVersion.V2);
        assertThatThrownBy(() -> FieldSyntaxVersion.parse("V3"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("field.syntax.version").hasMessageContaining("V3");
    }

    @Test
    void findsNestedFieldsAndValues() {
        Schema inner = SchemaBuilder.struct().field("x", SchemaBuilder.int32().optional().defaultValue(3).build()).optional().build();
        Schema outer = SchemaBuilder.struct().field("in", inner).field("n", Schema.INT32_SCHEMA).build();
        Struct value = new Struct(outer).put("in", new Struct(inner)).put("n", 1);
        FieldPath path = FieldPath.parse("in.x", FieldSyntaxVersion.V2);

        assertThat(path.fieldIn(outer).schema()).isEqualTo(inner.field("x").schema());
        assertThat(path.valueIn(value, true)).isEqualTo(3);
        assertThat(path.valueIn(value, false)).isNull();
        assertThat(FieldPath.parse("in.nope", FieldSyntaxVersion.V2).fieldIn(outer)).isNull();
        assertThat(FieldPath.parse("n.x", FieldSyntaxVersion.V2).fieldIn(outer)).isNull();
        assertThat(path.valueIn(new Struct(outer).put("n", 2), true)).isNull();

        assertThat(path.valueIn(Map.of("in", Map.of("x", "y")))).isEqualTo("y");
        assertThat(path.valueIn(Map.of("other", 1))).isNull();
        assertThatThrownBy(() -> path.valueIn(Map.of("in", "not a map")))
                .isInstanceOf(DataException.class).hasMessageContaining("in.x").hasMessageContaining("not a Map");
    }
}
