package io.connectsdk.examples.datagen;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigDef.Importance;
import io.connectsdk.api.config.ConfigDef.Range;
import io.connectsdk.api.config.ConfigDef.Type;
import io.connectsdk.api.config.ConfigDef.Width;
import io.connectsdk.api.config.ConfigException;
import java.util.Map;

/**
 * The configuration of {@link DatagenSourceConnector}.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>type</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #TOPIC_CONFIG}</td><td>string</td><td>required</td><td>the topic to write to</td></tr>
 *   <tr><td>{@value #RATE_CONFIG}</td><td>double</td><td>{@value #RATE_DEFAULT}</td><td>records per
 *       second, per task; 0 for no limit</td></tr>
 *   <tr><td>{@value #MAX_RECORDS_CONFIG}</td><td>long</td><td>none</td><td>ids to generate in all
 *       (0 to n-1); unset for no end</td></tr>
 *   <tr><td>{@value #SEED_CONFIG}</td><td>long</td><td>{@value #SEED_DEFAULT}</td><td>the seed: equal
 *       seeds give equal records</td></tr>
 *   <tr><td>{@value #BATCH_SIZE_CONFIG}</td><td>int</td><td>{@value #BATCH_SIZE_DEFAULT}</td><td>most
 *       records returned by one poll</td></tr>
 * </table>
 *
 * <p>{@code tasks.max} (the runtime's key) sets how many tasks share the id space.
 */
public class DatagenConfig extends AbstractConfig {
    /** The destination topic. */
    public static final String TOPIC_CONFIG = "topic";
    /** Records per second per task. */
    public static final String RATE_CONFIG = "rate.per.second";
    /** Default of {@value #RATE_CONFIG}. */
    public static final double RATE_DEFAULT = 10.0;
    /** The number of ids to generate over all tasks. */
    public static final String MAX_RECORDS_CONFIG = "max.records";
    /** The generator's seed. */
    public static final String SEED_CONFIG = "seed";
    /** Default of {@value #SEED_CONFIG}. */
    public static final long SEED_DEFAULT = 42L;
    /** The most records one poll returns. */
    public static final String BATCH_SIZE_CONFIG = "batch.size";
    /** Default of {@value #BATCH_SIZE_CONFIG}. */
    public static final int BATCH_SIZE_DEFAULT = 500;

    private static final String GROUP = "Data generator";

    /** The definition of every key a user sets. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(ConfigDef.key(TOPIC_CONFIG).type(Type.STRING).validator(new ConfigDef.NonEmptyString())
                    .importance(Importance.HIGH).width(Width.MEDIUM).group(GROUP).displayName("Topic")
                    .doc("The Kafka topic the generated records are written to. Each record has the id as "
                            + "an INT64 key and an Order struct as value: id INT64, name STRING, amount "
                            + "Decimal(scale 2), created Timestamp, tags ARRAY<STRING>."))
            .define(ConfigDef.key(RATE_CONFIG).type(Type.DOUBLE).defaultValue(RATE_DEFAULT)
                    .validator(Range.between(0.0, 1_000_000.0)).importance(Importance.MEDIUM).width(Width.SHORT)
                    .group(GROUP).displayName("Rate per second (per task)")
                    .doc("How many records each task emits per second, on average (fractions such as 0.5 "
                            + "are allowed). The n-th record of a task is due n/rate seconds after its first "
                            + "poll; a task that fell behind catches up, at most batch.size records per poll. "
                            + "0 means as fast as possible."))
            .define(ConfigDef.key(MAX_RECORDS_CONFIG).type(Type.LONG).defaultValue(null)
                    .validator(Range.atLeast(0L)).importance(Importance.MEDIUM).width(Width.SHORT)
                    .group(GROUP).displayName("Max records")
                    .doc("How many records to generate over all tasks: the ids 0 to max.records - 1, "
                            + "each exactly once; a task whose ids are used up stays idle. Leave unset to "
                            + "generate forever."))
            .define(ConfigDef.key(SEED_CONFIG).type(Type.LONG).defaultValue(SEED_DEFAULT)
                    .importance(Importance.LOW).width(Width.SHORT).group(GROUP).displayName("Seed")
                    .doc("The seed of the generator. The record of an id depends only on the seed and the "
                            + "id, so equal seeds give equal records whatever the number of tasks, and a "
                            + "resumed task emits what an uninterrupted one would have."))
            .define(ConfigDef.key(BATCH_SIZE_CONFIG).type(Type.INT).defaultValue(BATCH_SIZE_DEFAULT)
                    .validator(Range.between(1, 100_000)).importance(Importance.LOW).width(Width.SHORT)
                    .group(GROUP).displayName("Batch size")
                    .doc("The largest number of records returned by one poll."));

    /**
     * @param props the connector configuration
     * @throws ConfigException naming the key when a value is missing or invalid
     */
    public DatagenConfig(Map<String, ?> props) {
        this(CONFIG_DEF, props);
    }

    /**
     * @param definition a definition that extends {@link #CONFIG_DEF}
     * @param props the configuration
     * @throws ConfigException naming the key when a value is missing or invalid
     */
    protected DatagenConfig(ConfigDef definition, Map<String, ?> props) {
        super(definition, props);
    }

    /** @return the {@value #TOPIC_CONFIG} value */
    public String topic() {
        return getString(TOPIC_CONFIG);
    }

    /** @return the {@value #RATE_CONFIG} value; 0 for no limit */
    public double ratePerSecond() {
        return getDouble(RATE_CONFIG);
    }

    /** @return the {@value #MAX_RECORDS_CONFIG} value, or {@code null} for no end */
    public Long maxRecords() {
        return getLong(MAX_RECORDS_CONFIG);
    }

    /** @return the {@value #SEED_CONFIG} value */
    public long seed() {
        return getLong(SEED_CONFIG);
    }

    /** @return the {@value #BATCH_SIZE_CONFIG} value */
    public int batchSize() {
        return getInt(BATCH_SIZE_CONFIG);
    }
}
