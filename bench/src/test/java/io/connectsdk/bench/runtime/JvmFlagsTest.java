package io.connectsdk.bench.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmFlagsTest {
    /** The real launcher of the repository: the benchmark must be able to read its defaults. */
    private static final Path LAUNCHER = Path.of("..", "bin", "connect-sdk");

    @Test
    void launcherModeReadsOurDefaultsFromTheRealLauncherAndGivesThemToTheRawClients() throws Exception {
        JvmFlags flags = JvmFlags.of(JvmFlags.LAUNCHER, "1g", LAUNCHER);
        String script = Files.readString(LAUNCHER);
        assertThat(flags.forContender("ours")).isNotEmpty().allSatisfy(option -> assertThat(script).contains(option));
        assertThat(flags.forContender("ours")).anySatisfy(o -> assertThat(o).startsWith("-Xmx"));
        assertThat(flags.forContender("raw")).isEqualTo(flags.forContender("ours"));
        assertThat(flags.forContender("connect")).startsWith("-Xms256M", "-Xmx2G").contains("-XX:+UseG1GC");
    }

    @Test
    void identicalModeGivesEveryContenderTheSameHeapLimit() {
        JvmFlags flags = JvmFlags.of(JvmFlags.IDENTICAL, "512m", LAUNCHER);
        assertThat(flags.forContender("ours")).containsExactly("-Xmx512m");
        assertThat(flags.forContender("connect")).containsExactly("-Xmx512m");
        assertThat(flags.forContender("raw")).containsExactly("-Xmx512m");
    }

    @Test
    void aLauncherWithoutTheDefaultsLineIsNamedInTheError(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("connect-sdk");
        Files.writeString(script, "#!/bin/sh\n: \"${CONNECT_SDK_HEAP_OPTS=-Xmx1g}\"\nexec java\n");
        assertThatThrownBy(() -> JvmFlags.of(JvmFlags.LAUNCHER, "1g", script))
                .hasMessageContaining(script.toAbsolutePath().toString())
                .hasMessageContaining("CONNECT_SDK_JVM_PERFORMANCE_OPTS");
        assertThatThrownBy(() -> JvmFlags.of("fast", "1g", script)).hasMessageContaining("unknown --jvm mode 'fast'");
    }
}
