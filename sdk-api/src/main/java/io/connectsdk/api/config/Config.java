package io.connectsdk.api.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The validation result of a whole configuration: one {@link ConfigValue} per defined key, as
 * returned by a connector's {@code validate(...)}. The runtime turns it into the REST validate
 * response (error count, per-key errors, recommended values, visibility).
 *
 * <p>Not thread-safe, like its values.
 */
public class Config {
    private final List<ConfigValue> configValues;

    /**
     * @param configValues one value per key, in the order to report them, usually from
     *     {@link ConfigDef#validate(Map)}; not {@code null}. The list is kept, not copied
     */
    public Config(List<ConfigValue> configValues) {
        this.configValues = Objects.requireNonNull(configValues, "configValues");
    }

    /** @return the values, in order; the live list given to the constructor */
    public List<ConfigValue> configValues() {
        return configValues;
    }

    /**
     * @param name a key
     * @return the value of that key, or empty when there is none
     */
    public Optional<ConfigValue> configValue(String name) {
        for (ConfigValue value : configValues) {
            if (value.name().equals(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** @return whether any value has an error message */
    public boolean hasErrors() {
        for (ConfigValue value : configValues) {
            if (!value.errorMessages().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return the error messages of every key that has some, in order; unmodifiable, empty when
     *     the configuration is valid. {@code new ConfigException(config.errors())} reports them all
     */
    public Map<String, List<String>> errors() {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (ConfigValue value : configValues) {
            if (!value.errorMessages().isEmpty()) {
                errors.computeIfAbsent(value.name(), k -> new ArrayList<>()).addAll(value.errorMessages());
            }
        }
        errors.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(errors);
    }

    @Override
    public String toString() {
        return "Config{" + configValues + "}";
    }
}
