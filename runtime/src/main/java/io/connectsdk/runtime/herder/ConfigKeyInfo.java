package io.connectsdk.runtime.herder;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.Password;
import java.util.ArrayList;
import java.util.List;

/**
 * The definition of one configuration key, as Kafka Connect's REST API shows it: an element of
 * {@code GET /connector-plugins/{plugin}/config} and the {@code definition} of each entry of a
 * validation result. Enum values are their names ({@code "STRING"}, {@code "HIGH"},
 * {@code "NONE"}); {@code default_value} is the default as a string, {@code null} when the key is
 * required or defaults to no value, {@value Password#HIDDEN} for a password.
 *
 * @param name the key
 * @param type the {@link ConfigDef.Type} name
 * @param required whether the key has no default
 * @param defaultValue the default as a string, or {@code null}
 * @param importance the {@link ConfigDef.Importance} name
 * @param documentation what the key means, or {@code null}
 * @param group the group, or {@code null}
 * @param orderInGroup the position in the group; negative without a group
 * @param width the {@link ConfigDef.Width} name
 * @param displayName the label for UIs
 * @param dependents keys whose recommendations or visibility depend on this one
 */
public record ConfigKeyInfo(@JsonProperty("name") String name,
                            @JsonProperty("type") String type,
                            @JsonProperty("required") boolean required,
                            @JsonProperty("default_value") String defaultValue,
                            @JsonProperty("importance") String importance,
                            @JsonProperty("documentation") String documentation,
                            @JsonProperty("group") String group,
                            @JsonProperty("order_in_group") int orderInGroup,
                            @JsonProperty("width") String width,
                            @JsonProperty("display_name") String displayName,
                            @JsonProperty("dependents") List<String> dependents) {

    /**
     * @param key a key of a {@link ConfigDef}
     * @return its REST form
     */
    public static ConfigKeyInfo of(ConfigDef.ConfigKey key) {
        return of(key, "", key.group(), key.orderInGroup());
    }

    /**
     * The REST form of a plugin's key embedded in a connector configuration (for example a
     * transform's keys under {@code transforms.<alias>.}): name and dependents prefixed, shown in
     * another group.
     *
     * @param key a key of the plugin's {@link ConfigDef}
     * @param prefix prepended to the name and to each dependent
     * @param group the group to show it in, or {@code null}
     * @param orderInGroup its position in that group
     * @return its REST form
     */
    public static ConfigKeyInfo of(ConfigDef.ConfigKey key, String prefix, String group, int orderInGroup) {
        boolean required = !key.hasDefault();
        Object def = required ? null : key.defaultValue();
        String defaultValue = def == null ? null : key.type().isSensitive() || def instanceof Password
                ? Password.HIDDEN : ConfigDef.convertToString(def, key.type());
        List<String> dependents = new ArrayList<>(key.dependents().size());
        for (String d : key.dependents()) {
            dependents.add(prefix + d);
        }
        String displayName = key.displayName().equals(key.name()) ? prefix + key.name() : key.displayName();
        return new ConfigKeyInfo(prefix + key.name(), key.type().name(), required, defaultValue, key.importance().name(),
                key.documentation(), group, orderInGroup, key.width().name(), displayName, List.copyOf(dependents));
    }
}
