package io.connectsdk.builtins.predicates;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.transforms.Predicate;
import io.connectsdk.builtins.BuiltinVersion;
import io.connectsdk.builtins.transforms.util.Validators;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * True for records whose topic matches a regular expression (the whole topic must match); Kafka
 * Connect's {@code TopicNameMatches}.
 *
 * <p>Configuration: {@code pattern} (required), a non-empty Java regular expression; an invalid one
 * is a {@code ConfigException} naming the key.
 *
 * <p>Thread-safety: one instance per task, called from that task's thread (the compiled pattern is
 * immutable).
 *
 * @param <R> the record type
 */
public class TopicNameMatches<R extends ConnectRecord<R>> implements Predicate<R> {
    /** Key: the regular expression. */
    public static final String PATTERN_CONFIG = "pattern";

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(PATTERN_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.CompositeValidator.of(new ConfigDef.NonEmptyString(), Validators.regex()),
                    ConfigDef.Importance.MEDIUM, "A Java regular expression that the whole topic name must match.");

    private Pattern pattern;

    /** Creates the predicate; configure it before use. */
    public TopicNameMatches() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
        pattern = Pattern.compile(new AbstractConfig(CONFIG_DEF, configs).getString(PATTERN_CONFIG));
    }

    @Override
    public boolean test(R record) {
        return record.topic() != null && pattern.matcher(record.topic()).matches();
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
    }

    @Override
    public String version() {
        return BuiltinVersion.VERSION;
    }

    @Override
    public String toString() {
        return "TopicNameMatches{pattern=" + pattern + "}";
    }
}
