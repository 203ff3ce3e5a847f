package io.connectsdk.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.connectsdk.api.config.ConfigDef.CaseInsensitiveValidString;
import io.connectsdk.api.config.ConfigDef.CompositeValidator;
import io.connectsdk.api.config.ConfigDef.Importance;
import io.connectsdk.api.config.ConfigDef.LambdaValidator;
import io.connectsdk.api.config.ConfigDef.ListOf;
import io.connectsdk.api.config.ConfigDef.NonEmptyString;
import io.connectsdk.api.config.ConfigDef.NonNullValidator;
import io.connectsdk.api.config.ConfigDef.Range;
import io.connectsdk.api.config.ConfigDef.Type;
import io.connectsdk.api.config.ConfigDef.ValidList;
import io.connectsdk.api.config.ConfigDef.ValidString;
import io.connectsdk.api.config.ConfigDef.Validator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidatorsTest {

    private static void accepts(Validator v, Object value) {
        assertThatCode(() -> v.ensureValid("key", value)).as("%s accepts %s", v, value).doesNotThrowAnyException();
    }

    private static ConfigException rejects(Validator v, Object value) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> v.ensureValid("key", value));
        assertThat(e).as("%s rejects %s", v, value).isNotNull();
        assertThat(e.getMessage()).contains("key");
        return e;
    }

    @Test
    void rangeAtLeast() {
        Range r = Range.atLeast(1);
        accepts(r, 1);
        accepts(r, 100L);
        accepts(r, 1.5d);
        accepts(r, null);
        assertThat(rejects(r, 0).getMessage()).isEqualTo("Invalid value 0 for configuration key: Value must be at least 1");
        assertThat(rejects(r, 0.5d).getMessage()).contains("at least 1");
        assertThat(rejects(r, "5").getMessage()).contains("must be a number");
        assertThat(r).hasToString("[1,...]");
    }

    @Test
    void rangeBetweenAndAtMost() {
        Range r = Range.between(1, 10);
        accepts(r, 1);
        accepts(r, 10);
        accepts(r, (short) 5);
        assertThat(rejects(r, 11).getMessage()).contains("11").contains("no more than 10");
        assertThat(rejects(r, 0L).getMessage()).contains("at least 1");
        assertThat(r).hasToString("[1,...,10]");

        Range m = Range.atMost(0.5);
        accepts(m, 0.5);
        accepts(m, -3);
        assertThat(rejects(m, 0.6).getMessage()).contains("no more than 0.5");
        assertThat(m).hasToString("[...,0.5]");

        Range big = Range.atLeast(Long.MAX_VALUE - 1);
        accepts(big, Long.MAX_VALUE);
        rejects(big, Long.MAX_VALUE - 2);

        assertThatThrownBy(() -> Range.between(5, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validString() {
        ValidString v = ValidString.in("bulk", "incremental");
        accepts(v, "bulk");
        accepts(v, null);
        assertThat(rejects(v, "BULK").getMessage())
                .isEqualTo("Invalid value BULK for configuration key: String must be one of: bulk, incremental");
        assertThat(v).hasToString("[bulk, incremental]");
        assertThat(v.validStrings()).containsExactly("bulk", "incremental");
        assertThatThrownBy(ValidString::in).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void caseInsensitiveValidString() {
        CaseInsensitiveValidString v = CaseInsensitiveValidString.in("None", "All");
        accepts(v, "none");
        accepts(v, "ALL");
        accepts(v, null);
        assertThat(rejects(v, "some").getMessage()).contains("some").contains("None, All").contains("case insensitive");
        assertThat(rejects(v, 3).getMessage()).contains("3");
        assertThat(v).hasToString("[None, All] (case insensitive)");
    }

    @Test
    void nonEmptyString() {
        NonEmptyString v = new NonEmptyString();
        accepts(v, "x");
        accepts(v, null);
        accepts(v, new Password("p"));
        assertThat(rejects(v, "").getMessage()).contains("must be non-empty");
        ConfigException pw = rejects(v, new Password(""));
        assertThat(pw.getMessage()).contains("[hidden]").contains("non-empty");
        assertThat(rejects(v, 1).getMessage()).contains("must be a string");
        assertThat(v).hasToString("non-empty string");
    }

    @Test
    void nonNull() {
        NonNullValidator v = new NonNullValidator();
        accepts(v, "");
        accepts(v, 0);
        assertThat(rejects(v, null).getMessage()).isEqualTo("Invalid value null for configuration key: Value must be non-null");
        assertThat(v).hasToString("non-null value");
    }

    @Test
    void validListChecksEveryElement() {
        ValidList v = ValidList.in("a", "b");
        accepts(v, List.of());
        accepts(v, List.of("a", "b", "a"));
        accepts(v, null);
        ConfigException one = rejects(v, List.of("a", "c"));
        assertThat(one.getMessage()).isEqualTo("Invalid value c for configuration key: String must be one of: a, b");
        ConfigException two = rejects(v, List.of("x", "a", "y"));
        assertThat(two.errors().get("key")).hasSize(2);
        assertThat(two.getMessage()).contains("Invalid value x").contains("Invalid value y");
        assertThat(rejects(v, "a").getMessage()).contains("must be a list");
        assertThat(v).hasToString("[a, b]");
        assertThat(v.validStrings()).containsExactly("a", "b");
    }

    @Test
    void listOfAppliesAnyElementValidator() {
        ListOf v = ListOf.of(new NonEmptyString());
        accepts(v, List.of("x", "y"));
        assertThat(rejects(v, List.of("x", "")).getMessage()).contains("non-empty");
        assertThat(v).hasToString("list of non-empty string");
        assertThat(v.elementValidator()).isInstanceOf(NonEmptyString.class);
    }

    @Test
    void listOfReportsEveryBadElementThroughParse() {
        ConfigDef def = new ConfigDef().define("topics", Type.LIST, "a",
                ListOf.of(CompositeValidator.of(new NonEmptyString(), ValidString.in("a", "b"))), Importance.HIGH,
                "doc");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> def.parse(Map.of("topics", "a,,c,b,d")));
        assertThat(e.errors().get("topics")).hasSize(3);
        assertThat(e.errors().get("topics").get(0)).contains("non-empty");
        assertThat(e.errors().get("topics").get(1)).contains("Invalid value c");
        assertThat(e.errors().get("topics").get(2)).contains("Invalid value d");
        assertThat(e.getMessage()).startsWith("3 configuration errors");
    }

    @Test
    void compositeAppliesInOrderAndStopsAtFirstFailure() {
        Validator positiveLength = (name, value) -> {
            if (((String) value).length() > 3) {
                throw new ConfigException(name, value, "too long");
            }
        };
        CompositeValidator v = CompositeValidator.of(new NonNullValidator(), new NonEmptyString(), positiveLength);
        accepts(v, "abc");
        assertThat(rejects(v, null).getMessage()).contains("non-null");
        assertThat(rejects(v, "").getMessage()).contains("non-empty");
        assertThat(rejects(v, "abcd").getMessage()).contains("too long");
        assertThat(v.validators()).hasSize(3);
        assertThat(CompositeValidator.of(Range.atLeast(0), ValidString.in("1"))).hasToString("[0,...], [1]");
    }

    @Test
    void lambdaValidatorHasADescription() {
        LambdaValidator v = LambdaValidator.with((name, value) -> {
            if (value != null && !((String) value).startsWith("jdbc:")) {
                throw new ConfigException(name, value, "must start with jdbc:");
            }
        }, () -> "a JDBC URL");
        accepts(v, "jdbc:pg://x");
        accepts(v, null);
        assertThat(rejects(v, "http://x").getMessage())
                .isEqualTo("Invalid value http://x for configuration key: must start with jdbc:");
        assertThat(v).hasToString("a JDBC URL");
    }

    @Test
    void plainLambdaIsAValidator() {
        ConfigDef def = new ConfigDef().define("even", Type.INT, 0, (name, value) -> {
            if ((Integer) value % 2 != 0) {
                throw new ConfigException(name, value, "must be even");
            }
        }, Importance.LOW, "doc");
        assertThat(def.parse(Map.of("even", "4"))).containsEntry("even", 4);
        assertThatThrownBy(() -> def.parse(Map.of("even", "3")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value 3 for configuration even: must be even");
    }

    @Test
    void validatorsRunOnParsedValues() {
        ConfigDef def = new ConfigDef()
                .define("port", Type.INT, Importance.HIGH, "doc")
                .define("mode", Type.STRING, "a", CaseInsensitiveValidString.in("A", "B"), Importance.HIGH, "doc");
        def.define("n", Type.LONG, 5L, Range.between(1, 10), Importance.LOW, "doc");
        assertThat(def.parse(Map.of("port", "1", "mode", " b ", "n", "10"))).containsEntry("mode", "b")
                .containsEntry("n", 10L);
    }
}
