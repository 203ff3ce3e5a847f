package io.connectsdk.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.connectsdk.api.config.ConfigDef.Importance;
import io.connectsdk.api.config.ConfigDef.Range;
import io.connectsdk.api.config.ConfigDef.Type;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigDefParseTest {

    private static Object parseOne(Type type, Object value) {
        return new ConfigDef().define("k", type, Importance.HIGH, "doc").parse(Map.of("k", value)).get("k");
    }

    private static ConfigException parseOneFails(Type type, Object value) {
        ConfigDef def = new ConfigDef().define("k", type, Importance.HIGH, "doc");
        return catchThrowableOfType(ConfigException.class, () -> def.parse(Map.of("k", value)));
    }

    @ParameterizedTest
    @CsvSource({"true,true", "TRUE,true", "  False ,false", "tRuE,true"})
    void booleanFromStringIgnoresCase(String input, boolean expected) {
        assertThat(parseOne(Type.BOOLEAN, input)).isEqualTo(expected);
    }

    @Test
    void booleanRejectsOtherWords() {
        assertThat(parseOne(Type.BOOLEAN, Boolean.FALSE)).isEqualTo(false);
        ConfigException e = parseOneFails(Type.BOOLEAN, "yes");
        assertThat(e).isNotNull();
        assertThat(e.key()).isEqualTo("k");
        assertThat(e.errors().get("k")).singleElement().asString()
                .contains("Invalid value yes for configuration k").contains("true or false");
        assertThat(parseOneFails(Type.BOOLEAN, 1).getMessage()).contains("k").contains("java.lang.Integer");
    }

    @Test
    void stringIsTrimmed() {
        assertThat(parseOne(Type.STRING, "  hello ")).isEqualTo("hello");
        assertThat(parseOne(Type.STRING, "")).isEqualTo("");
        assertThat(parseOneFails(Type.STRING, 42).getMessage()).contains("42").contains("k");
    }

    @Test
    void wholeNumbersParseWithRangeChecks() {
        assertThat(parseOne(Type.INT, " 42 ")).isEqualTo(42);
        assertThat(parseOne(Type.INT, -7)).isEqualTo(-7);
        assertThat(parseOne(Type.INT, 7L)).isEqualTo(7);
        assertThat(parseOne(Type.INT, "2147483647")).isEqualTo(Integer.MAX_VALUE);
        assertThat(parseOne(Type.SHORT, "-32768")).isEqualTo(Short.MIN_VALUE);
        assertThat(parseOne(Type.SHORT, 12)).isEqualTo((short) 12);
        assertThat(parseOne(Type.LONG, "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(parseOne(Type.LONG, 3)).isEqualTo(3L);
        assertThat(parseOne(Type.LONG, BigInteger.TEN)).isEqualTo(10L);

        assertThat(parseOneFails(Type.INT, "2147483648").getMessage())
                .contains("2147483648").contains("for configuration k").contains("Out of range for type INT");
        assertThat(parseOneFails(Type.INT, 5_000_000_000L).getMessage()).contains("Out of range");
        assertThat(parseOneFails(Type.SHORT, "32768").getMessage())
                .contains("32768").contains("Out of range for type SHORT [-32768..32767]");
        assertThat(parseOneFails(Type.LONG, "9223372036854775808").getMessage()).contains("Out of range");
        assertThat(parseOneFails(Type.INT, "12abc").getMessage())
                .contains("Invalid value 12abc for configuration k").contains("Not a number of type INT");
        assertThat(parseOneFails(Type.INT, "1.5").getMessage()).contains("Not a number");
        assertThat(parseOneFails(Type.INT, 1.5d).getMessage()).contains("java.lang.Double");
    }

    @Test
    void doubles() {
        assertThat(parseOne(Type.DOUBLE, "1.5")).isEqualTo(1.5d);
        assertThat(parseOne(Type.DOUBLE, 2)).isEqualTo(2.0d);
        assertThat(parseOne(Type.DOUBLE, " -3e2 ")).isEqualTo(-300.0d);
        assertThat(parseOneFails(Type.DOUBLE, "one").getMessage())
                .contains("Invalid value one for configuration k").contains("DOUBLE");
        assertThat(parseOneFails(Type.DOUBLE, true).getMessage()).contains("java.lang.Boolean");
    }

    @Test
    void listsFromStringsAndLists() {
        assertThat(parseOne(Type.LIST, "a, b ,c")).isEqualTo(List.of("a", "b", "c"));
        assertThat(parseOne(Type.LIST, "  ")).isEqualTo(List.of());
        assertThat(parseOne(Type.LIST, "")).isEqualTo(List.of());
        assertThat(parseOne(Type.LIST, "solo")).isEqualTo(List.of("solo"));
        assertThat(parseOne(Type.LIST, "a,,b")).isEqualTo(List.of("a", "", "b"));
        assertThat(parseOne(Type.LIST, List.of("x", "y"))).isEqualTo(List.of("x", "y"));
        @SuppressWarnings("unchecked")
        List<String> parsed = (List<String>) parseOne(Type.LIST, "a,b");
        assertThatThrownBy(() -> parsed.add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(parseOneFails(Type.LIST, List.of("x", 1)).getMessage())
                .contains("for configuration k").contains("java.lang.Integer");
        assertThat(parseOneFails(Type.LIST, 3).getMessage()).contains("k");
    }

    @Test
    void classesLoadFromNamesOrClasses() {
        assertThat(parseOne(Type.CLASS, "java.lang.String")).isEqualTo(String.class);
        assertThat(parseOne(Type.CLASS, " " + ConfigDefParseTest.class.getName() + " "))
                .isEqualTo(ConfigDefParseTest.class);
        assertThat(parseOne(Type.CLASS, Integer.class)).isEqualTo(Integer.class);
    }

    @Test
    void missingClassIsReportedWithItsName() {
        ConfigException e = parseOneFails(Type.CLASS, "com.example.DoesNotExist");
        assertThat(e.getMessage())
                .contains("Invalid value com.example.DoesNotExist for configuration k")
                .contains("Class com.example.DoesNotExist could not be found");
        assertThat(e.errors()).containsOnlyKeys("k");
    }

    @Test
    void classesLoadWithTheContextClassLoaderFirstThenTheSdkLoader() {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        ClassLoader refusing = new ClassLoader(null) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                throw new ClassNotFoundException(name);
            }
        };
        // child-first for Marker: defines its own copy of the class, as a plugin's loader would
        ClassLoader pluginLoader = new ClassLoader(ConfigDefParseTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.equals(Marker.class.getName())) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    if (loaded != null) {
                        return loaded;
                    }
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        return defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
            }
        };
        try {
            // the context loader does not know the class: the SDK's own loader is the fallback
            Thread.currentThread().setContextClassLoader(refusing);
            assertThat(parseOne(Type.CLASS, ConfigDefParseTest.class.getName())).isEqualTo(ConfigDefParseTest.class);

            // the context loader (a plugin's) is asked first
            Thread.currentThread().setContextClassLoader(pluginLoader);
            Class<?> loaded = (Class<?>) parseOne(Type.CLASS, Marker.class.getName());
            assertThat(loaded.getClassLoader()).isSameAs(pluginLoader);
            assertThat(loaded).isNotEqualTo(Marker.class);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    static final class Marker {
    }

    @Test
    void passwordsAreWrappedAndNeverShown() {
        assertThat(parseOne(Type.PASSWORD, "s3cret")).isEqualTo(new Password("s3cret"));
        assertThat(parseOne(Type.PASSWORD, new Password("x"))).isEqualTo(new Password("x"));
        ConfigException e = parseOneFails(Type.PASSWORD, 12345678);
        assertThat(e.getMessage()).contains("[hidden]").doesNotContain("12345678");
    }

    @Test
    void defaultsApplyWhenUnsetOrNull() {
        ConfigDef def = new ConfigDef()
                .define("i", Type.INT, 3, Importance.LOW, "doc")
                .define("s", Type.STRING, null, Importance.LOW, "doc")
                .define("l", Type.LIST, "a,b", Importance.LOW, "doc")
                .define("b", Type.BOOLEAN, "true", Importance.LOW, "doc");
        Map<String, Object> props = new HashMap<>();
        props.put("i", null);
        props.put("unknown", "ignored");

        Map<String, Object> parsed = def.parse(props);

        assertThat(parsed).containsExactly(
                org.assertj.core.api.Assertions.entry("i", 3),
                org.assertj.core.api.Assertions.entry("s", null),
                org.assertj.core.api.Assertions.entry("l", List.of("a", "b")),
                org.assertj.core.api.Assertions.entry("b", true));
        assertThat(parsed).doesNotContainKey("unknown");
        assertThatThrownBy(() -> parsed.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void setValuesOverrideDefaults() {
        ConfigDef def = new ConfigDef().define("i", Type.INT, 3, Importance.LOW, "doc");
        assertThat(def.parse(Map.of("i", "4"))).containsEntry("i", 4);
    }

    @Test
    void missingRequiredKeyIsNamed() {
        ConfigDef def = new ConfigDef().define("topic", Type.STRING, Importance.HIGH, "doc");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> def.parse(Map.of()));
        assertThat(e.key()).isEqualTo("topic");
        assertThat(e.errors().get("topic")).containsExactly(
                "Missing required configuration \"topic\" which has no default value.");
        assertThat(e.getMessage()).contains("1 configuration error").contains("\"topic\"");
    }

    @Test
    void everyErrorOfEveryKeyIsCollected() {
        ConfigDef def = new ConfigDef()
                .define("host", Type.STRING, Importance.HIGH, "doc")
                .define("port", Type.INT, 80, Range.between(1, 65535), Importance.HIGH, "doc")
                .define("ssl", Type.BOOLEAN, false, Importance.LOW, "doc")
                .define("ok", Type.STRING, "fine", Importance.LOW, "doc")
                .define("retries", Type.INT, 1, Range.atLeast(0), Importance.LOW, "doc");

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> def.parse(Map.of("port", "70000", "ssl", "maybe", "retries", "-1")));

        assertThat(e.errors()).containsOnlyKeys("host", "port", "ssl", "retries");
        assertThat(e.errors().keySet()).containsExactly("host", "port", "ssl", "retries");
        assertThat(e.errors().get("port")).singleElement().asString()
                .contains("70000").contains("port").contains("no more than 65535");
        assertThat(e.errors().get("ssl")).singleElement().asString().contains("maybe").contains("ssl");
        assertThat(e.errors().get("retries")).singleElement().asString().contains("-1").contains("at least 0");
        assertThat(e.key()).as("several keys").isNull();
        assertThat(e.getMessage()).startsWith("4 configuration errors")
                .contains("host").contains("70000").contains("maybe").contains("retries");
    }

    @Test
    void threeBadKeysGiveThreeErrorsInOneException() {
        ConfigDef def = new ConfigDef()
                .define("a", Type.INT, Importance.HIGH, "doc")
                .define("b", Type.CLASS, Importance.HIGH, "doc")
                .define("c", Type.STRING, "x", ConfigDef.ValidString.in("x", "y"), Importance.HIGH, "doc");

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> def.parse(Map.of("a", "notanint", "b", "no.such.Clazz", "c", "z")));

        assertThat(e.errors().values().stream().mapToInt(List::size).sum()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("3 configuration errors");
    }

    @Test
    void passwordSecretsNeverAppearInErrors() {
        ConfigDef.Validator careless = (name, value) -> {
            if (value == null) {
                return;
            }
            throw new ConfigException(name, ((Password) value).value(), "too short: " + ((Password) value).value());
        };
        ConfigDef def = new ConfigDef()
                .define("pw", Type.PASSWORD, Importance.HIGH, "doc")
                .define("pw2", Type.PASSWORD, null, careless, Importance.HIGH, "doc")
                .define("pw3", Type.PASSWORD, null,
                        (name, value) -> {
                            if (value != null) {
                                throw new ConfigException(name, value, "rejected");
                            }
                        }, Importance.HIGH, "doc");
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> def.parse(Map.of("pw2", "hunter22", "pw3", "topsecret")));

        assertThat(e.getMessage()).doesNotContain("hunter22").doesNotContain("topsecret").contains("[hidden]");
        assertThat(e.errors().get("pw2")).allSatisfy(m -> assertThat(m).doesNotContain("hunter22"));
        assertThat(e.errors().get("pw3")).singleElement().asString()
                .isEqualTo("Invalid value [hidden] for configuration pw3: rejected");
        assertThat(e.errors()).containsKey("pw");
    }

    @Test
    void validatorCrashIsReportedAsAnError() {
        ConfigDef def = new ConfigDef().define("n", Type.STRING, "x", (name, value) -> {
            if (value.equals("boom")) {
                throw new IllegalStateException("kaput");
            }
        }, Importance.LOW, "doc");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> def.parse(Map.of("n", "boom")));
        assertThat(e.errors().get("n")).singleElement().asString().contains("boom").contains("kaput");
    }

    @Test
    void parseTypeAndConvertToStringRoundTrip() {
        assertThat(ConfigDef.parseType("k", null, Type.INT)).isNull();
        assertThat(ConfigDef.convertToString(List.of("a", "b"), Type.LIST)).isEqualTo("a,b");
        assertThat(ConfigDef.convertToString(String.class, Type.CLASS)).isEqualTo("java.lang.String");
        assertThat(ConfigDef.convertToString(new Password("p"), Type.PASSWORD)).isEqualTo("p");
        assertThat(ConfigDef.convertToString(5, Type.INT)).isEqualTo("5");
        assertThat(ConfigDef.convertToString(null, Type.INT)).isNull();
        for (Type type : Type.values()) {
            Object sample = switch (type) {
                case BOOLEAN -> true;
                case STRING -> "s";
                case INT -> 1;
                case SHORT -> (short) 2;
                case LONG -> 3L;
                case DOUBLE -> 4.5d;
                case LIST -> List.of("a", "b");
                case CLASS -> String.class;
                case PASSWORD -> new Password("pw");
            };
            assertThat(ConfigDef.parseType("k", ConfigDef.convertToString(sample, type), type))
                    .as(type.name()).isEqualTo(sample);
        }
    }
}
