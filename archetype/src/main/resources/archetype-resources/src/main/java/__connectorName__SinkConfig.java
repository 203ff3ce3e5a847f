package ${package};

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigDef.Importance;
import io.connectsdk.api.config.ConfigDef.Type;
import io.connectsdk.api.config.ConfigDef.Width;
import io.connectsdk.api.config.ConfigException;
import java.util.Map;

/**
 * The configuration of {@link ${connectorName}SinkConnector}: every key a user sets, with its type,
 * default, validator and documentation. {@code topics} (or {@code topics.regex}) is the runtime's
 * key and needs no definition here. The runtime validates a connector configuration against this
 * definition before it starts anything, and {@code connect-sdk validate} and the conformance suite
 * check that every key is documented.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>type</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>file</td><td>string</td><td>required</td><td>the file record values are appended to</td></tr>
 * </table>
 */
public class ${connectorName}SinkConfig extends AbstractConfig {
    /** The file the records are appended to. */
    public static final String FILE_CONFIG = "file";

    private static final String GROUP = "${connectorName}";

    /** The definition of every key a user sets. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(ConfigDef.key(FILE_CONFIG).type(Type.STRING).validator(new ConfigDef.NonEmptyString())
                    .importance(Importance.HIGH).width(Width.LONG).group(GROUP).displayName("File")
                    .doc("The file the record values are appended to, one line per record (created, with its "
                            + "folders, when missing). A value that spans several lines is reported as an errant "
                            + "record; tombstones (null values) are skipped."));

    /**
     * @param props the connector or task configuration
     * @throws ConfigException naming the key when a value is missing or invalid
     */
    public ${connectorName}SinkConfig(Map<String, ?> props) {
        super(CONFIG_DEF, props);
    }

    /** @return the file the records are appended to */
    public String file() {
        return getString(FILE_CONFIG);
    }
}
