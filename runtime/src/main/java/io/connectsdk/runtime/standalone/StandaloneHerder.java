package io.connectsdk.runtime.standalone;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.runtime.config.ConnectorConfig;
import io.connectsdk.runtime.herder.BadRequestException;
import io.connectsdk.runtime.herder.ConfigInfos;
import io.connectsdk.runtime.herder.ConfigKeyInfo;
import io.connectsdk.runtime.herder.ConnectorInfo;
import io.connectsdk.runtime.herder.ConnectorOffsets;
import io.connectsdk.runtime.herder.ConnectorStateInfo;
import io.connectsdk.runtime.herder.ConnectorTaskId;
import io.connectsdk.runtime.herder.ConnectorType;
import io.connectsdk.runtime.herder.Herder;
import io.connectsdk.runtime.herder.NotFoundException;
import io.connectsdk.runtime.herder.State;
import io.connectsdk.runtime.herder.TaskInfo;
import io.connectsdk.runtime.storage.StatusStore;
import io.connectsdk.runtime.worker.ConnectorListener;
import io.connectsdk.runtime.worker.TargetState;
import io.connectsdk.runtime.worker.ConnectorValidation;
import io.connectsdk.runtime.worker.Worker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Herder} of a standalone worker: connector configurations and task configurations in
 * memory, statuses in the worker's (memory) status store, everything run by one {@link Worker}.
 *
 * <p><b>Reads</b> ({@link #connectors()}, {@link #connectorInfo}, {@link #connectorConfig},
 * {@link #connectorStatus}, {@link #taskConfigs}, {@link #taskStatus}) answer at once from the
 * current view, from any thread; so do {@link #validateConnectorConfig}, {@link #pluginConfig} and
 * {@link #connectorOffsets} (a sink's asks Kafka), which change nothing and run on the caller's
 * thread. <b>Changes</b> ({@link #putConnectorConfig}, delete, pause, resume, restarts) work when called programmatically; they are serialised on the herder's own
 * thread ({@code standalone-herder}) and the caller waits for them. The REST layer refuses them in
 * standalone mode, as Kafka Connect's standalone REST API does for most of them.
 *
 * <p><b>Task reconfiguration.</b> Whenever a connector produces task configurations (at start,
 * when it calls {@code requestTaskReconfiguration()}, after a resume) the herder compares them
 * with the running ones and, only if they differ, stops the old tasks and starts new ones.
 *
 * <p><b>Expiring config values.</b> When config providers gave some of a connector's values a time
 * to live and the connector has {@code config.action.reload=restart} (the default), the herder
 * restarts the connector and all its tasks once the shortest one expires, so that they read the
 * values again (Kafka Connect restarts the connector, whose tasks restart when their configurations
 * change; here they restart in any case, so that a task reading the values itself gets them too).
 * A restart, reconfiguration or deletion in between replaces or cancels the pending one. The
 * restart waits at least a second ({@link #MIN_RELOAD_DELAY_MS}), however short the time to live.
 *
 * <p><b>Lifecycle.</b> {@link #start()}, then use, then {@link #stop()}, which stops every
 * connector and task (bounded by {@code task.shutdown.graceful.timeout.ms}).
 */
public final class StandaloneHerder implements Herder, ConnectorListener {
    private static final Logger log = LoggerFactory.getLogger(StandaloneHerder.class);
    /** How long {@link #putConnectorConfig} waits for the connector to start, as Kafka's REST timeout. */
    public static final long DEFAULT_START_TIMEOUT_MS = 90_000;
    /**
     * The shortest wait before a restart for expired config provider values, so that a provider
     * giving a time to live of 0 (or a few ms) cannot restart a connector in a tight loop.
     */
    static final long MIN_RELOAD_DELAY_MS = 1_000;

    /** What the herder knows of one connector; replaced whole on every change. */
    private record Entry(Map<String, String> config, ConnectorType type, List<Map<String, String>> taskConfigs,
                         TargetState target) {
        Entry withTasks(List<Map<String, String>> tasks) {
            return new Entry(config, type, tasks, target);
        }

        Entry withTarget(TargetState t) {
            return new Entry(config, type, taskConfigs, t);
        }
    }

    private final Worker worker;
    private final ConnectorValidation validation;
    private final java.util.function.Supplier<String> kafkaClusterId;
    private final long startTimeoutMs;
    private final Map<String, Entry> connectors = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "standalone-herder");
        t.setDaemon(true);
        return t;
    });
    /** Connector name -> its pending restart for expired config provider values; herder thread only. */
    private final Map<String, ScheduledFuture<?>> reloads = new HashMap<>();
    private volatile boolean stopped;

    /**
     * @param worker the worker that runs the connectors; started and stopped by the caller
     * @param kafkaClusterId the Kafka cluster's id, or {@code null} when unknown
     */
    public StandaloneHerder(Worker worker, String kafkaClusterId) {
        this(worker, kafkaClusterId, DEFAULT_START_TIMEOUT_MS);
    }

    /**
     * @param worker the worker that runs the connectors
     * @param kafkaClusterId the Kafka cluster's id, or {@code null}
     * @param startTimeoutMs how long {@link #putConnectorConfig} waits for a connector to start
     */
    public StandaloneHerder(Worker worker, String kafkaClusterId, long startTimeoutMs) {
        this(worker, () -> kafkaClusterId, startTimeoutMs);
    }

    /**
     * @param worker the worker that runs the connectors
     * @param kafkaClusterId gives the Kafka cluster's id, or {@code null} while it is not known yet
     *     (the standalone launcher looks it up while the connectors start); called from any thread
     * @param startTimeoutMs how long {@link #putConnectorConfig} waits for a connector to start
     */
    public StandaloneHerder(Worker worker, java.util.function.Supplier<String> kafkaClusterId, long startTimeoutMs) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.validation = new ConnectorValidation(worker);
        this.kafkaClusterId = Objects.requireNonNull(kafkaClusterId, "kafkaClusterId");
        this.startTimeoutMs = startTimeoutMs;
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Starts the herder (nothing runs until connectors are added). */
    public void start() {
        log.info("Standalone herder started on worker {}", worker.workerId());
    }

    /** Stops every task, then every connector, each group within the graceful timeout; idempotent. */
    public void stop() {
        if (stopped) {
            return;
        }
        try {
            call(() -> {
                stopped = true;
                List<ConnectorTaskId> all = new ArrayList<>();
                for (Map.Entry<String, Entry> e : connectors.entrySet()) {
                    for (int i = 0; i < e.getValue().taskConfigs().size(); i++) {
                        all.add(new ConnectorTaskId(e.getKey(), i));
                    }
                }
                worker.stopAndAwaitTasks(all);
                for (String name : new ArrayList<>(connectors.keySet())) {
                    worker.stopConnector(name);
                }
                return null;
            });
        } finally {
            stopped = true;
            executor.shutdown();
            log.info("Standalone herder stopped");
        }
    }

    // ------------------------------------------------------------------------------------------
    // Reads

    @Override
    public Collection<String> connectors() {
        return Collections.unmodifiableSet(new TreeSet<>(connectors.keySet()));
    }

    @Override
    public ConnectorInfo connectorInfo(String name) {
        Entry e = entry(name);
        List<ConnectorTaskId> ids = new ArrayList<>();
        for (int i = 0; i < e.taskConfigs().size(); i++) {
            ids.add(new ConnectorTaskId(name, i));
        }
        return new ConnectorInfo(name, e.config(), ids, e.type());
    }

    @Override
    public Map<String, String> connectorConfig(String name) {
        return entry(name).config();
    }

    @Override
    public SortedSet<String> connectorActiveTopics(String name) {
        entry(name);
        return worker.activeTopics(name);
    }

    @Override
    public ConnectorStateInfo connectorStatus(String name) {
        Entry e = entry(name);
        StatusStore store = worker.statusStore();
        StatusStore.ConnectorStatus cs = store.get(name);
        ConnectorStateInfo.ConnectorState connector = cs == null
                ? new ConnectorStateInfo.ConnectorState(State.UNASSIGNED, worker.workerId(), null)
                : new ConnectorStateInfo.ConnectorState(cs.state(), cs.workerId(), cs.trace());
        List<ConnectorStateInfo.TaskState> tasks = new ArrayList<>();
        for (int i = 0; i < e.taskConfigs().size(); i++) {
            tasks.add(taskState(new ConnectorTaskId(name, i)));
        }
        return new ConnectorStateInfo(name, connector, tasks, e.type());
    }

    @Override
    public List<TaskInfo> taskConfigs(String name) {
        Entry e = entry(name);
        List<TaskInfo> result = new ArrayList<>();
        for (int i = 0; i < e.taskConfigs().size(); i++) {
            result.add(new TaskInfo(new ConnectorTaskId(name, i), e.taskConfigs().get(i)));
        }
        return result;
    }

    @Override
    public ConnectorStateInfo.TaskState taskStatus(ConnectorTaskId id) {
        Entry e = entry(id.connector());
        if (id.task() < 0 || id.task() >= e.taskConfigs().size()) {
            throw new NotFoundException("Task " + id + " not found");
        }
        return taskState(id);
    }

    private ConnectorStateInfo.TaskState taskState(ConnectorTaskId id) {
        StatusStore.TaskStatus ts = worker.statusStore().get(id);
        return ts == null ? new ConnectorStateInfo.TaskState(id.task(), State.UNASSIGNED, worker.workerId(), null)
                : new ConnectorStateInfo.TaskState(id.task(), ts.state(), ts.workerId(), ts.trace());
    }

    private Entry entry(String name) {
        Entry e = name == null ? null : connectors.get(name);
        if (e == null) {
            throw new NotFoundException("Connector " + name + " not found");
        }
        return e;
    }

    @Override
    public ConfigInfos validateConnectorConfig(Map<String, String> config) {
        return validation.validate(Objects.requireNonNull(config, "config"));
    }

    @Override
    public List<ConfigKeyInfo> pluginConfig(String pluginName) {
        return validation.pluginConfig(pluginName);
    }

    /**
     * A source connector's offsets from the worker's offset store (the offsets file), a sink
     * connector's from its consumer group in Kafka (waiting at most 30 s). Runs on the caller's
     * thread.
     */
    @Override
    public ConnectorOffsets connectorOffsets(String name) {
        Entry e = entry(name);
        if (e.type() == ConnectorType.SINK) {
            return SinkGroupOffsets.read(worker.config(), e.config(), name);
        }
        if (e.type() != ConnectorType.SOURCE) {
            throw new ConnectException("Connector " + name + " is neither a source nor a sink connector, "
                    + "so it has no offsets to read");
        }
        List<ConnectorOffsets.PartitionOffset> result = new ArrayList<>();
        worker.offsetStore().offsets(name).forEach((partition, offset) ->
                result.add(new ConnectorOffsets.PartitionOffset(partition, offset)));
        return new ConnectorOffsets(result);
    }

    @Override
    public String kafkaClusterId() {
        return kafkaClusterId.get();
    }

    @Override
    public String workerId() {
        return worker.workerId();
    }

    // ------------------------------------------------------------------------------------------
    // Changes

    /**
     * Validates the configuration (on the calling thread), then creates or replaces the connector
     * and waits until the connector instance has started.
     *
     * @throws ConfigException naming every bad key; nothing changed
     * @throws ConnectException when a connector of that name exists and {@code allowReplace} is
     *     false (nothing changed), or when the connector failed to start (its configuration is kept
     *     and its status is {@code FAILED}, as in Kafka Connect)
     */
    @Override
    public boolean putConnectorConfig(String name, Map<String, String> config, boolean allowReplace) {
        return putConnectorConfig(name, config, allowReplace, TargetState.STARTED);
    }

    /**
     * As {@link #putConnectorConfig(String, Map, boolean)}, with the state a new connector starts in
     * (Kafka Connect's {@code initial_state}, KIP-980): {@code STARTED} (RUNNING), {@code PAUSED}, or
     * {@code STOPPED} (not started; its status is STOPPED until it is resumed). A replaced connector
     * keeps its state.
     *
     * @param initialState the state of a new connector
     * @return whether the connector was created (false: replaced)
     */
    public boolean putConnectorConfig(String name, Map<String, String> config, boolean allowReplace,
                                      TargetState initialState) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(initialState, "initialState");
        if (name == null || name.isBlank()) {
            throw new ConfigException(ConnectorConfig.NAME_CONFIG, name, "a connector needs a name");
        }
        String configName = config.get(ConnectorConfig.NAME_CONFIG);
        if (configName != null && !configName.trim().equals(name)) {
            throw new ConfigException(ConnectorConfig.NAME_CONFIG, configName, "the configuration's name differs from "
                    + "the connector name " + name);
        }
        Map<String, String> props = new LinkedHashMap<>(config);
        props.put(ConnectorConfig.NAME_CONFIG, name);
        Map<String, List<String>> errors = worker.validateConnectorConfig(props);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        ConnectorType type = Worker.connectorType(worker.connectorClass(props));
        Map<String, String> frozen = Collections.unmodifiableMap(props);
        Object[] outcome = call(() -> {
            checkRunning();
            Entry existing = connectors.get(name);
            if (existing != null && !allowReplace) {
                throw new ConnectException("Connector " + name + " already exists");
            }
            TargetState target = existing == null ? initialState : existing.target();
            if (existing != null) {
                cancelReload(name);
                stopConnectorAndTasks(name, existing);
            }
            connectors.put(name, new Entry(frozen, type, List.of(), target));
            CompletableFuture<Void> started;
            if (target == TargetState.STOPPED) {
                worker.stopConnectorByRequest(name); // never started: only its status
                started = CompletableFuture.completedFuture(null);
            } else {
                started = worker.startConnector(name, frozen, target, this);
            }
            log.info("Connector {} {}{}", name, existing == null ? "created" : "reconfigured",
                    target == TargetState.STOPPED ? " (stopped: it starts when resumed)" : "");
            return new Object[] {existing == null, started};
        });
        @SuppressWarnings("unchecked")
        CompletableFuture<Void> started = (CompletableFuture<Void>) outcome[1];
        try {
            started.get(startTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ConnectException("Connector " + name + " failed to start: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            log.warn("Connector {} has not finished starting after {} ms; it keeps starting in the background",
                    name, startTimeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting for connector " + name + " to start", e);
        }
        return (Boolean) outcome[0];
    }

    @Override
    public void deleteConnector(String name) {
        call(() -> {
            checkRunning();
            Entry e = entry(name);
            cancelReload(name);
            stopConnectorAndTasks(name, e);
            connectors.remove(name);
            worker.statusStore().remove(name);
            log.info("Connector {} deleted", name);
            return null;
        });
    }

    @Override
    public void pauseConnector(String name) {
        setTarget(name, TargetState.PAUSED);
    }

    @Override
    public void resumeConnector(String name) {
        setTarget(name, TargetState.STARTED);
    }

    private void setTarget(String name, TargetState target) {
        call(() -> {
            checkRunning();
            Entry e = entry(name);
            if (e.target() == TargetState.STOPPED) {
                // throws before anything changed when the connector cannot be started; its tasks follow
                worker.startConnector(name, e.config(), target, this);
                connectors.put(name, e.withTarget(target));
            } else {
                connectors.put(name, e.withTarget(target));
                worker.setTargetState(name, target);
            }
            log.info("Connector {} {}", name, target == TargetState.PAUSED ? "paused" : "resumed");
            return null;
        });
    }

    /**
     * Stops the connector's tasks and instance, drops its task configurations and marks it
     * {@code STOPPED}; a stopped connector stays so until resumed (or paused), also when its
     * configuration is replaced. Idempotent.
     */
    @Override
    public void stopConnector(String name) {
        call(() -> {
            checkRunning();
            Entry e = entry(name);
            if (e.target() == TargetState.STOPPED) {
                return null;
            }
            cancelReload(name);
            List<ConnectorTaskId> tasks = taskIds(name, e.taskConfigs().size());
            worker.stopAndAwaitTasks(tasks);
            tasks.forEach(worker.statusStore()::remove);
            worker.stopConnectorByRequest(name);
            connectors.put(name, new Entry(e.config(), e.type(), List.of(), TargetState.STOPPED));
            log.info("Connector {} stopped", name);
            return null;
        });
    }

    /**
     * Asks the connector's {@code alterOffsets}, then writes the offsets: a source connector's to the
     * offset store, a sink connector's to its consumer group. Runs on the herder thread, so that the
     * connector cannot be resumed meanwhile.
     */
    @Override
    public String alterConnectorOffsets(String name, ConnectorOffsets offsets) {
        Objects.requireNonNull(offsets, "offsets");
        return call(() -> {
            checkRunning();
            Entry e = stoppedEntry(name, "altered");
            if (offsets.offsets().isEmpty()) {
                throw new BadRequestException("The request body has no offsets to alter: give "
                        + "{\"offsets\":[{\"partition\":{...},\"offset\":{...}}]} (a null offset removes the partition's)");
            }
            boolean handled;
            if (e.type() == ConnectorType.SINK) {
                Map<io.connectsdk.api.sink.TopicPartition, Long> sink = offsets.toSinkOffsets();
                handled = worker.confirmSinkConnectorOffsets(name, e.config(), sink);
                Map<org.apache.kafka.common.TopicPartition, Long> kafka = new HashMap<>();
                sink.forEach((tp, offset) -> kafka.put(new org.apache.kafka.common.TopicPartition(tp.topic(),
                        tp.partition()), offset));
                SinkGroupOffsets.alter(worker.config(), e.config(), name, kafka);
            } else {
                handled = worker.alterSourceConnectorOffsets(name, e.config(), offsets.toSourceOffsets());
            }
            log.info("Connector {}: offsets of {} partition(s) altered", name, offsets.offsets().size());
            return ConnectorOffsets.changedMessage("altered", handled);
        });
    }

    /** Removes every offset of the connector (a sink connector's consumer group is deleted). */
    @Override
    public String resetConnectorOffsets(String name) {
        return call(() -> {
            checkRunning();
            Entry e = stoppedEntry(name, "reset");
            boolean handled;
            if (e.type() == ConnectorType.SINK) {
                Map<io.connectsdk.api.sink.TopicPartition, Long> all = new HashMap<>();
                SinkGroupOffsets.read(worker.config(), e.config(), name).toSinkOffsets().keySet()
                        .forEach(tp -> all.put(tp, null));
                handled = worker.confirmSinkConnectorOffsets(name, e.config(), all);
                SinkGroupOffsets.reset(worker.config(), e.config(), name);
            } else {
                Map<Map<String, ?>, Map<String, ?>> all = new HashMap<>();
                worker.offsetStore().offsets(name).keySet().forEach(partition -> all.put(partition, null));
                handled = worker.alterSourceConnectorOffsets(name, e.config(), all);
            }
            log.info("Connector {}: offsets reset", name);
            return ConnectorOffsets.changedMessage("reset", handled);
        });
    }

    private Entry stoppedEntry(String name, String verb) {
        Entry e = entry(name);
        if (e.target() != TargetState.STOPPED) {
            throw new BadRequestException("Connectors must be in the STOPPED state before their offsets can be " + verb
                    + ". This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/"
                    + name + "/stop' endpoint");
        }
        return e;
    }

    @Override
    public void restartConnector(String name) {
        call(() -> {
            checkRunning();
            Entry e = entry(name);
            if (e.target() == TargetState.STOPPED) {
                log.info("Connector {} is stopped; resume it to start it", name);
                return null;
            }
            worker.stopConnector(name);
            worker.startConnector(name, e.config(), e.target(), this);
            log.info("Connector {} restarted", name);
            return null;
        });
    }

    @Override
    public void restartTask(ConnectorTaskId id) {
        call(() -> {
            checkRunning();
            Entry e = entry(id.connector());
            if (id.task() < 0 || id.task() >= e.taskConfigs().size()) {
                throw new NotFoundException("Task " + id + " not found");
            }
            worker.stopAndAwaitTasks(List.of(id));
            worker.startTask(id, e.config(), e.taskConfigs().get(id.task()), e.target());
            log.info("Task {} restarted", id);
            return null;
        });
    }

    /**
     * Asks a connector to produce its task configurations again, as if it had called
     * {@code requestTaskReconfiguration()}.
     *
     * @param name the connector
     */
    public void requestTaskReconfiguration(String name) {
        entry(name);
        worker.requestTaskReconfiguration(name);
    }

    /** Connector thread: new task configurations; applied on the herder thread. */
    @Override
    public void onTaskConfigs(String connector, List<Map<String, String>> taskConfigs) {
        onHerderThread(() -> updateTasks(connector, taskConfigs), "task configurations of " + connector);
    }

    /** Herder or connector thread: values of {@code connector} expire in {@code ttlMs}; restart it then. */
    @Override
    public void onConfigExpiry(String connector, long ttlMs) {
        onHerderThread(() -> scheduleReload(connector, ttlMs), "expiry of " + connector + "'s config values");
    }

    /** Queues {@code job} on the herder thread unless the herder stopped ({@code what} is then logged as ignored). */
    private void onHerderThread(Runnable job, String what) {
        if (stopped) {
            return;
        }
        try {
            executor.execute(job);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("Herder stopped; {} ignored", what);
        }
    }

    private void scheduleReload(String name, long ttlMs) {
        if (stopped || !connectors.containsKey(name)) {
            return;
        }
        ScheduledFuture<?> pending = reloads.get(name);
        if (pending != null && !pending.isDone()
                && pending.getDelay(TimeUnit.MILLISECONDS) <= Math.max(ttlMs, MIN_RELOAD_DELAY_MS)) {
            return; // an earlier restart is due already
        }
        if (pending != null) {
            pending.cancel(false);
        }
        long delayMs = Math.max(ttlMs, MIN_RELOAD_DELAY_MS);
        log.info("Connector {}: config provider values expire in {} ms; the connector and its tasks restart in {} ms "
                + "(config.action.reload=restart)", name, ttlMs, delayMs);
        reloads.put(name, executor.schedule(() -> reload(name), delayMs, TimeUnit.MILLISECONDS));
    }

    private void cancelReload(String name) {
        ScheduledFuture<?> pending = reloads.remove(name);
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private void reload(String name) {
        reloads.remove(name);
        Entry e = connectors.get(name);
        if (stopped || e == null || e.target() == TargetState.STOPPED) {
            return;
        }
        log.info("Connector {}: restarting it and its {} task(s) to read the expired config provider values again",
                name, e.taskConfigs().size());
        stopConnectorAndTasks(name, e);
        connectors.put(name, e.withTasks(List.of())); // its next task configurations start every task again
        try {
            worker.startConnector(name, e.config(), e.target(), this);
        } catch (RuntimeException failure) {
            log.error("Connector {} could not be restarted after its config provider values expired: {}", name,
                    failure.getMessage());
            worker.connectorStartFailed(name, failure);
        }
    }

    private void updateTasks(String name, List<Map<String, String>> taskConfigs) {
        if (stopped) {
            return;
        }
        Entry e = connectors.get(name);
        if (e == null) {
            return;
        }
        if (e.taskConfigs().equals(taskConfigs)) {
            log.debug("Connector {} produced unchanged task configurations; tasks keep running", name);
            return;
        }
        List<ConnectorTaskId> old = taskIds(name, e.taskConfigs().size());
        worker.stopAndAwaitTasks(old);
        for (int i = taskConfigs.size(); i < e.taskConfigs().size(); i++) {
            worker.statusStore().remove(new ConnectorTaskId(name, i));
        }
        Entry updated = e.withTasks(taskConfigs);
        connectors.put(name, updated);
        log.info("Connector {}: starting {} task(s) with new configurations (had {})", name, taskConfigs.size(),
                e.taskConfigs().size());
        for (int i = 0; i < taskConfigs.size(); i++) {
            worker.startTask(new ConnectorTaskId(name, i), updated.config(), taskConfigs.get(i), updated.target());
        }
    }

    private void stopConnectorAndTasks(String name, Entry e) {
        worker.stopAndAwaitTasks(taskIds(name, e.taskConfigs().size()));
        worker.stopConnector(name);
    }

    private static List<ConnectorTaskId> taskIds(String name, int count) {
        List<ConnectorTaskId> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(new ConnectorTaskId(name, i));
        }
        return ids;
    }

    private void checkRunning() {
        if (stopped) {
            throw new ConnectException("The standalone herder is stopped");
        }
    }

    /** Runs a change on the herder thread and waits for it, rethrowing its exception. */
    private <T> T call(Callable<T> job) {
        Future<T> f;
        try {
            f = executor.submit(job);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new ConnectException("The standalone herder is stopped");
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting for the herder", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new ConnectException(cause);
        }
    }
}
