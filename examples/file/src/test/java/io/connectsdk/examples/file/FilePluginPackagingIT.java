package io.connectsdk.examples.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.api.connector.Connector;
import io.connectsdk.api.sink.SinkConnector;
import io.connectsdk.api.source.SourceConnector;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Checks the packaged plugin (after {@code package}): the zip and the exploded directory hold the
 * same jars under {@code <artifact>/lib/}, without the SPI, and the connectors load from the
 * exploded directory in a class loader that shares only the SPI with the test, reporting the
 * manifest's version.
 */
class FilePluginPackagingIT {
    private final String version = System.getProperty("project.version");
    private final String artifactId = System.getProperty("plugin.artifactId");
    private final Path pluginDir = Path.of(System.getProperty("plugin.dir"));
    private final Path zip = Path.of(System.getProperty("plugin.zip"));

    @Test
    void zipAndExplodedDirectoryHoldTheSameJars() throws IOException {
        TreeSet<String> zipped = new TreeSet<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).forEach(zipped::add);
            for (String name : zipped) {
                Path exploded = pluginDir.getParent().resolve(name);
                assertThat(exploded).exists();
                try (var in = z.getInputStream(z.getEntry(name))) {
                    assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(exploded));
                }
            }
        }
        TreeSet<String> explodedNames = new TreeSet<>();
        try (Stream<Path> files = Files.walk(pluginDir)) {
            files.filter(Files::isRegularFile)
                    .forEach(p -> explodedNames.add(pluginDir.getParent().relativize(p).toString().replace('\\', '/')));
        }
        assertThat(zipped).isEqualTo(explodedNames)
                .containsExactly(artifactId + "/lib/" + artifactId + "-" + version + ".jar");
    }

    @Test
    void theJarDoesNotBundleTheSpi() throws IOException {
        try (ZipFile jar = new ZipFile(pluginDir.resolve("lib/" + artifactId + "-" + version + ".jar").toFile())) {
            assertThat(jar.stream().map(ZipEntry::getName)).noneMatch(n -> n.startsWith("io/connectsdk/api/"));
        }
    }

    @Test
    void connectorsLoadInIsolationAndReportTheManifestVersion() throws Exception {
        try (URLClassLoader loader = isolatedLoader()) {
            List<Connector> found = new ArrayList<>();
            ServiceLoader.load(SourceConnector.class, loader).forEach(found::add);
            ServiceLoader.load(SinkConnector.class, loader).forEach(found::add);

            assertThat(found).extracting(c -> c.getClass().getName()).containsExactlyInAnyOrder(
                    "io.connectsdk.examples.file.FileSourceConnector", "io.connectsdk.examples.file.FileSinkConnector");
            assertThat(found).allSatisfy(c -> {
                assertThat(c.getClass().getClassLoader()).isSameAs(loader);
                assertThat(c.getClass().getPackage().getImplementationVersion()).isEqualTo(version);
                assertThat(c.version()).isEqualTo(version);
                assertThat(c.config().names()).isNotEmpty();
            });
        }
    }

    /** The plugin's jars, with a parent that shows only the JDK and the SPI (io.connectsdk.api). */
    private URLClassLoader isolatedLoader() throws IOException {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.walk(pluginDir)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".jar")).sorted()::iterator) {
                urls.add(p.toUri().toURL());
            }
        }
        ClassLoader testLoader = getClass().getClassLoader();
        ClassLoader spiOnly = new ClassLoader("spi-only", ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (name.startsWith("io.connectsdk.api.")) {
                    return testLoader.loadClass(name);
                }
                throw new ClassNotFoundException(name);
            }
        };
        return new URLClassLoader("plugin", urls.toArray(new URL[0]), spiOnly);
    }
}
