package io.connectsdk.bench.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM options of each contender's JVM.
 *
 * <ul>
 *   <li>{@value #LAUNCHER} (the default): each runtime as its own launcher runs it. Ours: the
 *       defaults {@code bin/connect-sdk} sets ({@code CONNECT_SDK_HEAP_OPTS},
 *       {@code CONNECT_SDK_JVM_PERFORMANCE_OPTS}), read from the script itself so that they cannot
 *       drift apart. Kafka Connect 4.4: {@code connect-standalone.sh}'s {@code KAFKA_HEAP_OPTS}
 *       ({@code -Xms256M -Xmx2G}) and {@code kafka-run-class.sh}'s
 *       {@code KAFKA_JVM_PERFORMANCE_OPTS}. The raw clients run with ours, so that ours / raw
 *       compares the runtime, not JVM options.</li>
 *   <li>{@value #IDENTICAL}: every contender with {@code -Xmx<size>} and the JVM's defaults
 *       (G1 on this machine).</li>
 * </ul>
 */
final class JvmFlags {
    static final String LAUNCHER = "launcher";
    static final String IDENTICAL = "identical";

    /** {@code connect-standalone.sh} 4.4: {@code KAFKA_HEAP_OPTS} when unset. */
    static final List<String> KAFKA_CONNECT_HEAP = List.of("-Xms256M", "-Xmx2G");
    /** {@code kafka-run-class.sh} 4.4: {@code KAFKA_JVM_PERFORMANCE_OPTS} when unset. */
    static final List<String> KAFKA_CONNECT_PERFORMANCE = List.of("-server", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
            "-XX:InitiatingHeapOccupancyPercent=35", "-XX:+ExplicitGCInvokesConcurrent", "-XX:MaxInlineLevel=15",
            "-Djava.awt.headless=true");

    /** What {@code bin/connect-sdk} adds so that the JVM says nothing about class-data sharing. */
    static final List<String> QUIET_CDS = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private final String mode;
    private final Map<String, List<String>> byContender;
    private final boolean classDataSharing;
    private final String archiveNote;

    private JvmFlags(String mode, Map<String, List<String>> byContender, boolean classDataSharing, String archiveNote) {
        this.mode = mode;
        this.byContender = byContender;
        this.classDataSharing = classDataSharing;
        this.archiveNote = archiveNote;
    }

    /**
     * @param mode {@value #LAUNCHER} or {@value #IDENTICAL}
     * @param xmx the heap limit of {@value #IDENTICAL}
     * @param launcher our launcher script, read in {@value #LAUNCHER} mode
     * @return the options per contender
     */
    static JvmFlags of(String mode, String xmx, Path launcher) {
        if (IDENTICAL.equals(mode)) {
            List<String> same = List.of("-Xmx" + xmx);
            return new JvmFlags(mode, Map.of("ours", same, "connect", same, "raw", same), false, null);
        }
        if (!LAUNCHER.equals(mode)) {
            throw new IllegalArgumentException("unknown --jvm mode '" + mode + "' (" + LAUNCHER + ", " + IDENTICAL + ")");
        }
        List<String> ours = new ArrayList<>(launcherDefault(launcher, "CONNECT_SDK_HEAP_OPTS"));
        ours.addAll(launcherDefault(launcher, "CONNECT_SDK_JVM_PERFORMANCE_OPTS"));
        List<String> connect = new ArrayList<>(KAFKA_CONNECT_HEAP);
        connect.addAll(KAFKA_CONNECT_PERFORMANCE);
        boolean cds = launcherDefault(launcher, "CONNECT_SDK_CDS").equals(List.of("on"));
        return new JvmFlags(mode, Map.of("ours", List.copyOf(ours), "connect", List.copyOf(connect), "raw", List.copyOf(ours)),
                cds, null);
    }

    /**
     * @return whether our launcher runs {@code standalone} with a class-data-sharing archive
     *     ({@code CONNECT_SDK_CDS=on} in {@value #LAUNCHER} mode), which the benchmark then creates
     *     the way the launcher does and gives to our worker and the raw clients
     */
    boolean classDataSharing() {
        return classDataSharing;
    }

    /** @return these flags without class-data sharing ({@code --cds off}) */
    JvmFlags withoutClassDataSharing() {
        return new JvmFlags(mode, byContender, false, null);
    }

    /**
     * @param archive where the warm-up JVM writes the archive
     * @return the options of the launcher's warm-up JVM (ours, plus dumping the loaded classes at exit)
     */
    List<String> forWarmup(Path archive) {
        List<String> flags = new ArrayList<>(forContender("ours"));
        flags.addAll(QUIET_CDS);
        flags.add("-XX:ArchiveClassesAtExit=" + archive);
        return flags;
    }

    /**
     * @param archive the archive the warm-up wrote
     * @param note how it was made, for the report
     * @return these flags with the archive mapped by our worker's and the raw clients' JVMs, as the
     *     launcher maps it on every start after the first
     */
    JvmFlags withSharedArchive(Path archive, String note) {
        List<String> shared = new ArrayList<>(forContender("ours"));
        shared.add("-XX:SharedArchiveFile=" + archive);
        shared.addAll(QUIET_CDS);
        return new JvmFlags(mode, Map.of("ours", List.copyOf(shared), "connect", forContender("connect"),
                "raw", List.copyOf(shared)), true, note);
    }

    /**
     * @return the default the launcher gives {@code variable}, from its {@code : "${VAR=default}"} line
     * @throws IllegalStateException naming the script and the variable when the line is not there
     */
    static List<String> launcherDefault(Path launcher, String variable) {
        String script;
        try {
            script = Files.readString(launcher);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the launcher " + launcher.toAbsolutePath()
                    + " for its JVM defaults (run the benchmark from the repository root, or use --jvm identical)", e);
        }
        Matcher m = Pattern.compile("^: \"\\$\\{" + Pattern.quote(variable) + "=([^}]*)}\"$", Pattern.MULTILINE).matcher(script);
        if (!m.find()) {
            throw new IllegalStateException(launcher.toAbsolutePath() + " has no line ': \"${" + variable
                    + "=<default options>}\"' to read the JVM defaults from");
        }
        String value = m.group(1).trim();
        return value.isEmpty() ? List.of() : Arrays.asList(value.split("\\s+"));
    }

    /** @return the JVM options of the contender's JVM ({@code rawdecode} runs as {@code raw} does) */
    List<String> forContender(String contender) {
        List<String> flags = byContender.get("rawdecode".equals(contender) ? "raw" : contender);
        if (flags == null) {
            throw new IllegalArgumentException("unknown contender " + contender);
        }
        return flags;
    }

    /** @return one Markdown sentence for the report */
    String describe() {
        if (IDENTICAL.equals(mode)) {
            return "JVM options (`--jvm identical`): `" + String.join(" ", forContender("ours"))
                    + "` and the JVM's defaults (G1) for all three.";
        }
        return "JVM options (`--jvm launcher`), as each runtime's launcher sets them: connect-sdk `"
                + String.join(" ", forContender("ours")).replaceAll("-XX:SharedArchiveFile=\\S+", "-XX:SharedArchiveFile=<archive>")
                + "` (`bin/connect-sdk`" + (archiveNote == null ? "" : "; " + archiveNote) + "); Kafka Connect `"
                + String.join(" ", forContender("connect")) + "` (`connect-standalone.sh` + `kafka-run-class.sh` 4.4); "
                + "raw clients with connect-sdk's.";
    }
}
