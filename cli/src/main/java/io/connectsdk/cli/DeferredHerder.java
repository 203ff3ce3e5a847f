package io.connectsdk.cli;

import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.runtime.herder.ConfigInfos;
import io.connectsdk.runtime.herder.ConfigKeyInfo;
import io.connectsdk.runtime.herder.ConnectorInfo;
import io.connectsdk.runtime.herder.ConnectorOffsets;
import io.connectsdk.runtime.herder.ConnectorStateInfo;
import io.connectsdk.runtime.herder.ConnectorTaskId;
import io.connectsdk.runtime.herder.Herder;
import io.connectsdk.runtime.herder.NotFoundException;
import io.connectsdk.runtime.herder.TaskInfo;
import io.connectsdk.runtime.herder.WorkerHealth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The herder the REST API serves while the worker is still starting: it lets the REST server bind
 * (and so learn its real port, also for {@code listeners=http://host:0}) before the worker is
 * created with that {@code host:port} as its id, as Kafka Connect does. Until {@link #ready} it
 * answers as a worker without connectors; afterwards it forwards every call to the real herder.
 */
final class DeferredHerder implements Herder {
    private final Supplier<String> workerId;
    private volatile Herder target;

    /** @param workerId this worker's id, {@code host:port} of the bound REST listener */
    DeferredHerder(Supplier<String> workerId) {
        this.workerId = Objects.requireNonNull(workerId, "workerId");
    }

    /** @param herder the started worker's herder, which answers from now on */
    void ready(Herder herder) {
        this.target = Objects.requireNonNull(herder, "herder");
    }

    private Herder target(String connector) {
        Herder t = target;
        if (t == null) {
            throw new NotFoundException("Connector " + connector + " not found: the worker is still starting");
        }
        return t;
    }

    private Herder changeTarget() {
        Herder t = target;
        if (t == null) {
            throw new ConnectException("The worker is still starting");
        }
        return t;
    }

    @Override
    public Collection<String> connectors() {
        Herder t = target;
        return t == null ? List.of() : t.connectors();
    }

    @Override
    public ConnectorInfo connectorInfo(String name) {
        return target(name).connectorInfo(name);
    }

    @Override
    public Map<String, String> connectorConfig(String name) {
        return target(name).connectorConfig(name);
    }

    @Override
    public SortedSet<String> connectorActiveTopics(String name) {
        return target(name).connectorActiveTopics(name);
    }

    /** Starting (503) until the worker's herder answers, then that herder's health. */
    @Override
    public WorkerHealth health() {
        Herder t = target;
        return t == null ? WorkerHealth.starting("Connectors are being started.") : t.health();
    }

    @Override
    public ConnectorStateInfo connectorStatus(String name) {
        return target(name).connectorStatus(name);
    }

    @Override
    public List<TaskInfo> taskConfigs(String name) {
        return target(name).taskConfigs(name);
    }

    @Override
    public ConnectorOffsets connectorOffsets(String name) {
        return target(name).connectorOffsets(name);
    }

    @Override
    public ConnectorStateInfo.TaskState taskStatus(ConnectorTaskId id) {
        return target(id.connector()).taskStatus(id);
    }

    @Override
    public boolean putConnectorConfig(String name, Map<String, String> config, boolean allowReplace) {
        return changeTarget().putConnectorConfig(name, config, allowReplace);
    }

    @Override
    public void deleteConnector(String name) {
        changeTarget().deleteConnector(name);
    }

    @Override
    public void pauseConnector(String name) {
        changeTarget().pauseConnector(name);
    }

    @Override
    public void resumeConnector(String name) {
        changeTarget().resumeConnector(name);
    }

    @Override
    public void stopConnector(String name) {
        changeTarget().stopConnector(name);
    }

    @Override
    public String alterConnectorOffsets(String name, ConnectorOffsets offsets) {
        return changeTarget().alterConnectorOffsets(name, offsets);
    }

    @Override
    public String resetConnectorOffsets(String name) {
        return changeTarget().resetConnectorOffsets(name);
    }

    @Override
    public void restartConnector(String name) {
        changeTarget().restartConnector(name);
    }

    @Override
    public void restartTask(ConnectorTaskId id) {
        changeTarget().restartTask(id);
    }

    @Override
    public ConfigInfos validateConnectorConfig(Map<String, String> config) {
        return changeTarget().validateConnectorConfig(config);
    }

    @Override
    public List<ConfigKeyInfo> pluginConfig(String pluginName) {
        return changeTarget().pluginConfig(pluginName);
    }

    @Override
    public String kafkaClusterId() {
        Herder t = target;
        return t == null ? null : t.kafkaClusterId();
    }

    @Override
    public String workerId() {
        Herder t = target;
        return t == null ? workerId.get() : t.workerId();
    }
}
