package io.connectsdk.runtime.worker;

import io.connectsdk.api.connector.Connector;
import io.connectsdk.api.connector.Task;
import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.sink.SinkConnectorContext;
import io.connectsdk.api.source.OffsetStorageReader;
import io.connectsdk.api.source.SourceConnectorContext;
import io.connectsdk.runtime.config.ConnectorConfig;
import io.connectsdk.runtime.herder.State;
import io.connectsdk.runtime.plugin.LoaderSwap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connector instance on its own thread, {@code connector-<name>}: every call into the
 * connector ({@code initialize}, {@code start}, {@code taskConfigs}, {@code stop}) happens there,
 * one at a time, with the connector's classloader as context classloader. Requests from other
 * threads (reconfiguration, errors, pause, resume, stop) are queued to that thread.
 *
 * <p>States reported to the status store: {@code RUNNING} once started, {@code PAUSED},
 * {@code FAILED} with the trace when {@code start}/{@code taskConfigs} throw or the connector
 * calls {@code raiseError} (the instance is then stopped), {@code UNASSIGNED} once stopped.
 */
final class WorkerConnector {
    private static final Logger log = LoggerFactory.getLogger(WorkerConnector.class);

    private final String name;
    private final Map<String, String> config;
    private final ConnectorConfig connectorConfig;
    private final Connector connector;
    private final ClassLoader loader;
    private final ConnectorListener listener;
    private final Worker worker;
    private final long generation;
    private final ExecutorService executor;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final OffsetStorageReader offsetReader;

    // touched on the connector thread only
    private boolean running;
    private boolean failed;
    private volatile TargetState target;
    private volatile boolean stopping;

