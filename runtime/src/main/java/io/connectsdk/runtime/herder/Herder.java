package io.connectsdk.runtime.herder;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

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
     * Waits, at most {@code max}, until every running connector has its tasks and none of them is
     * still unassigned: connectors start their tasks asynchronously, so a launcher that reports
     * what runs right after the start would mostly see {@code UNASSIGNED} tasks. Polls the statuses
     * every 50 ms; for start-up reports, not for synchronisation.
     *
     * @param max the longest to wait
     * @return whether the tasks settled in time (also {@code false} when interrupted)
     */
    default boolean awaitTasksSettled(java.time.Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!tasksSettled()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private boolean tasksSettled() {
        for (String name : connectors()) {
            try {
                ConnectorStateInfo status = connectorStatus(name);
                if (status.connector().state() == State.RUNNING && (status.tasks().isEmpty()
                        || status.tasks().stream().anyMatch(t -> t.state() == State.UNASSIGNED))) {
                    return false;
                }
            } catch (RuntimeException e) {
                // e.g. removed meanwhile: nothing to wait for
            }
        }
        return true;
    }

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

    /** Resumes a paused or stopped connector and its tasks. */
    void resumeConnector(String name);

    /** Restarts the connector instance (not its tasks). */
    void restartConnector(String name);

    /** Restarts one task. */
    void restartTask(ConnectorTaskId id);

    /**
     * Validates a connector configuration without creating or changing anything: the answer of
     * {@code PUT /connector-plugins/{plugin}/config/validate}. Covers the keys every connector has,
     * the keys of the transforms and predicates it lists and the connector's own keys, with the
     * connector's own {@code validate} results; the errors are those that creating the connector
     * would report. The default throws {@link UnsupportedOperationException}.
     *
     * @param config the configuration, with {@code connector.class}; a {@code null} value is reported
     *     as an error of its key
     * @return every key's definition and validated value
     * @throws NotFoundException when {@code connector.class} names no installed connector
     * @throws io.connectsdk.api.config.ConfigException when {@code connector.class} is missing
     */
    default ConfigInfos validateConnectorConfig(Map<String, String> config) {
        throw new UnsupportedOperationException(getClass().getName() + " does not validate connector configurations");
    }

    /**
     * The definitions of a plugin's own keys (its {@code config()}): the answer of
     * {@code GET /connector-plugins/{plugin}/config}. The default throws
     * {@link UnsupportedOperationException}.
     *
     * @param pluginName the class name or alias of an installed connector, converter, header
     *     converter, transform or predicate
     * @return the definitions, in definition order
     * @throws NotFoundException when no installed plugin has that name
     */
    default List<ConfigKeyInfo> pluginConfig(String pluginName) {
        throw new UnsupportedOperationException(getClass().getName() + " does not describe plugin configurations");
    }

    /**
     * The connector's committed offsets: the answer of {@code GET /connectors/{name}/offsets}. A
     * source connector's come from the worker's offset store; a sink connector's are the committed
     * offsets of its consumer group, read from Kafka. The default throws
     * {@link UnsupportedOperationException}.
     *
     * @param name the connector
     * @return its offsets, one entry per partition
     * @throws NotFoundException when there is no such connector
     * @throws io.connectsdk.api.errors.ConnectException when they cannot be read (the message names
     *     what was read, e.g. the consumer group)
     */
    default ConnectorOffsets connectorOffsets(String name) {
        throw new UnsupportedOperationException(getClass().getName() + " does not read connector offsets");
    }

    /**
     * Stops a connector (Kafka Connect's {@code PUT /connectors/{name}/stop}, KIP-875): its tasks
     * and its instance shut down, its task configurations are dropped and its status becomes
     * {@code STOPPED} with no tasks; {@link #resumeConnector} starts it again. The default throws
     * {@link UnsupportedOperationException}.
     *
     * @param name the connector
     * @throws NotFoundException when there is no such connector
     */
    default void stopConnector(String name) {
        throw new UnsupportedOperationException(getClass().getName() + " does not stop connectors");
    }

    /**
     * Alters a stopped connector's offsets ({@code PATCH /connectors/{name}/offsets}): the
     * connector's {@code alterOffsets} is asked first and may refuse; then a source connector's
     * offsets are written to the offset store, a sink connector's to its consumer group. A
     * {@code null} offset removes the partition's offset. The default throws
     * {@link UnsupportedOperationException}.
     *
     * @param name the connector
     * @param offsets the partitions and their new offsets, in the shape {@link #connectorOffsets} reads
     * @return Kafka Connect's message: whether the connector confirmed that it handled them
     * @throws NotFoundException when there is no such connector
     * @throws BadRequestException when it is not stopped, or an entry is malformed (the entry is named)
     * @throws io.connectsdk.api.errors.ConnectException when the connector refuses them or they
     *     cannot be written; nothing was written then
     */
    default String alterConnectorOffsets(String name, ConnectorOffsets offsets) {
        throw new UnsupportedOperationException(getClass().getName() + " does not alter connector offsets");
    }

    /**
     * Resets a stopped connector's offsets ({@code DELETE /connectors/{name}/offsets}): every
     * partition's offset is removed, after the connector's {@code alterOffsets} accepted that; a sink
     * connector's consumer group is deleted. The default throws {@link UnsupportedOperationException}.
     *
     * @param name the connector
     * @return Kafka Connect's message
     * @throws NotFoundException when there is no such connector
     * @throws BadRequestException when it is not stopped
     * @throws io.connectsdk.api.errors.ConnectException as {@link #alterConnectorOffsets}
     */
    default String resetConnectorOffsets(String name) {
        throw new UnsupportedOperationException(getClass().getName() + " does not reset connector offsets");
    }

    /**
     * The topics a connector's tasks have produced to (source) or consumed from (sink) since the
     * worker started: {@code GET /connectors/{name}/topics} (Kafka Connect's KIP-558). The default
     * throws {@link UnsupportedOperationException}.
     *
     * @param name the connector
     * @return the topic names, sorted
     * @throws NotFoundException when there is no such connector
     */
    default SortedSet<String> connectorActiveTopics(String name) {
        throw new UnsupportedOperationException(getClass().getName() + " does not track active topics");
    }

    /**
     * Whether the worker has started and can answer: {@code GET /health}. The default: healthy.
     *
     * @return the worker's health
     */
    default WorkerHealth health() {
        return WorkerHealth.healthy();
    }

    /** @return the id of the Kafka cluster the worker uses, or {@code null} when unknown */
    String kafkaClusterId();

    /** @return this worker's id, {@code host:port} of its REST listener */
    String workerId();
}
