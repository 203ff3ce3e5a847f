package io.connectsdk.examples.file;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigDef.Importance;
import io.connectsdk.api.config.ConfigDef.Range;
import io.connectsdk.api.config.ConfigDef.Type;
import io.connectsdk.api.config.ConfigDef.Width;
import io.connectsdk.api.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The configuration of {@link FileSourceConnector} and {@link FileSourceTask}.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>type</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #FILE_CONFIG}</td><td>string</td><td>required</td><td>the file to read; it
 *       need not exist yet</td></tr>
 *   <tr><td>{@value #TOPIC_CONFIG}</td><td>string</td><td>required</td><td>the topic to write the
 *       lines to</td></tr>
 *   <tr><td>{@value #BATCH_SIZE_CONFIG}</td><td>int</td><td>{@value #BATCH_SIZE_DEFAULT}</td><td>most
 *       lines returned by one poll</td></tr>
 *   <tr><td>{@value #POLL_WAIT_MS_CONFIG}</td><td>long</td><td>{@value #POLL_WAIT_MS_DEFAULT}</td>
 *       <td>how long a poll waits for new lines at the end of the file</td></tr>
 * </table>
 */
public final class FileSourceConfig extends AbstractConfig {
    /** The file to read. */
    public static final String FILE_CONFIG = "file";
    /** The destination topic. */
    public static final String TOPIC_CONFIG = "topic";
    /** The most lines one poll returns. */
    public static final String BATCH_SIZE_CONFIG = "batch.size";
    /** Default of {@value #BATCH_SIZE_CONFIG}. */
    public static final int BATCH_SIZE_DEFAULT = 2000;
    /** How long a poll waits at the end of the file before returning nothing. */
    public static final String POLL_WAIT_MS_CONFIG = "poll.wait.ms";
    /** Default of {@value #POLL_WAIT_MS_CONFIG}. */
    public static final long POLL_WAIT_MS_DEFAULT = 200;

    private static final String GROUP = "File source";

    /** The definition of every key. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(ConfigDef.key(FILE_CONFIG).type(Type.STRING).validator(new FilePathValidator())
                    .importance(Importance.HIGH).width(Width.LONG).group(GROUP).displayName("File")
                    .doc("Path of the text file to read, line by line (UTF-8; a line ends with \\n, a "
                            + "trailing \\r is removed). A relative path is resolved against the worker's "
                            + "working directory. The file need not exist yet: the task waits for it. New "
                            + "lines appended to the file are read as they arrive (like tail -f). The path, "
                            + "as written here, is the source partition {\"filename\": <path>}; the byte "
                            + "position after each line is its source offset {\"position\": <bytes>}."))
            .define(ConfigDef.key(TOPIC_CONFIG).type(Type.STRING).validator(new ConfigDef.NonEmptyString())
                    .importance(Importance.HIGH).width(Width.MEDIUM).group(GROUP).displayName("Topic")
                    .doc("The Kafka topic each line is written to, as a STRING value without a key."))
            .define(ConfigDef.key(BATCH_SIZE_CONFIG).type(Type.INT).defaultValue(BATCH_SIZE_DEFAULT)
                    .validator(Range.between(1, 1_000_000)).importance(Importance.LOW).width(Width.SHORT)
                    .group(GROUP).displayName("Batch size")
                    .doc("The largest number of lines returned by one poll."))
            .define(ConfigDef.key(POLL_WAIT_MS_CONFIG).type(Type.LONG).defaultValue(POLL_WAIT_MS_DEFAULT)
                    .validator(Range.between(0, 10_000)).importance(Importance.LOW).width(Width.SHORT)
                    .group(GROUP).displayName("Poll wait (ms)")
                    .doc("How long, in milliseconds, a poll waits for new lines when it has reached the "
                            + "end of the file (or the file does not exist yet) before it returns nothing, so "
                            + "that the runtime can commit offsets and notice a stop request."));

    /**
     * @param props the connector or task configuration
     * @throws ConfigException naming the key when a value is missing or invalid
     */
    public FileSourceConfig(Map<String, ?> props) {
        super(CONFIG_DEF, props);
    }

    /** @return the {@value #FILE_CONFIG} value, as written (the source partition's filename) */
    public String filename() {
        return getString(FILE_CONFIG);
    }

    /** @return the {@value #FILE_CONFIG} value as a path */
    public Path path() {
        return Path.of(filename());
    }

    /** @return the {@value #TOPIC_CONFIG} value */
    public String topic() {
        return getString(TOPIC_CONFIG);
    }

    /** @return the {@value #BATCH_SIZE_CONFIG} value */
    public int batchSize() {
        return getInt(BATCH_SIZE_CONFIG);
    }

    /** @return the {@value #POLL_WAIT_MS_CONFIG} value */
    public long pollWaitMs() {
        return getLong(POLL_WAIT_MS_CONFIG);
    }
}
