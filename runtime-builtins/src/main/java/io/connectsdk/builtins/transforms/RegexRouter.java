package io.connectsdk.builtins.transforms;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.builtins.BuiltinVersion;
import io.connectsdk.builtins.transforms.util.Validators;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames the record topic with a regular expression; Kafka Connect's {@code RegexRouter}.
 *
 * <p>Configuration:
 * <ul>
 *   <li>{@code regex} (required): a Java regular expression that must match the whole topic.</li>
 *   <li>{@code replacement} (required): the new topic, with {@code $1}-style group references
 *       ({@link Matcher#replaceFirst(String)} syntax).</li>
 * </ul>
 *
 * <p>Behaviour: a record whose topic matches gets the replacement as topic; others pass unchanged.
 * An invalid regex, or a replacement that refers to a group the regex does not have, is a
 * {@code ConfigException} naming the key.
 *
 * <p>Thread-safety: one instance per task, called from that task's thread.
 *
 * @param <R> the record type
 */
public class RegexRouter<R extends ConnectRecord<R>> implements Transform<R> {
    /** Key: the regular expression. */
    public static final String REGEX_CONFIG = "regex";
    /** Key: the replacement. */
    public static final String REPLACEMENT_CONFIG = "replacement";

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(REGEX_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Validators.regex(), ConfigDef.Importance.HIGH,
                    "Regular expression that the whole topic must match.")
            .define(REPLACEMENT_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Importance.HIGH,
                    "Replacement topic; may refer to groups of the regex as $1, ${name}.");

    private Pattern regex;
    private String replacement;

    /** Creates the transform; configure it before use. */
    public RegexRouter() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, configs);
        regex = Pattern.compile(config.getString(REGEX_CONFIG));
        replacement = config.getString(REPLACEMENT_CONFIG);
        checkReplacement();
    }

    /** Replaces on an empty-group match of a regex with the same group count, to find bad references now. */
    private void checkReplacement() {
        int groups = regex.matcher("").groupCount();
        StringBuilder probe = new StringBuilder();
        for (int i = 0; i < groups; i++) {
            probe.append("()");
        }
        try {
            Pattern.compile(probe.toString()).matcher("").replaceFirst(replacement);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            if (replacement.contains("${")) {
                return; // named groups cannot be probed without the regex's names; checked per record
            }
            throw new ConfigException(REPLACEMENT_CONFIG, replacement, "does not fit regex '" + regex.pattern() + "': "
                    + e.getMessage());
        }
    }

    @Override
    public R apply(R record) {
        Matcher matcher = regex.matcher(record.topic());
        if (!matcher.matches()) {
            return record;
        }
        String topic = matcher.replaceFirst(replacement);
        return record.newRecord(topic, record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value(), record.timestamp());
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
}