    WorkerConnector(Worker worker, String name, Map<String, String> config, ConnectorConfig connectorConfig,
                    Connector connector, TargetState target, ConnectorListener listener, long generation,
                    OffsetStorageReader offsetReader) {
        this.worker = worker;
        this.name = name;
        this.config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        this.connectorConfig = connectorConfig;
        this.connector = connector;
        this.loader = connector.getClass().getClassLoader() == null ? ClassLoader.getSystemClassLoader()
                : connector.getClass().getClassLoader();
        this.target = target;
        this.listener = listener;
        this.generation = generation;
        this.offsetReader = offsetReader;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "connector-" + name);
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        });
    }

    String name() {
        return name;
    }

    Map<String, String> config() {
        return config;
    }

    Connector connector() {
        return connector;
    }

    /** @return completes when the first start finished; exceptionally when it failed */
    CompletableFuture<Void> startFuture() {
        return started;
    }

    void start() {
        submit(this::doStart);
    }

    void requestTaskReconfiguration() {
        submit(() -> {
            if (running) {
                generateTaskConfigs();
            }
        });
    }

    void transitionTo(TargetState state) {
        submit(() -> {
            target = state;
            if (failed) {
                return;
            }
            if (state == TargetState.PAUSED && running) {
                stopConnector();
                status(State.PAUSED, null);
            } else if (state == TargetState.STARTED && !running) {
                if (startConnector()) {
                    generateTaskConfigs();
                }
            }
        });
    }

    /** Stops the instance; returns within {@code timeoutMs}, abandoning the thread if it is stuck. */
    boolean stop(long timeoutMs) {
        stopping = true;
        submit(() -> {
            if (running) {
                stopConnector();
            }
            if (!failed) {
                status(State.UNASSIGNED, null);
            }
        });
        executor.shutdown();
        boolean done;
        try {
            done = executor.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = false;
        }
        if (!done) {
            log.error("Connector {} did not stop within {} ms; abandoning its thread connector-{}", name, timeoutMs, name);
            executor.shutdownNow();
        }
        started.completeExceptionally(new ConnectException("Connector " + name + " was stopped before it started"));
        return done;
    }

    @SuppressWarnings("try") // LoaderSwap works by its scope
    private void submit(Runnable job) {
        try {
            executor.execute(() -> {
                try (LoaderSwap swap = LoaderSwap.swap(loader)) {
                    job.run();
                } catch (Throwable t) {
                    fail(t);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Connector {} is stopping; request ignored", name);
        }
    }

    private void doStart() {
        try {
            connector.initialize(context());
        } catch (Throwable t) {
            fail(t);
            return;
        }
        if (target == TargetState.PAUSED) {
            status(State.PAUSED, null);
            started.complete(null);
            return;
        }
        if (startConnector()) {
            started.complete(null);
            generateTaskConfigs();
        }
    }

    /** @return whether the connector started */
    private boolean startConnector() {
        try {
            connector.start(config);
            running = true;
            failed = false;
            status(State.RUNNING, null);
            log.info("Connector {} started", name);
            return true;
        } catch (Throwable t) {
            fail(t);
            return false;
        }
    }

    private void stopConnector() {
        running = false;
        try {
            connector.stop();
            log.info("Connector {} stopped", name);
        } catch (Throwable t) {
            log.error("Connector {} failed to stop cleanly", name, t);
        }
    }

    private void generateTaskConfigs() {
        int maxTasks = connectorConfig.tasksMax();
        List<Map<String, String>> configs;
        try {
            configs = connector.taskConfigs(maxTasks);
            if (configs == null) {
                throw new ConnectException("Connector " + name + " (" + connector.getClass().getName()
                        + ") returned null from taskConfigs(" + maxTasks + ")");
            }
            if (configs.size() > maxTasks && connectorConfig.enforceTasksMax()) {
                throw new ConnectException("Connector " + name + " generated " + configs.size()
                        + " task configurations, more than tasks.max=" + maxTasks
                        + "; raise tasks.max, or set tasks.max.enforce=false");
            }
            Class<? extends Task> taskClass = connector.taskClass();
            if (taskClass == null) {
                throw new ConnectException("Connector " + name + " (" + connector.getClass().getName()
                        + ") returned null from taskClass()");
            }
            List<Map<String, String>> withClass = new ArrayList<>(configs.size());
            for (Map<String, String> c : configs) {
                if (c == null) {
                    throw new ConnectException("Connector " + name + " returned a null task configuration");
                }
                Map<String, String> copy = new LinkedHashMap<>(c);
                copy.put(Worker.TASK_CLASS_CONFIG, taskClass.getName());
                withClass.add(Collections.unmodifiableMap(copy));
            }
            configs = Collections.unmodifiableList(withClass);
        } catch (Throwable t) {
            fail(t);
            return;
        }
        if (!stopping) {
            listener.onTaskConfigs(name, configs);
        }
    }

    /** Marks the connector failed and stops it; on the connector thread. */
    private void fail(Throwable t) {
        log.error("Connector {} failed", name, t);
        failed = true;
        status(State.FAILED, Worker.trace(t));
        if (running) {
            stopConnector();
        } else {
            try {
                connector.stop();
            } catch (Throwable stopFailure) {
                log.debug("Connector {} failed to stop after failing", name, stopFailure);
            }
        }
        started.completeExceptionally(t);
    }

    private void status(State state, String trace) {
        worker.connectorStatus(name, state, trace, generation);
    }

    private io.connectsdk.api.connector.ConnectorContext context() {
        if (offsetReader != null) {
            return new SourceContext();
        }
        return new SinkContext();
    }

    private abstract class BaseContext implements io.connectsdk.api.connector.ConnectorContext {
        @Override
        public void requestTaskReconfiguration() {
            WorkerConnector.this.requestTaskReconfiguration();
        }

        @Override
        public void raiseError(Exception e) {
            java.util.Objects.requireNonNull(e, "e");
            submit(() -> fail(e));
        }
    }

    private final class SinkContext extends BaseContext implements SinkConnectorContext {
    }

    private final class SourceContext extends BaseContext implements SourceConnectorContext {
        @Override
        public OffsetStorageReader offsetStorageReader() {
            return offsetReader;
        }
    }

    /** @return who hears about this connector (the herder that started it) */
    ConnectorListener listener() {
        return listener;
    }
}
