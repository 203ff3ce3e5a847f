package io.connectsdk.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigDef.Importance;
import io.connectsdk.api.config.ConfigDef.Range;
import io.connectsdk.api.config.ConfigDef.Recommender;
import io.connectsdk.api.config.ConfigDef.Type;
import io.connectsdk.api.config.ConfigDef.ValidString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDefValidateTest {

    /** Tables to choose from depend on the database type; "tables" is only shown for "jdbc". */
    private static final Recommender TABLES = new Recommender() {
        @Override
        public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
            return "jdbc".equals(parsedConfig.get("db")) ? List.of("users", "orders") : List.of();
        }

        @Override
        public boolean visible(String name, Map<String, Object> parsedConfig) {
            return "jdbc".equals(parsedConfig.get("db"));
        }
    };

    private static ConfigDef definition() {
        return new ConfigDef()
                .define(ConfigDef.key("db").type(Type.STRING).defaultValue("jdbc")
                        .validator(ValidString.in("jdbc", "mongo")).importance(Importance.HIGH).doc("Database.")
                        .dependents("tables").recommender((name, parsed) -> List.of("jdbc", "mongo")))
                .define(ConfigDef.key("tables").type(Type.LIST).defaultValue("").recommender(TABLES).doc("Tables."))
                .define("port", Type.INT, 5432, Range.between(1, 65535), Importance.MEDIUM, "Port.")
                .define("user", Type.STRING, Importance.HIGH, "User.")
                .define("password", Type.PASSWORD, null, Importance.HIGH, "Password.");
    }

    private static ConfigValue byName(List<ConfigValue> values, String name) {
        return new Config(values).configValue(name).orElseThrow();
    }

    @Test
    void oneValuePerDefinedKeyInOrder() {
        List<ConfigValue> values = definition().validate(Map.of("user", "bob", "password", "pw", "extra", "x"));
        assertThat(values).extracting(ConfigValue::name).containsExactly("db", "tables", "port", "user", "password");
        assertThat(values).allSatisfy(v -> assertThat(v.errorMessages()).isEmpty());
        assertThat(byName(values, "port").value()).isEqualTo(5432);
        assertThat(byName(values, "user").value()).isEqualTo("bob");
        assertThat(byName(values, "password").value()).isEqualTo(new Password("pw"));
        assertThat(new Config(values).hasErrors()).isFalse();
        assertThat(new Config(values).errors()).isEmpty();
    }

    @Test
    void badValuesBecomeErrorMessagesNotExceptions() {
        Map<String, String> props = new HashMap<>();
        props.put("db", "oracle");
        props.put("port", "http");
        List<ConfigValue> values = definition().validate(props);

        assertThat(byName(values, "db").errorMessages()).singleElement().asString()
                .contains("oracle").contains("db").contains("jdbc, mongo");
        assertThat(byName(values, "db").value()).as("no value when in error").isNull();
        assertThat(byName(values, "port").errorMessages()).singleElement().asString()
                .contains("Invalid value http for configuration port");
        assertThat(byName(values, "user").errorMessages()).containsExactly(
                "Missing required configuration \"user\" which has no default value.");
        assertThat(byName(values, "tables").errorMessages()).isEmpty();

        Config config = new Config(values);
        assertThat(config.hasErrors()).isTrue();
        assertThat(config.errors()).containsOnlyKeys("db", "port", "user");
        ConfigException asException = new ConfigException(config.errors());
        assertThat(asException.getMessage()).startsWith("3 configuration errors");
    }

    @Test
    void recommenderDrivesVisibilityAndRecommendedValues() {
        List<ConfigValue> jdbc = definition().validate(Map.of("user", "u"));
        assertThat(byName(jdbc, "tables").visible()).isTrue();
        assertThat(byName(jdbc, "tables").recommendedValues()).containsExactly("users", "orders");
        assertThat(byName(jdbc, "db").recommendedValues()).containsExactly("jdbc", "mongo");

        List<ConfigValue> mongo = definition().validate(Map.of("user", "u", "db", "mongo"));
        assertThat(byName(mongo, "tables").visible()).isFalse();
        assertThat(byName(mongo, "tables").recommendedValues()).isEmpty();

        assertThat(byName(mongo, "port").visible()).as("no recommender: visible").isTrue();
        assertThat(byName(mongo, "port").recommendedValues()).isEmpty();
    }

    @Test
    void recommenderSeesNullForValuesInError() {
        List<Object> seen = new ArrayList<>();
        ConfigDef def = new ConfigDef()
                .define("n", Type.INT, 1, Importance.LOW, "doc")
                .define(ConfigDef.key("r").type(Type.STRING).defaultValue("x").recommender((name, parsed) -> {
                    seen.add(parsed.containsKey("n") ? String.valueOf(parsed.get("n")) : "absent");
                    return null;
                }));
        List<ConfigValue> values = def.validate(Map.of("n", "bad"));
        assertThat(seen).containsExactly("null");
        assertThat(byName(values, "r").recommendedValues()).isEmpty();
    }

    @Test
    void failingRecommenderIsReportedOnItsKey() {
        ConfigDef def = new ConfigDef().define(ConfigDef.key("r").type(Type.STRING).defaultValue("x")
                .recommender(new Recommender() {
                    @Override
                    public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
                        throw new IllegalStateException("db down");
                    }

                    @Override
                    public boolean visible(String name, Map<String, Object> parsedConfig) {
                        throw new IllegalStateException("also down");
                    }
                }));
        ConfigValue r = def.validate(Map.of()).get(0);
        assertThat(r.errorMessages()).hasSize(2);
        assertThat(r.errorMessages().get(0)).contains("r").contains("db down");
        assertThat(r.visible()).isTrue();
    }

    @Test
    void validateNeverThrowsForAnyValue() {
        ConfigDef def = new ConfigDef()
                .define("c", Type.CLASS, Importance.HIGH, "doc")
                .define("v", Type.STRING, "x", (name, value) -> {
                    if ("crash".equals(value)) {
                        throw new UnsupportedOperationException("crash");
                    }
                }, Importance.HIGH, "doc");
        List<ConfigValue> values = def.validate(Map.of("c", "no.Such", "v", "crash"));
        assertThat(byName(values, "c").errorMessages()).singleElement().asString().contains("could not be found");
        assertThat(byName(values, "v").errorMessages()).singleElement().asString().contains("crash");
    }

    @Test
    void configValueToStringMasksPasswords() {
        List<ConfigValue> values = definition().validate(Map.of("user", "u", "password", "s3cr3t!"));
        ConfigValue pw = byName(values, "password");
        assertThat(pw.toString()).contains("[hidden]").doesNotContain("s3cr3t!");
        assertThat(new Config(values).toString()).doesNotContain("s3cr3t!");
    }

    @Test
    void configValueIsMutableForConnectorChecks() {
        ConfigValue v = new ConfigValue("k");
        assertThat(v.value()).isNull();
        assertThat(v.visible()).isTrue();
        assertThat(v.errorMessages()).isEmpty();
        assertThat(v.recommendedValues()).isEmpty();
        v.value(3);
        v.addErrorMessage("k must be odd when x is set");
        v.recommendedValues(List.of(1, 5));
        v.visible(false);
        ConfigValue expected = new ConfigValue("k", 3, List.of(1, 5), List.of("k must be odd when x is set"));
        expected.visible(false);
        assertThat(v).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(v.toString()).contains("k must be odd").contains("visible=false");
        assertThatThrownBy(() -> new ConfigValue(null)).isInstanceOf(NullPointerException.class);
    }
}
