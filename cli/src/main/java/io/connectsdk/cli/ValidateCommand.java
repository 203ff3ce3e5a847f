package io.connectsdk.cli;

import io.connectsdk.runtime.inspect.InspectionReport;
import io.connectsdk.runtime.inspect.PluginInspector;
import io.connectsdk.runtime.inspect.ReportWriter;
import io.connectsdk.runtime.plugin.PluginLocation;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code connect-sdk validate}: checks plugin locations the way the runtime will load them. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Checks packaged plugins before deployment, loading them in isolation exactly as the runtime will.",
            "",
            "A <path> is one plugin location: an uber-jar, a directory of jars (and/or classes), or a plugin archive"
                + " (.zip with the jars in lib/). Several paths are checked as if installed together.",
            "",
            "Every finding has a stable id, a severity (ERROR, WARNING, INFO), the jar and class concerned, and a hint."
                + " Checked: service files (META-INF/services/io.connectsdk.api.*) name public, concrete classes of the"
                + " right type whose public no-argument constructor does not throw; plugin classes are registered;"
                + " version() is set (not null, blank or an unexpanded $${...}); config() works and documents every key;"
                + " no bundled copies of connect-sdk's SPI, SLF4J, JDK or Kafka classes; packages shared with the"
                + " runtime; duplicate classes and SLF4J bindings; bytecode no newer than --java; aliases that clash"
                + " with other plugins or the built-ins.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no errors (with --strict: no warnings either)",
            "1:errors found (with --strict: errors or warnings)",
            "2:bad usage, or a path that is missing or not a jar, .zip or directory",
            "3:internal error of connect-sdk",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  connect-sdk validate target/acme-connector-1.0.0.zip",
            "  connect-sdk validate --strict --format json build/plugin/ > validate.json",
            "  connect-sdk validate --plugin-path /opt/connect/plugins --java 17",
        })
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<path>", arity = "0..*",
            description = "Plugin locations to check: a jar, a directory or a .zip plugin archive.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--plugin-path", paramLabel = "<dirs>",
            description = "Also check every location inside these comma-separated directories (a plugin.path value).")
    String pluginPath;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Report format (default: ${DEFAULT-VALUE}). The JSON shape is stable:"
                    + " {locations:[{path,kind,plugins:[{class,type,version,jar}],findings:[{id,severity,jar,class,message,hint}],summary}],summary:{...,passed}}.")
    OutputFormat format;

    @Option(names = "--strict", description = "Fail (exit 1) on warnings too.")
    boolean strict;

    @Option(names = "--java", paramLabel = "<release>",
            description = "The Java release the runtime runs on, for the bytecode check (default: this JVM's, ${DEFAULT-VALUE}).")
    int javaRelease = Runtime.version().feature();

    @Option(names = "--timeout", paramLabel = "<time>", defaultValue = "10s", converter = TimeoutConverter.class,
            description = "How long one call into plugin code (constructor, version(), config()) may take, e.g. 10s or 500ms"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--extract-to", paramLabel = "<dir>",
            description = "Where .zip plugin archives are extracted (default: ${java.io.tmpdir}/connect-sdk-plugins;"
                    + " an unchanged archive is extracted once).")
    Path extractTo;

    @Override
    public Integer call() {
        List<Path> locations = new ArrayList<>(paths);
        if (pluginPath != null) {
            List<Path> found = PluginLocation.locationsIn(pluginPath);
            if (found.isEmpty()) {
                throw new Main.UsageError("--plugin-path " + pluginPath + " holds no plugin location (directory, .jar or .zip)");
            }
            locations.addAll(found);
        }
        if (locations.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing <path>: name at least one plugin location, or use --plugin-path");
        }
        if (javaRelease < 8) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--java must be 8 or later, got " + javaRelease);
        }
        PluginInspector.Builder builder = PluginInspector.builder().javaRelease(javaRelease).timeout(timeout);
        if (extractTo != null) {
            builder.extractionRoot(extractTo);
        }
        PluginInspector inspector = builder.build();
        InspectionReport report = withStdoutOnStderr(() -> inspector.inspect(locations));
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            ReportWriter.writeJson(report, strict, out);
        } else {
            ReportWriter.writeText(report, strict, out);
        }
        return report.passed(strict) ? 0 : Main.EXIT_PROBLEMS;
    }

    /** Plugin code may print; keep stdout for the report (JSON must stay parseable). */
    static <T> T withStdoutOnStderr(java.util.function.Supplier<T> work) {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            return work.get();
        } finally {
            System.setOut(stdout);
        }
    }
}
