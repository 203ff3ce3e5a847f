package io.connectsdk.runtime.rest;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.runtime.herder.ConfigInfos;
import io.connectsdk.runtime.herder.ConfigInfos.ConfigInfo;
import io.connectsdk.runtime.herder.ConfigInfos.ConfigValueInfo;
import io.connectsdk.runtime.herder.ConfigKeyInfo;
import io.connectsdk.runtime.herder.ConnectorInfo;
import io.connectsdk.runtime.herder.ConnectorOffsets;
import io.connectsdk.runtime.herder.ConnectorStateInfo;
import io.connectsdk.runtime.herder.ConnectorStateInfo.ConnectorState;
import io.connectsdk.runtime.herder.ConnectorStateInfo.TaskState;
import io.connectsdk.runtime.herder.ConnectorTaskId;
import io.connectsdk.runtime.herder.ConnectorType;
import io.connectsdk.runtime.herder.Herder;
import io.connectsdk.runtime.herder.NotFoundException;
import io.connectsdk.runtime.herder.State;
import io.connectsdk.runtime.herder.TaskInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory herder for REST tests: connectors with two tasks each (task 1 of a source is
 * FAILED), every call recorded in {@link #calls()}, and a failure that the next call throws.
 */
final class FakeHerder implements Herder {
    static final String WORKER = "127.0.0.1:8083";
    static final String TRACE = "java.lang.IllegalStateException: boom\n\tat com.acme.Task.poll(Task.java:1)";

    private final Map<String, Map<String, String>> configs = new TreeMap<>();
    private final Map<String, State> states = new TreeMap<>();
    private final List<String> calls = new ArrayList<>();
    private RuntimeException failure;
    /** Run (outside the herder's lock) by every {@link #connectors()} call, e.g. to block it. */
    volatile Runnable onConnectors = () -> { };
    /** The thread of the last {@link #connectors()} call. */
    volatile Thread lastThread;

    FakeHerder() {
        reset();
    }

    synchronized void reset() {
        configs.clear();
        states.clear();
        calls.clear();
        failure = null;
        onConnectors = () -> { };
        add("orders", "com.acme.OrdersSource");
        add("archive", "com.acme.ArchiveSink");
    }

    synchronized void add(String name, String connectorClass) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", name);
        config.put("connector.class", connectorClass);
        config.put("tasks.max", "2");
        configs.put(name, config);
        states.put(name, State.RUNNING);
    }

    /** The next herder call throws {@code e}. */
    synchronized void failNext(RuntimeException e) {
        failure = e;
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    private synchronized void call(String what) {
        calls.add(what);
        if (failure != null) {
            RuntimeException e = failure;
            failure = null;
            throw e;
        }
    }

    private Map<String, String> config(String name) {
        Map<String, String> config = configs.get(name);
        if (config == null) {
            throw new NotFoundException("Connector " + name + " not found");
        }
        return config;
    }

    private static ConnectorType type(Map<String, String> config) {
        return config.get("connector.class").endsWith("Sink") ? ConnectorType.SINK : ConnectorType.SOURCE;
    }

    private List<ConnectorTaskId> tasks(String name) {
        return List.of(new ConnectorTaskId(name, 0), new ConnectorTaskId(name, 1));
    }

    @Override
    public Collection<String> connectors() {
        lastThread = Thread.currentThread();
        onConnectors.run();
        synchronized (this) {
            call("connectors");
            return List.copyOf(configs.keySet());
        }
    }

    @Override
    public synchronized ConnectorInfo connectorInfo(String name) {
        call("connectorInfo " + name);
        Map<String, String> config = config(name);
        return new ConnectorInfo(name, Map.copyOf(config), tasks(name), type(config));
    }

    /** Every connector used the topic named after it and {@code shared}. */
    @Override
    public synchronized java.util.SortedSet<String> connectorActiveTopics(String name) {
        call("connectorActiveTopics " + name);
        config(name);
        return new java.util.TreeSet<>(List.of(name + "-topic", "shared"));
    }

    @Override
    public synchronized Map<String, String> connectorConfig(String name) {
        call("connectorConfig " + name);
        return new LinkedHashMap<>(config(name));
    }

    @Override
    public synchronized ConnectorStateInfo connectorStatus(String name) {
        call("connectorStatus " + name);
        Map<String, String> config = config(name);
        State state = states.get(name);
        List<TaskState> tasks = List.of(taskState(name, 0), taskState(name, 1));
        return new ConnectorStateInfo(name, new ConnectorState(state, WORKER, null), tasks, type(config));
    }

    private TaskState taskState(String name, int task) {
        Map<String, String> config = config(name);
        if (task > 1 || task < 0) {
            throw new NotFoundException("No status found for task " + name + "-" + task);
        }
        if (task == 1 && type(config) == ConnectorType.SOURCE) {
            return new TaskState(1, State.FAILED, WORKER, TRACE);
        }
        return new TaskState(task, states.get(name), WORKER, null);
    }

    @Override
    public synchronized List<TaskInfo> taskConfigs(String name) {
        call("taskConfigs " + name);
        config(name);
        List<TaskInfo> result = new ArrayList<>();
        for (ConnectorTaskId id : tasks(name)) {
            result.add(new TaskInfo(id, Map.of("task.class", "com.acme.Task", "partition", String.valueOf(id.task()))));
        }
        return result;
    }

    @Override
    public synchronized TaskState taskStatus(ConnectorTaskId id) {
        call("taskStatus " + id);
        return taskState(id.connector(), id.task());
    }

    @Override
    public synchronized boolean putConnectorConfig(String name, Map<String, String> config, boolean allowReplace) {
        call("putConnectorConfig " + name + " " + new TreeMap<>(config) + " " + allowReplace);
        if (!config.containsKey("connector.class")) {
            throw new ConfigException("connector.class", null, "Missing required configuration \"connector.class\"");
        }
        boolean created = !configs.containsKey(name);
        configs.put(name, new LinkedHashMap<>(config));
        states.putIfAbsent(name, State.RUNNING);
        return created;
    }

    @Override
    public synchronized void deleteConnector(String name) {
        call("deleteConnector " + name);
        config(name);
        configs.remove(name);
        states.remove(name);
    }

    @Override
    public synchronized void pauseConnector(String name) {
        call("pauseConnector " + name);
        config(name);
        states.put(name, State.PAUSED);
    }

    @Override
    public synchronized void resumeConnector(String name) {
        call("resumeConnector " + name);
        config(name);
        states.put(name, State.RUNNING);
    }

    @Override
    public synchronized void stopConnector(String name) {
        call("stopConnector " + name);
        config(name);
        states.put(name, State.STOPPED);
    }

    @Override
    public synchronized String alterConnectorOffsets(String name, ConnectorOffsets offsets) {
        call("alterConnectorOffsets " + name + " " + offsets.offsets());
        config(name);
        return "altered";
    }

    @Override
    public synchronized String resetConnectorOffsets(String name) {
        call("resetConnectorOffsets " + name);
        config(name);
        return "reset";
    }

    @Override
    public synchronized void restartConnector(String name) {
        call("restartConnector " + name);
        config(name);
    }

    @Override
    public synchronized void restartTask(ConnectorTaskId id) {
        call("restartTask " + id);
        taskState(id.connector(), id.task());
    }

    /**
     * A source has one partition {@code {"file":"a.txt"}} at {@code {"position":42}} (and one whose
     * offset holds a null); a sink has {@code t-0} at 7 and {@code t-1} at 0.
     */
    @Override
    public synchronized ConnectorOffsets connectorOffsets(String name) {
        call("connectorOffsets " + name);
        Map<String, String> config = config(name);
        if (type(config) == ConnectorType.SINK) {
            return new ConnectorOffsets(List.of(ConnectorOffsets.sinkOffset("t", 0, 7),
                    ConnectorOffsets.sinkOffset("t", 1, 0)));
        }
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("position", null);
        return new ConnectorOffsets(List.of(
                new ConnectorOffsets.PartitionOffset(Map.of("file", "a.txt"), Map.of("position", 42L)),
                new ConnectorOffsets.PartitionOffset(Map.of("file", "b.txt"), withNull)));
    }

    /**
     * A plugin whose name ends with {@code Unknown} is not installed; otherwise two keys: {@code name}
     * (an error when missing) and {@code secret}, a password.
     */
    @Override
    public synchronized ConfigInfos validateConnectorConfig(Map<String, String> config) {
        call("validateConnectorConfig " + new TreeMap<>(config));
        String connectorClass = config.get("connector.class");
        if (connectorClass.endsWith("Unknown")) {
            throw new NotFoundException("Unknown connector plugin " + connectorClass);
        }
        List<String> nameErrors = config.get("name") == null
                ? List.of("Missing required configuration \"name\" which has no default value.") : List.of();
        return new ConfigInfos(connectorClass, nameErrors.size(), List.of("Common"), List.of(
                new ConfigInfo(pluginConfig("com.acme.OrdersSource").get(0),
                        new ConfigValueInfo("name", config.get("name"), List.of(), nameErrors, true)),
                new ConfigInfo(pluginConfig("com.acme.OrdersSource").get(1),
                        new ConfigValueInfo("secret", config.get("secret") == null ? null : "[hidden]", List.of(),
                                List.of(), true))));
    }

    /** {@code OrdersSource} (or its class name) has two keys; any other plugin is not installed. */
    @Override
    public List<ConfigKeyInfo> pluginConfig(String pluginName) {
        if (!pluginName.equals("com.acme.OrdersSource") && !pluginName.equals("OrdersSource")) {
            throw new NotFoundException("Unknown plugin " + pluginName);
        }
        return List.of(
                new ConfigKeyInfo("name", "STRING", true, null, "HIGH", "The name.", "Common", 1, "NONE", "name", List.of()),
                new ConfigKeyInfo("secret", "PASSWORD", false, "[hidden]", "MEDIUM", null, null, -1, "NONE", "secret",
                        List.of()));
    }

    @Override
    public String kafkaClusterId() {
        return "kafka-cluster-1";
    }

    @Override
    public String workerId() {
        return WORKER;
    }
}
