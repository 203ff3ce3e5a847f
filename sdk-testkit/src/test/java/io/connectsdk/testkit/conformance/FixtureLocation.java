package io.connectsdk.testkit.conformance;

import io.connectsdk.api.source.SourceConnector;
import io.connectsdk.testkit.conformance.fixtures.GoodSourceConnector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds the plugin location of a fixture, as a plugin project's packaging would: a class
 * directory with the fixture package's classes, a {@code META-INF/services} entry for the fixture
 * connector and a manifest; optionally with one packaging defect.
 */
final class FixtureLocation {
    /** What is wrong with the location. */
    enum Defect {
        /** Nothing. */
        NONE,
        /** No META-INF/services file. */
        NO_SERVICE_FILE,
        /** A copy of an io.connectsdk.api class. */
        BUNDLED_SPI,
        /** The manifest's Implementation-Version is not the plugin's version. */
        STALE_MANIFEST,
        /** A class file compiled for a Java release newer than the runtime's. */
        CLASS_TOO_NEW
    }

    private static final Map<String, Path> BUILT = new ConcurrentHashMap<>();
    private static final String PACKAGE = "io/connectsdk/testkit/conformance/fixtures";

    private FixtureLocation() {
    }

    /**
     * @param connector the fixture connector to register
     * @param spi its SPI type (the service file's name)
     * @param version the Implementation-Version to write (unless the defect is a stale manifest)
     * @param defect what to break
     * @return the location, built once per connector and defect
     */
    static Path of(Class<?> connector, Class<?> spi, String version, Defect defect) {
        return BUILT.computeIfAbsent(connector.getName() + "/" + defect, k -> build(connector, spi, version, defect));
    }

    private static Path build(Class<?> connector, Class<?> spi, String version, Defect defect) {
        try {
            Path classes = Path.of(GoodSourceConnector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = classes.getParent().resolve("fixture-locations").resolve(connector.getSimpleName() + "-" + defect + "-"
                    + UUID.randomUUID().toString().substring(0, 8));
            Path from = classes.resolve(PACKAGE);
            Path to = root.resolve(PACKAGE);
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    Files.copy(f, to.resolve(f.getFileName().toString()));
                }
            }
            if (defect != Defect.NO_SERVICE_FILE) {
                Path services = root.resolve("META-INF/services");
                Files.createDirectories(services);
                Files.writeString(services.resolve(spi.getName()), connector.getName() + "\n", StandardCharsets.UTF_8);
            }
            Manifest manifest = new Manifest();
            Attributes main = manifest.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            main.put(Attributes.Name.IMPLEMENTATION_TITLE, "conformance-fixture");
            main.put(Attributes.Name.IMPLEMENTATION_VERSION, defect == Defect.STALE_MANIFEST ? "0.0.1-stale" : version);
            Files.createDirectories(root.resolve("META-INF"));
            try (OutputStream out = Files.newOutputStream(root.resolve("META-INF/MANIFEST.MF"))) {
                manifest.write(out);
            }
            if (defect == Defect.BUNDLED_SPI) {
                Path target = root.resolve("io/connectsdk/api/source/SourceConnector.class");
                Files.createDirectories(target.getParent());
                try (InputStream in = SourceConnector.class.getResourceAsStream("SourceConnector.class")) {
                    Files.copy(in, target);
                }
            }
            if (defect == Defect.CLASS_TOO_NEW) {
                Path helper = to.resolve("UnusedHelper.class");
                byte[] bytes = Files.readAllBytes(helper);
                bytes[6] = 0;
                bytes[7] = 99; // major version 99: Java 55
                Files.write(helper, bytes);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the files of a location, for messages */
    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
