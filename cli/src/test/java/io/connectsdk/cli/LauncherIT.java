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
import org.junit.jupiter.api.Test;

/** Runs bin/connect-sdk after `mvn package`, as a user would. */
class LauncherIT {
    private static final Path LAUNCHER = Paths.get(System.getProperty("connectsdk.launcher", "../bin/connect-sdk"));

    private record Result(int exitCode, String out, String err) {
    }

    private static Result launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
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
}
