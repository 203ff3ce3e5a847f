package io.connectsdk.bench.testkit;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Times the cold start of {@code @ConnectTest}: each run is a fresh JVM that runs
 * {@link ColdStartProbe} through the JUnit Platform, as Surefire's forked JVM does, and reports
 * how long it took from the JVM's start to the first record asserted, and where the time went.
 *
 * <pre>
 * java -cp BENCH_CP io.connectsdk.bench.testkit.ConnectTestColdStart --runs 10 \
 *      --classpath CHILD_CP --plugin-classes examples/file/target/classes
 * </pre>
 * {@code CHILD_CP} is a plugin project's test class path (the file example's, with the test kit,
 * JUnit and the launcher) plus this module's classes; {@code bench/testkit-cold-start.sh} builds
 * it and runs this. Prints one line per run and a Markdown table (min / median / max).
 */
public final class ConnectTestColdStart {
    private static final Pattern RESULT = Pattern.compile("(\\w+)=(-?\\d+)");
    private static final Pattern READY = Pattern.compile("Connect cluster ready in (\\d+) ms .*Kafka \\w+ ready in (\\d+) ms;"
            + " plugin discovery and REST in (\\d+) ms, in parallel; worker start (\\d+) ms");

    private ConnectTestColdStart() {
    }

    /**
     * @param args {@code --child}, or {@code --runs N --classpath CP --plugin-classes DIR}
     * @throws Exception when a run cannot be started
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            System.exit(child());
        }
        int runs = 10;
        String classpath = null;
        String pluginClasses = null;
        List<String> jvmArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--classpath" -> classpath = args[++i];
                case "--plugin-classes" -> pluginClasses = args[++i];
                case "--jvm-arg" -> jvmArgs.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (classpath == null || pluginClasses == null) {
            throw new IllegalArgumentException("usage: --runs N --classpath CHILD_CP --plugin-classes DIR [--jvm-arg ARG]...");
        }
        parent(runs, classpath, pluginClasses, jvmArgs);
    }

    private static void parent(int runs, String classpath, String pluginClasses, List<String> jvmArgs) throws Exception {
        Map<String, List<Long>> figures = new LinkedHashMap<>();
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        for (int run = 1; run <= runs; run++) {
            Path log = Files.createTempFile("connect-sdk-cold-start-", ".log");
            List<String> command = new ArrayList<>(List.of(java, "-cp", classpath));
            command.addAll(jvmArgs);
            command.addAll(List.of("-Dconnectsdk.plugin.classes=" + pluginClasses,
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-Dorg.slf4j.simpleLogger.log.io.connectsdk.testkit.connect.ConnectCluster=info",
                    ConnectTestColdStart.class.getName(), "--child"));
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("run " + run + " did not finish in 5 minutes; see " + log);
            }
            long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("run " + run + " failed (exit " + p.exitValue() + "):\n" + output);
            }
            Map<String, Long> r = new LinkedHashMap<>();
            for (String line : output.split("\\R")) {
                if (line.startsWith("RESULT ")) {
                    Matcher m = RESULT.matcher(line);
                    while (m.find()) {
                        r.put(m.group(1), Long.parseLong(m.group(2)));
                    }
                }
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    r.put("clusters_ready", Long.parseLong(ready.group(1)));
                    r.put("kafka_start", Long.parseLong(ready.group(2)));
                    r.put("plugin_discovery_and_rest", Long.parseLong(ready.group(3)));
                    r.put("worker_start", Long.parseLong(ready.group(4)));
                }
            }
            r.put("process_wall", wall);
            Files.delete(log);
            System.out.println("run " + run + ": " + r);
            r.forEach((k, v) -> figures.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        System.out.println();
        System.out.println("| measurement (ms) | runs | min | median | max |");
        System.out.println("|---|---|---|---|---|");
        figures.forEach((name, values) -> {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            long median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", name, sorted.size(), sorted.get(0), median,
                    sorted.get(sorted.size() - 1));
        });
    }

    /** Runs {@link ColdStartProbe} in this JVM; prints the timings as one {@code RESULT} line. */
    private static int child() {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainStart = System.currentTimeMillis();
        long[] testStart = {-1};
        long[] classStart = {-1};
        long[] cpuAtFirstRecord = {-1};
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        long[] testEnd = {-1};
        TestExecutionResult[] result = {null};
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                if (id.isTest()) {
                    testStart[0] = System.currentTimeMillis();
                } else if (id.getSource().filter(src -> src instanceof org.junit.platform.engine.support.descriptor.ClassSource cs
                        && cs.getClassName().equals(ColdStartProbe.class.getName())).isPresent()) {
                    classStart[0] = System.currentTimeMillis();
                }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult r) {
                if (id.isTest()) {
                    testEnd[0] = System.currentTimeMillis();
                    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                        cpuAtFirstRecord[0] = TimeUnit.NANOSECONDS.toMillis(sun.getProcessCpuTime());
                    }
                }
                if (result[0] == null || r.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    result[0] = r;
                }
            }
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(ColdStartProbe.class)).build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, listener);
        long end = System.currentTimeMillis();
        if (result[0] == null || result[0].getStatus() != TestExecutionResult.Status.SUCCESSFUL || testEnd[0] < 0) {
            System.out.println("FAILED " + result[0]);
            result[0].getThrowable().ifPresent(Throwable::printStackTrace);
            return 1;
        }
        System.out.println("RESULT jvm_start_to_first_record=" + (testEnd[0] - jvmStart)
                + " jvm_start_to_main=" + (mainStart - jvmStart)
                + " main_to_class_start=" + (classStart[0] - mainStart)
                + " class_start_to_test_start=" + (testStart[0] - classStart[0])
                + " cpu_time_to_first_record=" + cpuAtFirstRecord[0]
                + " test_start_to_first_record=" + (testEnd[0] - testStart[0])
                + " teardown=" + (end - testEnd[0]));
        return 0;
    }
}
