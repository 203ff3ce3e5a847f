package io.connectsdk.api.source;

import java.util.Map;

/**
 * What a {@link SourceTask} can ask of the runtime. Given through
 * {@link SourceTask#initialize(SourceTaskContext)} before {@code start}; thread-safe.
 */
public interface SourceTaskContext {
    /** @return the task's current configuration, never {@code null} */
    Map<String, String> configs();

    /** @return a reader for the offsets committed for this connector, never {@code null} */
    OffsetStorageReader offsetStorageReader();
}
