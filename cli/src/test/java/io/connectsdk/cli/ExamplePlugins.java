package io.connectsdk.cli;

import io.connectsdk.runtime.plugin.fixtures.FixtureCompiler;
import io.connectsdk.runtime.plugin.fixtures.JarBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The repository's example plugins (examples/file and examples/datagen) as a plugin.path, for tests
 * that run the quick start's connectors. The cli may not depend on the examples (nothing depends on
 * them), so their sources are compiled here against connect-sdk-api and packaged the way the
 * examples' build packages them: {@code <dir>/<artifact>/lib/<artifact>.jar}.
 */
final class ExamplePlugins {
    private static Path pluginPath;

    private ExamplePlugins() {
    }

    /** @return the repository root (holds config/, examples/, bin/) */
    static Path repoRoot() {
        return Path.of(System.getProperty("connectsdk.repo.root", "..")).toAbsolutePath().normalize();
    }

    /** @return a file of the repository's config/ directory */
    static Path config(String name) {
        return repoRoot().resolve("config").resolve(name);
    }

    /** @return a directory whose children are the file and datagen example plugins; built once per JVM */
    static synchronized Path pluginPath() {
        if (pluginPath == null) {
            try {
                Path base = Files.createDirectories(Path.of(System.getProperty("connectsdk.test.dir",
                        System.getProperty("java.io.tmpdir"))));
                Path dir = Files.createTempDirectory(base, "example-plugins");
                build("file", dir);
                build("datagen", dir);
                pluginPath = dir.resolve("plugins");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pluginPath;
    }

    private static void build(String example, Path dir) throws IOException {
        Path module = repoRoot().resolve("examples").resolve(example);
        Path javaDir = module.resolve("src/main/java");
        Map<String, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(javaDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String rel = javaDir.relativize(f).toString().replace('\\', '/');
                if (!rel.endsWith("package-info.java")) {
                    sources.put(rel.substring(0, rel.length() - ".java".length()).replace('/', '.'), Files.readString(f));
                }
            }
        }
        Path classes = FixtureCompiler.compile(dir.resolve("classes-" + example), List.of(FixtureCompiler.apiClasspath()),
                sources);
        String artifact = "connect-sdk-example-" + example;
        new JarBuilder().classes(classes).classes(module.resolve("src/main/resources")).implementationVersion("0.1.0-test")
                .write(Files.createDirectories(dir.resolve("plugins").resolve(artifact).resolve("lib")).resolve(artifact + ".jar"));
    }
}
