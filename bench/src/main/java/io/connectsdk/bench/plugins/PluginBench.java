package io.connectsdk.bench.plugins;

import io.connectsdk.api.connector.Connector;
import io.connectsdk.runtime.inspect.InspectionReport;
import io.connectsdk.runtime.inspect.PluginInspector;
import io.connectsdk.runtime.plugin.Plugins;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Times plugin discovery and validation (issue #4) on generated plugins:
 * <ul>
 *   <li><b>discovery</b>: {@code Plugins} over a plugin.path of 100 locations (a third each:
 *       directories of jars, uber-jars, {@code .zip} archives with {@code lib/}), each with a source
 *       connector, a converter and a transform; goal &le; 1 s;</li>
 *   <li><b>validate</b>: {@code PluginInspector} on one plugin directory with 50 dependency jars;
 *       goal &le; 2 s.</li>
 * </ul>
 * Each is measured in fresh JVMs (cold: what a starting worker or a {@code connect-sdk validate} run
 * sees, JVM start excluded) and repeatedly in this JVM (warm). Run with:
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests
 * java -cp bench/target/connect-sdk-benchmarks.jar io.connectsdk.bench.plugins.PluginBench [--runs 10] [--cold-runs 5] [--validate dir]
 * </pre>
 * Plain {@code main} harness rather than JMH: the interesting number is a single cold run, which JMH's
 * {@code SingleShotTime} measures the same way but with far more setup per fork.
 */
public final class PluginBench {
    private static final int LOCATIONS = 100;
    private static final int DEPENDENCY_JARS = 50;
    private static final int CLASSES_PER_DEPENDENCY = 40;

    private PluginBench() {
    }

    /**
     * @param args {@code [--runs N] [--cold-runs N] [--validate <any plugin location to time too>]}, or
     *     (internal) {@code --child discover|validate|validate-any <path>}
     * @throws Exception when the setup fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--child")) {
            Path path = Paths.get(args[2]);
            System.out.println(switch (args[1]) {
                case "discover" -> timeDiscovery(path);
                case "validate" -> timeValidate(path, 2);
                default -> timeValidate(path, -1);
            });
            return;
        }
        int runs = intArg(args, "--runs", 10);
        int coldRuns = intArg(args, "--cold-runs", 5);
        Path work = Files.createTempDirectory("connect-sdk-plugin-bench");
        try {
            long setup = System.nanoTime();
            Path pluginPath = generateLocations(work.resolve("plugin-path"), work.resolve("build"));
            Path validated = generateValidateTarget(work.resolve("validate/acme-big-plugin"), work.resolve("build"));
            System.out.printf(Locale.ROOT, "setup: generated %d locations and a plugin with %d dependency jars in %.1f s%n",
                    LOCATIONS, DEPENDENCY_JARS, (System.nanoTime() - setup) / 1e9);
            System.out.printf(Locale.ROOT, "java %s, %d cores%n%n", Runtime.version(), Runtime.getRuntime().availableProcessors());

            List<Double> discoverCold = new ArrayList<>();
            List<Double> validateCold = new ArrayList<>();
            for (int i = 0; i < coldRuns; i++) {
                discoverCold.add(child("discover", pluginPath));
                validateCold.add(child("validate", validated));
            }
            List<Double> discoverWarm = new ArrayList<>();
            List<Double> validateWarm = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                discoverWarm.add(timeDiscovery(pluginPath));
                validateWarm.add(timeValidate(validated, 2));
            }
            System.out.println("| measurement | runs | min ms | median ms | max ms | goal |");
            System.out.println("|---|---|---|---|---|---|");
            row("discovery, 100 locations, fresh JVM", discoverCold, "<= 1000 ms");
            row("discovery, 100 locations, warm JVM", discoverWarm, "");
            row("validate, plugin with 50 dependency jars, fresh JVM", validateCold, "<= 2000 ms");
            row("validate, plugin with 50 dependency jars, warm JVM", validateWarm, "");
            String extra = stringArg(args, "--validate");
            if (extra != null) {
                List<Double> extraCold = new ArrayList<>();
                for (int i = 0; i < coldRuns; i++) {
                    extraCold.add(child("validate-any", Paths.get(extra)));
                }
                row("validate " + extra + ", fresh JVM", extraCold, "");
            }
        } finally {
            deleteTree(work);
        }
    }

    private static double timeDiscovery(Path pluginPath) {
        long start = System.nanoTime();
        try (Plugins plugins = Plugins.builder().pluginPath(pluginPath.toString())
                .extractionRoot(pluginPath.resolveSibling("extracted")).build()) {
            double ms = (System.nanoTime() - start) / 1e6;
            int own = (int) plugins.plugins().stream().filter(p -> !p.isClasspath()).count();
            if (own != LOCATIONS * 3 || !plugins.problems().isEmpty()) {
                throw new IllegalStateException("expected " + LOCATIONS * 3 + " plugins, found " + own + "; problems: "
                        + plugins.problems());
            }
            return ms;
        }
    }

    private static double timeValidate(Path location, int expectedPlugins) {
        long start = System.nanoTime();
        InspectionReport report = PluginInspector.builder().build().inspect(List.of(location));
        double ms = (System.nanoTime() - start) / 1e6;
        if (expectedPlugins >= 0 && report.pluginCount() != expectedPlugins) {
            throw new IllegalStateException("expected 2 plugins, got " + report.locations());
        }
        return ms;
    }

    private static double child(String what, Path path) throws IOException, InterruptedException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), PluginBench.class.getName(),
                "--child", what, path.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("child " + what + " failed: " + out);
        }
        String[] lines = out.split("\\R");
        return Double.parseDouble(lines[lines.length - 1]);
    }

    private static void row(String name, List<Double> ms, String goal) {
        List<Double> sorted = new ArrayList<>(ms);
        sorted.sort(Comparator.naturalOrder());
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %s |%n", name, ms.size(), sorted.get(0), median,
                sorted.get(sorted.size() - 1), goal);
    }

    // ------------------------------------------------------------------ fixtures

    private static Path generateLocations(Path pluginPath, Path build) throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("bench.lib.Util", "package bench.lib; public final class Util { public static String tag(String s) { return \"[\" + s + \"]\"; } }");
        for (int i = 0; i < LOCATIONS; i++) {
            String pkg = String.format(Locale.ROOT, "bench.p%03d", i);
            sources.putAll(pluginSources(pkg, "Bench" + i));
        }
        Path classes = compile(build.resolve("locations"), sources);
        byte[] lib = jar(classes, List.of("bench/lib/"), Map.of());
        for (int i = 0; i < LOCATIONS; i++) {
            String dir = String.format(Locale.ROOT, "bench/p%03d/", i);
            Map<String, String> services = services(String.format(Locale.ROOT, "bench.p%03d", i), "Bench" + i);
            String name = String.format(Locale.ROOT, "plugin-%03d", i);
            switch (i % 3) {
                case 0 -> {
                    Files.createDirectories(pluginPath.resolve(name));
                    Files.write(pluginPath.resolve(name).resolve(name + ".jar"), jar(classes, List.of(dir), services));
                    Files.write(pluginPath.resolve(name).resolve("bench-util-1.0.jar"), lib);
                }
                case 1 -> Files.write(pluginPath.resolve(name + ".jar"), jar(classes, List.of(dir, "bench/lib/"), services));
                default -> {
                    Map<String, byte[]> entries = new LinkedHashMap<>();
                    entries.put(name + "/lib/" + name + ".jar", jar(classes, List.of(dir), services));
                    entries.put(name + "/lib/bench-util-1.0.jar", lib);
                    entries.put(name + "/manifest.json", "{}".getBytes(StandardCharsets.UTF_8));
                    Files.write(pluginPath.resolve(name + ".zip"), zip(entries));
                }
            }
        }
        return pluginPath;
    }

    private static Path generateValidateTarget(Path location, Path build) throws IOException {
        Map<String, String> sources = new LinkedHashMap<>(pluginSources("com.acme.big", "Big"));
        sources.remove("com.acme.big.BigTransform");
        for (int d = 0; d < DEPENDENCY_JARS; d++) {
            for (int c = 0; c < CLASSES_PER_DEPENDENCY; c++) {
                String pkg = "dep" + d + (c % 4 == 0 ? "" : ".sub" + (c % 4));
                sources.put(pkg + ".Type" + c, """
                        package #PKG#;
                        public class Type#C# implements java.io.Serializable, Comparable<Type#C#> {
                            private final String name;
                            private long count;
                            private final java.util.List<String> tags = new java.util.ArrayList<>();
                            public Type#C#(String name) { this.name = name; }
                            public String name() { return name; }
                            public long increment(long by) { count += by; return count; }
                            public Type#C# tag(String tag) { tags.add(tag.trim()); return this; }
                            public int compareTo(Type#C# other) { return name.compareTo(other.name); }
                            @Override public String toString() { return "Type#C#{" + name + ", " + count + ", " + tags + "}"; }
                        }
                        """.replace("#PKG#", pkg).replace("#C#", String.valueOf(c)));
            }
        }
        Path classes = compile(build.resolve("validate"), sources);
        Files.createDirectories(location.resolve("lib"));
        Map<String, String> services = services("com.acme.big", "Big");
        services.remove("io.connectsdk.api.transforms.Transform");
        Files.write(location.resolve("lib/acme-big-plugin-1.0.0.jar"), jar(classes, List.of("com/acme/big/"), services));
        for (int d = 0; d < DEPENDENCY_JARS; d++) {
            Files.write(location.resolve("lib/dep" + d + "-1.0.jar"), jar(classes, List.of("dep" + d + "/"), Map.of()));
        }
        return location;
    }

    private static Map<String, String> pluginSources(String pkg, String name) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(pkg + "." + name + "SourceConnector", """
                package #PKG#;
                import io.connectsdk.api.config.ConfigDef;
                import io.connectsdk.api.connector.Task;
                import io.connectsdk.api.source.SourceConnector;
                import java.util.List;
                import java.util.Map;
                public class #NAME#SourceConnector extends SourceConnector {
                    static final ConfigDef CONFIG = new ConfigDef()
                            .define("topic", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "Topic to write to.");
                    private Map<String, String> props;
                    public String version() { return "1.0.0"; }
                    public ConfigDef config() { return CONFIG; }
                    public void start(Map<String, String> props) { this.props = props; }
                    public Class<? extends Task> taskClass() { return #NAME#SourceTask.class; }
                    public List<Map<String, String>> taskConfigs(int maxTasks) { return List.of(props); }
                    public void stop() { }
                }
                """.replace("#PKG#", pkg).replace("#NAME#", name));
        s.put(pkg + "." + name + "SourceTask", """
                package #PKG#;
                import io.connectsdk.api.source.SourceRecord;
                import io.connectsdk.api.source.SourceTask;
                import java.util.List;
                import java.util.Map;
                public class #NAME#SourceTask extends SourceTask {
                    public String version() { return "1.0.0"; }
                    public void start(Map<String, String> props) { }
                    public List<SourceRecord> poll() { return null; }
                    public void stop() { }
                }
                """.replace("#PKG#", pkg).replace("#NAME#", name));
        s.put(pkg + "." + name + "Converter", """
                package #PKG#;
                import io.connectsdk.api.data.Schema;
                import io.connectsdk.api.data.SchemaAndValue;
                import io.connectsdk.api.storage.Converter;
                import java.util.Map;
                public class #NAME#Converter implements Converter {
                    public String version() { return "1.0.0"; }
                    public void configure(Map<String, ?> configs, boolean isKey) { }
                    public byte[] fromConnectData(String topic, Schema schema, Object value) { return new byte[0]; }
                    public SchemaAndValue toConnectData(String topic, byte[] value) { return SchemaAndValue.NULL; }
                }
                """.replace("#PKG#", pkg).replace("#NAME#", name));
        s.put(pkg + "." + name + "Transform", """
                package #PKG#;
                import io.connectsdk.api.config.ConfigDef;
                import io.connectsdk.api.connector.ConnectRecord;
                import io.connectsdk.api.transforms.Transform;
                import java.util.Map;
                public class #NAME#Transform<R extends ConnectRecord<R>> implements Transform<R> {
                    public String version() { return "1.0.0"; }
                    public void configure(Map<String, ?> configs) { }
                    public R apply(R record) { return record; }
                    public ConfigDef config() { return new ConfigDef(); }
                    public void close() { }
                }
                """.replace("#PKG#", pkg).replace("#NAME#", name));
        return s;
    }

    private static Map<String, String> services(String pkg, String name) {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("io.connectsdk.api.source.SourceConnector", pkg + "." + name + "SourceConnector\n");
        services.put("io.connectsdk.api.storage.Converter", pkg + "." + name + "Converter\n");
        services.put("io.connectsdk.api.transforms.Transform", pkg + "." + name + "Transform\n");
        return services;
    }

    private static Path compile(Path out, Map<String, String> sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("run the benchmark on a JDK: it compiles its fixtures");
        }
        Files.createDirectories(out);
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new SimpleJavaFileObject(
                URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        }));
        String classpath = codeSource(Connector.class).toString();
        if (!javac.getTask(null, null, null, List.of("-d", out.toString(), "--release", "17", "-proc:none", "-nowarn",
                "-classpath", classpath), null, units).call()) {
            throw new IllegalStateException("fixture compilation failed");
        }
        return out;
    }

    private static Path codeSource(Class<?> c) {
        try {
            return Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] jar(Path classes, List<String> prefixes, Map<String, String> services) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream out = new JarOutputStream(bytes, manifest); Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String rel = classes.relativize(f).toString().replace(File.separatorChar, '/');
                if (prefixes.stream().anyMatch(rel::startsWith)) {
                    put(out, rel, Files.readAllBytes(f));
                }
            }
            for (Map.Entry<String, String> s : services.entrySet()) {
                put(out, "META-INF/services/" + s.getKey(), s.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                put(out, e.getKey(), e.getValue());
            }
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
    }

    private static String stringArg(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
