package ${package};

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigDef.Importance;
import io.connectsdk.api.config.ConfigDef.Range;
import io.connectsdk.api.config.ConfigDef.Type;
import io.connectsdk.api.config.ConfigDef.Width;
import io.connectsdk.api.config.ConfigException;
import java.util.Map;

/**
 * The configuration of {@link ${connectorName}SourceConnector}: every key a user sets, with its type,
 * default, validator and documentation. The runtime validates a connector configuration against
 * {@link ${connectorName}SourceConfig}'s definition before it starts anything, and
 * {@code connect-sdk validate} and the conformance suite check that every key is documented.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>type</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>topic</td><td>string</td><td>required</td><td>the topic to write to</td></tr>
 *   <tr><td>message</td><td>string</td><td>hello</td><td>the text of every record</td></tr>
 *   <tr><td>interval.ms</td><td>long</td><td>1000</td><td>time between two records; 0 for no pause</td></tr>
 *   <tr><td>max.records</td><td>long</td><td>none</td><td>how many records to write in all; unset for no end</td></tr>
 *   <tr><td>batch.size</td><td>int</td><td>100</td><td>most records returned by one poll</td></tr>
 * </table>
 */
public class ${connectorName}SourceConfig extends AbstractConfig {
    /** The destination topic. */
    public static final String TOPIC_CONFIG = "topic";
    /** The text of every record. */
    public static final String MESSAGE_CONFIG = "message";
    /** Milliseconds between two records. */
    public static final String INTERVAL_MS_CONFIG = "interval.ms";
    /** How many records to write in all. */
    public static final String MAX_RECORDS_CONFIG = "max.records";
    /** The most records one poll returns. */
    public static final String BATCH_SIZE_CONFIG = "batch.size";

    private static final String GROUP = "${connectorName}";

    /** The definition of every key a user sets. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(ConfigDef.key(TOPIC_CONFIG).type(Type.STRING).validator(new ConfigDef.NonEmptyString())
                    .importance(Importance.HIGH).width(Width.MEDIUM).group(GROUP).displayName("Topic")
                    .doc("The Kafka topic the records are written to."))
            .define(ConfigDef.key(MESSAGE_CONFIG).type(Type.STRING).defaultValue("hello")
                    .importance(Importance.MEDIUM).width(Width.MEDIUM).group(GROUP).displayName("Message")
                    .doc("The text of every record: record n has the value '<message> n' and the key n."))
            .define(ConfigDef.key(INTERVAL_MS_CONFIG).type(Type.LONG).defaultValue(1000L)
                    .validator(Range.between(0L, 3_600_000L)).importance(Importance.MEDIUM).width(Width.SHORT)
                    .group(GROUP).displayName("Interval (ms)")
                    .doc("Milliseconds between two records; 0 writes as fast as the worker takes them."))
            .define(ConfigDef.key(MAX_RECORDS_CONFIG).type(Type.LONG).defaultValue(null)
                    .validator(Range.atLeast(0L)).importance(Importance.LOW).width(Width.SHORT)
                    .group(GROUP).displayName("Max records")
                    .doc("How many records to write in all (record 0 to max.records - 1); the task stays idle "
                            + "afterwards. Leave unset to write forever."))
            .define(ConfigDef.key(BATCH_SIZE_CONFIG).type(Type.INT).defaultValue(100)
                    .validator(Range.between(1, 100_000)).importance(Importance.LOW).width(Width.SHORT)
                    .group(GROUP).displayName("Batch size")
                    .doc("The largest number of records returned by one poll."));

    /**
     * @param props the connector or task configuration
     * @throws ConfigException naming the key when a value is missing or invalid
     */
    public ${connectorName}SourceConfig(Map<String, ?> props) {
        super(CONFIG_DEF, props);
    }

    /** @return where the records go */
    public String topic() {
        return getString(TOPIC_CONFIG);
    }

    /** @return the text of every record */
    public String message() {
        return getString(MESSAGE_CONFIG);
    }

    /** @return milliseconds between two records, 0 for no pause */
    public long intervalMs() {
        return getLong(INTERVAL_MS_CONFIG);
    }

    /** @return how many records to write in all, or {@code null} for no end */
    public Long maxRecords() {
        return getLong(MAX_RECORDS_CONFIG);
    }

    /** @return the most records one poll returns */
    public int batchSize() {
        return getInt(BATCH_SIZE_CONFIG);
    }
}
