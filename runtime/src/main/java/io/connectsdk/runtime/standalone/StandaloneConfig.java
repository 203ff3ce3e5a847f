package io.connectsdk.runtime.standalone;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigDef.Importance;
import io.connectsdk.api.config.ConfigDef.Type;
import io.connectsdk.runtime.config.WorkerConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * The configuration of a standalone worker: {@link WorkerConfig}'s keys plus
 * {@value #OFFSET_STORAGE_FILE_FILENAME_CONFIG} (required), the file source offsets are kept in
 * (see {@link io.connectsdk.runtime.storage.FileOffsetStore} for its format). Immutable.
 */
public class StandaloneConfig extends WorkerConfig {
    /** The file that holds source offsets. */
    public static final String OFFSET_STORAGE_FILE_FILENAME_CONFIG = "offset.storage.file.filename";

    /** @param props the worker properties */
    public StandaloneConfig(Map<String, ?> props) {
        super(configDef(), props);
    }

    /** @return a new definition of a standalone worker's keys */
    public static ConfigDef configDef() {
        return baseConfigDef().define(OFFSET_STORAGE_FILE_FILENAME_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                new ConfigDef.NonEmptyString(), Importance.HIGH,
                "File to store source connector offsets in; written atomically (temporary file, fsync, rename).");
    }

    /** @return {@value #OFFSET_STORAGE_FILE_FILENAME_CONFIG} */
    public Path offsetsFile() {
        return Path.of(getString(OFFSET_STORAGE_FILE_FILENAME_CONFIG));
    }
}
