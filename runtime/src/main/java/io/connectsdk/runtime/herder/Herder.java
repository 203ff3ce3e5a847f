package io.connectsdk.runtime.herder;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Manages the connectors of a Connect cluster and answers for them: what the REST API calls. The
 * standalone herder keeps everything in this process; the distributed herder shares it through
 * Kafka topics.
 *
 * <p>All methods are thread-safe. Read methods answer from the herder's current view and do not
 * block on connectors. Methods naming a connector or task that does not exist throw
 * {@link NotFoundException}.
 */
public interface Herder {
    /** @return the names of all connectors, sorted; never {@code null} */
    Collection<String> connectors();

    /** @return the connector's definition and tasks */
    ConnectorInfo connectorInfo(String name);

    /** @return the connector's configuration */
    Map<String, String> connectorConfig(String name);

    /** @return the connector's and its tasks' states */
    ConnectorStateInfo connectorStatus(String name);

    /** @return the connector's task configurations, in task order */
    List<TaskInfo> taskConfigs(String name);

    /** @return one task's state */
    ConnectorStateInfo.TaskState taskStatus(ConnectorTaskId id);

    /**
     * Creates or replaces a connector. Validates the configuration first; an invalid one is
     * refused whole with a {@link io.connectsdk.api.config.ConfigException} naming every bad key,
     * and nothing changes.
     *
     * @param name the connector's name
     * @param config its configuration (its {@code name}, when present, must equal {@code name})
     * @param allowReplace whether an existing connector may be replaced
     * @return whether the connector was created (false: replaced)
     */
    boolean putConnectorConfig(String name, Map<String, String> config, boolean allowReplace);

    /** Stops and removes a connector and its tasks. */
    void deleteConnector(String name);

    /** Pauses a connector and its tasks. */
    void pauseConnector(String name);

    /** Resumes a paused connector and its tasks. */
    void resumeConnector(String name);

    /** Restarts the connector instance (not its tasks). */
    void restartConnector(String name);

    /** Restarts one task. */
    void restartTask(ConnectorTaskId id);

    /** @return the id of the Kafka cluster the worker uses, or {@code null} when unknown */
    String kafkaClusterId();

    /** @return this worker's id, {@code host:port} of its REST listener */
    String workerId();
}
