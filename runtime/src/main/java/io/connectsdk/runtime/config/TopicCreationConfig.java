package io.connectsdk.runtime.config;

import io.connectsdk.api.config.ConfigException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A source connector's topic creation settings, Kafka Connect's {@code topic.creation.*} keys
 * (KIP-158): the worker creates a topic a source task writes to when it does not exist yet, with
 * the partitions, replication factor and topic configs of the first group that matches its name.
 * <pre>
 * topic.creation.default.replication.factor=-1     # required; -1 = the broker's default
 * topic.creation.default.partitions=6              # required; -1 = the broker's default
 * topic.creation.default.cleanup.policy=delete     # any topic config
 * topic.creation.groups=compacted
 * topic.creation.compacted.include=orders\..*,customers   # regular expressions, whole name
 * topic.creation.compacted.exclude=orders\.tmp\..*          # wins over include
 * topic.creation.compacted.partitions=3                    # else the default group's
 * topic.creation.compacted.cleanup.policy=compact
 * </pre>
 * Groups are tried in the order of {@code topic.creation.groups}; a topic that matches none (a
 * group matches when one include pattern matches the whole name and no exclude pattern does) gets
 * the {@code default} group, whose own {@code include}/{@code exclude} are ignored, as in Kafka
 * Connect; a group without {@code include} matches no topic. A group's replication factor and
 * partitions default to the {@code default} group's; its other keys are topic configs (only its own,
 * as in Kafka Connect), passed to Kafka as they are (Kafka checks them). Topic creation
 * applies to a connector when the worker's {@code topic.creation.enable} is true (the default) and
 * the connector has any {@code topic.creation.} key; then the default group's replication factor
 * and partitions are required.
 *
 * <p>Immutable and thread-safe.
 */
public final class TopicCreationConfig {
    /** The prefix of every topic creation key. */
    public static final String PREFIX = "topic.creation.";
    /** The names of the groups besides {@code default}, comma-separated. */
    public static final String GROUPS_CONFIG = PREFIX + "groups";
    /** The group that every topic matched by no other group belongs to. */
    public static final String DEFAULT_GROUP = "default";
    static final String INCLUDE = "include";
    static final String EXCLUDE = "exclude";
    static final String REPLICATION_FACTOR = "replication.factor";
    static final String PARTITIONS = "partitions";

    /** How topics of one group are created. */
    public record Group(String name, List<Pattern> include, List<Pattern> exclude, Optional<Integer> partitions,
                        Optional<Short> replicationFactor, Map<String, String> topicConfigs) {
        /**
         * @param topic a topic name
         * @return whether this group's settings apply to the topic (ignoring the groups before it)
         */
        public boolean matches(String topic) {
            return include.stream().anyMatch(p -> p.matcher(topic).matches())
                    && exclude.stream().noneMatch(p -> p.matcher(topic).matches());
        }
    }

    private final List<Group> groups;
    private final Group defaultGroup;

    private TopicCreationConfig(List<Group> groups, Group defaultGroup) {
        this.groups = List.copyOf(groups);
        this.defaultGroup = defaultGroup;
    }

    /**
     * @param workerEnabled the worker's {@code topic.creation.enable}
     * @param connectorProps a source connector's configuration
     * @return whether the worker creates the connector's topics
     */
    public static boolean applies(boolean workerEnabled, Map<String, String> connectorProps) {
        return workerEnabled && connectorProps.keySet().stream().anyMatch(k -> k.startsWith(PREFIX));
    }

