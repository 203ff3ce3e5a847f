package io.connectsdk.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The validation result of one configuration key: its parsed value, the values a
 * {@link ConfigDef.Recommender} suggests, whether it should be shown, and every error message.
 * Produced by {@link ConfigDef#validate(java.util.Map)}; a connector's
 * {@code validate(...)} may add cross-key errors with {@link #addErrorMessage(String)} before the
 * runtime turns the results into the REST validate response.
 *
 * <p>Mutable and not thread-safe: fill it on one thread, then hand it over. {@link #toString()}
 * shows a {@link Password} value as {@value Password#HIDDEN}.
 */
public class ConfigValue {
    private final String name;
    private Object value;
    private List<Object> recommendedValues;
    private final List<String> errorMessages;
    private boolean visible;

    /**
     * A result with no value, no recommended values, no errors, visible.
     *
     * @param name the key; not {@code null}
     */
    public ConfigValue(String name) {
        this(name, null, new ArrayList<>(), new ArrayList<>());
    }

    /**
     * A visible result.
     *
     * @param name the key; not {@code null}
     * @param value the parsed value; {@code null} for none (not set, or not parsable)
     * @param recommendedValues suggested values; {@code null} for none (copied)
     * @param errorMessages error messages, each naming the key; {@code null} for none (copied)
     */
    public ConfigValue(String name, Object value, List<Object> recommendedValues, List<String> errorMessages) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = value;
        this.recommendedValues = recommendedValues == null ? new ArrayList<>() : new ArrayList<>(recommendedValues);
        this.errorMessages = errorMessages == null ? new ArrayList<>() : new ArrayList<>(errorMessages);
        this.visible = true;
    }

    /** @return the key, never {@code null} */
    public String name() {
        return name;
    }

    /** @return the parsed value; {@code null} when not set (and no default) or in error */
    public Object value() {
        return value;
    }

    /** @param value the parsed value; {@code null} for none */
    public void value(Object value) {
        this.value = value;
    }

    /** @return the suggested values (possibly empty, never {@code null}); the live list */
    public List<Object> recommendedValues() {
        return recommendedValues;
    }

    /** @param recommendedValues the suggested values; {@code null} for none (copied) */
    public void recommendedValues(List<Object> recommendedValues) {
        this.recommendedValues = recommendedValues == null ? new ArrayList<>() : new ArrayList<>(recommendedValues);
    }

    /** @return every error message (empty when the value is valid, never {@code null}); the live list */
    public List<String> errorMessages() {
        return errorMessages;
    }

    /**
     * Adds an error, for example a cross-key check of a connector's {@code validate(...)}.
     *
     * @param errorMessage the message; should name the key and must not contain secrets
     */
    public void addErrorMessage(String errorMessage) {
        errorMessages.add(errorMessage);
    }

    /** @return whether a UI should show the key (as the recommender says; {@code true} without one) */
    public boolean visible() {
        return visible;
    }

    /** @param visible whether a UI should show the key */
    public void visible(boolean visible) {
        this.visible = visible;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ConfigValue)) {
            return false;
        }
        ConfigValue that = (ConfigValue) o;
        return name.equals(that.name) && Objects.equals(value, that.value)
                && recommendedValues.equals(that.recommendedValues) && errorMessages.equals(that.errorMessages)
                && visible == that.visible;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value, recommendedValues, errorMessages, visible);
    }

    /** @return a description; a {@link Password} value shows as {@value Password#HIDDEN} */
    @Override
    public String toString() {
        return "ConfigValue{name=" + name + ", value=" + value + ", recommendedValues=" + recommendedValues
                + ", errorMessages=" + errorMessages + ", visible=" + visible + "}";
    }
}
