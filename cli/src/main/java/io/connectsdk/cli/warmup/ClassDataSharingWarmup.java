package io.connectsdk.cli.warmup;

import io.connectsdk.cli.EmbeddedKafkaProcess;
import io.connectsdk.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The training run of the launcher's class-data-sharing archive: {@code bin/connect-sdk} runs this
 * class once, in a JVM started with {@code -XX:ArchiveClassesAtExit}, before the first
 * {@code standalone} start after a build or a JDK change, and every later start maps the archived
 * classes instead of loading, parsing and verifying them again (see the README, "JVM options").
 *
 * <p>It runs what a user's start runs, through the same command line: {@code connect-sdk standalone}
 * in this JVM, against a broker in a child JVM ({@link EmbeddedKafkaProcess}, so that the archive holds
 * the worker's classes and not the broker's: the JVM relocates the whole archive when it maps it, so
 * every archived class costs resident memory), with a source writing {@value #RECORDS} struct records
 * through JsonConverter into a topic and a sink reading them back, both loaded from a throw-away
 * plugin jar on {@code plugin.path}; then it reads the REST API and exits, which stops the worker
 * through the same shutdown hook as Ctrl-C. Everything lives in a temporary directory, deleted at the
 * end; nothing touches a user's Kafka, topics or offsets.
 *
 * <p>Exit codes: {@code 0} done (the archive is worth keeping); {@code 1} something failed or took
 * longer than {@value #TIMEOUT_SECONDS} s (one line on stderr; the launcher then keeps no archive).
 */
public final class ClassDataSharingWarmup {
    /** Records the source writes and the sink waits for. */
    static final int RECORDS = 2000;
    /** The bound of the whole run. */
    static final int TIMEOUT_SECONDS = 90;
    private static final Pattern REST = Pattern.compile("REST API\\s+(http://\\S+?)/?\\s");
    private static final List<Class<?>> PLUGIN_CLASSES = List.of(WarmupSourceConnector.class, WarmupSourceTask.class,
            WarmupSinkConnector.class, WarmupSinkTask.class);

    private ClassDataSharingWarmup() {
    }

    /**
     * Runs the warm-up and exits the JVM: 0 when done, 1 with a message on stderr otherwise.
     *
     * @param args none
     */
    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.logFile", System.getProperty("org.slf4j.simpleLogger.logFile", "System.err"));
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "error"));
        int code;
        Path dir = null;
        Process broker = null;
        Thread standalone = null;
        try {
            dir = Files.createTempDirectory("connect-sdk-cds-warmup");
            broker = startBroker(dir.resolve("kafka"));
            standalone = start(dir, readBootstrap(broker));
            await(dir, standalone);
            code = 0;
        } catch (Exception e) {
            System.err.println("connect-sdk: the class-data-sharing warm-up failed, starting without an archive: " + e.getMessage());
            code = 1;
        }
        Path created = dir;
        Process child = broker;
        Thread running = standalone;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (running != null) {
                    running.join(30_000); // the worker's own hook stops it; the broker and the files go after that
                }
                if (child != null) {
                    stopBroker(child);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deleteQuietly(created);
        }, "connect-sdk-warmup-cleanup"));
        System.exit(code); // runs the worker's and the broker's shutdown hooks, as Ctrl-C does
    }

    /**
     * @param storage the broker's storage directory
     * @return a JVM running {@link EmbeddedKafkaProcess} on this JVM's class path
     * @throws IOException when it cannot be started
     */
    static Process startBroker(Path storage) throws IOException {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), EmbeddedKafkaProcess.class.getName(), storage.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().remove("JAVA_TOOL_OPTIONS"); // nothing of this JVM's archiving for the broker's
        return pb.start();
    }

    /**
     * @param broker what {@link #startBroker} returned
     * @return the broker's bootstrap address, once it runs
     * @throws Exception when the broker stopped or did not report within the bound
     */
    static String readBootstrap(Process broker) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                    if (l.startsWith(EmbeddedKafkaProcess.READY_PREFIX)) {
                        return l.substring(EmbeddedKafkaProcess.READY_PREFIX.length()).trim();
                    }
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String bootstrap;
        try {
            bootstrap = line.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not start within " + TIMEOUT_SECONDS + " s");
        }
        if (bootstrap == null) {
            throw new IllegalStateException("the broker process stopped before it ran (see the lines above)");
        }
        return bootstrap;
    }

    /** Closes the broker's stdin (its signal to stop) and waits for it, within a bound. */
    static void stopBroker(Process broker) throws InterruptedException {
        try {
            broker.getOutputStream().close();
        } catch (IOException e) {
            // already gone
        }
        if (!broker.waitFor(30, TimeUnit.SECONDS)) {
            broker.destroyForcibly();
        }
    }

    /**
     * Starts {@code connect-sdk standalone} with the warm-up pipeline in {@code dir}, on a daemon
     * thread of its own.
     *
     * @param dir an empty, writable directory
     * @param bootstrap the broker's address
     * @return the thread running the command; it ends when the command stops
     * @throws IOException when the files cannot be written
     */
    static Thread start(Path dir, String bootstrap) throws IOException {
        Path plugins = dir.resolve("plugins");
        writePluginJar(plugins.resolve("warmup").resolve("warmup-plugin.jar"));
        Path marker = dir.resolve("sink-done");
        Path worker = write(dir.resolve("worker.properties"),
                "bootstrap.servers=" + bootstrap,
                "key.converter=StringConverter",
                "value.converter=JsonConverter",
                "value.converter.schemas.enable=false",
                "offset.storage.file.filename=" + dir.resolve("offsets.json"),
                "offset.flush.interval.ms=500",
                "listeners=http://127.0.0.1:0",
                "plugin.path=" + plugins);
        Path source = write(dir.resolve("source.properties"),
                "name=warmup-source",
                "connector.class=" + WarmupSourceConnector.class.getName(),
                "tasks.max=1",
                "topic=warmup",
                WarmupSourceConnector.RECORDS + "=" + RECORDS);
        Path sink = write(dir.resolve("sink.properties"),
                "name=warmup-sink",
                "connector.class=" + WarmupSinkConnector.class.getName(),
                "tasks.max=1",
                "topics=warmup",
                WarmupSinkConnector.RECORDS + "=" + RECORDS,
                WarmupSinkConnector.MARKER + "=" + marker);

        Thread standalone = new StandaloneThread(List.of("standalone", worker.toString(),
                source.toString(), sink.toString()));
        standalone.start();
        return standalone;
    }

    /**
     * Waits until the sink got every record, then reads the REST API.
     *
     * @param dir the directory given to {@link #start}
     * @param thread what {@link #start} returned
     * @throws Exception naming what failed or took too long
     */
    static void await(Path dir, Thread thread) throws Exception {
        StandaloneThread standalone = (StandaloneThread) thread;
        Path marker = dir.resolve("sink-done");
        long deadline = System.nanoTime() + TIMEOUT_SECONDS * 1_000_000_000L;
        String rest = null;
        while (rest == null || !Files.exists(marker)) {
            if (!standalone.isAlive()) {
                throw new IllegalStateException("connect-sdk standalone stopped with exit code " + standalone.exit + ": "
                        + standalone.errors.toString().strip());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pipeline did not move " + RECORDS + " records within " + TIMEOUT_SECONDS
                        + " s" + (rest == null ? " (no REST API in the banner yet)" : ""));
            }
            if (rest == null) {
                Matcher m = REST.matcher(standalone.banner.toString());
                rest = m.find() ? m.group(1) : null;
            }
            Thread.sleep(20); // polling the worker started in this JVM; bounded by the deadline above
        }
        for (String path : List.of("/", "/connectors?expand=status&expand=info", "/connectors/warmup-source/status",
                "/connectors/warmup-sink/config", "/connectors/warmup-sink/offsets", "/connector-plugins",
                "/connectors/none")) {
            get(URI.create(rest + path));
        }
    }

    /** {@code connect-sdk} in this JVM, its output kept. */
    private static final class StandaloneThread extends Thread {
        final StringWriter banner = new StringWriter();
        final StringWriter errors = new StringWriter();
        private final List<String> args;
        volatile int exit = -1;

        StandaloneThread(List<String> args) {
            super("connect-sdk-warmup");
            this.args = args;
            setDaemon(true);
        }

        @Override
        public void run() {
            exit = Main.execute(new PrintWriter(banner, true), new PrintWriter(errors, true), args.toArray(new String[0]));
        }
    }

    private static void get(URI uri) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setConnectTimeout(10_000);
        c.setReadTimeout(10_000);
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        if (status >= 500) {
            throw new IOException("GET " + uri + " answered " + status);
        }
    }

    /** Writes the four warm-up plugin classes, read from this class's own jar, and their service files. */
    private static void writePluginJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (Class<?> type : PLUGIN_CLASSES) {
                String entry = type.getName().replace('.', '/') + ".class";
                try (InputStream in = ClassDataSharingWarmup.class.getClassLoader().getResourceAsStream(entry)) {
                    if (in == null) {
                        throw new IOException("class file " + entry + " is not on the class path");
                    }
                    zip.putNextEntry(new JarEntry(entry));
                    in.transferTo(zip);
                }
            }
            zip.putNextEntry(new JarEntry("META-INF/services/io.connectsdk.api.source.SourceConnector"));
            zip.write((WarmupSourceConnector.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new JarEntry("META-INF/services/io.connectsdk.api.sink.SinkConnector"));
            zip.write((WarmupSinkConnector.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Path write(Path file, String... lines) throws IOException {
        // properties files: escape backslashes (Windows-style paths) so that values survive Properties.load
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            b.append(line.replace("\\", "\\\\")).append('\n');
        }
        return Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a temporary directory
        }
    }
}
