package io.connectsdk.cli;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.runtime.config.ConfigProviders;
import io.connectsdk.runtime.config.ConnectorConfig;
import io.connectsdk.runtime.config.WorkerConfig;

import io.connectsdk.runtime.metrics.ConnectMetrics;
import io.connectsdk.runtime.plugin.PluginLocationException;
import io.connectsdk.runtime.standalone.ConnectorFile;
import io.connectsdk.runtime.standalone.Standalone;
import io.connectsdk.runtime.standalone.StandaloneConfig;
import io.connectsdk.runtime.worker.TargetState;
import io.connectsdk.runtime.worker.Worker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code connect-sdk standalone}: runs a standalone worker in this process, with the arguments of
 * Kafka's {@code connect-standalone.sh}, optionally on an embedded Kafka broker, until SIGINT or
 * SIGTERM.
 */
@Command(name = "standalone",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Runs connectors in a standalone worker, as Kafka's connect-standalone.sh does.",
            "",
            "A standalone worker is one process that hosts connectors whose configurations come from properties"
                + " files, keeps source offsets in a local file and serves a read-only Kafka Connect REST API."
                + " The arguments are those of connect-standalone.sh, and its properties files work unchanged.",
            "",
            "<worker.properties> configures the worker. It needs:",
            "  bootstrap.servers               the Kafka brokers, host:port,... (--embedded-kafka sets it)",
            "  key.converter, value.converter  how keys and values are written to and read from Kafka, e.g.",
            "                                  StringConverter, or JsonConverter with",
            "                                  value.converter.schemas.enable=false for plain JSON",
            "  offset.storage.file.filename    the file that keeps source offsets between runs",
            "and usually:",
            "  plugin.path                     comma-separated directories whose children are plugins (a",
            "                                  directory of jars, an uber-jar or a plugin .zip); relative",
            "                                  paths are resolved against the current directory",
            "  listeners                       the REST API's address (default http://:8083: every interface)",
            "  offset.flush.interval.ms        how often offsets are committed and sinks flush (default 60000)",
            "",
            "Each <connector.properties> configures one connector: name, connector.class (a class name or alias"
                + " such as FileSinkConnector), tasks.max, topics (sinks), and the connector's own keys. As with"
                + " connect-standalone.sh, a connector file may also be JSON: an object of the same keys, or the body"
                + " of POST /connectors, {\"name\": ..., \"config\": {...}, \"initial_state\": \"RUNNING\"},"
                + " where initial_state PAUSED or STOPPED starts the connector paused or stopped.",
            "",
            "Once running, it prints the REST URL and commands to look at the connectors. Ctrl-C (SIGINT) or"
                + " SIGTERM stops the REST API, then the connectors and tasks (committing their offsets), then the"
                + " embedded broker, within 30 seconds.",
            "",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped cleanly (as a process stopped by Ctrl-C or SIGTERM the JVM exits with 130 or 143, as usual)",
            "1:the worker could not start: a connector configuration is invalid, a connector failed, Kafka cannot"
                + " be reached, or the REST port is taken",
            "2:bad usage, a missing or unreadable file, or an invalid worker configuration",
            "3:internal error of connect-sdk",
        },
        footerHeading = "%n",
        footer = {
            "A worker.properties:",
            "  bootstrap.servers=localhost:9092",
            "  key.converter=StringConverter",
            "  value.converter=JsonConverter",
            "  value.converter.schemas.enable=false",
            "  offset.storage.file.filename=/tmp/connect.offsets",
            "  offset.flush.interval.ms=10000",
            "  plugin.path=/opt/connect/plugins",
            "  listeners=http://localhost:8083",
            "",
            "A connector.properties:",
            "  name=orders-to-file",
            "  connector.class=FileSinkConnector",
            "  tasks.max=1",
            "  topics=orders",
            "  file=/tmp/orders.txt",
            "",
            "Examples:",
            "  connect-sdk standalone worker.properties orders-to-file.properties",
            "  connect-sdk standalone --embedded-kafka config/quickstart-worker.properties \\",
            "      config/quickstart-datagen-source.properties config/quickstart-file-sink.properties",
            "  connect-sdk standalone --rest-port 0 -o offset.flush.interval.ms=1000 \\",
            "      worker.properties sink.properties",
        })
