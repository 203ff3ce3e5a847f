package io.connectsdk.runtime.config;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigDef.Importance;
import io.connectsdk.api.config.ConfigDef.Type;
import io.connectsdk.api.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The configuration of a sink connector: the keys of {@link ConnectorConfig} plus
 * {@value #TOPICS_CONFIG} or {@value #TOPICS_REGEX_CONFIG} (exactly one of them) and the dead
 * letter queue settings ({@value #DLQ_TOPIC_NAME_CONFIG},
 * {@value #DLQ_TOPIC_REPLICATION_FACTOR_CONFIG}, {@value #DLQ_CONTEXT_HEADERS_ENABLE_CONFIG}). The
 * dead letter queue topic may not be one of the consumed topics.
 *
 * <p>Immutable and thread-safe.
 */
public class SinkConnectorConfig extends ConnectorConfig {
    /** Topics to consume, comma-separated. */
    public static final String TOPICS_CONFIG = "topics";
    /** A regular expression of topics to consume. */
    public static final String TOPICS_REGEX_CONFIG = "topics.regex";
    /** Topic that records failing in conversion, transformation or put are written to; empty for none. */
    public static final String DLQ_TOPIC_NAME_CONFIG = "errors.deadletterqueue.topic.name";
    /** Replication factor of the dead letter queue topic when the runtime creates it; -1 is the broker's default. */
    public static final String DLQ_TOPIC_REPLICATION_FACTOR_CONFIG = "errors.deadletterqueue.topic.replication.factor";
    /** Whether records in the dead letter queue carry {@code __connect.errors.*} headers. */
    public static final String DLQ_CONTEXT_HEADERS_ENABLE_CONFIG = "errors.deadletterqueue.context.headers.enable";

    /** @param props the connector configuration; not {@code null} */
    public SinkConnectorConfig(Map<String, String> props) {
        super(configDef(), requireValid(props));
    }

    private static Map<String, String> requireValid(Map<String, String> props) {
        Map<String, List<String>> errors = validate(props);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return props;
    }

    /** @return a new definition of the keys of sink connectors */
    public static ConfigDef configDef() {
        String errorGroup = "Error Handling";
        return ConnectorConfig.configDef()
                .define(ConfigDef.key(TOPICS_CONFIG).type(Type.LIST).defaultValue(List.of())
                        .importance(Importance.HIGH).group("Common")
                        .doc("Topics to consume, separated by commas. Set this or topics.regex, not both."))
                .define(ConfigDef.key(TOPICS_REGEX_CONFIG).type(Type.STRING).defaultValue("")
                        .importance(Importance.HIGH).group("Common")
                        .doc("Regular expression of the topics to consume. Set this or topics, not both."))
                .define(ConfigDef.key(DLQ_TOPIC_NAME_CONFIG).type(Type.STRING).defaultValue("")
                        .importance(Importance.MEDIUM).group(errorGroup)
                        .doc("Topic for records that failed conversion, transformation or put (reported with "
                                + "the errant record reporter); empty disables the dead letter queue."))
                .define(ConfigDef.key(DLQ_TOPIC_REPLICATION_FACTOR_CONFIG).type(Type.SHORT).defaultValue((short) 3)
                        .validator(ConfigDef.LambdaValidator.with((name, value) -> {
                            if (value != null && (Short) value != -1 && (Short) value < 1) {
                                throw new ConfigException(name, value, "must be -1 (the broker's default) or at least 1");
                            }
                        }, () -> "-1, or at least 1"))
                        .importance(Importance.MEDIUM).group(errorGroup)
                        .doc("Replication factor of the dead letter queue topic when it has to be created; "
                                + "-1 uses the broker's default."))
                .define(ConfigDef.key(DLQ_CONTEXT_HEADERS_ENABLE_CONFIG).type(Type.BOOLEAN).defaultValue(false)
                        .importance(Importance.MEDIUM).group(errorGroup)
                        .doc("Whether records written to the dead letter queue carry __connect.errors.* headers "
                                + "describing the failure."));
    }

    /**
     * Checks a sink connector configuration without throwing.
     *
     * @param props the configuration
     * @return the error messages per key; empty when valid
     */
    public static Map<String, List<String>> validate(Map<String, String> props) {
        Map<String, List<String>> errors = ConnectorConfig.validate(configDef(), props);
        List<String> topics = topicList(props.get(TOPICS_CONFIG));
        String regex = props.get(TOPICS_REGEX_CONFIG) == null ? "" : props.get(TOPICS_REGEX_CONFIG).trim();
        Pattern pattern = null;
        if (!regex.isEmpty()) {
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                add(errors, TOPICS_REGEX_CONFIG, "Invalid value " + regex + " for configuration "
                        + TOPICS_REGEX_CONFIG + ": not a valid regular expression: " + e.getDescription());
            }
        }
        if (topics.isEmpty() && regex.isEmpty()) {
            add(errors, TOPICS_CONFIG, "Missing required configuration: a sink connector needs either "
                    + TOPICS_CONFIG + " or " + TOPICS_REGEX_CONFIG);
        } else if (!topics.isEmpty() && !regex.isEmpty()) {
            add(errors, TOPICS_CONFIG, "Invalid configuration: " + TOPICS_CONFIG + " and " + TOPICS_REGEX_CONFIG
                    + " are mutually exclusive, but both are set");
        }
        for (String t : topics) {
            if (t.isEmpty()) {
                add(errors, TOPICS_CONFIG, "Invalid value " + props.get(TOPICS_CONFIG) + " for configuration "
                        + TOPICS_CONFIG + ": a topic name is empty");
                break;
            }
        }
        String dlq = props.get(DLQ_TOPIC_NAME_CONFIG) == null ? "" : props.get(DLQ_TOPIC_NAME_CONFIG).trim();
        if (!dlq.isEmpty()) {
            if (topics.contains(dlq)) {
                add(errors, DLQ_TOPIC_NAME_CONFIG, "Invalid value " + dlq + " for configuration "
                        + DLQ_TOPIC_NAME_CONFIG + ": the dead letter queue topic may not be one of the consumed "
                        + TOPICS_CONFIG);
            } else if (pattern != null && pattern.matcher(dlq).matches()) {
                add(errors, DLQ_TOPIC_NAME_CONFIG, "Invalid value " + dlq + " for configuration "
                        + DLQ_TOPIC_NAME_CONFIG + ": the dead letter queue topic may not match "
                        + TOPICS_REGEX_CONFIG + "=" + regex);
            }
        }
        return errors;
    }

    private static List<String> topicList(String value) {
        List<String> result = new ArrayList<>();
        if (value != null && !value.isBlank()) {
            for (String s : value.split(",", -1)) {
                result.add(s.trim());
            }
        }
        return result;
    }

    /** @return the topics to consume; empty when {@link #topicsRegex()} is used */
    public List<String> topics() {
        return getList(TOPICS_CONFIG);
    }

    /** @return the topic pattern, or {@code null} when {@link #topics()} is used */
    public Pattern topicsRegex() {
        String regex = getString(TOPICS_REGEX_CONFIG);
        return regex == null || regex.isEmpty() ? null : Pattern.compile(regex);
    }

    /** @return the dead letter queue topic, or {@code null} when there is none */
    public String dlqTopic() {
        String t = getString(DLQ_TOPIC_NAME_CONFIG);
        return t == null || t.isEmpty() ? null : t;
    }

    /** @return the replication factor of a created dead letter queue topic; -1 for the broker's default */
    public short dlqReplicationFactor() {
        return getShort(DLQ_TOPIC_REPLICATION_FACTOR_CONFIG);
    }

    /** @return whether dead letter queue records carry context headers */
    public boolean dlqContextHeaders() {
        return getBoolean(DLQ_CONTEXT_HEADERS_ENABLE_CONFIG);
    }
}
