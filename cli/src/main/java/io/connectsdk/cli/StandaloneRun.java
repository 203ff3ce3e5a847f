package io.connectsdk.cli;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.storage.Converter;
import io.connectsdk.api.storage.HeaderConverter;
import io.connectsdk.runtime.config.WorkerConfig;
import io.connectsdk.runtime.plugin.Plugins;
import io.connectsdk.runtime.rest.PluginInfo;
import io.connectsdk.runtime.rest.RestServer;
import io.connectsdk.runtime.standalone.Standalone;
import io.connectsdk.runtime.standalone.StandaloneConfig;
import io.connectsdk.runtime.worker.WorkerPlugins;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * What {@code connect-sdk standalone} runs, and stopping it: an optional {@link EmbeddedKafka} broker, the
 * plugin registry, the read-only REST server and the standalone worker. The command starts the parts
 * one by one ({@link #startBroker}, {@link #discoverPlugins}, {@link #startRest},
 * {@link #startWorker}) so that it can tell the user which step failed; {@link #stop()} stops
 * whatever was started, in the order REST (no more requests), worker (connectors and tasks stop and
 * commit their offsets), plugins, broker. Thread-safe.
 */
final class StandaloneRun {
    /** How long {@link #stop()} may take before it gives up, so that a stopping process exits within 30 s. */
    static final Duration STOP_DEADLINE = Duration.ofSeconds(25);

    private final PrintWriter err;
    private final Duration stopDeadline;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private EmbeddedKafka broker;
    private Path brokerDir;
    private boolean deleteBrokerDir;
    private volatile Plugins plugins;
    private DeferredHerder restHerder;
    private RestServer rest;
    private Standalone.Handle worker;
    private boolean stopping;
    private volatile boolean stopCompleted;

    /**
     * @param err where problems during the stop go
     * @param stopDeadline how long {@link #stop()} may take
     */
    StandaloneRun(PrintWriter err, Duration stopDeadline) {
        this.err = err;
        this.stopDeadline = stopDeadline;
    }

    /**
     * Starts an in-JVM single-node Kafka broker on a free loopback port.
     *
     * @param dir where the broker keeps its data (kept afterwards), or {@code null} for a temporary
     *     directory deleted by {@link #stop()}
     * @return the broker's bootstrap address, {@code 127.0.0.1:<port>}
     * @throws IllegalStateException when the broker cannot start
     */
    synchronized String startBroker(Path dir) {
        try {
            brokerDir = dir != null ? dir.toAbsolutePath() : Files.createTempDirectory("connect-sdk-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for the embedded Kafka broker: " + e.getMessage(), e);
        }
        deleteBrokerDir = dir == null;
        // The broker's storage is given explicitly so that this class, not a JVM shutdown hook racing
        // with ours, decides when it is deleted: after the broker has stopped.
        try {
            broker = EmbeddedKafka.start(brokerDir);
        } catch (RuntimeException | Error e) {
            if (deleteBrokerDir) {
                try {
                    deleteRecursively(brokerDir);
                } catch (UncheckedIOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
        return broker.bootstrapServers();
    }

    /** @return the embedded broker's storage directory, or {@code null} without one */
    synchronized Path brokerDir() {
        return brokerDir;
    }

    /** @return whether the broker's storage is deleted when stopping */
    synchronized boolean brokerDirIsTemporary() {
        return deleteBrokerDir;
    }

    /**
     * Finds the plugins of {@code plugin.path} and the classpath (built-ins).
     *
     * @param pluginPath the worker's {@code plugin.path}, or {@code null}
     * @return problems with individual plugins (each names the location and the class), not fatal
     * @throws io.connectsdk.runtime.plugin.PluginLocationException naming the entry when a
     *     directory is missing or unreadable
     */
    List<String> discoverPlugins(String pluginPath) {
        Plugins p = Plugins.discover(pluginPath);
        plugins = p;
        return p.problems();
    }

    /**
     * Checks that the worker's converters are installed, which the worker itself only finds out when
     * the first task starts (and fails).
     *
     * @param config the worker configuration
     * @throws ConfigException naming the key and the class when a converter is unknown
     */
    void checkConverters(StandaloneConfig config) {
        WorkerPlugins resolver = WorkerPlugins.of(plugins);
        Map<String, Class<?>> keys = new LinkedHashMap<>();
        keys.put(WorkerConfig.KEY_CONVERTER_CLASS_CONFIG, Converter.class);
        keys.put(WorkerConfig.VALUE_CONVERTER_CLASS_CONFIG, Converter.class);
        keys.put(WorkerConfig.HEADER_CONVERTER_CLASS_CONFIG, HeaderConverter.class);
        keys.forEach((key, spi) -> {
            String className = config.getString(key);
            try {
                resolver.resolve(className, spi);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key, className, e.getMessage());
            }
        });
    }

    /** @return the plugins for {@code GET /connector-plugins} */
    private List<PluginInfo> pluginInfos() {
        Plugins p = plugins;
        return p == null ? List.of() : PluginInfo.of(p);
    }

    /**
     * Checks the REST configuration; nothing is bound yet.
     *
     * @param workerProps the worker configuration ({@code listeners}, {@code rest.advertised.*}, TLS keys)
     * @throws io.connectsdk.api.config.ConfigException naming the key when the REST configuration is invalid
     */
    synchronized void prepareRest(Map<String, String> workerProps) {
        restHerder = new DeferredHerder(() -> rest.workerId());
        rest = new RestServer(workerProps, restHerder, this::pluginInfos, true);
    }

    /**
     * Binds the REST listeners. Until {@link #startWorker} has finished, the API answers as a worker
     * without connectors.
     *
     * @return this worker's id, {@code host:port} of the advertised listener (with the real port)
     * @throws io.connectsdk.api.errors.ConnectException naming the listener when it cannot be bound
     */
    synchronized String startRest() {
        rest.start();
        return rest.workerId();
    }

    /** @return the REST URLs, one per listener, with the bound ports */
    synchronized List<URI> restUris() {
        return rest == null ? List.of() : rest.uris();
    }

    /**
     * Starts the standalone worker and its connectors, and lets the REST API answer for them.
     *
     * @param workerProps the worker configuration
     * @param connectors the connector configurations
     * @param clusterIdLookup a cluster id lookup started earlier, or {@code null} to start one now
     * @param initialStates connector name to the state it starts in (absent: running)
     * @return the running worker
     * @throws io.connectsdk.api.config.ConfigException when a connector configuration is invalid
     * @throws io.connectsdk.api.errors.ConnectException when Kafka cannot be reached or a connector fails to start
     */
    Standalone.Handle startWorker(Map<String, String> workerProps, List<Map<String, String>> connectors,
                                  java.util.concurrent.CompletableFuture<String> clusterIdLookup,
                                  Map<String, io.connectsdk.runtime.worker.TargetState> initialStates) {
        Standalone.Handle handle = Standalone.start(workerProps, connectors, WorkerPlugins.of(plugins),
                clusterIdLookup == null ? Standalone.lookupClusterIdAsync(new StandaloneConfig(workerProps))
                        : clusterIdLookup, initialStates);
        synchronized (this) {
            worker = handle;
            if (stopping) {
                // stopped while starting: stop() did not see the worker yet
                handle.close();
            } else {
                restHerder.ready(handle.herder());
            }
        }
        return handle;
    }

    /** @return whether {@link #stop()} finished every step in time */
    boolean stopCompleted() {
        return stopCompleted;
    }

    /** Blocks until {@link #stop()} has finished (or given up at its deadline). */
    void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops everything that was started: REST, worker (offsets committed), plugins, broker, then
     * deletes a temporary broker directory. Idempotent: a second call waits for the first. Gives up
     * waiting after the stop deadline (the steps left keep running on a daemon thread).
     *
     * @return whether everything stopped within the deadline
     */
    boolean stop() {
        boolean first;
        synchronized (this) {
            first = !stopping;
            stopping = true;
        }
        if (!first) {
            awaitStopped();
            return stopCompleted;
        }
        List<String> pending = new ArrayList<>(List.of("REST server", "worker", "plugins", "Kafka broker"));
        Thread stopper = new Thread(() -> stopSteps(pending), "connect-sdk-standalone-stop");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(stopDeadline.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean done = !stopper.isAlive();
        if (!done) {
            synchronized (pending) {
                err.println("connect-sdk standalone: did not stop within " + stopDeadline.toSeconds() + " s (still stopping: "
                        + String.join(", ", pending) + "); exiting anyway");
            }
            err.flush();
        }
        stopCompleted = done;
        stopped.countDown();
        return done;
    }

    private void stopSteps(List<String> pending) {
        RestServer r;
        Standalone.Handle w;
        Plugins p;
        EmbeddedKafka b;
        synchronized (this) {
            r = rest;
            w = worker;
            p = plugins;
            b = broker;
        }
        step(pending, "REST server", r == null ? null : () -> r.stop());
        step(pending, "worker", w == null ? null : w::close);
        step(pending, "plugins", p == null ? null : p::close);
        step(pending, "Kafka broker", b == null ? null : () -> {
            b.close();
            if (deleteBrokerDir && brokerDir != null) {
                deleteRecursively(brokerDir);
            }
        });
    }

    private void step(List<String> pending, String what, Runnable action) {
        if (action != null) {
            try {
                action.run();
            } catch (RuntimeException e) {
                err.println("connect-sdk standalone: stopping the " + what + " failed: " + e);
                err.flush();
            }
        }
        synchronized (pending) {
            pending.remove(what);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
