package io.connectsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/connect-sdk's class-data sharing: the first {@code standalone} start runs the warm-up and
 * keeps its archive; the next start maps the worker's classes from it, also with extra jars in
 * {@code CLASSPATH}; {@code CONNECT_SDK_CDS=off} starts without it.
 */
class LauncherClassDataSharingIT {
    private static final Path LAUNCHER = Paths.get(System.getProperty("connectsdk.launcher", "../bin/connect-sdk"));
    private static final String WORKER_CLASS = "io.connectsdk.runtime.worker.Worker";

    @TempDir
    Path dir;

    private record Run(String out, String err, String classes) {
    }

    private Run start(String name, Map<String, String> env) throws Exception {
        return start(name, env, "listeners=http://127.0.0.1:0");
    }

    private Run start(String name, Map<String, String> env, String... workerLines) throws Exception {
        Path worker = dir.resolve(name + "-worker.properties");
        Files.writeString(worker, String.join("\n", "bootstrap.servers=127.0.0.1:9092", "key.converter=StringConverter",
                "value.converter=StringConverter", "offset.storage.file.filename=" + dir.resolve("offsets.json"),
                String.join("\n", workerLines), ""));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Path classes = dir.resolve(name + ".classes");
        ProcessBuilder pb = new ProcessBuilder(List.of(LAUNCHER.toString(), "standalone", "--embedded-kafka", worker.toString()))
                .directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("CONNECT_SDK_BUILD_DIR", System.getProperty("connectsdk.build.dir.name", "target"));
        pb.environment().put("CONNECT_SDK_CDS_DIR", dir.resolve("cds").toString());
        pb.environment().put("JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> read(out).contains(StandaloneBanner.RUNNING) || !p.isAlive());
            assertThat(p.isAlive()).as("%s\n%s", read(out), read(err)).isTrue();
        } finally {
            p.destroy(); // SIGTERM: the worker and the broker stop cleanly
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        return new Run(read(out), read(err), read(classes));
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("cds"))) {
            return files.filter(f -> f.getFileName().toString().matches("connect-sdk-\\d+\\.jsa")).toList();
        }
    }

    private static String loadLine(String classes, String className) {
        return classes.lines().filter(l -> l.contains(" " + className + " source:")).findFirst().orElse("(not loaded)");
    }

    @Test
    void helpRunsNoWarmUp() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(LAUNCHER.toString(), "standalone", "--help"))
                .redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("CONNECT_SDK_BUILD_DIR", System.getProperty("connectsdk.build.dir.name", "target"));
        pb.environment().put("CONNECT_SDK_CDS_DIR", dir.resolve("cds").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).startsWith("Usage: connect-sdk standalone").doesNotContain("class-data-sharing");
        assertThat(dir.resolve("cds")).doesNotExist();
    }

    @Test
    void aFailedWarmUpIsReportedOnceAndTheCommandStillRuns() throws Exception {
        // the warm-up cannot create its temporary directory; the command then runs (and reports the missing file)
        Map<String, String> env = Map.of("CONNECT_SDK_JVM_PERFORMANCE_OPTS",
                "-XX:+UseSerialGC -Djava.io.tmpdir=" + dir.resolve("no-such-dir"));
        String first = launchToEnd(env, "standalone", dir.resolve("missing.properties").toString());
        assertThat(first).contains("the warm-up failed", ".failed to retry", "missing.properties");
        try (Stream<Path> files = Files.list(dir.resolve("cds"))) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.endsWith(".jsa.failed"))
                    .noneMatch(n -> n.endsWith(".jsa"));
        }
        String second = launchToEnd(env, "standalone", dir.resolve("missing.properties").toString());
        assertThat(second).doesNotContain("warm-up", "class-data-sharing").contains("missing.properties");
    }

    private String launchToEnd(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("CONNECT_SDK_BUILD_DIR", System.getProperty("connectsdk.build.dir.name", "target"));
        pb.environment().put("CONNECT_SDK_CDS_DIR", dir.resolve("cds").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(out).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(Main.EXIT_USAGE);
        return out;
    }

    @Test
    void theFirstStartCreatesTheArchiveAndTheNextStartsMapTheWorkersClassesFromIt() throws Exception {
        Run first = start("first", Map.of());
        assertThat(first.err()).contains("preparing the class-data-sharing archive").doesNotContain("warm-up failed");
        assertThat(archives()).hasSize(1);
        assertThat(Files.size(archives().get(0))).isPositive();

        Run second = start("second", Map.of());
        assertThat(second.err()).doesNotContain("preparing the class-data-sharing archive");
        assertThat(loadLine(second.classes(), WORKER_CLASS)).contains("source: shared objects file");
        assertThat(archives()).hasSize(1);

        // CLASSPATH adds jars after the CLI's (here: a config provider the worker file uses), and the archive
        // still serves the CLI's classes
        String testClasses = Paths.get(StaticConfigProvider.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toString();
        Run extra = start("classpath", Map.of("CLASSPATH", testClasses), "config.providers=static",
                "config.providers.static.class=" + StaticConfigProvider.class.getName(), "listeners=${static:listeners}");
        assertThat(loadLine(extra.classes(), StaticConfigProvider.class.getName())).contains("source: file:");
        assertThat(loadLine(extra.classes(), WORKER_CLASS)).contains("source: shared objects file");
        assertThat(archives()).hasSize(1);

        Run off = start("off", Map.of("CONNECT_SDK_CDS", "off"));
        assertThat(off.err()).doesNotContain("class-data-sharing");
        assertThat(loadLine(off.classes(), WORKER_CLASS)).contains("source: file:").doesNotContain("shared objects file");
    }
}
