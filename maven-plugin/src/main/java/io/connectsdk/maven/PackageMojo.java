package io.connectsdk.maven;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Packages the project as a connect-sdk plugin, in the layout a worker's {@code plugin.path} takes:
 * the project's jar and its runtime dependencies (compile and runtime scope; never provided or
 * test, so never {@code connect-sdk-api}, which the runtime provides) in
 * {@code target/plugin/<artifactId>/lib/}, and the same folder zipped as
 * {@code target/<finalName>-plugin.zip}. The folder is emptied first, so no jar of an earlier build
 * remains; zip entries are sorted and, with {@code project.build.outputTimestamp} set, carry that
 * time, so equal inputs give equal archives.
 *
 * <p>Runs in the {@code package} phase, after {@code jar:jar}; {@code connect-sdk:validate} checks
 * the result in {@code verify}.
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class PackageMojo extends AbstractMojo {
    /** The SPI, which the hosting runtime provides: never packaged. */
    static final String SPI_GROUP = "io.connectsdk";
    static final String SPI_ARTIFACT = "connect-sdk-api";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** Where the exploded plugin goes: {@code <pluginDirectory>/<pluginName>/lib/*.jar}. */
    @Parameter(property = "connect-sdk.pluginDirectory", defaultValue = "${project.build.directory}/plugin")
    private File pluginDirectory;

    /** The name of the plugin's folder, in the directory and in the zip. */
    @Parameter(property = "connect-sdk.pluginName", defaultValue = "${project.artifactId}")
    private String pluginName;

    /** The plugin archive. */
    @Parameter(property = "connect-sdk.zip", defaultValue = "${project.build.directory}/${project.build.finalName}-plugin.zip")
    private File zip;

    /** The time of the zip entries (ISO 8601 or seconds since the epoch), as other Maven plugins take it. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    /** Skips the goal. */
    @Parameter(property = "connect-sdk.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("connect-sdk:package skipped");
            return;
        }
        File jar = project.getArtifact().getFile();
        if (jar == null || !jar.isFile() || !jar.getName().endsWith(".jar")) {
            throw new MojoExecutionException("connect-sdk:package needs the jar of " + project.getArtifactId()
                    + ", but there is none" + (jar == null ? "" : " (" + jar + ")") + ": bind the goal to the package"
                    + " phase of a project with <packaging>jar</packaging>, so that it runs after jar:jar");
        }
        Path folder = pluginDirectory.toPath().resolve(pluginName);
        Path lib = folder.resolve("lib");
        List<Path> jars = new ArrayList<>();
        try {
            deleteRecursively(folder);
            Files.createDirectories(lib);
            Set<String> names = new HashSet<>();
            names.add(jar.getName());
            jars.add(Files.copy(jar.toPath(), lib.resolve(jar.getName()), StandardCopyOption.COPY_ATTRIBUTES));
            List<Artifact> dependencies = new ArrayList<>(project.getArtifacts());
            dependencies.sort(Comparator.comparing(Artifact::getId));
            for (Artifact a : dependencies) {
                if (!Artifact.SCOPE_COMPILE.equals(a.getScope()) && !Artifact.SCOPE_RUNTIME.equals(a.getScope())) {
                    continue;
                }
                if (SPI_GROUP.equals(a.getGroupId()) && SPI_ARTIFACT.equals(a.getArtifactId())) {
                    getLog().warn(a.getId() + " is in " + a.getScope() + " scope: not packaged, the runtime provides it;"
                            + " declare it <scope>provided</scope>");
                    continue;
                }
                File file = a.getFile();
                if (file == null || !file.isFile() || !file.getName().endsWith(".jar")) {
                    getLog().warn(a.getId() + " is not a jar (" + file + "): not packaged");
                    continue;
                }
                String name = names.add(file.getName()) ? file.getName() : a.getGroupId() + "-" + file.getName();
                jars.add(Files.copy(file.toPath(), lib.resolve(name), StandardCopyOption.COPY_ATTRIBUTES));
            }
            writeZip(folder, jars);
        } catch (IOException e) {
            throw new MojoExecutionException("connect-sdk:package could not write " + folder + " or " + zip + ": " + e, e);
        }
        getLog().info("connect-sdk plugin " + pluginName + ": " + jars.size() + " jar(s) in " + lib + " and " + zip);
    }

    private void writeZip(Path folder, List<Path> jars) throws IOException, MojoExecutionException {
        FileTime time = entryTime();
        Files.createDirectories(zip.toPath().toAbsolutePath().getParent());
        List<Path> sorted = new ArrayList<>(jars);
        sorted.sort(Comparator.comparing(p -> p.getFileName().toString()));
        try (OutputStream file = Files.newOutputStream(zip.toPath()); ZipOutputStream out = new ZipOutputStream(file)) {
            for (String dir : List.of(pluginName + "/", pluginName + "/lib/")) {
                out.putNextEntry(entry(dir, time));
                out.closeEntry();
            }
            for (Path jar : sorted) {
                out.putNextEntry(entry(pluginName + "/lib/" + jar.getFileName(), time != null ? time
                        : Files.getLastModifiedTime(jar)));
                Files.copy(jar, out);
                out.closeEntry();
            }
        }
    }

    private static ZipEntry entry(String name, FileTime time) {
        ZipEntry e = new ZipEntry(name);
        if (time != null) {
            e.setLastModifiedTime(time);
        }
        return e;
    }

    /** @return the time of {@code project.build.outputTimestamp}, or {@code null} when unset */
    private FileTime entryTime() throws MojoExecutionException {
        if (outputTimestamp == null || outputTimestamp.isBlank() || outputTimestamp.length() == 1) {
            return null; // unset, or a single character: Maven's convention for "not reproducible"
        }
        try {
            return outputTimestamp.chars().allMatch(Character::isDigit)
                    ? FileTime.from(Instant.ofEpochSecond(Long.parseLong(outputTimestamp)))
                    : FileTime.from(Instant.parse(outputTimestamp));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new MojoExecutionException("project.build.outputTimestamp '" + outputTimestamp + "' is neither an"
                    + " ISO 8601 instant (2024-01-01T00:00:00Z) nor seconds since the epoch", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
