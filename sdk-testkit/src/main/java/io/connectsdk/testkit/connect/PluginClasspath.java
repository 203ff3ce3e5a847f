package io.connectsdk.testkit.connect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules that find an exploded plugin's classpath in a test JVM (see
 * {@link PluginUnderTest#exploded(Class)}). Stateless.
 */
final class PluginClasspath {
    /** The list of the test kit's own dependencies, written at build time by maven-dependency-plugin. */
    static final String STACK_RESOURCE = "/io/connectsdk/testkit/connect/test-stack.txt";

    /**
     * Artifact ids (or their prefixes, ending in {@code *}) that are test or build tooling, not
     * the plugin: never part of a plugin's runtime classpath, whatever the build-time list says.
     */
    static final List<String> TOOLING = List.of("connect-sdk-testkit", "connect-sdk-testkit-kafka", "connect-sdk-api",
            "connect-sdk-runtime", "connect-sdk-runtime-builtins", "junit*", "surefire*", "common-java5", "common-junit*",
            "maven-surefire*", "opentest4j", "apiguardian-api", "assertj*", "awaitility", "hamcrest*", "mockito*",
            "objenesis", "byte-buddy*", "slf4j*", "logback*", "log4j*", "testcontainers*", "jspecify", "idea_rt",
            "junit-rt", "junit5-rt");

    /** Packages of connect-sdk itself: a class folder holding one is a module of the SDK, not the plugin. */
    private static final List<String> SDK_PACKAGES = List.of("io/connectsdk/api", "io/connectsdk/runtime",
            "io/connectsdk/builtins", "io/connectsdk/testkit", "io/connectsdk/cli", "io/connectsdk/bench");

    private static final Pattern VERSIONED_JAR = Pattern.compile("(.+?)-\\d.*\\.jar");

    private static volatile Set<String> stack;

    private PluginClasspath() {
    }

    /**
     * @param classes the plugin's class folder (or jar), first on the result
     * @param exact the value of {@code connectsdk.plugin.classpath}, or {@code null}
     * @param javaClassPath the test JVM's {@code java.class.path}
     * @return the plugin's classpath: {@code classes}, then its runtime dependencies
     */
    static List<Path> resolve(Path classes, String exact, String javaClassPath) {
        Set<Path> result = new LinkedHashSet<>();
        Path own = normalize(classes);
        result.add(own);
        if (exact != null && !exact.isBlank()) {
            for (Path p : split(exact)) {
                if (Files.exists(p)) {
                    result.add(p);
                }
            }
            return List.copyOf(result);
        }
        Set<String> denied = stackArtifacts();
        for (Path p : split(javaClassPath)) {
            if (p.equals(own) || !Files.exists(p)) {
                continue;
            }
            if (Files.isDirectory(p) ? belongsToPlugin(p) : !isStackJar(p, denied)) {
                result.add(p);
            }
        }
        return List.copyOf(result);
    }

    /**
     * @param dir a class folder of the test classpath
     * @return whether it may be a runtime dependency of the plugin: not a {@code test-classes}
     *     folder, not a module of connect-sdk itself
     */
    static boolean belongsToPlugin(Path dir) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (name.equals("test-classes")) {
            return false;
        }
        for (String pkg : SDK_PACKAGES) {
            if (Files.isDirectory(dir.resolve(pkg))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param jar a jar of the test classpath
     * @param denied artifact ids of the test stack (entries ending in {@code *} are prefixes)
     * @return whether the jar belongs to the test kit, the runtime, Kafka or the test tooling
     */
    static boolean isStackJar(Path jar, Set<String> denied) {
        String artifact = artifactId(jar);
        if (artifact == null) {
            return false;
        }
        if (denied.contains(artifact)) {
            return true;
        }
        for (String t : TOOLING) {
            if (t.endsWith("*") ? artifact.startsWith(t.substring(0, t.length() - 1)) : artifact.equals(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param jar e.g. {@code ~/.m2/repository/org/apache/kafka/kafka-clients/4.4.0/kafka-clients-4.4.0.jar}
     * @return its artifact id ({@code kafka-clients}): from the Maven repository layout
     *     ({@code .../ARTIFACT/VERSION/ARTIFACT-VERSION[-classifier].jar}), else the file name without
     *     its version; {@code null} when it is not a jar
     */
    static String artifactId(Path jar) {
        String file = jar.getFileName() == null ? "" : jar.getFileName().toString();
        if (!file.toLowerCase(Locale.ROOT).endsWith(".jar")) {
            return null;
        }
        Path versionDir = jar.getParent();
        Path artifactDir = versionDir == null ? null : versionDir.getParent();
        if (artifactDir != null && artifactDir.getFileName() != null) {
            String artifact = artifactDir.getFileName().toString();
            String version = versionDir.getFileName().toString();
            if (file.startsWith(artifact + "-" + version)) {
                return artifact;
            }
        }
        Matcher m = VERSIONED_JAR.matcher(file);
        return m.matches() ? m.group(1) : file.substring(0, file.length() - ".jar".length());
    }

    /** @return the artifact ids of the test kit's dependencies, from the build-time list plus {@link #TOOLING} */
    static Set<String> stackArtifacts() {
        Set<String> s = stack;
        if (s == null) {
            s = readStack();
            stack = s;
        }
        return s;
    }

    private static Set<String> readStack() {
        Set<String> ids = new LinkedHashSet<>();
        try (InputStream in = PluginClasspath.class.getResourceAsStream(STACK_RESOURCE)) {
            if (in == null) {
                // Not built by Maven (an IDE compiled the test kit): the main libraries by name.
                ids.addAll(List.of("kafka-clients", "kafka_2.13", "kafka-server", "kafka-server-common", "kafka-metadata",
                        "kafka-raft", "kafka-storage", "kafka-storage-api", "kafka-group-coordinator",
                        "kafka-group-coordinator-api", "kafka-share-coordinator", "kafka-transaction-coordinator",
                        "kafka-coordinator-common", "kafka-tools-api", "scala-library", "scala-reflect",
                        "scala-logging_2.13", "jackson-core", "jackson-databind", "jackson-annotations",
                        "jackson-dataformat-yaml", "jackson-datatype-jdk8", "snakeyaml", "zstd-jni", "lz4-java",
                        "snappy-java", "metrics-core", "jopt-simple", "argparse4j", "jose4j", "pcollections", "caffeine",
                        "HdrHistogram", "re2j", "hash4j"));
                return Set.copyOf(ids);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                // "   group:artifact:jar:version:scope -- module x"
                String t = line.trim();
                int space = t.indexOf(' ');
                String coords = space < 0 ? t : t.substring(0, space);
                String[] parts = coords.split(":");
                if (parts.length >= 4) {
                    ids.add(parts[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STACK_RESOURCE, e);
        }
        return Set.copyOf(ids);
    }

    /**
     * @param type a class
     * @return the folder or jar its class file was loaded from
     * @throws IllegalArgumentException when it has none (a JDK class) or it is not a local file
     */
    static Path codeSource(Class<?> type) {
        CodeSource cs = type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
        URL url = cs == null ? null : cs.getLocation();
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalArgumentException(type.getName() + " was not loaded from a local folder or jar (" + url + ")");
        }
        try {
            return normalize(Paths.get(url.toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot read the location of " + type.getName() + ": " + url, e);
        }
    }

    /**
     * @param value entries separated by the platform's path separator (or, when that is ':', also by commas)
     * @return the entries as absolute, normalized paths, blanks skipped
     */
    static List<Path> split(String value) {
        List<Path> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        String separators = java.io.File.pathSeparator.equals(";") ? ";" : "[:,]";
        for (String e : value.split(separators)) {
            if (!e.isBlank()) {
                result.add(normalize(Paths.get(e.trim())));
            }
        }
        return result;
    }

    static Path normalize(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
