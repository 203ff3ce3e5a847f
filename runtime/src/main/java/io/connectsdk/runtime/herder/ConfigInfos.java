package io.connectsdk.runtime.herder;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigValue;
import io.connectsdk.api.config.Password;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of validating a connector configuration: JSON of
 * {@code PUT /connector-plugins/{plugin}/config/validate}, as Kafka Connect's
 * ({@code {"name":..,"error_count":n,"groups":[..],"configs":[{"definition":{..},"value":{..}}]}}).
 *
 * @param name the connector's class name
 * @param errorCount how many error messages the values carry in total
 * @param groups the groups of the definitions, in order
 * @param configs one entry per key
 */
public record ConfigInfos(@JsonProperty("name") String name,
                          @JsonProperty("error_count") int errorCount,
                          @JsonProperty("groups") List<String> groups,
                          @JsonProperty("configs") List<ConfigInfo> configs) {

    /**
     * One key: its definition and its validated value.
     *
     * @param definition the key's definition; {@code null} for a key that has errors but no
     *     definition (as in Kafka Connect, e.g. a refused client override)
     * @param value the validated value
     */
    public record ConfigInfo(@JsonProperty("definition") ConfigKeyInfo definition,
                             @JsonProperty("value") ConfigValueInfo value) {
    }

    /**
     * A validated value. {@code value} is the parsed value as a string: {@code null} when unset
     * (without default) or invalid, {@value Password#HIDDEN} for a password.
     *
     * @param name the key
     * @param value the value as a string, or {@code null}
     * @param recommendedValues values a recommender suggests, as strings
     * @param errors the error messages
     * @param visible whether a UI should show the key
     */
    public record ConfigValueInfo(@JsonProperty("name") String name,
                                  @JsonProperty("value") String value,
                                  @JsonProperty("recommended_values") List<String> recommendedValues,
                                  @JsonProperty("errors") List<String> errors,
                                  @JsonProperty("visible") boolean visible) {

        /**
         * @param name the key to show (e.g. prefixed)
         * @param value a validation result
         * @param type the key's type, or {@code null} when not known (the value is then not shown
         *     unless it is a plain string, number or boolean)
         * @return its REST form, secrets masked
         */
        public static ConfigValueInfo of(String name, ConfigValue value, ConfigDef.Type type) {
            List<String> recommended = new ArrayList<>(value.recommendedValues().size());
            for (Object v : value.recommendedValues()) {
                recommended.add(display(v, type));
            }
            return new ConfigValueInfo(name, display(value.value(), type), List.copyOf(recommended),
                    List.copyOf(value.errorMessages()), value.visible());
        }

        private static String display(Object v, ConfigDef.Type type) {
            if (v == null) {
                return null;
            }
            if (v instanceof Password || type != null && type.isSensitive()) {
                return Password.HIDDEN;
            }
            if (type == null && !(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                return null;
            }
            return ConfigDef.convertToString(v, type == null ? ConfigDef.Type.STRING : type);
        }
    }
}
