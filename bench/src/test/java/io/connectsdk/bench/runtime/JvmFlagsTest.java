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
    void launcherModeFollowsTheLaunchersClassDataSharingAndMapsTheArchiveForOursAndRawOnly() {
        JvmFlags flags = JvmFlags.of(JvmFlags.LAUNCHER, "1g", LAUNCHER);
        assertThat(flags.classDataSharing()).as("bin/connect-sdk defaults to CONNECT_SDK_CDS=on").isTrue();
        Path archive = Path.of("/tmp/x.jsa");
        assertThat(flags.forWarmup(archive)).startsWith(flags.forContender("ours").toArray(new String[0]))
                .contains("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off");

        JvmFlags shared = flags.withSharedArchive(archive, "made by the warm-up");
        assertThat(shared.forContender("ours")).contains("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off");
        assertThat(shared.forContender("raw")).isEqualTo(shared.forContender("ours"));
        assertThat(shared.forContender("connect")).isEqualTo(flags.forContender("connect"))
                .noneSatisfy(o -> assertThat(o).contains("SharedArchive"));
        assertThat(shared.describe()).contains("-XX:SharedArchiveFile=<archive>", "made by the warm-up");
        assertThat(flags.withoutClassDataSharing().classDataSharing()).isFalse();
        assertThat(JvmFlags.of(JvmFlags.IDENTICAL, "1g", LAUNCHER).classDataSharing()).isFalse();
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
        // (CONNECT_SDK_CDS is read after these two, so the first missing line is named)
        assertThatThrownBy(() -> JvmFlags.of(JvmFlags.LAUNCHER, "1g", script))
                .hasMessageContaining(script.toAbsolutePath().toString())
                .hasMessageContaining("CONNECT_SDK_JVM_PERFORMANCE_OPTS");
        assertThatThrownBy(() -> JvmFlags.of("fast", "1g", script)).hasMessageContaining("unknown --jvm mode 'fast'");
    }
}
