package io.connectsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.runtime.plugin.fixtures.PluginFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs bin/connect-sdk after `mvn package`, as a user would. */
class LauncherIT {
    /** The major version in a JDK's {@code release} file. */
    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)");
    private static final Path LAUNCHER = Paths.get(System.getProperty("connectsdk.launcher", "../bin/connect-sdk"));

    private record Result(int exitCode, String out, String err) {
    }

    private static Result launch(String... args) throws IOException, InterruptedException {
        return launchWith(Paths.get(System.getProperty("java.home")), args);
    }

    private static Result launchWith(Path javaHome, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().put("CONNECT_SDK_BUILD_DIR", System.getProperty("connectsdk.build.dir.name", "target"));
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("launcher finished").isTrue();
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void theLauncherRunsThePackagedCli() throws Exception {
        assertThat(LAUNCHER).isExecutable();
        Result version = launch("--version");
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("connect-sdk 0.1.0-SNAPSHOT");

        PluginFixtures fixtures = PluginFixtures.get();
        Result bad = launch("validate", fixtures.missingClassJar.toString());
        assertThat(bad.exitCode()).as(bad.err()).isEqualTo(1);
        assertThat(bad.out()).contains("ERROR SERVICE_CLASS_MISSING");

        Result good = launch("validate", "--format", "json", fixtures.goodJar.toString());
        assertThat(good.exitCode()).as(good.err()).isZero();
        assertThat(good.out()).contains("\"passed\" : true");

        Result missing = launch("validate", "/no/such/plugin.jar");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("connect-sdk validate: /no/such/plugin.jar does not exist");
    }

    /**
     * A stand-in JDK: {@code bin/java} prints its arguments one per line, {@code release} names the
     * given version, as a real JDK's does.
     */
    private static Path fakeJdk(Path dir, String javaVersion) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Files.writeString(dir.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + javaVersion + "\"\n");
        return dir;
    }

    @Test
    void onJava24AndLaterTheLauncherAllowsKafkasUnsafeMemoryAccessQuietly(@TempDir Path tmp) throws Exception {
        String option = "--sun-misc-unsafe-memory-access=allow";
        Result java25 = launchWith(fakeJdk(tmp.resolve("jdk25"), "25.0.3"), "--version");
        assertThat(java25.exitCode()).as(java25.err()).isZero();
        assertThat(java25.out().lines()).contains(option, "io.connectsdk.cli.Main", "--version");

        Result java24 = launchWith(fakeJdk(tmp.resolve("jdk24"), "24"), "--version");
        assertThat(java24.out().lines()).contains(option);

        // Java 17 to 22 do not know the option and would refuse to start with it
        for (String version : List.of("17.0.15", "21.0.2", "22")) {
            Result older = launchWith(fakeJdk(tmp.resolve("jdk" + version), version), "--version");
            assertThat(older.exitCode()).as(older.err()).isZero();
            assertThat(older.out().lines()).as(version).contains("io.connectsdk.cli.Main").doesNotContain(option);
        }
        // no release file (a JRE image without one, a wrapper script): nothing is added
        Path bare = fakeJdk(tmp.resolve("bare"), "25");
        Files.delete(bare.resolve("release"));
        assertThat(launchWith(bare, "--version").out().lines()).contains("io.connectsdk.cli.Main").doesNotContain(option);
    }

    /** The option works with a real JDK 24 or later when the machine has one beside the build's JDK. */
    @Test
    void aRealJava24OrLaterRunsTheCliWithTheOption() throws Exception {
        Path jdk = newerJdk(24);
        Assumptions.assumeTrue(jdk != null, "no JDK 24 or later beside " + System.getProperty("java.home"));
        Result version = launchWith(jdk, "--version");
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("connect-sdk 0.1.0-SNAPSHOT");
        assertThat(version.err()).doesNotContain("Unrecognized option");
    }

    /** @return a JDK of at least the given major version next to the running one (e.g. in /usr/lib/jvm), or null */
    private static Path newerJdk(int minMajor) throws IOException {
        Path home = Paths.get(System.getProperty("java.home")).toRealPath();
        Path parent = home.getParent();
        if (parent == null) {
            return null;
        }
        try (var dirs = Files.list(parent)) {
            for (Path dir : dirs.sorted().toList()) {
                Path release = dir.resolve("release");
                if (!Files.isRegularFile(release) || !Files.isExecutable(dir.resolve("bin/java"))) {
                    continue;
                }
                for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
                    Matcher m = JAVA_VERSION.matcher(line);
                    if (m.find() && Integer.parseInt(m.group(1)) >= minMajor) {
                        return dir;
                    }
                }
            }
        }
        return null;
    }
}
