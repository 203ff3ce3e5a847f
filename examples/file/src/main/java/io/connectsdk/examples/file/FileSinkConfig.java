package io.connectsdk.examples.file;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigDef.Importance;
import io.connectsdk.api.config.ConfigDef.Type;
import io.connectsdk.api.config.ConfigDef.Width;
import io.connectsdk.api.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The configuration of {@link FileSinkConnector} and {@link FileSinkTask}: the single key
 * {@value #FILE_CONFIG} (required), the file the record values are appended to. The topics to read
 * are the runtime's {@code topics} / {@code topics.regex} keys.
 */
public final class FileSinkConfig extends AbstractConfig {
    /** The file to append to. */
    public static final String FILE_CONFIG = "file";

    /** The definition of every key. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(ConfigDef.key(FILE_CONFIG).type(Type.STRING).validator(new FilePathValidator())
                    .importance(Importance.HIGH).width(Width.LONG).group("File sink").displayName("File")
                    .doc("Path of the text file each record's value is appended to, as one UTF-8 line. "
                            + "The file and its parent directories are created when missing; existing content "
                            + "is kept. A relative path is resolved against the worker's working directory. "
                            + "Strings are written as they are, bytes decoded as UTF-8, structs, maps and lists "
                            + "in their toString() form; records with a null value (tombstones) are skipped."));

    /**
     * @param props the connector or task configuration
     * @throws ConfigException naming the key when a value is missing or invalid
     */
    public FileSinkConfig(Map<String, ?> props) {
        super(CONFIG_DEF, props);
    }

    /** @return the {@value #FILE_CONFIG} value as a path */
    public Path path() {
        return Path.of(getString(FILE_CONFIG));
    }
}
