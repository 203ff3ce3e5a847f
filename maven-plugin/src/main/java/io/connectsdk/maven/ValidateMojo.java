package io.connectsdk.maven;

import io.connectsdk.runtime.inspect.InspectionReport;
import io.connectsdk.runtime.inspect.PluginInspector;
import io.connectsdk.runtime.inspect.ReportWriter;
import io.connectsdk.runtime.inspect.RuntimeClasspath;
import io.connectsdk.runtime.inspect.Severity;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the packaged plugin as {@code connect-sdk validate} does (the same engine): service files
 * that name real, public, instantiable plugin classes, versions, configuration definitions, no
 * bundled copy of the SPI, SLF4J or Kafka, no split packages with the runtime, bytecode no newer
 * than the runtime's Java, and more. Prints the report, writes it as JSON next to the archive
 * ({@code target/connect-sdk-validate.json}, the shape of {@code connect-sdk validate --format json})
 * and fails the build when it has errors (with {@code strict}, warnings too).
 *
 * <p>Runs in the {@code verify} phase, on what {@code connect-sdk:package} wrote.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ValidateMojo extends AbstractMojo {
    /** The plugin location to check: the archive, a plugin directory or a jar. */
    @Parameter(property = "connect-sdk.location", defaultValue = "${project.build.directory}/${project.build.finalName}-plugin.zip")
    private File location;

    /** Fail on warnings too, as {@code connect-sdk validate --strict}. */
    @Parameter(property = "connect-sdk.strict", defaultValue = "false")
    private boolean strict;

    /** The Java release of the runtime that will host the plugin: classes compiled for a newer one are errors. */
    @Parameter(property = "connect-sdk.javaRelease", defaultValue = "17")
    private int javaRelease;

    /** How long one call into plugin code (a constructor, {@code version()}, {@code config()}) may take. */
    @Parameter(property = "connect-sdk.timeoutSeconds", defaultValue = "10")
    private int timeoutSeconds;

    /** Where archives are extracted to be checked. */
    @Parameter(defaultValue = "${project.build.directory}/connect-sdk-validate")
    private File extractTo;

    /** The JSON report. */
    @Parameter(property = "connect-sdk.report", defaultValue = "${project.build.directory}/connect-sdk-validate.json")
    private File report;

    /** Skips the goal. */
    @Parameter(property = "connect-sdk.skip", defaultValue = "false")
    private boolean skip;

    /** This Maven plugin: its class path is the runtime's (connect-sdk-runtime and its dependencies). */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("connect-sdk:validate skipped");
            return;
        }
        if (!location.exists()) {
            throw new MojoFailureException("connect-sdk:validate: " + location + " does not exist; run connect-sdk:package"
                    + " before it (bind both goals in the build), or set <location> to the plugin to check");
        }
        if (javaRelease < 8 || timeoutSeconds < 1) {
            throw new MojoExecutionException("connect-sdk:validate: javaRelease must be 8 or later (was " + javaRelease
                    + ") and timeoutSeconds 1 or more (was " + timeoutSeconds + ")");
        }
        List<Path> runtime = plugin.getArtifacts().stream().map(Artifact::getFile).filter(Objects::nonNull)
                .map(File::toPath).toList();
        PluginInspector inspector = PluginInspector.builder()
                .javaRelease(javaRelease)
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .runtimeClasspath(RuntimeClasspath.of(runtime))
                .extractionRoot(extractTo.toPath())
                .build();
        InspectionReport result = inspector.inspect(List.of(location.toPath()));
        StringWriter text = new StringWriter();
        ReportWriter.writeText(result, strict, new PrintWriter(text));
        boolean passed = result.passed(strict);
        for (String line : text.toString().split("\\R")) {
            if (passed) {
                getLog().info(line);
            } else {
                getLog().error(line);
            }
        }
        try {
            Files.createDirectories(report.toPath().toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(report.toPath(), StandardCharsets.UTF_8)) {
                ReportWriter.writeJson(result, strict, new PrintWriter(out));
            }
        } catch (IOException e) {
            throw new MojoExecutionException("connect-sdk:validate could not write " + report + ": " + e, e);
        }
        if (!passed) {
            throw new MojoFailureException("connect-sdk:validate: " + location.getName() + " has "
                    + result.count(Severity.ERROR) + " error(s)" + (strict ? " and " + result.count(Severity.WARNING)
                    + " warning(s) (strict)" : "") + "; the report above names each with its jar, class and a hint");
        }
    }
}