public final class StandaloneCommand implements Callable<Integer> {
    private static final String NAME = "connect-sdk standalone";
    private static final Pattern LISTENER = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://(.*):(\\d+)/?");
    /** The worker's bootstrap.servers while its configuration is checked, before the embedded broker exists. */
    private static final String EMBEDDED_PLACEHOLDER = "127.0.0.1:9092";
    /** How long the banner waits for the tasks of the started connectors to be assigned, so that it shows them. */
    private static final Duration TASKS_SETTLE = Duration.ofSeconds(5);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<worker.properties>",
            description = "The worker configuration (see above).")
    Path workerFile;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "<connector.properties>",
            description = "Connector configurations, one connector per file.")
    List<Path> connectorFiles = new ArrayList<>();

    @Option(names = "--embedded-kafka",
            description = "Start a single-node Kafka broker in this process first (on a free 127.0.0.1 port) and use it"
                    + " instead of bootstrap.servers. Its data is temporary unless --kafka-dir is given. For trying"
                    + " connectors out without a Kafka installation.")
    boolean embeddedKafka;

    @Option(names = "--kafka-dir", paramLabel = "<dir>",
            description = "With --embedded-kafka: keep the broker's data in this directory, so that topics survive a"
                    + " restart (default: a temporary directory, deleted when the worker stops).")
    Path kafkaDir;

    @Option(names = "--rest-port", paramLabel = "<port>",
            description = "Serve the REST API on this port instead of the one in listeners (0 picks a free port;"
                    + " the banner shows which).")
    Integer restPort;

    @Option(names = {"-o", "--override"}, paramLabel = "<key=value>",
            description = "Set a worker property, overriding worker.properties; repeatable, e.g."
                    + " -o offset.flush.interval.ms=1000.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = {"-v", "--verbose"},
            description = "Log what the worker, connectors and broker do (INFO), and show the stack trace of errors.")
    boolean verbose;

    private final ShutdownHooks hooks;
    private final Duration stopDeadline;
    /** The connector names, in connector file order. */
    private final List<String> loadedNames = new ArrayList<>();
    /** Connector name to the initial state its file asked for (JSON files' {@code initial_state}). */
    private final Map<String, TargetState> initialStates = new LinkedHashMap<>();
    /** The worker file's bootstrap.servers that --embedded-kafka replaced, or null. */
    private String replacedBootstrap;

    /** The command as the {@code connect-sdk} process runs it: stopped by the JVM's shutdown hooks. */
    public StandaloneCommand() {
        this(ShutdownHooks.JVM, StandaloneRun.STOP_DEADLINE);
    }

    /**
     * @param hooks where the stop path is registered (tests call it themselves)
     * @param stopDeadline how long stopping may take
     */
    StandaloneCommand(ShutdownHooks hooks, Duration stopDeadline) {
        this.hooks = hooks;
        this.stopDeadline = stopDeadline;
    }

    /** A failure with its exit code; printed as one line. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int exitCode;

        Failure(int exitCode, String message, Throwable cause) {
            super(message, cause);
            this.exitCode = exitCode;
        }
    }

    @Override
    public Integer call() {
        configureLogging();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        Map<String, String> workerProps;
        List<Map<String, String>> connectors;
        StandaloneConfig checked;
        try {
            workerProps = loadWorker();
            connectors = loadConnectors();
            checked = checkWorker(workerProps);
        } catch (Failure f) {
            return report(err, f);
        }

        StandaloneRun run = new StandaloneRun(err, stopDeadline);
        CountDownLatch reported = new CountDownLatch(1);
        AtomicBoolean clean = new AtomicBoolean();
        Runnable stopPath = () -> {
            try {
                long begin = System.nanoTime();
                out.println(NAME + ": stopping (REST API, then connectors and tasks, committing offsets"
                        + (embeddedKafka ? ", then the embedded broker" : "") + ")...");
                out.flush();
                clean.set(run.stop());
                if (clean.get()) {
                    out.printf("%s: stopped in %.1f s%n", NAME, (System.nanoTime() - begin) / 1e9);
                }
                out.flush();
            } finally {
                reported.countDown();
            }
        };
        // Registered before anything starts, so that Ctrl-C during startup also stops what was started.
        Runnable unregister = hooks.register("connect-sdk-standalone-stop", stopPath);
        Standalone.Handle worker;
        try {
            worker = start(run, out, err, workerProps, connectors, checked);
        } catch (Failure f) {
            unregister.run();
            if (reported.getCount() == 0) {
                return 0; // stopped by a signal while starting: the stop path has reported
            }
            run.stop();
            return report(err, f);
        } catch (RuntimeException | Error e) {
            unregister.run();
            run.stop();
            throw e;
        }
        worker.herder().awaitTasksSettled(TASKS_SETTLE); // for a more telling banner
        out.print(StandaloneBanner.render(workerFile, checked, connectorFiles, worker, run.restUris(),
                embeddedKafka ? workerProps.get(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG) : null,
                embeddedKafka ? replacedBootstrap : null, run.brokerDir(), run.brokerDirIsTemporary()));
        out.flush();
        run.awaitStopped();
        try {
            reported.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return clean.get() ? 0 : Main.EXIT_PROBLEMS;
    }

    private Standalone.Handle start(StandaloneRun run, PrintWriter out, PrintWriter err, Map<String, String> workerProps,
                                    List<Map<String, String>> connectors, StandaloneConfig checked) {
        List<String> pluginPath = checked.getList(WorkerConfig.PLUGIN_PATH_CONFIG);
        try {
            run.prepareRest(workerProps);
        } catch (ConfigException e) {
            throw new Failure(Main.EXIT_USAGE, workerFile + ": " + oneLine(e.getMessage()), e);
        }
        // What needs neither the plugins nor the worker runs while the plugins are discovered: the tasks'
        // client classes are loaded, the REST server binds and, unless the broker is embedded (it starts
        // later), the Kafka cluster id is looked up.
        Worker.preloadTaskClassesInBackground();
        CompletableFuture<String> restStarted = new CompletableFuture<>();
        Thread restStarter = new Thread(() -> {
            try {
                restStarted.complete(run.startRest());
            } catch (Throwable e) {
                restStarted.completeExceptionally(e);
            }
        }, "connect-sdk-rest-start");
        restStarter.setDaemon(true);
        restStarter.start();
        CompletableFuture<String> clusterIdLookup = embeddedKafka ? null : Standalone.lookupClusterIdAsync(checked);
        try {
            try {
                for (String problem : run.discoverPlugins(pluginPath == null ? null : String.join(",", pluginPath))) {
                    err.println(NAME + ": warning: " + oneLine(problem));
                }
            } catch (PluginLocationException e) {
                boolean relative = pluginPath != null && pluginPath.stream().anyMatch(p -> !Path.of(p.trim()).isAbsolute());
                throw new Failure(Main.EXIT_USAGE, workerFile + ": " + oneLine(e.getMessage())
                        + (relative ? " (relative plugin.path entries are resolved against the current directory, "
                                + Path.of("").toAbsolutePath() + ")" : ""), e);
            }
            try {
                run.checkConverters(checked);
            } catch (ConfigException e) {
                throw new Failure(Main.EXIT_USAGE, workerFile + ": " + oneLine(e.getMessage()), e);
            }
        } catch (RuntimeException | Error e) {
            if (clusterIdLookup != null) {
                clusterIdLookup.cancel(false);
            }
            throw e;
        }
        String workerId;
        try {
            workerId = restStarted.join();
        } catch (CompletionException e) {
            if (clusterIdLookup != null) {
                clusterIdLookup.cancel(false);
            }
            if (e.getCause() instanceof ConnectException c) {
                throw new Failure(Main.EXIT_PROBLEMS, oneLine(c.getMessage()) + " (is another worker running? choose another"
                        + " port with --rest-port, or set listeners in " + workerFile + ")", c);
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        if (embeddedKafka) {
            out.println(NAME + ": starting an embedded Kafka broker...");
            out.flush();
            String bootstrap;
            try {
                bootstrap = run.startBroker(kafkaDir);
            } catch (RuntimeException e) {
                throw new Failure(Main.EXIT_PROBLEMS, "the embedded Kafka broker could not start: " + oneLine(rootMessage(e)), e);
            }
            replacedBootstrap = workerProps.get(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG);
            workerProps.put(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            out.println(NAME + ": embedded Kafka broker running at " + bootstrap
                    + (replacedBootstrap == null ? "" : " (instead of bootstrap.servers=" + replacedBootstrap + ")"));
        }
        // The worker id is the REST listener's real host:port (Kafka Connect's rule), also when
        // listeners asks for port 0: the REST server is bound first and advertises it to the worker.
        int colon = workerId.lastIndexOf(':');
        workerProps.put(WorkerConfig.REST_ADVERTISED_HOST_NAME_CONFIG, workerId.substring(0, colon));
        workerProps.put(WorkerConfig.REST_ADVERTISED_PORT_CONFIG, workerId.substring(colon + 1));
        out.println(NAME + ": starting worker " + workerId + " with " + connectors.size() + " connector"
                + (connectors.size() == 1 ? "" : "s") + ", Kafka at " + workerProps.get(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG)
                + "...");
        out.flush();
        try {
            return run.startWorker(workerProps, connectors, clusterIdLookup, initialStates);
        } catch (ConnectException e) { // a ConfigException for invalid connector configurations
            throw new Failure(Main.EXIT_PROBLEMS, culprit(e.getMessage()) + oneLine(e.getMessage()), e);
        }
    }

    /** @return "file: " of the connector a message is about ("Connector 'name' ..."), or "" */
    private String culprit(String message) {
        if (message == null) {
            return "";
        }
        for (int i = 0; i < connectorFiles.size(); i++) {
            String name = loadedNames.get(i);
            if (message.startsWith("Connector '" + name + "'") || message.startsWith("Connector " + name + " ")
                    || message.contains("two connectors are named " + name)) {
                return connectorFiles.get(i) + ": ";
            }
        }
        return "";
    }

    private Map<String, String> loadWorker() {
        Map<String, String> props = new LinkedHashMap<>(load(workerFile));
        props.putAll(overrides);
        try {
            // ${provider:path:key} variables (config.providers), once for the REST API, the checks and the worker
            ConfigProviders.resolveWorkerConfig(props).forEach((k, v) -> props.put(k, String.valueOf(v)));
        } catch (ConfigException e) {
            throw new Failure(Main.EXIT_USAGE, workerFile + ": " + oneLine(e.getMessage()), e);
        }
        if (restPort != null) {
            if (restPort < 0 || restPort > 65535) {
                throw new Failure(Main.EXIT_USAGE, "--rest-port must be 0 to 65535, got " + restPort, null);
            }
            String listeners = props.getOrDefault(WorkerConfig.LISTENERS_CONFIG, WorkerConfig.LISTENERS_DEFAULT).trim();
            Matcher m = LISTENER.matcher(listeners);
            if (listeners.contains(",") || !m.matches()) {
                throw new Failure(Main.EXIT_USAGE, "--rest-port applies to one listener like http://host:8083, but "
                        + "listeners=" + listeners + "; set listeners with -o listeners=... instead", null);
            }
            props.put(WorkerConfig.LISTENERS_CONFIG, m.group(1) + "://" + m.group(2) + ":" + restPort);
        }
        return props;
    }

    private List<Map<String, String>> loadConnectors() {
        List<Map<String, String>> result = new ArrayList<>();
        loadedNames.clear();
        initialStates.clear();
        for (Path file : connectorFiles) {
            ConnectorFile connectorFile;
            try {
                connectorFile = ConnectorFile.read(file);
            } catch (ConfigException e) {
                throw new Failure(Main.EXIT_USAGE, oneLine(e.getMessage()), e);
            }
            Map<String, String> props = connectorFile.config();
            String name = props.get(ConnectorConfig.NAME_CONFIG);
            if (name == null || name.isBlank()) {
                throw new Failure(Main.EXIT_PROBLEMS, file + ": the connector has no name: set name=<a unique connector"
                        + " name> (each connector properties file configures one connector)", null);
            }
            int other = loadedNames.indexOf(name.trim());
            if (other >= 0) {
                throw new Failure(Main.EXIT_PROBLEMS, file + ": name=" + name.trim() + " is also the name of the connector"
                        + " in " + connectorFiles.get(other) + "; connector names must be unique", null);
            }
            loadedNames.add(name.trim());
            initialStates.put(name.trim(), connectorFile.initialState());
            result.add(props);
        }
        return result;
    }

    private static Map<String, String> load(Path file) {
        try {
            return Standalone.loadProperties(file);
        } catch (ConfigException e) {
            throw new Failure(Main.EXIT_USAGE, oneLine(e.getMessage()), e);
        }
    }

    /** Checks the worker configuration before anything starts, so that a bad one costs no broker start. */
    private StandaloneConfig checkWorker(Map<String, String> workerProps) {
        Map<String, String> props = new LinkedHashMap<>(workerProps);
        if (embeddedKafka) {
            props.put(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG, EMBEDDED_PLACEHOLDER);
        } else if (kafkaDir != null) {
            throw new Failure(Main.EXIT_USAGE, "--kafka-dir is only used with --embedded-kafka", null);
        }
        try {
            StandaloneConfig config = new StandaloneConfig(props);
            ConnectMetrics.checkReporterClasses(config);
            return config;
        } catch (ConfigException e) {
            throw new Failure(Main.EXIT_USAGE, workerFile + ": " + oneLine(e.getMessage()), e);
        }
    }

    private int report(PrintWriter err, Failure f) {
        err.println(NAME + ": " + f.getMessage());
        if (verbose && f.getCause() != null) {
            f.getCause().printStackTrace(err);
        }
        err.flush();
        return f.exitCode;
    }

    /** Multi-line messages (e.g. several configuration errors) joined into one line. */
    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.strip().replaceAll("\\.?\\s*\\R\\s*", "; ");
        return line.replaceFirst("(\\d+ configuration errors?); ", "$1: ");
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String message = c == t ? t.getMessage() : t.getMessage() + ": " + c;
        return message == null ? t.toString() : message;
    }

    /**
     * In the {@code connect-sdk} process (not when embedded in tests): warnings of the worker and
     * connectors on stderr, Kafka's own logs only for errors; with --verbose, INFO. Must run before
     * the first logger is created (slf4j-simple reads its settings once).
     */
    private void configureLogging() {
        if (!Main.ownsProcess) {
            return;
        }
        if (!Main.logLevelChosenByUser) {
            System.setProperty(Main.LOG_LEVEL_PROPERTY, verbose ? "info" : "warn");
        }
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka", verbose ? "warn" : "error");
        setIfAbsent("org.slf4j.simpleLogger.log.kafka", verbose ? "warn" : "error");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        // plugins that log with System.Logger go to java.util.logging
        java.util.logging.Logger.getLogger("").setLevel(verbose ? java.util.logging.Level.INFO
                : java.util.logging.Level.WARNING);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
