package io.connectsdk.builtins.transforms.util;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@link ConfigDef.Validator}s used by the built-in transforms and predicates. Each throws a
 * {@link ConfigException} naming the key and the value, and describes itself in
 * {@code toString()} for the generated documentation. Stateless and thread-safe.
 */
public final class Validators {
    private Validators() {
    }

    /** @return a validator of lists that must have at least one element */
    public static ConfigDef.Validator nonEmptyList() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (value == null || ((List<?>) value).isEmpty()) {
                throw new ConfigException(name, value, "must list at least one element");
            }
        }, () -> "non-empty list");
    }

    /**
     * A list of names, as Kafka Connect's {@code ValidList.anyNonDuplicateValues} validates it:
     * repeated names are accepted (Kafka Connect 4 drops the repeats with a warning; the transforms
     * using this validator ignore them too), blank names are not.
     *
     * @param emptyAllowed whether the empty list is accepted
     * @return a validator of lists of non-blank names (and, unless {@code emptyAllowed}, at least
     *     one); {@code null} is rejected
     */
    public static ConfigDef.Validator nameList(boolean emptyAllowed) {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (value == null) {
                throw new ConfigException(name, null, "must be a list");
            }
            List<?> list = (List<?>) value;
            if (!emptyAllowed && list.isEmpty()) {
                throw new ConfigException(name, value, "must list at least one element");
            }
            for (Object element : list) {
                if (element == null || element.toString().isBlank()) {
                    throw new ConfigException(name, value, "must not have blank elements");
                }
            }
        }, () -> emptyAllowed ? "list of names" : "non-empty list of names");
    }

    /** @return the elements of {@code list} without repeats, in first-seen order */
    public static List<String> distinct(List<String> list) {
        return List.copyOf(new LinkedHashSet<>(list));
    }

    /** @return a validator of strings that must compile as Java regular expressions ({@code null} passes) */
    public static ConfigDef.Validator regex() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (value == null) {
                return;
            }
            try {
                Pattern.compile((String) value);
            } catch (PatternSyntaxException e) {
                throw new ConfigException(name, value, "not a valid Java regular expression: "
                        + e.getDescription() + " near index " + e.getIndex());
            }
        }, () -> "valid Java regular expression");
    }
}
