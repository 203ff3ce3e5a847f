package io.connectsdk.maven;

import io.connectsdk.runtime.config.ConnectorConfig;
import io.connectsdk.runtime.config.WorkerConfig;
import io.connectsdk.runtime.herder.ConnectorStateInfo;
import io.connectsdk.runtime.plugin.Plugins;
import io.connectsdk.runtime.rest.PluginInfo;
import io.connectsdk.runtime.rest.RestServer;
import io.connectsdk.runtime.standalone.ConnectorFile;
import io.connectsdk.runtime.standalone.Standalone;
import io.connectsdk.runtime.standalone.StandaloneConfig;
import io.connectsdk.runtime.worker.TargetState;
import io.connectsdk.runtime.worker.WorkerPlugins;
import io.connectsdk.testkit.kafka.EmbeddedKafkaBroker;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the project's packaged plugin on a standalone worker, by default against a Kafka broker
 * started in Maven's JVM: the developer's loop is {@code mvn package connect-sdk:run}. The worker
 * takes {@code worker.properties} (optional: without it, JSON converters without schemas, REST on
 * {@code http://localhost:8083}) with {@code plugin.path} set to what {@code connect-sdk:package}
 * wrote, and the connector files ({@code connector.properties} by default; properties or Kafka
 * Connect JSON, as {@code connect-sdk standalone} takes them). It runs until Ctrl-C, or for
 * {@code runForSeconds}; stopping commits the offsets (source offsets in
 * {@code target/connect-sdk-run/offsets.json} unless the worker file names another file), then
 * stops the broker, whose data is temporary. The REST API is read-only, as in standalone mode.
 */
@Mojo(name = "run", threadSafe = false)
public class RunMojo extends AbstractMojo {
    /** How long a Ctrl-C waits for the worker to stop and commit its offsets. */
    private static final long STOP_BOUND_SECONDS = 60;
    /** How long the start-up report waits for the tasks to start. */
    private static final Duration TASKS_SETTLE = Duration.ofSeconds(5);
    /** scheme://host:0[/path]: groups scheme://, host (maybe empty or [v6]), the rest. */
    private static final Pattern PORT_ZERO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)(\\[[^]]*]|[^:/]*):0(/.*)?");

    /** The project's folder: relative paths in the worker file are taken from it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /** The worker configuration; used when the file exists. */
    @Parameter(property = "connect-sdk.workerConfig", defaultValue = "${project.basedir}/worker.properties")
    private File workerConfig;

    /** The connector files (comma-separated on the command line); default {@code connector.properties}. */
    @Parameter(property = "connect-sdk.connectors")
    private List<File> connectors;

    /** Start a Kafka broker in this JVM and point the worker at it, instead of {@code bootstrap.servers}. */
    @Parameter(property = "connect-sdk.embeddedKafka", defaultValue = "true")
    private boolean embeddedKafka;

    /** What {@code connect-sdk:package} wrote: the worker's {@code plugin.path}. */
    @Parameter(property = "connect-sdk.pluginDirectory", defaultValue = "${project.build.directory}/plugin")
    private File pluginDirectory;

    /** Where the run keeps its offsets file (when the worker file names none). */
    @Parameter(defaultValue = "${project.build.directory}/connect-sdk-run")
    private File workDirectory;

    /** Stop after this many seconds; 0 (the default) runs until Ctrl-C. */
    @Parameter(property = "connect-sdk.runForSeconds", defaultValue = "0")
    private int runForSeconds;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!pluginDirectory.isDirectory()) {
            throw new MojoFailureException("connect-sdk:run hosts what connect-sdk:package wrote, but " + pluginDirectory
                    + " does not exist: run `mvn package connect-sdk:run`");
        }
        Map<String, String> worker;
        List<Map<String, String>> configs = new ArrayList<>();
        Map<String, TargetState> states = new HashMap<>();
        try {
            worker = workerProperties();
            for (File file : connectorFiles()) {
                ConnectorFile c = ConnectorFile.read(file.toPath());
                configs.add(c.config());
                String name = c.config().get(ConnectorConfig.NAME_CONFIG);
                if (name != null) {
                    states.put(name.trim(), c.initialState()); // as the worker names it
                }
            }
        } catch (RuntimeException e) { // unreadable or invalid files: the message names the file and key
            throw new MojoFailureException("connect-sdk:run: " + e.getMessage(), e);
        }
        EmbeddedKafkaBroker broker = null;
        Plugins plugins = null;
        Standalone.Handle handle = null;
        RestServer rest = null;
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C: let the worker stop (and commit its offsets) before the JVM exits, within a bound
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(STOP_BOUND_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "connect-sdk-run-stop");
        try {
            if (embeddedKafka) {
                quietKafkaLogs();
                broker = EmbeddedKafkaBroker.builder().build().start();
                worker.put(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
                getLog().info("connect-sdk:run: embedded Kafka broker at " + broker.bootstrapServers() + " (temporary data)");
            }
            plugins = Plugins.discover(worker.get(WorkerConfig.PLUGIN_PATH_CONFIG));
            for (String problem : plugins.problems()) {
                getLog().warn("Plugin problem: " + problem);
            }
            handle = Standalone.start(worker, configs, WorkerPlugins.of(plugins),
                    Standalone.lookupClusterIdAsync(new StandaloneConfig(worker)), states);
            Plugins found = plugins;
            rest = new RestServer(worker, handle.herder(), () -> PluginInfo.of(found), true);
            rest.start();
            handle.herder().awaitTasksSettled(TASKS_SETTLE);
            report(handle, rest);
            Runtime.getRuntime().addShutdownHook(hook);
            if (runForSeconds > 0) {
                stop.await(runForSeconds, TimeUnit.SECONDS);
            } else {
                getLog().info("connect-sdk:run: press Ctrl-C to stop");
                stop.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            throw new MojoFailureException("connect-sdk:run could not start the worker: " + e.getMessage(), e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the JVM is stopping; stop the worker now, before it exits
            }
            getLog().info("connect-sdk:run: stopping (REST API, connectors and tasks with their offsets, broker)");
            closeQuietly(rest == null ? null : rest::stop);
            closeQuietly(handle);
            closeQuietly(plugins);
            closeQuietly(broker);
            getLog().info("connect-sdk:run: stopped");
            stopped.countDown();
        }
    }

    private Map<String, String> workerProperties() throws MojoExecutionException {
        Map<String, String> worker = new LinkedHashMap<>();
        if (workerConfig.isFile()) {
            worker.putAll(Standalone.loadProperties(workerConfig.toPath()));
            getLog().info("connect-sdk:run: worker configuration " + workerConfig);
        } else {
            worker.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
            worker.put("key.converter.schemas.enable", "false");
            worker.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
            worker.put("value.converter.schemas.enable", "false");
            worker.put("listeners", "http://localhost:8083");
            worker.put(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
            getLog().info("connect-sdk:run: no " + workerConfig + "; JSON converters without schemas, REST on"
                    + " http://localhost:8083");
        }
        String previous = worker.put(WorkerConfig.PLUGIN_PATH_CONFIG, pluginDirectory.getAbsolutePath());
        if (previous != null && !previous.isBlank()) {
            getLog().info("connect-sdk:run: plugin.path=" + pluginDirectory + " (instead of " + previous + ")");
        }
        String listeners = worker.get("listeners");
        if (listeners != null && listeners.contains(":0")) {
            try {
                worker.put("listeners", withFreePorts(listeners));
            } catch (IOException e) {
                throw new MojoExecutionException("connect-sdk:run could not find a free port for listeners=" + listeners
                        + ": " + e, e);
            }
        }
        String offsets = worker.get(StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG);
        Path offsetsFile = offsets == null || offsets.isBlank() ? workDirectory.toPath().resolve("offsets.json")
                : basedir.toPath().resolve(offsets);
        worker.put(StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG, offsetsFile.toAbsolutePath().toString());
        return worker;
    }

    /**
     * The broker and Kafka's clients log at WARN (Maven's SLF4J backend reads these properties when a
     * logger is created), unless set on the command line.
     */
    private static void quietKafkaLogs() {
        for (String logger : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "warn");
            }
        }
    }

    /**
     * Replaces port 0 in {@code listeners} with a free port, so that the worker id (in every status)
     * names the port the REST API really listens on: the worker takes its id from the configuration,
     * before the listeners are bound. Another process could take the port in between; the start then
     * fails naming the listener.
     */
    static String withFreePorts(String listeners) throws IOException {
        List<String> result = new ArrayList<>();
        for (String listener : listeners.split(",")) {
            String l = listener.trim();
            Matcher m = PORT_ZERO.matcher(l);
            if (m.matches()) {
                String host = m.group(2).isEmpty() || m.group(2).equals("0.0.0.0") ? "127.0.0.1" : m.group(2);
                try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host.replace("[", "").replace("]", "")))) {
                    l = m.group(1) + m.group(2) + ":" + socket.getLocalPort() + (m.group(3) == null ? "" : m.group(3));
                }
            }
            result.add(l);
        }
        return String.join(",", result);
    }

    private List<File> connectorFiles() throws MojoFailureException {
        List<File> files = connectors == null || connectors.isEmpty()
                ? List.of(new File(basedir, "connector.properties")) : connectors;
        for (File f : files) {
            if (!f.isFile()) {
                throw new MojoFailureException("connect-sdk:run: connector file " + f + " does not exist; name the files"
                        + " with -Dconnect-sdk.connectors=a.properties,b.json (default: connector.properties)");
            }
        }
        return files;
    }

    private void report(Standalone.Handle handle, RestServer rest) {
        getLog().info("connect-sdk:run: worker " + handle.workerId() + ", REST API " + rest.uris() + " (read-only)");
        for (String name : handle.herder().connectors()) {
            ConnectorStateInfo status = handle.herder().connectorStatus(name);
            StringBuilder line = new StringBuilder("connect-sdk:run: connector " + name + " " + status.connector().state());
            for (ConnectorStateInfo.TaskState task : status.tasks()) {
                line.append(", task ").append(task.id()).append(' ').append(task.state());
            }
            getLog().info(line);
        }
    }

    private void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            getLog().warn("connect-sdk:run: stopping " + c + " failed: " + e);
        }
    }
}
