package io.connectsdk.testkit.conformance;

import io.connectsdk.api.config.Config;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigDef.ConfigKey;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.config.ConfigValue;
import io.connectsdk.api.connector.Connector;
import io.connectsdk.api.connector.Task;
import io.connectsdk.runtime.herder.ConnectorStateInfo;
import io.connectsdk.runtime.herder.State;
import io.connectsdk.runtime.inspect.Finding;
import io.connectsdk.runtime.inspect.FindingId;
import io.connectsdk.runtime.inspect.InspectedPlugin;
import io.connectsdk.runtime.inspect.LocationReport;
import io.connectsdk.runtime.inspect.PluginInspector;
import io.connectsdk.runtime.inspect.Severity;
import io.connectsdk.testkit.cluster.EmbeddedKafkaCluster;
import io.connectsdk.testkit.connect.ConnectCluster;
import io.connectsdk.testkit.connect.PluginUnderTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The checks every connector must pass, source or sink: packaging, configuration, lifecycle, task
 * splitting and the secret-leak scan. Do not extend this class directly: extend
 * {@link SourceConnectorConformance} or {@link SinkConnectorConformance}, which add the checks of
 * their kind and the hooks these checks need.
 *
 * <h2>Hooks</h2>
 * <ul>
 *   <li>{@link #connectorClass()} (required): the connector under test;</li>
 *   <li>{@link #validConfig()} (required): a configuration that works in the test environment.
 *       Called once per check (the suite uses JUnit's default instance-per-test lifecycle, so a
 *       {@code @TempDir} field or a server started in {@code @BeforeEach} is fresh for every
 *       check). {@code name}, {@code connector.class} and {@code tasks.max} (default 1) are added
 *       unless given;</li>
 *   <li>{@link #skippedChecks()}: check id to written reason; a blank reason or an unknown id fails
 *       the check. Skips are printed in the report;</li>
 *   <li>{@link #pluginLocation()}: what the packaging checks inspect (default: the directory or jar
 *       the connector class was loaded from);</li>
 *   <li>{@link #stopBound()}, {@link #recordTimeout()}: time bounds;</li>
 *   <li>{@link #isIgnorableThread(Thread)}: threads the leak check does not count.</li>
 * </ul>
 *
 * <h2>Checks</h2>
 * Each check is one {@code @Test} method whose {@link Check} id and {@code @DisplayName} name it;
 * {@code sdk-testkit/CONFORMANCE.md} lists every id with what it proves. A check that does not
 * apply to the plugin (no {@code PASSWORD} key to scan for, no key with a fixed set of values, an
 * unpackaged class directory without manifest) is reported as {@code SKIPPED} with the reason.
 * After the class, the report (check id, {@code PASS}/{@code FAIL}/{@code SKIPPED}, reason) is
 * printed and written by {@link ConformanceExtension}.
 *
 * @param <C> the connector type
 */
@ExtendWith(ConformanceExtension.class)
public abstract class ConnectorConformance<C extends Connector> {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}|@[A-Za-z0-9_.-]+@");
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|pwd|secret|token|credentials?|api[._-]?key|apikey|private[._-]?key|access[._-]?key)");
    private static final Set<FindingId> REGISTRATION_FINDINGS = Set.of(FindingId.NO_PLUGINS,
            FindingId.SERVICE_CLASS_MISSING, FindingId.SERVICE_CLASS_NOT_LOADABLE, FindingId.SERVICE_CLASS_WRONG_TYPE,
            FindingId.SERVICE_CLASS_NOT_PUBLIC, FindingId.SERVICE_CLASS_ABSTRACT, FindingId.SERVICE_ENTRY_INVALID);
    private static final Set<FindingId> BUNDLED_SPI_FINDINGS = Set.of(FindingId.BUNDLED_SDK_API,
            FindingId.BUNDLED_KAFKA_CONNECT_API, FindingId.PARENT_FIRST_PACKAGE);
    private static final Set<FindingId> VERSION_FINDINGS = Set.of(FindingId.VERSION_MISSING,
            FindingId.VERSION_UNEXPANDED, FindingId.VERSION_THROWS);
    private static final Map<Path, LocationReport> INSPECTIONS = new ConcurrentHashMap<>();

    /** A value of no type, for probing validation. */
    static final String GARBAGE = "not-a-number";

    private Map<String, String> valid;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    /** The broker and worker of the class, set by {@link ConformanceExtension} before each check. */
    SharedWorker sharedWorker;
    /** What the report shows next to a PASS of the current check ({@code null}: nothing). */
    String passNote;
    /**
     * Whether {@code SECRET-LEAK} also runs the connector in a worker; always, except in the test
     * kit's own fixture runs that do not ask for a broker.
     */
    boolean secretLeakInWorker = true;

    /** For subclasses. */
    protected ConnectorConformance() {
    }

    // ------------------------------------------------------------------------------------------
    // Hooks

    /** @return the connector class under test; it must have a public no-argument constructor */
    protected abstract Class<? extends C> connectorClass();

    /**
     * @return a configuration that starts the connector and its tasks in the test environment
     *     (files in a temporary directory, a local server, ...); called once per check
     */
    protected abstract Map<String, String> validConfig();

    /**
     * @return the checks not to run, each with the written reason printed in the report; default
     *     none. A blank reason or an id the suite does not have fails the check
     */
    protected Map<String, String> skippedChecks() {
        return Map.of();
    }

    /**
     * The plugin location the {@code PACKAGING-*} checks inspect. In the {@code test} phase the
     * default is {@code target/classes}, which has no jar manifest, so {@code PACKAGING-MANIFEST}
     * reports itself not applicable there. To check the packaged plugin, run the suite once more
     * after {@code package}, in a failsafe {@code *IT} subclass that points this hook (and
     * {@link #pluginUnderTest()}, for the checks that run a worker) at the archive:
     * <pre>{@code
     * class FileSourceConnectorConformanceIT extends FileSourceConnectorConformanceTest {
     *     protected Path pluginLocation() { return Path.of(System.getProperty("plugin.zip")); }
     *     protected PluginUnderTest pluginUnderTest() { return PluginUnderTest.archive(pluginLocation()); }
     * }
     * }</pre>
     *
     * @return a directory (of classes, or a plugin directory of jars), a jar or a {@code .zip}
     *     plugin archive; for a directory of jars or an archive, the manifest checked is the one of
     *     the jar holding {@link #connectorClass()}. Default: where {@link #connectorClass()} was
     *     loaded from ({@code target/classes} in the {@code test} phase, the module's jar under
     *     failsafe)
     */
    protected Path pluginLocation() {
        CodeSource source = connectorClass().getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("Cannot tell where " + connectorClass().getName()
                    + " was loaded from; override pluginLocation()");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot use the code source " + source.getLocation() + "; override pluginLocation()", e);
        }
    }

    /**
     * @return how long stopping may take while a task is blocked (in {@code poll} or {@code put}),
     *     and how long a thread may take to end after {@code stop}; default 5 s
     */
    protected Duration stopBound() {
        return Duration.ofSeconds(5);
    }

    /** @return how long to wait for records to be returned or to reach the destination; default 15 s */
    protected Duration recordTimeout() {
        return Duration.ofSeconds(15);
    }

    /**
     * @return the plugin the embedded worker of {@code BROKER-BOUNCE} and of {@code SECRET-LEAK}
     *     hosts (through the runtime's plugin isolation), e.g. {@link PluginUnderTest#archive(Path)}
     *     of the packaged plugin; default: the exploded plugin of {@link #connectorClass()}. Asked
     *     for once per suite class, by the first check that starts the worker
     */
    protected PluginUnderTest pluginUnderTest() {
        return PluginUnderTest.exploded(connectorClass());
    }

    /**
     * @param thread a thread the plugin started and that is still alive after it was stopped
     * @return whether {@code LIFECYCLE-NO-LEAKED-THREADS} ignores it; default: daemon threads of JDK
     *     facilities (the JDK HTTP client's selector, the common pool, cleaners)
     */
    protected boolean isIgnorableThread(Thread thread) {
        return PluginThreads.isJdkDaemon(thread);
    }

    // ------------------------------------------------------------------------------------------
    // What the kind-specific suites provide

    /** @return the SPI type the connector is registered under */
    abstract Class<?> spiType();

    /** @return the configuration with the kind's required runtime keys added (sinks: topics) */
    abstract Map<String, String> withKindDefaults(Map<String, String> config);

    /** Initializes a task with a context for a direct call (no harness). */
    abstract void initializeTask(Task task, Map<String, String> taskConfig);

    /** Starts a task with the configuration and stops it (twice when asked), through a harness. */
    abstract void startThenStop(Map<String, String> taskConfig, boolean stopTwice);

    /**
     * Runs a task briefly with the configuration, moving a few records, and stops it; gives
     * {@code observed} the text of every record and error it saw, for the secret-leak scan.
     */
    abstract void exercise(Map<String, String> taskConfig, Consumer<String> observed);

    /**
     * Runs the connector in the worker, stops and restarts the broker mid-stream, and checks that
     * the stream goes on; see {@link #brokerBounce()}.
     */
    abstract void bounce(EmbeddedKafkaCluster kafka, ConnectCluster connect, String name);

    /** How long {@code BROKER-BOUNCE} keeps the broker down at the least, as a real restart would. */
    static final Duration BOUNCE_DOWNTIME = Duration.ofSeconds(1);

    /**
     * Stops the broker, runs {@code whileDown}, keeps the broker down for {@link #BOUNCE_DOWNTIME}
     * in all, and starts it again on the same storage. The outage has a length of its own (the
     * embedded broker restarts in ~0.1 s, faster than any real one), so that what a task does while
     * Kafka is away (its records unacknowledged, its fetches failing) happens every time.
     */
    static void bounceBroker(EmbeddedKafkaCluster kafka, Runnable whileDown) {
        kafka.broker().stop();
        long downSince = System.nanoTime();
        whileDown.run();
        long left = BOUNCE_DOWNTIME.toNanos() - (System.nanoTime() - downSince);
        if (left > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000)); // the outage's length, not a wait for anything
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        kafka.broker().start();
    }

    /**
     * Creates the connector in the worker with the configuration and lets it move a few records:
     * until they went through (into Kafka, or to the destination), the connector or a task failed,
     * or {@link #recordTimeout()} passed. Gives {@code observed} the text of what it moved (the
     * records in Kafka, or what is at the destination), for the secret-leak scan. Does not delete
     * the connector.
     */
    abstract void runInWorker(EmbeddedKafkaCluster kafka, ConnectCluster connect, String name, Map<String, String> config,
                              Consumer<String> observed);

    // ------------------------------------------------------------------------------------------
    // Packaging

    /** The connector is registered in META-INF/services and found by the runtime's isolating loader. */
    @Test
    @Check("PACKAGING-REGISTERED")
    @DisplayName("PACKAGING-REGISTERED: the connector is registered in META-INF/services and found through plugin isolation")
    public final void packagingRegistered() {
        LocationReport report = inspection();
        List<String> problems = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (REGISTRATION_FINDINGS.contains(f.id())) {
                problems.add(f.id() + ": " + f.message());
            }
        }
        boolean found = report.plugins().stream().anyMatch(p -> p.className().equals(connectorClass().getName()));
        if (!found) {
            problems.add(0, "Expected " + pluginLocation() + " to register " + connectorClass().getName() + " in META-INF/services/"
                    + spiType().getName() + ", but the runtime found " + report.plugins().stream()
                    .map(InspectedPlugin::className).toList());
        }
        failIf(problems, "Expected the connector to be registered and loadable through plugin isolation");
    }

    /** The location bundles no SPI classes, which would be ignored or conflict with the runtime's. */
    @Test
    @Check("PACKAGING-NO-BUNDLED-SPI")
    @DisplayName("PACKAGING-NO-BUNDLED-SPI: the plugin bundles no connect-sdk API, Kafka Connect API or SLF4J classes")
    public final void packagingNoBundledSpi() {
        List<String> problems = inspection().findings().stream().filter(f -> BUNDLED_SPI_FINDINGS.contains(f.id()))
                .map(f -> f.id() + ": " + f.message() + " (" + f.hint() + ")").toList();
        failIf(problems, "Expected " + pluginLocation() + " to bundle no SPI classes (they must come from the runtime)");
    }

    /** The jar manifest carries Implementation-Title and an Implementation-Version equal to version(). */
    @Test
    @Check("PACKAGING-MANIFEST")
    @DisplayName("PACKAGING-MANIFEST: the jar manifest has Implementation-Title and Implementation-Version = version()")
    public final void packagingManifest() {
        Path location = pluginLocation();
        Manifest manifest = manifest(location);
        if (manifest == null && Files.isDirectory(location)) {
            notApplicable(location + " is an unpackaged class directory without META-INF/MANIFEST.MF; run the suite"
                    + " against the packaged plugin (override pluginLocation(), e.g. in a failsafe *IT subclass) to check"
                    + " the manifest");
        }
        if (manifest == null) {
            throw new AssertionError("Expected the jar of " + location + " that holds " + connectorClass().getName()
                    + " to have a manifest, but there is none");
        }
        Attributes main = manifest.getMainAttributes();
        String title = main.getValue(Attributes.Name.IMPLEMENTATION_TITLE);
        String version = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        String reported = newConnector().version();
        List<String> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add("Expected the manifest to have Implementation-Title, but it has " + main.keySet());
        }
        if (version == null || version.isBlank()) {
            problems.add("Expected the manifest to have Implementation-Version, but it has " + main.keySet());
        } else if (!version.equals(reported)) {
            problems.add("Expected the manifest's Implementation-Version to equal version() \"" + reported + "\", but it is \""
                    + version + "\"");
        }
        failIf(problems, "Expected the manifest of " + location + " to describe the plugin");
    }

    /** version() of the connector and its task is a real version, the same for both. */
    @Test
    @Check("PACKAGING-VERSION")
    @DisplayName("PACKAGING-VERSION: connector and task report the same real version (not blank, unknown or a placeholder)")
    public final void packagingVersion() {
        List<String> problems = new ArrayList<>();
        for (Finding f : inspection().findings()) {
            if (VERSION_FINDINGS.contains(f.id())) {
                problems.add(f.id() + ": " + f.message());
            }
        }
        C connector = newConnector();
        String version = connector.version();
        versionProblem("the connector's version()", version).ifPresent(problems::add);
        Task task = newTask(connector.taskClass());
        String taskVersion = task.version();
        versionProblem("the task's version()", taskVersion).ifPresent(problems::add);
        if (!Objects.equals(version, taskVersion)) {
            problems.add("Expected the task's version() to equal the connector's \"" + version + "\", but it is \""
                    + taskVersion + "\"");
        }
        failIf(problems, "Expected a real, consistent plugin version");
    }

    /** No other error of the inspection engine (what connect-sdk validate reports). */
    @Test
    @Check("PACKAGING-INSPECTION")
    @DisplayName("PACKAGING-INSPECTION: connect-sdk validate finds no other error in the plugin location")
    public final void packagingInspection() {
        Set<FindingId> owned = new HashSet<>(REGISTRATION_FINDINGS);
        owned.addAll(BUNDLED_SPI_FINDINGS);
        owned.addAll(VERSION_FINDINGS);
        List<String> problems = inspection().findings().stream()
                .filter(f -> f.severity() == Severity.ERROR && !owned.contains(f.id()))
                .map(f -> f.id() + (f.jar() == null ? "" : " in " + f.jar()) + ": " + f.message() + " (" + f.hint() + ")")
                .toList();
        failIf(problems, "Expected no error finding from the inspection of " + pluginLocation());
    }

    // ------------------------------------------------------------------------------------------
    // Configuration

    /** validate(validConfig()) reports no error. */
    @Test
    @Check("CONFIG-VALID")
    @DisplayName("CONFIG-VALID: validate() reports no error for the valid configuration")
    public final void configValid() {
        Map<String, List<String>> errors = validate(connectorConfig()).errors();
        if (!errors.isEmpty()) {
            throw new AssertionError("Expected validate(validConfig()) to report no errors, but it reported " + errors);
        }
    }

    /** Dropping a required key is an error naming it; an optional key's absence is accepted by start(). */
    @Test
    @Check("CONFIG-REQUIRED-KEYS")
    @DisplayName("CONFIG-REQUIRED-KEYS: dropping each required key yields an error naming it")
    public final void configRequiredKeys() {
        ConfigDef def = configDef();
        Map<String, String> base = connectorConfig();
        List<String> problems = new ArrayList<>();
        for (ConfigKey key : def.configKeys().values()) {
            if (key.hasDefault()) {
                continue;
            }
            Map<String, String> cfg = new LinkedHashMap<>(base);
            cfg.remove(key.name());
            Config result = validate(cfg);
            if (!namesKey(result, key.name())) {
                problems.add("Expected validate() without required key '" + key.name() + "' to report an error naming it, but"
                        + " it reported " + result.errors());
            }
        }
        for (String name : validConfigOnce().keySet()) {
            ConfigKey key = def.configKeys().get(name);
            if (key == null || !key.hasDefault()) {
                continue;
            }
            Map<String, String> cfg = new LinkedHashMap<>(base);
            cfg.remove(name);
            if (!validate(cfg).errors().isEmpty()) {
                continue;
            }
            Throwable failure = startConnectorFailure(cfg);
            if (failure != null) {
                problems.add("Expected start() to accept a configuration without '" + name + "', which has a default ("
                        + key.defaultValue() + ") and which validate() accepted, but start()/taskConfigs() threw " + failure
                        + " (declare the key required, or cope with its default)");
            }
        }
        failIf(problems, "Expected every required key to be declared and reported when missing");
    }

    /** Values that are not of a key's type are rejected; what validate accepts, start accepts too. */
    @Test
    @Check("CONFIG-WRONG-TYPES")
    @DisplayName("CONFIG-WRONG-TYPES: wrongly typed values are rejected by validate(), not by start()")
    public final void configWrongTypes() {
        ConfigDef def = configDef();
        Map<String, String> base = connectorConfig();
        List<String> problems = new ArrayList<>();
        for (ConfigKey key : def.configKeys().values()) {
            Map<String, String> cfg = new LinkedHashMap<>(base);
            switch (key.type()) {
                case INT, SHORT, LONG, DOUBLE, BOOLEAN, CLASS -> {
                    String wrong = "not-a-" + key.type().name().toLowerCase(Locale.ROOT);
                    cfg.put(key.name(), wrong);
                    Config result = validate(cfg);
                    if (!namesKey(result, key.name())) {
                        problems.add("Expected validate() to reject " + key.name() + "=" + wrong + " (not a " + key.type()
                                + "), but it reported " + result.errors());
                    }
                }
                case STRING, LIST -> {
                    cfg.put(key.name(), GARBAGE);
                    if (!validate(cfg).errors().isEmpty()) {
                        continue;
                    }
                    Throwable failure = startConnectorFailure(cfg);
                    if (failure != null && isTypeError(failure)) {
                        problems.add("Expected start() to accept " + key.name() + "=" + GARBAGE + " since validate() accepted"
                                + " it, but start()/taskConfigs() threw " + failure + " (declare '" + key.name()
                                + "' with the type start() parses it as, or give it a validator)");
                    }
                }
                default -> {
                    // PASSWORD: any string is a password
                }
            }
        }
        failIf(problems, "Expected wrongly typed values to be rejected by validate()");
    }

    /** Keys with a fixed set of values reject an unknown value. */
    @Test
    @Check("CONFIG-ENUM-VALUES")
    @DisplayName("CONFIG-ENUM-VALUES: keys with a fixed set of values reject unknown values")
    public final void configEnumValues() {
        ConfigDef def = configDef();
        Map<String, String> base = connectorConfig();
        Config baseline = validate(base);
        List<String> enumKeys = new ArrayList<>();
        for (ConfigKey key : def.configKeys().values()) {
            boolean fixed = isFixedSet(key.validator());
            if (!fixed && (key.type() == ConfigDef.Type.STRING || key.type() == ConfigDef.Type.LIST)) {
                fixed = baseline.configValue(key.name()).map(v -> !v.recommendedValues().isEmpty()).orElse(false);
            }
            if (fixed) {
                enumKeys.add(key.name());
            }
        }
        if (enumKeys.isEmpty()) {
            notApplicable("config() has no key with a fixed set of values (a ValidString/ValidList validator or"
                    + " recommended values)");
        }
        List<String> problems = new ArrayList<>();
        String unknown = "no-such-value-" + runId;
        for (String name : enumKeys) {
            Map<String, String> cfg = new LinkedHashMap<>(base);
            cfg.put(name, unknown);
            Config result = validate(cfg);
            if (!namesKey(result, name)) {
                problems.add("Expected validate() to reject " + name + "=" + unknown + " (not one of "
                        + baseline.configValue(name).map(ConfigValue::recommendedValues).orElse(List.of()) + " / "
                        + def.configKeys().get(name).validator() + "), but it reported " + result.errors());
            }
        }
        failIf(problems, "Expected unknown values of enumerated keys to be rejected");
    }

    /** Every key has documentation. */
    @Test
    @Check("CONFIG-DOCUMENTED")
    @DisplayName("CONFIG-DOCUMENTED: every configuration key is documented")
    public final void configDocumented() {
        List<String> undocumented = configDef().configKeys().values().stream()
                .filter(k -> k.documentation() == null || k.documentation().isBlank()).map(ConfigKey::name).toList();
        if (!undocumented.isEmpty()) {
            throw new AssertionError("Expected every key of config() to have documentation, but these have none: " + undocumented);
        }
    }

    /** Keys named like secrets are of type PASSWORD, so that they are masked everywhere. */
    @Test
    @Check("CONFIG-SECRETS-TYPED")
    @DisplayName("CONFIG-SECRETS-TYPED: keys named like secrets (password, token, secret, api key) are of type PASSWORD")
    public final void configSecretsTyped() {
        List<String> wrong = configDef().configKeys().values().stream()
                .filter(k -> SECRET_NAME.matcher(k.name()).matches() && k.type() != ConfigDef.Type.PASSWORD)
                .map(k -> k.name() + " (" + k.type() + ")").toList();
        if (!wrong.isEmpty()) {
            throw new AssertionError("Expected keys named like secrets to be of type PASSWORD (masked in messages, logs and"
                    + " the REST API), but these are not: " + wrong);
        }
    }

    /** validate() never throws and describes every key, whatever it is given. */
    @Test
    @Check("CONFIG-VALIDATE-TOTAL")
    @DisplayName("CONFIG-VALIDATE-TOTAL: validate() does not throw on empty or garbage input and reports every key")
    public final void configValidateTotal() {
        ConfigDef def = configDef();
        Map<String, String> garbage = new LinkedHashMap<>(connectorConfig());
        def.configKeys().keySet().forEach(k -> garbage.put(k, GARBAGE));
        Map<String, String> empty = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map<String, String> input : List.of(empty, garbage, connectorConfig())) {
            String shown = input.isEmpty() ? "an empty configuration" : input == garbage ? "'" + GARBAGE + "' for every key"
                    : "the valid configuration";
            Config result;
            try {
                result = newConnector().validate(input);
            } catch (RuntimeException e) {
                problems.add("Expected validate() with " + shown + " to return errors, not to throw, but it threw " + e);
                continue;
            }
            if (result == null) {
                problems.add("Expected validate() with " + shown + " to return a Config, but it returned null");
                continue;
            }
            Set<String> described = result.configValues().stream().map(ConfigValue::name).collect(Collectors.toSet());
            List<String> missing = def.configKeys().keySet().stream().filter(k -> !described.contains(k)).toList();
            if (!missing.isEmpty()) {
                problems.add("Expected validate() with " + shown + " to describe every key of config(), but it left out " + missing);
            }
        }
        failIf(problems, "Expected validate() to be total");
    }

    // ------------------------------------------------------------------------------------------
    // Lifecycle

    /** stop() on a connector (and task) that was never started does not throw. */
    @Test
    @Check("LIFECYCLE-STOP-BEFORE-START")
    @DisplayName("LIFECYCLE-STOP-BEFORE-START: stop() on a connector or task that never started does not throw")
    public final void lifecycleStopBeforeStart() {
        List<String> problems = new ArrayList<>();
        C connector = newConnector();
        try {
            connector.stop();
        } catch (RuntimeException e) {
            problems.add("Expected the connector's stop() before start() to be safe (the runtime calls it when a start is"
                    + " cancelled), but it threw " + trace(e));
        }
        Task task = newTask(startedTaskClass());
        initializeTask(task, firstTaskConfig());
        try {
            task.stop();
        } catch (RuntimeException e) {
            problems.add("Expected the task's stop() before start() to be safe, but it threw " + trace(e));
        }
        failIf(problems, "Expected stop() without start() to be safe");
    }

    /** stop() after start() threw (bad configuration) does not throw. */
    @Test
    @Check("LIFECYCLE-STOP-AFTER-FAILED-START")
    @DisplayName("LIFECYCLE-STOP-AFTER-FAILED-START: stop() after a start() that threw does not throw")
    public final void lifecycleStopAfterFailedStart() {
        List<String> problems = new ArrayList<>();
        Map<String, String> bare = new LinkedHashMap<>();
        bare.put("name", connectorName());
        bare.put("connector.class", connectorClass().getName());
        bare.put("tasks.max", "1");
        C connector = newConnector();
        try {
            connector.start(bare);
        } catch (RuntimeException expected) {
            // an empty configuration may well be refused
        }
        try {
            connector.stop();
        } catch (RuntimeException e) {
            problems.add("Expected the connector's stop() after start(" + bare + ") to be safe, but it threw " + trace(e));
        }
        Task task = newTask(startedTaskClass());
        initializeTask(task, Map.of());
        try {
            task.start(Map.of());
        } catch (RuntimeException expected) {
            // an empty task configuration may well be refused
        }
        try {
            task.stop();
        } catch (RuntimeException e) {
            problems.add("Expected the task's stop() after start({}) to be safe, but it threw " + trace(e));
        }
        failIf(problems, "Expected stop() after a failed start() to be safe");
    }

    /** A second stop() does not throw. */
    @Test
    @Check("LIFECYCLE-DOUBLE-STOP")
    @DisplayName("LIFECYCLE-DOUBLE-STOP: calling stop() twice on a started connector or task does not throw")
    public final void lifecycleDoubleStop() {
        C connector = newConnector();
        connector.start(connectorConfig());
        connector.taskConfigs(tasksMax());
        connector.stop();
        try {
            connector.stop();
        } catch (RuntimeException e) {
            throw new AssertionError("Expected a second stop() of the connector to do nothing, but it threw " + trace(e), e);
        }
        startThenStop(firstTaskConfig(), true);
    }

    /** The same connector instance can be started again after stop(), with the same result. */
    @Test
    @Check("LIFECYCLE-RESTART")
    @DisplayName("LIFECYCLE-RESTART: start/stop/start of one connector instance works and gives the same task configs")
    public final void lifecycleRestart() {
        C connector = newConnector();
        Map<String, String> cfg = connectorConfig();
        connector.start(cfg);
        List<Map<String, String>> first = copy(connector.taskConfigs(tasksMax()));
        connector.stop();
        List<Map<String, String>> second;
        try {
            connector.start(cfg);
            second = copy(connector.taskConfigs(tasksMax()));
        } catch (RuntimeException e) {
            throw new AssertionError("Expected a stopped connector to start again (reconfigure() does stop() then start()),"
                    + " but the second start()/taskConfigs() threw " + trace(e), e);
        } finally {
            stopQuietly(connector);
        }
        if (!first.equals(second)) {
            throw new AssertionError("Expected the restarted connector to give the same task configurations\n  expected: "
                    + first + "\n  but was:  " + second);
        }
        startThenStop(second.get(0), false);
    }

    /** No thread started by the plugin outlives stop(). */
    @Test
    @Check("LIFECYCLE-NO-LEAKED-THREADS")
    @DisplayName("LIFECYCLE-NO-LEAKED-THREADS: no thread started by the connector or its tasks outlives stop()")
    public final void lifecycleNoLeakedThreads() {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        Thread self = Thread.currentThread();
        ClassLoader saved = self.getContextClassLoader();
        ClassLoader marker = PluginThreads.marker(connectorClass().getClassLoader());
        self.setContextClassLoader(marker);
        try {
            C connector = newConnector();
            connector.start(connectorConfig());
            List<Map<String, String>> configs = copy(connector.taskConfigs(tasksMax()));
            try {
                for (Map<String, String> taskConfig : configs) {
                    exercise(taskConfig, text -> { });
                }
            } finally {
                connector.stop();
            }
        } finally {
            self.setContextClassLoader(saved);
        }
        try {
            Awaitility.await().atMost(stopBound()).pollInterval(Duration.ofMillis(50))
                    .until(() -> PluginThreads.leaked(marker, this::isIgnorableThread, before).isEmpty());
        } catch (ConditionTimeoutException e) {
            List<Thread> leaked = PluginThreads.leaked(marker, this::isIgnorableThread, before);
            throw new AssertionError("Expected every thread started by the connector and its tasks to end within "
                    + stopBound().toMillis() + " ms after stop(), but " + leaked.size() + " still ran:"
                    + PluginThreads.describe(leaked));
        }
    }

    // ------------------------------------------------------------------------------------------
    // Tasks

    /**
     * Whether a task configuration holds a null key or value. Looks at the entries rather than calling
     * {@code containsKey(null)}, which immutable maps ({@code Map.of}, {@code Map.copyOf}), a fine thing for
     * {@code taskConfigs} to return, answer with a NullPointerException.
     */
    private static boolean hasNullKeyOrValue(Map<String, String> config) {
        for (Map.Entry<String, String> e : config.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                return true;
            }
        }
        return false;
    }

    /** taskConfigs(n) gives 1..n configurations without nulls. */
    @Test
    @Check("TASKS-COUNT")
    @DisplayName("TASKS-COUNT: taskConfigs(n) returns between 1 and n configurations, without nulls, for n = 1..4")
    public final void tasksCount() {
        List<String> problems = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            C connector = newConnector();
            try {
                connector.start(connectorConfig(n));
                List<Map<String, String>> configs = connector.taskConfigs(n);
                if (configs == null) {
                    problems.add("taskConfigs(" + n + ") returned null");
                    continue;
                }
                if (configs.isEmpty() || configs.size() > n) {
                    problems.add("Expected taskConfigs(" + n + ") to return between 1 and " + n + " configurations, but it"
                            + " returned " + configs.size());
                }
                for (Map<String, String> c : configs) {
                    if (c == null || hasNullKeyOrValue(c)) {
                        problems.add("Expected taskConfigs(" + n + ") to hold no null configuration, key or value, but it"
                                + " returned " + configs);
                        break;
                    }
                }
            } finally {
                stopQuietly(connector);
            }
        }
        failIf(problems, "Expected 1..tasks.max task configurations");
    }

    /** The same input gives the same task configurations, on one instance and across instances. */
    @Test
    @Check("TASKS-DETERMINISTIC")
    @DisplayName("TASKS-DETERMINISTIC: the same configuration gives the same task configurations")
    public final void tasksDeterministic() {
        int n = Math.max(3, tasksMax());
        C a = newConnector();
        C b = newConnector();
        List<Map<String, String>> first;
        List<Map<String, String>> again;
        List<Map<String, String>> other;
        try {
            a.start(connectorConfig(n));
            first = copy(a.taskConfigs(n));
            again = copy(a.taskConfigs(n));
            b.start(connectorConfig(n));
            other = copy(b.taskConfigs(n));
        } finally {
            stopQuietly(a);
            stopQuietly(b);
        }
        if (!first.equals(again)) {
            throw new AssertionError("Expected a second taskConfigs(" + n + ") of the same connector to be equal (else the"
                    + " runtime restarts the tasks needlessly)\n  expected: " + first + "\n  but was:  " + again);
        }
        if (!first.equals(other)) {
            throw new AssertionError("Expected another connector instance with the same configuration to give equal task"
                    + " configurations\n  expected: " + first + "\n  but was:  " + other);
        }
    }

    /** Every task configuration starts a task. */
    @Test
    @Check("TASKS-CONFIGS-START")
    @DisplayName("TASKS-CONFIGS-START: every task configuration of taskConfigs(n), n = 1..3, starts a task")
    public final void tasksConfigsStart() {
        List<String> problems = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            List<Map<String, String>> configs = taskConfigs(n);
            for (int i = 0; i < configs.size(); i++) {
                try {
                    startThenStop(configs.get(i), false);
                } catch (RuntimeException | AssertionError e) {
                    problems.add("Expected task " + i + " of taskConfigs(" + n + ") to start, but it failed with " + e
                            + "\n    its configuration: " + configs.get(i));
                }
            }
        }
        failIf(problems, "Expected every task configuration to start a task");
    }

    // ------------------------------------------------------------------------------------------
    // Secrets

    /**
     * PASSWORD values never show up in logs, errors, statuses, task configs under other keys, or
     * records: first with the connector and its tasks driven directly (validate, start with broken
     * configurations, a few records through a harness), then, unless the plugin has no PASSWORD
     * key, with the connector created in the shared embedded worker: its REST API (statuses with
     * their traces everywhere; the configuration endpoints only under the PASSWORD keys the user
     * set), the worker's log during the run, and the records it moved.
     */
    @Test
    @Check("SECRET-LEAK")
    @DisplayName("SECRET-LEAK: PASSWORD values never appear in logs, error messages, status traces, REST output beyond"
            + " the configured PASSWORD keys, other task config keys or records")
    public final void secretLeak() {
        ConfigDef def = configDef();
        List<String> passwordKeys = def.configKeys().values().stream().filter(k -> k.type() == ConfigDef.Type.PASSWORD)
                .map(ConfigKey::name).toList();
        if (passwordKeys.isEmpty()) {
            notApplicable("config() has no PASSWORD key to scan for");
        }
        String secret = "s3cr3t-" + UUID.randomUUID();
        Map<String, String> cfg = connectorConfig();
        passwordKeys.forEach(k -> cfg.put(k, secret));
        List<String> leaks = new ArrayList<>();
        try (LogCapture logs = LogCapture.start()) {
            scan(leaks, "validate() messages", secret, () -> String.valueOf(validate(cfg).errors()));
            for (ConfigKey key : def.configKeys().values()) {
                if (key.type() != ConfigDef.Type.PASSWORD) {
                    Map<String, String> broken = new LinkedHashMap<>(cfg);
                    broken.put(key.name(), GARBAGE);
                    scan(leaks, "validate() messages with " + key.name() + "=" + GARBAGE, secret,
                            () -> String.valueOf(validate(broken).errors()));
                    Throwable failure = startConnectorFailure(broken);
                    scan(leaks, "the error of start() with " + key.name() + "=" + GARBAGE, secret, () -> trace(failure));
                }
            }
            Map<String, String> missing = new LinkedHashMap<>(cfg);
            def.configKeys().values().stream().filter(k -> !k.hasDefault()).forEach(k -> missing.remove(k.name()));
            scan(leaks, "the error of start() without the required keys", secret, () -> trace(startConnectorFailure(missing)));
            C connector = newConnector();
            List<Map<String, String>> taskConfigs;
            try {
                connector.start(cfg);
                taskConfigs = copy(connector.taskConfigs(tasksMax()));
            } finally {
                stopQuietly(connector);
            }
            for (int i = 0; i < taskConfigs.size(); i++) {
                for (Map.Entry<String, String> e : taskConfigs.get(i).entrySet()) {
                    if (!passwordKeys.contains(e.getKey()) && e.getValue() != null && e.getValue().contains(secret)) {
                        leaks.add("task configuration " + i + ", key '" + e.getKey() + "' (not a PASSWORD key, so the runtime"
                                + " shows it in the REST API and stores it in clear)");
                    }
                }
            }
            StringBuilder observed = new StringBuilder();
            for (Map<String, String> taskConfig : taskConfigs) {
                try {
                    exercise(taskConfig, text -> observed.append(text).append('\n'));
                } catch (RuntimeException | AssertionError e) {
                    observed.append(trace(e));
                }
            }
            Map<String, String> brokenTask = new LinkedHashMap<>(taskConfigs.get(0));
            def.configKeys().values().stream().filter(k -> !k.hasDefault()).forEach(k -> brokenTask.remove(k.name()));
            Task task = newTask(startedTaskClass());
            initializeTask(task, brokenTask);
            try {
                task.start(brokenTask);
            } catch (RuntimeException e) {
                observed.append(trace(e));
            } finally {
                try {
                    task.stop();
                } catch (RuntimeException e) {
                    observed.append(trace(e));
                }
            }
            scan(leaks, "the records and errors of the tasks", secret, observed::toString);
            scan(leaks, "the logs (System.out, System.err, java.util.logging)", secret, logs::text);
        }
        if (secretLeakInWorker) {
            secretLeakInWorker(cfg, secret, Set.copyOf(passwordKeys), leaks);
        }
        failIf(leaks, "Expected the value of the PASSWORD keys " + passwordKeys + " never to appear, but it appeared in");
    }

    /**
     * The worker part of {@code SECRET-LEAK}: creates the connector with the secret in the shared
     * worker, lets it move a few records, then scans the REST API, what it moved and the worker's
     * log of the run, and deletes the connector.
     */
    private void secretLeakInWorker(Map<String, String> cfg, String secret, Set<String> passwordKeys, List<String> leaks) {
        SharedWorker worker = worker();
        String name = connectorName();
        Throwable failed = null;
        try {
            ConnectCluster connect = worker.connect(this::pluginUnderTest);
            StringBuilder observed = new StringBuilder();
            try (LogCapture logs = LogCapture.start()) {
                try {
                    runInWorker(worker.kafka(), connect, name, cfg, text -> observed.append(text).append('\n'));
                } catch (RuntimeException | AssertionError e) {
                    failed = e;
                    observed.append(trace(e));
                }
                try {
                    if (connect.connectors().contains(name)) {
                        WorkerRest.scan(connect.restUrl(), name, secret, passwordKeys, leaks);
                    }
                } finally {
                    worker.deleteConnector(name);
                }
                scan(leaks, "the worker: the records the connector moved and the errors around them", secret,
                        observed::toString);
                scan(leaks, "the worker's log during the run (System.out, System.err, java.util.logging)", secret,
                        logs::text);
            }
        } finally {
            closeIfOwn(worker);
        }
        if (failed != null && leaks.isEmpty()) {
            throw new AssertionError("Expected the connector to be created and run in the worker, for the secret-leak scan,"
                    + " but: " + failed, failed);
        }
        if (WorkerRest.slf4jDiscardsLogs()) {
            passNote = "SLF4J has no provider on the test class path, so the worker logged nothing: add one (e.g."
                    + " slf4j-simple in test scope) for the worker's log to be scanned";
        }
    }

    // ------------------------------------------------------------------------------------------
    // The broker

    /**
     * The connector keeps running through a broker restart in the middle of its stream: it runs in
     * an embedded standalone worker (the runtime's plugin isolation) against an embedded broker,
     * which is stopped and started again (same storage and port) while records flow; afterwards
     * the connector and every task must still be RUNNING and the records of after the bounce must
     * arrive. The broker and worker are those the suite class shares with {@code SECRET-LEAK};
     * after a failed bounce they are discarded.
     */
    @Test
    @Check("BROKER-BOUNCE")
    @DisplayName("BROKER-BOUNCE: the connector and its tasks survive a broker restart mid-stream and the stream goes on")
    public final void brokerBounce() {
        SharedWorker worker = worker();
        String name = connectorName();
        boolean bounced = false;
        try {
            ConnectCluster connect = worker.connect(this::pluginUnderTest);
            bounce(worker.kafka(), connect, name);
            bounced = true;
        } finally {
            if (bounced) {
                worker.deleteConnector(name);
            } else {
                worker.discard();
            }
            closeIfOwn(worker);
        }
    }

    /** @return the broker and worker shared by the class (or one of this check's own, outside the extension) */
    final SharedWorker worker() {
        return sharedWorker != null ? sharedWorker : new SharedWorker();
    }

    private void closeIfOwn(SharedWorker worker) {
        if (worker != sharedWorker) {
            worker.close();
        }
    }

    /** @return the failed parts of the connector (state and trace), empty when none failed */
    static List<String> failures(ConnectCluster connect, String name) {
        ConnectorStateInfo status = connect.connectorStatus(name);
        List<String> failed = new ArrayList<>();
        if (status.connector() != null && status.connector().state() == State.FAILED) {
            failed.add("the connector is FAILED: " + status.connector().trace());
        }
        for (ConnectorStateInfo.TaskState t : status.tasks()) {
            if (t.state() == State.FAILED) {
                failed.add("task " + t.id() + " is FAILED: " + t.trace());
            }
        }
        return failed;
    }

    /** Fails unless the connector and all its tasks are RUNNING. */
    static void assertRunning(ConnectCluster connect, String name, String when) {
        ConnectorStateInfo status = connect.connectorStatus(name);
        List<String> problems = new ArrayList<>(failures(connect, name));
        if (problems.isEmpty()) {
            if (status.connector() == null || status.connector().state() != State.RUNNING) {
                problems.add("the connector is " + (status.connector() == null ? "unknown" : status.connector().state()));
            }
            if (status.tasks().isEmpty()) {
                problems.add("it has no task");
            }
            status.tasks().stream().filter(t -> t.state() != State.RUNNING)
                    .forEach(t -> problems.add("task " + t.id() + " is " + t.state()));
        }
        failIf(problems, "Expected the connector and every task to be RUNNING " + when + ", but");
    }

    // ------------------------------------------------------------------------------------------
    // Helpers for the kind-specific suites

    /** @return validConfig(), computed once per check */
    final Map<String, String> validConfigOnce() {
        if (valid == null) {
            Map<String, String> given = validConfig();
            if (given == null) {
                throw new IllegalStateException("validConfig() returned null");
            }
            valid = new LinkedHashMap<>(given);
        }
        return valid;
    }

    /** @return the full connector configuration: name, connector.class, tasks.max and validConfig() */
    final Map<String, String> connectorConfig() {
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("name", connectorName());
        cfg.put("connector.class", connectorClass().getName());
        cfg.put("tasks.max", "1");
        cfg.putAll(withKindDefaults(validConfigOnce()));
        return cfg;
    }

    final Map<String, String> connectorConfig(int tasksMax) {
        Map<String, String> cfg = connectorConfig();
        cfg.put("tasks.max", Integer.toString(tasksMax));
        return cfg;
    }

    final int tasksMax() {
        String value = connectorConfig().get("tasks.max");
        try {
            return Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("validConfig() has tasks.max=" + value + ", not a number", e);
        }
    }

    final String connectorName() {
        return "conformance-" + connectorClass().getSimpleName().toLowerCase(Locale.ROOT) + "-" + runId;
    }

    /** @return a short id unique to this check */
    final String runId() {
        return runId;
    }

    /** @return a new, initialized connector instance */
    final C newConnector() {
        C connector = instantiate(connectorClass(), "connector");
        connector.initialize(new Contexts.ConnectorCtx());
        return connector;
    }

    final ConfigDef configDef() {
        ConfigDef def = newConnector().config();
        if (def == null) {
            throw new AssertionError("Expected config() to return the configuration definition, but it returned null");
        }
        return def;
    }

    final Config validate(Map<String, String> cfg) {
        Config result = newConnector().validate(cfg);
        if (result == null) {
            throw new AssertionError("Expected validate() to return a Config, but it returned null");
        }
        return result;
    }

    /** @return the task configurations of a started connector with tasks.max = n */
    final List<Map<String, String>> taskConfigs(int n) {
        C connector = newConnector();
        try {
            connector.start(connectorConfig(n));
            List<Map<String, String>> configs = connector.taskConfigs(n);
            if (configs == null || configs.isEmpty()) {
                throw new AssertionError("Expected taskConfigs(" + n + ") to return at least one configuration, but it returned "
                        + configs);
            }
            return copy(configs);
        } finally {
            stopQuietly(connector);
        }
    }

    final Map<String, String> firstTaskConfig() {
        return taskConfigs(tasksMax()).get(0);
    }

    final Class<? extends Task> startedTaskClass() {
        Class<? extends Task> type = newConnector().taskClass();
        if (type == null) {
            throw new AssertionError("Expected taskClass() to return the task class, but it returned null");
        }
        return type;
    }

    /** @return the throwable of start() + taskConfigs() with the configuration, or null when they worked */
    final Throwable startConnectorFailure(Map<String, String> cfg) {
        C connector = newConnector();
        try {
            connector.start(cfg);
            int n = 1;
            try {
                n = Math.max(1, Integer.parseInt(cfg.getOrDefault("tasks.max", "1").trim()));
            } catch (NumberFormatException e) {
                // keep 1
            }
            connector.taskConfigs(n);
            return null;
        } catch (RuntimeException e) {
            return e;
        } finally {
            stopQuietly(connector);
        }
    }

    static <T> T instantiate(Class<? extends T> type, String kind) {
        try {
            Constructor<? extends T> c = type.getConstructor();
            return c.newInstance();
        } catch (InvocationTargetException e) {
            throw new AssertionError("Expected the " + kind + " " + type.getName() + " to be constructible, but its constructor"
                    + " threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Expected the " + kind + " " + type.getName() + " to have a public no-argument"
                    + " constructor (the runtime creates it with that), but: " + e, e);
        }
    }

    static Task newTask(Class<? extends Task> type) {
        return instantiate(type, "task");
    }

    static void stopQuietly(Connector connector) {
        try {
            connector.stop();
        } catch (RuntimeException e) {
            // checked by the lifecycle checks
        }
    }

    static List<Map<String, String>> copy(List<Map<String, String>> configs) {
        if (configs == null) {
            throw new AssertionError("Expected taskConfigs() to return a list, but it returned null");
        }
        List<Map<String, String>> copy = new ArrayList<>();
        for (Map<String, String> c : configs) {
            copy.add(c == null ? null : new LinkedHashMap<>(c));
        }
        return copy;
    }

    /** @return the stack trace of a throwable as text; empty for null */
    static String trace(Throwable t) {
        if (t == null) {
            return "";
        }
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** Ends the check as SKIPPED: it does not apply to this plugin. */
    static void notApplicable(String why) {
        Assumptions.abort("not applicable: " + why);
    }

    static void failIf(List<String> problems, String summary) {
        if (!problems.isEmpty()) {
            throw new AssertionError(summary + ":\n  - " + String.join("\n  - ", problems));
        }
    }

    /** Waits up to {@link #recordTimeout()} until the condition holds; returns whether it did. */
    final boolean eventually(java.util.concurrent.Callable<Boolean> condition) {
        try {
            Awaitility.await().atMost(recordTimeout()).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private static boolean namesKey(Config result, String key) {
        boolean attributed = result.configValue(key).map(v -> !v.errorMessages().isEmpty()).orElse(false);
        return attributed || result.errors().values().stream().flatMap(Collection::stream)
                .anyMatch(m -> m != null && m.contains(key));
    }

    private static boolean isTypeError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NumberFormatException || t instanceof ClassCastException || t instanceof DateTimeException
                    || t instanceof ConfigException || t instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFixedSet(ConfigDef.Validator v) {
        if (v instanceof ConfigDef.ValidString || v instanceof ConfigDef.CaseInsensitiveValidString
                || v instanceof ConfigDef.ValidList) {
            return true;
        }
        if (v instanceof ConfigDef.ListOf l) {
            return isFixedSet(l.elementValidator());
        }
        if (v instanceof ConfigDef.CompositeValidator c) {
            return c.validators().stream().anyMatch(ConnectorConformance::isFixedSet);
        }
        return false;
    }

    private static java.util.Optional<String> versionProblem(String what, String version) {
        if (version == null || version.isBlank() || version.equalsIgnoreCase("null") || version.equalsIgnoreCase("unknown")) {
            return java.util.Optional.of("Expected " + what + " to return a version, but it returned "
                    + (version == null ? "null" : "\"" + version + "\""));
        }
        if (PLACEHOLDER.matcher(version).find()) {
            return java.util.Optional.of("Expected " + what + " to return a version, but it returned the unexpanded placeholder \""
                    + version + "\" (filter the resource that holds it)");
        }
        return java.util.Optional.empty();
    }

    /** Adds a leak when {@code text} contains {@code secret}, showing where (with the secret masked). */
    static void scan(List<String> leaks, String where, String secret, java.util.function.Supplier<String> text) {
        String seen = text.get();
        int at = seen == null ? -1 : seen.indexOf(secret);
        if (at >= 0) {
            int from = Math.max(0, at - 80);
            int to = Math.min(seen.length(), at + secret.length() + 40);
            leaks.add(where + ": ..." + seen.substring(from, to).replace(secret, "<SECRET>").replace('\n', ' ') + "...");
        }
    }

    private LocationReport inspection() {
        Path location = pluginLocation().toAbsolutePath().normalize();
        return INSPECTIONS.computeIfAbsent(location, l -> PluginInspector.builder().compareWithClasspathPlugins(false)
                .build().inspect(l));
    }

    private Manifest manifest(Path location) {
        String entry = connectorClass().getName().replace('.', '/') + ".class";
        try {
            if (Files.isRegularFile(location) && location.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                return zippedManifest(location, entry);
            }
            if (Files.isRegularFile(location)) {
                try (JarFile jar = new JarFile(location.toFile())) {
                    return jar.getManifest();
                }
            }
            Path direct = location.resolve("META-INF/MANIFEST.MF");
            if (Files.isRegularFile(direct)) {
                try (InputStream in = Files.newInputStream(direct)) {
                    return new Manifest(in);
                }
            }
            List<Path> jars;
            try (Stream<Path> walk = Files.walk(location)) {
                jars = walk.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            }
            for (Path p : jars) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    if (jar.getEntry(entry) != null) {
                        return jar.getManifest();
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the manifest of " + location + ": " + e, e);
        }
    }

    /** @return the manifest of the jar in a {@code .zip} plugin archive that holds the class entry, or null */
    private static Manifest zippedManifest(Path zip, String classEntry) throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> jars = archive.stream().filter(e -> !e.isDirectory() && e.getName().endsWith(".jar"))
                    .sorted(java.util.Comparator.comparing(ZipEntry::getName)).toList();
            for (ZipEntry jarEntry : jars) {
                try (JarInputStream jar = new JarInputStream(archive.getInputStream(jarEntry))) {
                    Manifest manifest = jar.getManifest();
                    for (java.util.jar.JarEntry e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
                        if (e.getName().equals(classEntry)) {
                            return manifest;
                        }
                    }
                }
            }
            return null;
        }
    }
}
