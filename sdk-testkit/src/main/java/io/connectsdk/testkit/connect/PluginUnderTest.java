package io.connectsdk.testkit.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The plugin a {@link ConnectCluster} hosts, and where its classes come from. Either way the worker
 * loads it through the runtime's production isolation: its own child-first
 * {@link io.connectsdk.runtime.plugin.PluginClassLoader}, with the plugin's classes hidden from the
 * runtime's class path, as in a deployed worker.
 *
 * <h2>Exploded ({@link #exploded(Class)}): no packaging needed</h2>
 * The plugin's classpath is, in order of precedence:
 * <ol>
 *   <li>the class folder: the system property {@value #CLASSES_PROPERTY} (a path list), else, for a
 *       plugin class (a connector, task, converter, transform or predicate), the folder or jar it
 *       was loaded from, else, for a test class, the {@code classes} folder next to the
 *       {@code test-classes} folder it was loaded from (whatever the build folder's name);</li>
 *   <li>its runtime dependencies: exactly the system property {@value #CLASSPATH_PROPERTY} when set
 *       (a path list, e.g. written by {@code maven-dependency-plugin:build-classpath} with
 *       {@code includeScope=runtime}, see the package documentation), else every entry of the test
 *       JVM's {@code java.class.path} except: the JDK (never on it), {@code test-classes} folders,
 *       class folders of connect-sdk's own modules, and the jars of the test stack: the test kit's
 *       own dependencies (connect-sdk, Kafka, Scala, Jackson, ...: a list written into the test kit
 *       when it is built) and test tooling (JUnit, Surefire, AssertJ, Awaitility, Mockito, SLF4J
 *       bindings, Testcontainers, ...).</li>
 * </ol>
 * A plugin that itself uses a library of the test stack (say Jackson) then gets it from the runtime
 * instead of bundling it; everything still works, only that library is not isolated. Set
 * {@value #CLASSPATH_PROPERTY}, or use {@link #classpath(List)}, for the exact classpath.
 *
 * <h2>Archive ({@link #archive(Path)})</h2>
 * A packaged plugin: a {@code -plugin.zip} or a plugin directory ({@code lib/*.jar}), used as the
 * runtime uses a {@code plugin.path} entry. {@link #archive(Class)} finds it in the module's build
 * folder.
 *
 * <p>Immutable and thread-safe.
 */
public final class PluginUnderTest {
    /** System property: the plugin's class folder(s), overriding detection. */
    public static final String CLASSES_PROPERTY = "connectsdk.plugin.classes";
    /** System property: the plugin's exact runtime dependencies (path list), overriding the deny-list rule. */
    public static final String CLASSPATH_PROPERTY = "connectsdk.plugin.classpath";
    /** System property: the plugin archive ({@code .zip}) or plugin directory of {@link PluginSource#ARCHIVE}. */
    public static final String ARCHIVE_PROPERTY = "connectsdk.plugin.archive";

    private final PluginSource source;
    private final List<Path> entries;

    private PluginUnderTest(PluginSource source, List<Path> entries) {
        this.source = source;
        this.entries = List.copyOf(entries);
    }

    /**
     * The exploded plugin of the module a class belongs to (see the class comment).
     *
     * @param anchor a test class of the plugin's module, or a plugin class (connector, task,
     *     converter, transform, predicate) of the plugin, e.g. when the test lives in another module
     * @return the plugin
     * @throws IllegalArgumentException when no class folder can be found
     */
    public static PluginUnderTest exploded(Class<?> anchor) {
        Objects.requireNonNull(anchor, "anchor");
        List<Path> fromProperty = PluginClasspath.split(System.getProperty(CLASSES_PROPERTY));
        return exploded(fromProperty.isEmpty() ? List.of(classesOf(anchor)) : fromProperty);
    }

    /**
     * The exploded plugin of the current module without an anchor class: {@value #CLASSES_PROPERTY},
     * else {@code target/classes} of the working directory (Surefire runs in the module's folder).
     *
     * @return the plugin
     * @throws IllegalArgumentException when neither exists
     */
    public static PluginUnderTest exploded() {
        List<Path> fromProperty = PluginClasspath.split(System.getProperty(CLASSES_PROPERTY));
        List<Path> classes = fromProperty.isEmpty() ? List.of(PluginClasspath.normalize(Paths.get("target", "classes")))
                : fromProperty;
        if (!Files.exists(classes.get(0))) {
            throw new IllegalArgumentException("connect-sdk test kit: no plugin classes at " + classes.get(0) + "; set -D"
                    + CLASSES_PROPERTY + " or use PluginUnderTest.exploded(SomeTest.class)");
        }
        return exploded(classes);
    }

    private static PluginUnderTest exploded(List<Path> classes) {
        List<Path> cp = new ArrayList<>(classes);
        for (Path p : PluginClasspath.resolve(classes.get(0), System.getProperty(CLASSPATH_PROPERTY),
                System.getProperty("java.class.path"))) {
            if (!cp.contains(p)) {
                cp.add(p);
            }
        }
        return new PluginUnderTest(PluginSource.EXPLODED, cp);
    }

    /**
     * An exploded plugin with exactly this classpath: no detection, no deny-list.
     *
     * @param entries class folders and jars, the plugin's own first
     * @return the plugin
     */
    public static PluginUnderTest classpath(List<Path> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a plugin classpath needs at least one entry");
        }
        List<Path> cp = new ArrayList<>();
        for (Path p : entries) {
            Path n = PluginClasspath.normalize(p);
            if (!Files.exists(n)) {
                throw new IllegalArgumentException("connect-sdk test kit: plugin classpath entry " + n + " does not exist");
            }
            cp.add(n);
        }
        return new PluginUnderTest(PluginSource.EXPLODED, cp);
    }

    /** @see #classpath(List) */
    public static PluginUnderTest classpath(Path... entries) {
        return classpath(List.of(entries));
    }

    /**
     * @param zipOrDir a {@code .zip} plugin archive or a plugin directory
     * @return the packaged plugin
     * @throws IllegalArgumentException when it does not exist
     */
    public static PluginUnderTest archive(Path zipOrDir) {
        Path p = PluginClasspath.normalize(zipOrDir);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("connect-sdk test kit: plugin archive " + p + " does not exist"
                    + " (run 'mvn package' first, e.g. test it in a failsafe *IT class)");
        }
        return new PluginUnderTest(PluginSource.ARCHIVE, List.of(p));
    }

    /**
     * The packaged plugin of the module a class belongs to: {@value #ARCHIVE_PROPERTY}, else the
     * single {@code *-plugin.zip} in the module's build folder (the folder holding
     * {@code test-classes}), else its single {@code plugin/<name>} directory.
     *
     * @param anchor a test class of the plugin's module
     * @return the packaged plugin
     * @throws IllegalArgumentException when none or several are found
     */
    public static PluginUnderTest archive(Class<?> anchor) {
        String prop = System.getProperty(ARCHIVE_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return archive(Paths.get(prop.trim()));
        }
        Path buildDir = classesOf(anchor).getParent();
        List<Path> zips = list(buildDir, p -> p.getFileName().toString().endsWith("-plugin.zip"));
        if (zips.size() == 1) {
            return archive(zips.get(0));
        }
        List<Path> dirs = list(buildDir.resolve("plugin"), Files::isDirectory);
        if (zips.isEmpty() && dirs.size() == 1) {
            return archive(dirs.get(0));
        }
        throw new IllegalArgumentException("connect-sdk test kit: expected one *-plugin.zip in " + buildDir
                + (zips.isEmpty() ? " (none found: run 'mvn package' first, e.g. test it in a failsafe *IT class)"
                        : " but found " + zips) + "; set -D" + ARCHIVE_PROPERTY + " or @ConnectTest(archive = ...)");
    }

    /** @return how the plugin is provided */
    public PluginSource source() {
        return source;
    }

    /**
     * @return for {@link PluginSource#EXPLODED}, the plugin's classpath (its class folder first);
     *     for {@link PluginSource#ARCHIVE}, the archive or directory
     */
    public List<Path> entries() {
        return entries;
    }

    @Override
    public String toString() {
        return source == PluginSource.ARCHIVE ? "plugin archive " + entries.get(0)
                : "exploded plugin " + entries.stream().map(Path::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    /** @return the plugin's class folder for a test class or plugin class */
    static Path classesOf(Class<?> anchor) {
        Path source = PluginClasspath.codeSource(anchor);
        if (isPluginClass(anchor)) {
            return source;
        }
        if (source.getFileName() != null && source.getFileName().toString().equals("test-classes")) {
            Path classes = source.resolveSibling("classes");
            if (!Files.isDirectory(classes)) {
                throw new IllegalArgumentException("connect-sdk test kit: " + anchor.getName() + " comes from " + source
                        + " but there is no " + classes + " next to it: does the module have main classes? Set -D"
                        + CLASSES_PROPERTY + " or pass a class of the plugin");
            }
            return classes;
        }
        return source;
    }

    private static boolean isPluginClass(Class<?> c) {
        return io.connectsdk.api.connector.Connector.class.isAssignableFrom(c)
                || io.connectsdk.api.connector.Task.class.isAssignableFrom(c)
                || io.connectsdk.api.storage.Converter.class.isAssignableFrom(c)
                || io.connectsdk.api.storage.HeaderConverter.class.isAssignableFrom(c)
                || io.connectsdk.api.transforms.Transform.class.isAssignableFrom(c)
                || io.connectsdk.api.transforms.Predicate.class.isAssignableFrom(c);
    }

    private static List<Path> list(Path dir, java.util.function.Predicate<Path> filter) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(filter).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