    /**
     * @param connectorProps a source connector's configuration with {@code topic.creation.} keys
     * @return every problem per key; empty when {@link #parse} will succeed
     */
    public static Map<String, List<String>> validate(Map<String, String> connectorProps) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        parse(connectorProps, errors);
        return errors;
    }

    /**
     * @param connectorProps a source connector's configuration with {@code topic.creation.} keys
     * @return its groups
     * @throws ConfigException naming every bad key
     */
    public static TopicCreationConfig parse(Map<String, String> connectorProps) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        TopicCreationConfig config = parse(connectorProps, errors);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return config;
    }

    private static TopicCreationConfig parse(Map<String, String> props, Map<String, List<String>> errors) {
        Optional<Integer> defaultPartitions = count(props, DEFAULT_GROUP, PARTITIONS, true, errors);
        Optional<Integer> defaultReplication = count(props, DEFAULT_GROUP, REPLICATION_FACTOR, true, errors);
        Group defaultGroup = new Group(DEFAULT_GROUP, List.of(Pattern.compile(".*")), List.of(), defaultPartitions,
                defaultReplication.map(Integer::shortValue), topicConfigs(props, DEFAULT_GROUP));
        List<Group> groups = new ArrayList<>();
        for (String name : list(props.get(GROUPS_CONFIG))) {
            if (name.equals(DEFAULT_GROUP) || groups.stream().anyMatch(g -> g.name().equals(name))) {
                continue; // "default" always exists; Kafka Connect ignores it (and repeats) in the list
            }
            List<Pattern> include = patterns(props, name, INCLUDE, errors);
            Optional<Integer> partitions = count(props, name, PARTITIONS, false, errors).or(() -> defaultPartitions);
            Optional<Integer> replication = count(props, name, REPLICATION_FACTOR, false, errors)
                    .or(() -> defaultReplication);
            groups.add(new Group(name, include, patterns(props, name, EXCLUDE, errors), partitions,
                    replication.map(Integer::shortValue), topicConfigs(props, name)));
        }
        return new TopicCreationConfig(groups, defaultGroup);
    }

    /**
     * @param topic a topic a source task writes to
     * @return the settings to create it with: the first group of {@code topic.creation.groups} that
     *     matches it, else the {@code default} group
     */
    public Group groupFor(String topic) {
        for (Group g : groups) {
            if (g.matches(topic)) {
                return g;
            }
        }
        return defaultGroup;
    }

    /** @return the groups besides {@code default}, in their order */
    public List<Group> groups() {
        return groups;
    }

    /** @return the {@code default} group */
    public Group defaultGroup() {
        return defaultGroup;
    }

    private static String key(String group, String setting) {
        return PREFIX + group + "." + setting;
    }

    /** A partition count or replication factor: -1 (the broker's default) or at least 1; empty when absent. */
    private static Optional<Integer> count(Map<String, String> props, String group, String setting, boolean required,
                                           Map<String, List<String>> errors) {
        String key = key(group, setting);
        String value = props.get(key);
        if (value == null || value.isBlank()) {
            if (required) {
                add(errors, key, "Missing required configuration \"" + key + "\": the topic creation settings of this "
                        + "connector need the default group's partitions and replication factor (-1 for the broker's "
                        + "default)");
            }
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(value.trim());
            int max = setting.equals(REPLICATION_FACTOR) ? Short.MAX_VALUE : Integer.MAX_VALUE;
            if (n == -1 || (n >= 1 && n <= max)) {
                return Optional.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        add(errors, key, "Invalid value " + value + " for configuration " + key + ": must be -1 (the broker's default) "
                + "or at least 1");
        return Optional.empty();
    }

    private static List<Pattern> patterns(Map<String, String> props, String group, String setting,
                                          Map<String, List<String>> errors) {
        String key = key(group, setting);
        List<Pattern> out = new ArrayList<>();
        for (String regex : list(props.get(key))) {
            try {
                out.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                add(errors, key, "Invalid value " + regex + " for configuration " + key + ": not a regular expression: "
                        + e.getDescription());
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, String> topicConfigs(Map<String, String> props, String group) {
        String prefix = PREFIX + group + ".";
        Map<String, String> out = new LinkedHashMap<>();
        props.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                String setting = k.substring(prefix.length());
                if (!setting.equals(INCLUDE) && !setting.equals(EXCLUDE) && !setting.equals(PARTITIONS)
                        && !setting.equals(REPLICATION_FACTOR) && v != null) {
                    out.put(setting, v);
                }
            }
        });
        return Collections.unmodifiableMap(out);
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static void add(Map<String, List<String>> errors, String key, String message) {
        errors.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
    }
}
