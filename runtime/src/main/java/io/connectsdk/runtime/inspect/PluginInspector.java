package io.connectsdk.runtime.inspect;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.Connector;
import io.connectsdk.api.plugin.Versioned;
import io.connectsdk.api.sink.SinkTask;
import io.connectsdk.api.source.SourceTask;
import io.connectsdk.api.storage.Converter;
import io.connectsdk.api.storage.HeaderConverter;
import io.connectsdk.api.transforms.Predicate;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.runtime.inspect.LocationIndex.ClassEntry;
import io.connectsdk.runtime.inspect.LocationIndex.ServiceLine;
import io.connectsdk.runtime.plugin.PluginClassLoader;
import io.connectsdk.runtime.plugin.PluginDesc;
import io.connectsdk.runtime.plugin.PluginLocation;
import io.connectsdk.runtime.plugin.PluginType;
import io.connectsdk.runtime.plugin.Plugins;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks plugin locations before deployment: the engine behind {@code connect-sdk validate} and the
 * Maven plugin's {@code connect-sdk:validate}. The checks and their stable ids are listed in
 * {@link FindingId}; each finding names the jar and class concerned and says how to fix it.
 *
 * <p>How a location is checked: its files are read without loading anything (service files, class
 * file headers, package lists); then every registered plugin class is loaded through a
 * {@link PluginClassLoader} (the same isolation as the runtime), constructed, and its
 * {@code version()} and {@code config()} called. Those calls run on a separate daemon thread with
 * the plugin's loader as context loader and a time limit ({@link Builder#timeout(Duration)},
 * default 10 s), so a hanging constructor gives a {@link FindingId#PLUGIN_CALL_TIMEOUT} finding
 * instead of a hanging build. Locations inspected together are also checked against each other and
 * against the runtime's classpath plugins (ambiguous aliases, duplicate plugins).
 *
 * <p>Static state that plugin code sets up while being inspected (a JDBC driver registering itself,
 * a thread it starts) stays in this JVM: inspect in a short-lived process, as the CLI does.
 *
 * <p>Immutable and thread-safe; every {@link #inspect(List)} call is independent.
 */
public final class PluginInspector {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}|@[A-Za-z0-9_.-]+@");
    private static final int SERVICE_LOADABLE_MAJOR = 44 + Runtime.version().feature();
    private static final int MAX_LISTED = 5;

    private final Duration timeout;
    private final int javaRelease;
    private final Supplier<RuntimeClasspath> runtimeClasspath;
    private final ClassLoader parent;
    private final boolean compareWithClasspathPlugins;
    private final Path extractionRoot;

    private PluginInspector(Builder b) {
        this.timeout = b.timeout;
        this.javaRelease = b.javaRelease;
        this.runtimeClasspath = b.runtimeClasspath;
        this.parent = b.parent;
        this.compareWithClasspathPlugins = b.compareWithClasspathPlugins;
        this.extractionRoot = b.extractionRoot;
    }

    /** @return an inspector with the defaults: 10 s per plugin call, this JVM's Java release and classpath */
    public static PluginInspector create() {
        return builder().build();
    }

    /** @return a builder for an inspector with other options */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Inspects one location.
     *
     * @param location a jar, a {@code .zip} plugin archive or a directory
     * @return its report
     * @throws io.connectsdk.runtime.plugin.PluginLocationException naming the path when it cannot be
     *     used at all (missing, not a jar/zip/directory, unreadable)
     */
    public LocationReport inspect(Path location) {
        return inspect(List.of(location)).locations().get(0);
    }

    /**
     * Inspects several locations, as they would be installed together.
     *
     * @param locations jars, {@code .zip} plugin archives or directories; duplicates are inspected once
     * @return one report per distinct location, in the order given
     * @throws io.connectsdk.runtime.plugin.PluginLocationException naming the first path that cannot
     *     be used at all; nothing is inspected then
     */
    public InspectionReport inspect(List<Path> locations) {
        List<PluginLocation> opened = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path p : locations) {
            PluginLocation location = PluginLocation.open(p, extractionRoot);
            if (seen.add(location.path())) {
                opened.add(location);
            }
        }
        // The runtime's own plugins are only needed for the cross-checks at the end: list them meanwhile.
        CompletableFuture<List<PluginDesc>> classpathPlugins = compareWithClasspathPlugins
                ? CompletableFuture.supplyAsync(this::classpathPlugins, task -> {
                    Thread t = new Thread(task, "connect-sdk-inspect-classpath");
                    t.setDaemon(true);
                    t.start();
                })
                : CompletableFuture.completedFuture(List.of());
        List<LocationInspection> inspections = new ArrayList<>();
        try (PluginCalls calls = new PluginCalls(timeout)) {
            for (PluginLocation location : opened) {
                LocationInspection inspection = new LocationInspection(location, calls);
                inspection.run();
                inspections.add(inspection);
            }
        }
        crossCheck(inspections, classpathPlugins.join());
        return new InspectionReport(inspections.stream().map(LocationInspection::report).toList(), javaRelease);
    }

    private List<PluginDesc> classpathPlugins() {
        try (Plugins classpath = Plugins.builder().parent(parent).build()) {
            return classpath.plugins();
        }
    }

    private void crossCheck(List<LocationInspection> inspections, List<PluginDesc> classpathPlugins) {
        List<PluginDesc> all = new ArrayList<>();
        Map<String, LocationInspection> byLocation = new LinkedHashMap<>();
        for (LocationInspection i : inspections) {
            all.addAll(i.descs);
            byLocation.put(i.location.path().toString(), i);
        }
        all.addAll(classpathPlugins);
        // Ambiguous aliases: one finding per inspected location and class, listing its shared aliases.
        Map<String, Map<String, Set<String>>> aliasesByLocationClass = new LinkedHashMap<>();
        Map<String, Set<String>> othersByLocationClass = new HashMap<>();
        Plugins.ambiguousAliases(all).forEach((group, byAlias) -> byAlias.forEach((alias, descs) -> {
            for (PluginDesc d : descs) {
                if (!byLocation.containsKey(d.location())) {
                    continue;
                }
                aliasesByLocationClass.computeIfAbsent(d.location(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(d.className() + "\u0000" + group.noun(), k -> new TreeSet<>()).add(alias);
                Set<String> others = othersByLocationClass.computeIfAbsent(d.location() + "\u0000" + d.className(),
                        k -> new TreeSet<>());
                descs.stream().filter(o -> !o.className().equals(d.className()))
                        .forEach(o -> others.add(o.className() + " (" + o.location() + ")"));
            }
        }));
        aliasesByLocationClass.forEach((location, byClass) -> byClass.forEach((key, aliases) -> {
            String className = key.substring(0, key.indexOf('\u0000'));
            String noun = key.substring(key.indexOf('\u0000') + 1);
            LocationInspection i = byLocation.get(location);
            String aliasList = aliases.stream().map(a -> "'" + a + "'").collect(Collectors.joining(" and "));
            i.add(FindingId.AMBIGUOUS_ALIAS, i.index.unitOf(className), className, "The " + noun + " alias"
                    + (aliases.size() > 1 ? "es " : " ") + aliasList + " of " + className + " also name"
                    + (aliases.size() > 1 ? "" : "s") + " " + String.join(", ", othersByLocationClass.get(location + "\u0000" + className))
                    + "; installed together, configurations must use the full class name.",
                    "Rename the class to something distinctive, or document that users must write " + className + ".");
        }));
        // The same class and version in several locations.
        Map<String, List<PluginDesc>> byIdentity = new LinkedHashMap<>();
        for (PluginDesc d : all) {
            byIdentity.computeIfAbsent(d.className() + " " + d.version(), k -> new ArrayList<>()).add(d);
        }
        for (List<PluginDesc> same : byIdentity.values()) {
            Set<String> locations = same.stream().map(PluginDesc::location).collect(Collectors.toCollection(LinkedHashSet::new));
            if (locations.size() < 2) {
                continue;
            }
            PluginDesc d0 = same.get(0);
            for (String location : locations) {
                LocationInspection i = byLocation.get(location);
                if (i == null) {
                    continue;
                }
                String others = locations.stream().filter(l -> !l.equals(location)).collect(Collectors.joining(", "));
                i.add(FindingId.DUPLICATE_PLUGIN, i.index.unitOf(d0.className()), d0.className(), d0.className() + " "
                        + d0.version() + " is also installed in " + others + "; the runtime cannot tell the copies apart.",
                        "Install each plugin version once, or give the copies different versions.");
            }
        }
    }

    /** The inspection of one location. */
    private final class LocationInspection {
        final PluginLocation location;
        final PluginCalls calls;
        final List<Finding> findings = new ArrayList<>();
        final List<InspectedPlugin> plugins = new ArrayList<>();
        final List<PluginDesc> descs = new ArrayList<>();
        final Map<String, Set<String>> supertypeMemo = new HashMap<>();
        LocationIndex index;
        PluginClassLoader loader;

        LocationInspection(PluginLocation location, PluginCalls calls) {
            this.location = location;
            this.calls = calls;
        }

        LocationReport report() {
            return new LocationReport(location.path().toString(), location.kind(), plugins, findings);
        }

        void add(FindingId id, String jar, String className, String message, String hint) {
            findings.add(Finding.of(id, jar, className, message, hint));
        }

        void run() {
            index = LocationIndex.of(location);
            loader = location.newClassLoader(parent);
            try {
                checkNestedJars();
                checkClassVersions();
                checkPackages();
                checkDuplicateClasses();
                checkSlf4jBindings();
                checkServices();
                checkUnregisteredAndTasks();
            } finally {
                try {
                    loader.close();
                } catch (IOException ignored) {
                    // the loader's jars stay open until exit; harmless for an inspection
                }
            }
        }

        private void checkNestedJars() {
            index.nestedJars.forEach((unit, jars) -> add(FindingId.NESTED_JARS, unit, null,
                    unit + " contains " + jars.size() + " jar file" + (jars.size() == 1 ? "" : "s") + " (" + list(jars)
                            + "); a class loader does not read jars inside jars, so their classes are invisible.",
                    "Package the plugin as a .zip with the jars in lib/, as a directory of jars, or as an uber-jar"
                            + " with the dependencies' classes unpacked (maven-shade-plugin)."));
        }

        private void checkClassVersions() {
            int maxMajor = 44 + javaRelease;
            index.classesByUnit.forEach((unit, entries) -> {
                List<ClassEntry> tooNew = entries.stream().filter(e -> e.header().major() > maxMajor).toList();
                if (tooNew.isEmpty()) {
                    return;
                }
                int newest = tooNew.stream().mapToInt(e -> e.header().major()).max().orElseThrow();
                String example = tooNew.get(0).header().name();
                add(FindingId.CLASS_VERSION_TOO_NEW, unit, example, unit + " has " + tooNew.size() + " class"
                        + (tooNew.size() == 1 ? "" : "es") + " compiled for Java " + ClassFileHeader.javaRelease(newest)
                        + " (class file version " + newest + "), e.g. " + example + "; the runtime runs Java " + javaRelease
                        + " (class file version " + maxMajor + ") and fails to load them with UnsupportedClassVersionError.",
                        "Compile with --release " + javaRelease + " (maven.compiler.release=" + javaRelease
                                + "), or use a version of the library built for Java " + javaRelease
                                + ", or run the runtime on Java " + ClassFileHeader.javaRelease(newest) + " or newer.");
            });
        }

        private void checkPackages() {
            RuntimeClasspath runtime = runtimeClasspath.get();
            index.classesByUnit.forEach((unit, entries) -> {
                Map<String, Integer> packages = new TreeMap<>();
                Map<String, String> example = new HashMap<>();
                for (ClassEntry e : entries) {
                    String name = e.header().name();
                    int dot = name.lastIndexOf('.');
                    if (dot > 0) {
                        packages.merge(name.substring(0, dot), 1, Integer::sum);
                        example.putIfAbsent(name.substring(0, dot), name);
                    }
                }
                Map<FindingId, List<String>> byId = new LinkedHashMap<>();
                Set<String> runtimeJars = new TreeSet<>();
                for (String pkg : packages.keySet()) {
                    FindingId id;
                    if (PluginClassLoader.isSpiPackage(pkg)) {
                        id = FindingId.BUNDLED_SDK_API;
                    } else if (PluginClassLoader.isLoggingApiPackage(pkg)) {
                        id = FindingId.PARENT_FIRST_PACKAGE;
                    } else if (PluginClassLoader.isJdkPackage(pkg)) {
                        id = FindingId.JDK_PACKAGE;
                    } else if (pkg.equals("org.apache.kafka.connect") || pkg.startsWith("org.apache.kafka.connect.")) {
                        id = FindingId.BUNDLED_KAFKA_CONNECT_API;
                    } else if (pkg.equals("org.apache.kafka") || pkg.startsWith("org.apache.kafka.")) {
                        id = FindingId.BUNDLED_KAFKA_CLIENTS;
                    } else if (runtime.contains(pkg)) {
                        id = FindingId.SPLIT_PACKAGE;
                        runtimeJars.add(runtime.owner(pkg));
                    } else {
                        continue;
                    }
                    byId.computeIfAbsent(id, k -> new ArrayList<>()).add(pkg);
                }
                byId.forEach((id, pkgs) -> {
                    int classes = pkgs.stream().mapToInt(packages::get).sum();
                    String what = unit + " bundles " + classes + " class" + (classes == 1 ? "" : "es") + " in "
                            + (pkgs.size() == 1 ? "package " : pkgs.size() + " packages ") + list(pkgs);
                    String ex = example.get(pkgs.get(0));
                    switch (id) {
                        case BUNDLED_SDK_API -> add(id, unit, ex, what + " of connect-sdk's SPI. The SPI always comes from the"
                                        + " runtime (parent-first), so these copies are ignored and may not match the runtime's.",
                                "Declare io.connectsdk:connect-sdk-api with <scope>provided</scope> and do not shade it.");
                        case PARENT_FIRST_PACKAGE -> add(id, unit, ex, what + ". org.slf4j always comes from the runtime"
                                        + " (parent-first), so these copies are ignored; classes the runtime's SLF4J lacks fail"
                                        + " with NoClassDefFoundError.",
                                "Declare org.slf4j:slf4j-api with <scope>provided</scope> and exclude SLF4J bindings"
                                        + " (slf4j-simple, slf4j-reload4j, ...): the runtime's binding does the logging.");
                        case JDK_PACKAGE -> add(id, unit, ex, what + " of the JDK. JDK packages always come from the JDK,"
                                        + " so these copies are ignored.",
                                "Exclude the dependency that brings them (often an old API jar such as xml-apis or stax-api).");
                        case BUNDLED_KAFKA_CONNECT_API -> add(id, unit, ex, what + " of Apache Kafka Connect's API. A"
                                        + " connect-sdk plugin is written against io.connectsdk.api; Kafka Connect's classes do"
                                        + " not connect it to this runtime.",
                                "Remove org.apache.kafka:connect-api from the plugin's dependencies, or give it"
                                        + " <scope>provided</scope> (the Kafka Connect bridge needs it only at compile time).");
                        case BUNDLED_KAFKA_CLIENTS -> add(id, unit, ex, what + " of Apache Kafka (kafka-clients). They"
                                        + " work (plugins are isolated) but the runtime already has kafka-clients, and shipping"
                                        + " another copy makes the plugin large and easy to mismatch.",
                                "Give org.apache.kafka:kafka-clients <scope>provided</scope> unless the plugin talks to"
                                        + " Kafka itself with a specific client version.");
                        default -> add(id, unit, ex, what + " that the runtime's class path also has (" + list(runtimeJars)
                                        + "). The plugin is isolated and uses its own copy, which is fine for a whole library"
                                        + " (e.g. its own Jackson version); but classes its copy lacks would come from the"
                                        + " runtime's version.",
                                "Nothing to do if the plugin bundles complete libraries. If the package is split on"
                                        + " purpose, rename it: packages should belong to one library.");
                    }
                });
            });
        }

        private void checkDuplicateClasses() {
            index.duplicates.forEach((pair, classes) -> {
                String first = pair.substring(0, pair.indexOf('\u0000'));
                String later = pair.substring(pair.indexOf('\u0000') + 1);
                add(FindingId.DUPLICATE_CLASSES, later, classes.get(0), classes.size() + " class"
                        + (classes.size() == 1 ? " is" : "es are") + " in both " + first + " and " + later + " (e.g. "
                        + classes.get(0) + "); the copies in " + first + " win, the others are never loaded.",
                        "Keep one version of each library: look for two artifacts of one library with"
                                + " mvn dependency:tree, and exclude one.");
            });
        }

        private void checkSlf4jBindings() {
            List<String> bindings = new ArrayList<>();
            index.slf4jBinderUnits.forEach(u -> bindings.add("org.slf4j.impl.StaticLoggerBinder in " + u));
            index.serviceLines.stream().filter(l -> l.service().equals("org.slf4j.spi.SLF4JServiceProvider"))
                    .forEach(l -> bindings.add("provider " + l.value() + " in " + l.unit()));
            if (bindings.size() > 1) {
                add(FindingId.DUPLICATE_SLF4J_BINDINGS, null, null, "The location has " + bindings.size()
                        + " SLF4J bindings: " + String.join("; ", bindings) + ".",
                        "Exclude every SLF4J binding (slf4j-simple, logback-classic, slf4j-reload4j, ...) from the plugin:"
                                + " org.slf4j is shared with the runtime, whose binding does the logging.");
            }
        }

        private void checkServices() {
            Set<String> seen = new HashSet<>();
            Map<String, List<String>> kafkaConnect = new TreeMap<>();
            boolean anyEntry = false;
            for (ServiceLine line : index.serviceLines) {
                if (line.service().startsWith("org.apache.kafka.connect.")) {
                    kafkaConnect.computeIfAbsent(line.service(), k -> new ArrayList<>()).add(line.value());
                    continue;
                }
                PluginType type = PluginType.forSpiName(line.service());
                if (type == null) {
                    continue;
                }
                anyEntry = true;
                if (seen.add(type + " " + line.value())) {
                    checkServiceEntry(line, type);
                }
            }
            if (!kafkaConnect.isEmpty()) {
                add(FindingId.KAFKA_CONNECT_SERVICES, null, null, "The location registers Apache Kafka Connect plugins: "
                        + kafkaConnect.entrySet().stream().map(e -> e.getKey() + " (" + list(e.getValue()) + ")")
                                .collect(Collectors.joining("; ")) + ". connect-sdk loads only plugins registered under"
                        + " META-INF/services/io.connectsdk.api.*.",
                        "Nothing to do if these are the Kafka Connect bridge of a connect-sdk plugin; a plain Kafka"
                                + " Connect plugin runs on Apache Kafka Connect, not on connect-sdk's runtime.");
            }
            if (!anyEntry) {
                add(FindingId.NO_PLUGINS, null, null, location.path() + " registers no connect-sdk plugin: no jar has a"
                        + " META-INF/services/io.connectsdk.api.* file.",
                        "Register each plugin class in META-INF/services/<its SPI type>, e.g. a line"
                                + " com.acme.MySourceConnector in META-INF/services/io.connectsdk.api.source.SourceConnector.");
            }
        }

        private void checkServiceEntry(ServiceLine line, PluginType type) {
            String cn = line.value();
            String unit = line.unit();
            String where = line.file() + " (line " + line.line() + " in " + unit + ")";
            String spi = type.spi().getName();
            if (!isBinaryName(cn)) {
                add(FindingId.SERVICE_ENTRY_INVALID, unit, null, where + " has '" + cn + "', which is not a class name.",
                        "Each line of a service file is one fully qualified class name; comments start with #.");
                return;
            }
            ClassEntry entry = index.classes.get(cn);
            if (entry == null) {
                boolean inRuntime = parent.getResource(cn.replace('.', '/') + ".class") != null;
                add(FindingId.SERVICE_CLASS_MISSING, unit, cn, where + " names " + cn + ", which is not in the plugin"
                        + (inRuntime ? " (only the runtime's class path has it)." : "."),
                        inRuntime ? "Remove the line: a plugin registers only its own classes."
                                : "Fix the class name (a typo or a renamed class?), or add the jar that holds " + cn
                                        + " to the plugin (was it removed by shading or minimizing?).");
                return;
            }
            if (entry.header().major() > SERVICE_LOADABLE_MAJOR) {
                if (entry.header().major() > 44 + javaRelease) {
                    return; // CLASS_VERSION_TOO_NEW says it all
                }
                add(FindingId.SERVICE_CLASS_NOT_LOADABLE, entry.unit(), cn, cn + " (" + where + ") is compiled for Java "
                        + ClassFileHeader.javaRelease(entry.header().major()) + ", newer than the Java "
                        + Runtime.version().feature() + " running this check, so it cannot be checked further.",
                        "Run the check on Java " + ClassFileHeader.javaRelease(entry.header().major()) + " or newer.");
                return;
            }
            Class<?> c;
            try {
                c = Class.forName(cn, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                add(FindingId.SERVICE_CLASS_NOT_LOADABLE, entry.unit(), cn, cn + " (" + where + ") cannot be loaded: "
                        + describe(e), missingClassHint(e));
                return;
            }
            if (!loader.definesClass(c)) {
                add(FindingId.SERVICE_CLASS_MISSING, entry.unit(), cn, where + " names " + cn
                        + ", whose package always loads from the runtime, so the plugin's copy is never used.",
                        "Register only classes in the plugin's own packages.");
                return;
            }
            if (!type.spi().isAssignableFrom(c)) {
                List<PluginType> actual = typesOf(c);
                add(FindingId.SERVICE_CLASS_WRONG_TYPE, entry.unit(), cn, where + " names " + cn + ", which is not a "
                        + spi + (actual.isEmpty() ? " nor any other plugin type."
                                : " but a " + actual.stream().map(t -> t.spi().getName()).collect(Collectors.joining(" and ")) + "."),
                        actual.isEmpty() ? "Remove the line, or make " + cn + " extend/implement " + spi + "."
                                : "Move the line to " + actual.stream().map(PluginType::serviceResource).collect(Collectors.joining(" and ")) + ".");
                return;
            }
            if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
                add(FindingId.SERVICE_CLASS_ABSTRACT, entry.unit(), cn, where + " names " + cn + ", which is "
                        + (c.isInterface() ? "an interface" : "abstract") + " and cannot be instantiated.",
                        "Register the concrete subclasses instead.");
                return;
            }
            if (!Modifier.isPublic(c.getModifiers())) {
                add(FindingId.SERVICE_CLASS_NOT_PUBLIC, entry.unit(), cn, cn + " (" + where + ") is not public, so the"
                        + " runtime cannot instantiate it.", "Make " + c.getSimpleName() + " public.");
                return;
            }
            Constructor<?> ctor;
            try {
                ctor = c.getConstructor();
            } catch (NoSuchMethodException | LinkageError e) {
                boolean inner = c.isMemberClass() && !Modifier.isStatic(c.getModifiers());
                add(FindingId.NO_PUBLIC_NO_ARG_CONSTRUCTOR, entry.unit(), cn, cn + " (" + where + ") has no public"
                        + " no-argument constructor" + (inner ? ": it is an inner (non-static) class." : "."),
                        inner ? "Declare the nested class static." : "Add a public no-argument constructor; the runtime"
                                + " creates plugins with it and passes settings to start()/configure().");
                return;
            }
            PluginCalls.Outcome<Object> made = calls.call(loader, ctor::newInstance);
            if (made.timedOut()) {
                add(FindingId.PLUGIN_CALL_TIMEOUT, entry.unit(), cn, "new " + cn + "() did not return within "
                        + seconds(calls.timeout()) + ".", "Constructors must be quick and must not block: move"
                        + " connections and waits to start()/configure().");
                return;
            }
            if (!made.ok()) {
                Throwable cause = made.error() instanceof InvocationTargetException ite && ite.getCause() != null
                        ? ite.getCause() : made.error();
                boolean init = cause instanceof ExceptionInInitializerError;
                Throwable shown = init && cause.getCause() != null ? cause.getCause() : cause;
                add(FindingId.CONSTRUCTOR_THROWS, entry.unit(), cn, (init ? "The static initializer of " + cn + " threw "
                        : "new " + cn + "() threw ") + describe(shown) + pluginFrame(shown) + ".",
                        cause instanceof NoClassDefFoundError ? missingClassHint(cause)
                                : "Constructors and static initializers must not fail: the runtime constructs plugins to"
                                        + " list and validate them. Move work that can fail to start()/configure().");
                return;
            }
            Object instance = made.value();
            String version = checkVersion(instance, cn, entry.unit());
            checkConfigDef(instance, cn, entry.unit());
            plugins.add(new InspectedPlugin(cn, type, version, entry.unit()));
            descs.add(new PluginDesc(cn, List.of(), version == null ? PluginDesc.UNDEFINED_VERSION : version, type,
                    location.path().toString(), loader, c));
        }

        private String checkVersion(Object instance, String cn, String unit) {
            PluginCalls.Outcome<String> v = calls.call(loader, ((Versioned) instance)::version);
            String hint = "Return the plugin's version, e.g. Versioned.manifestVersion(getClass(), \"1.0.0\") with"
                    + " Implementation-Version in the jar manifest (maven-jar-plugin addDefaultImplementationEntries),"
                    + " or a constant.";
            if (v.timedOut()) {
                add(FindingId.PLUGIN_CALL_TIMEOUT, unit, cn, cn + ".version() did not return within "
                        + seconds(calls.timeout()) + ".", "version() must be quick: " + hint);
                return null;
            }
            if (!v.ok()) {
                add(FindingId.VERSION_THROWS, unit, cn, cn + ".version() threw " + describe(v.error())
                        + pluginFrame(v.error()) + ".", "version() must not throw. " + hint);
                return null;
            }
            String version = v.value();
            if (version == null || version.isBlank() || version.strip().equalsIgnoreCase("null")) {
                add(FindingId.VERSION_MISSING, unit, cn, cn + ".version() returned "
                        + (version == null ? "null" : "\"" + version + "\"") + "; the runtime shows, records and"
                        + " selects plugins by version.", hint);
                return null;
            }
            if (PLACEHOLDER.matcher(version).find()) {
                add(FindingId.VERSION_UNEXPANDED, unit, cn, cn + ".version() returned \"" + version
                        + "\", an unexpanded placeholder.", "Enable resource filtering for the file that holds the"
                                + " version (<filtering>true</filtering>), or use Versioned.manifestVersion. ");
                return null;
            }
            return version;
        }

        private void checkConfigDef(Object instance, String cn, String unit) {
            PluginCalls.Outcome<ConfigDef> def = calls.call(loader, () -> configOf(instance));
            if (def.timedOut()) {
                add(FindingId.PLUGIN_CALL_TIMEOUT, unit, cn, cn + ".config() did not return within "
                        + seconds(calls.timeout()) + ".", "config() must be quick: build the ConfigDef once, in a static field.");
                return;
            }
            if (!def.ok()) {
                add(FindingId.CONFIG_DEF_THROWS, unit, cn, cn + ".config() threw " + describe(def.error())
                        + pluginFrame(def.error()) + ".", "config() must return the ConfigDef without side effects;"
                                + " the runtime calls it before start() to validate configurations and document the plugin.");
                return;
            }
            if (def.value() == null) {
                add(FindingId.CONFIG_DEF_NULL, unit, cn, cn + ".config() returned null.",
                        "Return a ConfigDef (new ConfigDef() when the plugin has no settings).");
                return;
            }
            List<String> undocumented = def.value().configKeys().values().stream()
                    .filter(k -> k.documentation() == null || k.documentation().isBlank())
                    .map(ConfigDef.ConfigKey::name).toList();
            if (!undocumented.isEmpty()) {
                add(FindingId.CONFIG_KEY_UNDOCUMENTED, unit, cn, cn + ".config() has " + undocumented.size()
                        + " undocumented key" + (undocumented.size() == 1 ? "" : "s") + ": " + list(undocumented) + ".",
                        "Give every key a documentation string: it is what users see in the REST validate answer and in"
                                + " generated docs.");
            }
        }

        private void checkUnregisteredAndTasks() {
            Set<String> registered = index.serviceLines.stream().filter(l -> PluginType.forSpiName(l.service()) != null)
                    .map(ServiceLine::value).collect(Collectors.toSet());
            for (ClassEntry e : index.classes.values()) {
                ClassFileHeader h = e.header();
                if (!h.isPublicConcreteClass()) {
                    continue;
                }
                Set<String> supertypes = supertypes(h.name());
                List<PluginType> types = new ArrayList<>();
                for (PluginType t : PluginType.values()) {
                    if (supertypes.contains(t.spi().getName())) {
                        types.add(t);
                    }
                }
                if (!types.isEmpty() && !registered.contains(h.name())) {
                    PluginType t = types.get(0);
                    add(FindingId.PLUGIN_NOT_REGISTERED, e.unit(), h.name(), h.name() + " is a public "
                            + t.spi().getSimpleName() + " but no META-INF/services file registers it, so the runtime will"
                            + " not find it.", "Add the line " + h.name() + " to " + t.serviceResource()
                            + " (in " + e.unit() + "), or make the class abstract if it is a base class.");
                }
                boolean task = supertypes.contains(SourceTask.class.getName()) || supertypes.contains(SinkTask.class.getName());
                if (task && h.major() <= SERVICE_LOADABLE_MAJOR) {
                    checkTaskConstructor(e);
                }
            }
        }

        private void checkTaskConstructor(ClassEntry e) {
            String cn = e.header().name();
            try {
                Class<?> c = Class.forName(cn, false, loader);
                if (loader.definesClass(c)) {
                    c.getConstructor();
                }
            } catch (NoSuchMethodException ex) {
                add(FindingId.NO_PUBLIC_NO_ARG_CONSTRUCTOR, e.unit(), cn, "Task class " + cn + " has no public"
                        + " no-argument constructor; the runtime creates tasks with it.",
                        "Add a public no-argument constructor; a task gets its settings in start(Map).");
            } catch (ClassNotFoundException | LinkageError ex) {
                add(FindingId.SERVICE_CLASS_NOT_LOADABLE, e.unit(), cn, "Task class " + cn + " cannot be loaded: "
                        + describe(ex), missingClassHint(ex));
            }
        }

        /** The names of all supertypes of a class (itself included), through the location's class files and the runtime. */
        private Set<String> supertypes(String name) {
            Set<String> memo = supertypeMemo.get(name);
            if (memo != null) {
                return memo;
            }
            supertypeMemo.put(name, Set.of(name)); // guards against cycles in broken class files
            Set<String> result = new HashSet<>();
            result.add(name);
            ClassEntry e = index.classes.get(name);
            if (e != null) {
                for (String s : e.header().supertypes()) {
                    result.addAll(supertypes(s));
                }
            } else if (!name.startsWith("java.")) {
                try {
                    addRuntimeSupertypes(Class.forName(name, false, parent), result);
                } catch (ClassNotFoundException | LinkageError notInRuntime) {
                    // an unknown supertype (a missing dependency) contributes nothing
                }
            }
            supertypeMemo.put(name, result);
            return result;
        }

        private void addRuntimeSupertypes(Class<?> c, Set<String> into) {
            if (c == null || c.getName().startsWith("java.")) {
                return;
            }
            into.add(c.getName());
            addRuntimeSupertypes(c.getSuperclass(), into);
            for (Class<?> i : c.getInterfaces()) {
                addRuntimeSupertypes(i, into);
            }
        }
    }

    private static List<PluginType> typesOf(Class<?> c) {
        List<PluginType> result = new ArrayList<>();
        for (PluginType t : PluginType.values()) {
            if (t.spi().isAssignableFrom(c)) {
                result.add(t);
            }
        }
        return result;
    }

    private static ConfigDef configOf(Object instance) {
        if (instance instanceof Connector c) {
            return c.config();
        } else if (instance instanceof Converter c) {
            return c.config();
        } else if (instance instanceof HeaderConverter c) {
            return c.config();
        } else if (instance instanceof Transform<?> t) {
            return t.config();
        } else if (instance instanceof Predicate<?> p) {
            return p.config();
        }
        return new ConfigDef();
    }

    static boolean isBinaryName(String s) {
        if (s.isEmpty() || s.startsWith(".") || s.endsWith(".") || s.contains("..")) {
            return false;
        }
        for (String part : s.split("\\.")) {
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.codePointAt(0))) {
                return false;
            }
            if (!part.codePoints().allMatch(Character::isJavaIdentifierPart)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Throwable e) {
        String msg = e.getMessage();
        String text = e.getClass().getName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
        Throwable cause = e.getCause();
        if (cause != null && cause != e && !(e instanceof InvocationTargetException)) {
            String cm = cause.getMessage();
            text += " (caused by " + cause.getClass().getName() + (cm == null ? "" : ": " + cm) + ")";
        }
        return text;
    }

    private String pluginFrame(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String cls = frame.getClassName();
            if (!cls.startsWith("java.") && !cls.startsWith("jdk.") && !cls.startsWith("sun.")
                    && !cls.startsWith(PluginInspector.class.getPackageName())) {
                return " at " + cls + "." + frame.getMethodName() + "(" + (frame.getFileName() == null ? "Unknown Source"
                        : frame.getFileName() + (frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "")) + ")";
            }
        }
        return "";
    }

    private static String missingClassHint(Throwable e) {
        if (e instanceof UnsupportedClassVersionError) {
            return "Compile the plugin for the runtime's Java release (--release).";
        }
        String missing = e instanceof NoClassDefFoundError || e instanceof ClassNotFoundException ? e.getMessage() : null;
        return missing == null ? "Check that every dependency of the plugin is in the location (lib/ or the uber-jar)."
                : "Add the jar that holds " + missing.replace('/', '.') + " to the plugin (lib/ of the archive or the"
                        + " uber-jar); dependencies the runtime does not provide must be bundled.";
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String list(Collection<String> items) {
        List<String> all = new ArrayList<>(items);
        if (all.size() <= MAX_LISTED) {
            return String.join(", ", all);
        }
        return String.join(", ", all.subList(0, MAX_LISTED)) + " and " + (all.size() - MAX_LISTED) + " more";
    }

    /** Options for a {@link PluginInspector}. Not thread-safe; use once. */
    public static final class Builder {
        private Duration timeout = Duration.ofSeconds(10);
        private int javaRelease = Runtime.version().feature();
        private Supplier<RuntimeClasspath> runtimeClasspath = RuntimeClasspath::current;
        private ClassLoader parent = PluginInspector.class.getClassLoader();
        private boolean compareWithClasspathPlugins = true;
        private Path extractionRoot = PluginLocation.defaultExtractionRoot();

        private Builder() {
        }

        /**
         * @param limit how long one call into plugin code (constructor, {@code version()},
         *     {@code config()}) may take; default 10 s
         * @return this builder
         */
        public Builder timeout(Duration limit) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + limit);
            }
            this.timeout = limit;
            return this;
        }

        /**
         * @param release the Java release the runtime will run on (e.g. {@code 17}); default: this JVM's
         * @return this builder
         */
        public Builder javaRelease(int release) {
            if (release < 8) {
                throw new IllegalArgumentException("Java release must be 8 or later, got " + release);
            }
            this.javaRelease = release;
            return this;
        }

        /**
         * @param classpath the runtime's class path, for the split-package check; default: this JVM's
         * @return this builder
         */
        public Builder runtimeClasspath(RuntimeClasspath classpath) {
            Objects.requireNonNull(classpath, "classpath");
            this.runtimeClasspath = () -> classpath;
            return this;
        }

        /**
         * @param runtimeLoader the runtime's loader: the plugins' parent, and where the classpath
         *     plugins are found; default: the loader of this class
         * @return this builder
         */
        public Builder parent(ClassLoader runtimeLoader) {
            this.parent = Objects.requireNonNull(runtimeLoader, "runtimeLoader");
            return this;
        }

        /**
         * @param compare whether to check aliases and duplicates against the classpath plugins
         *     (the built-ins); default {@code true}
         * @return this builder
         */
        public Builder compareWithClasspathPlugins(boolean compare) {
            this.compareWithClasspathPlugins = compare;
            return this;
        }

        /**
         * @param dir where {@code .zip} archives are extracted
         * @return this builder
         */
        public Builder extractionRoot(Path dir) {
            this.extractionRoot = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** @return the inspector */
        public PluginInspector build() {
            return new PluginInspector(this);
        }
    }
}
