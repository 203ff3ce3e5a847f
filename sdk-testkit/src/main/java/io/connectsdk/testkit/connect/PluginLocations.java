package io.connectsdk.testkit.connect;

import io.connectsdk.runtime.plugin.PluginLocation;
import io.connectsdk.runtime.plugin.PluginType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds the plugin location of an exploded plugin, and finds what to hide from the runtime. */
final class PluginLocations {
    /** The folder of a location made here that holds the plugin's dependency jars. */
    static final String LIB = "lib";

    private PluginLocations() {
    }

    /**
     * Assembles a plugin location directory from an exploded classpath, without copying when the
     * file system has symbolic links: the first class folder's top-level entries are linked into
     * the location's root (it is the location's class root), jars are linked into {@code lib/},
     * further class folders are packed into jars there.
     *
     * @param classpath the plugin's classpath, its own classes first
     * @param dir an empty or missing directory to become the location
     * @return {@code dir}
     */
    static Path assemble(List<Path> classpath, Path dir) {
        try {
            Files.createDirectories(dir);
            Path lib = dir.resolve(LIB);
            boolean rootUsed = false;
            int i = 0;
            for (Path entry : classpath) {
                i++;
                if (Files.isDirectory(entry)) {
                    if (!rootUsed) {
                        try (Stream<Path> children = Files.list(entry)) {
                            for (Path child : (Iterable<Path>) children::iterator) {
                                Path target = dir.resolve(child.getFileName().toString());
                                if (target.equals(lib)) {
                                    target = dir.resolve(LIB + "-from-classes");
                                }
                                link(child, target);
                            }
                        }
                        rootUsed = true;
                    } else {
                        Files.createDirectories(lib);
                        jar(entry, lib.resolve(String.format("%03d-%s.jar", i, entry.getFileName())));
                    }
                } else {
                    Files.createDirectories(lib);
                    link(entry, lib.resolve(String.format("%03d-%s", i, entry.getFileName())));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("connect-sdk test kit: cannot assemble the plugin location " + dir, e);
        }
    }

    /**
     * @param location an opened plugin location
     * @param runtimeLoader the application class loader
     * @return the class path entries of {@code runtimeLoader} that hold a plugin class the location
     *     registers as a service (so the plugin is on the test class path too)
     */
    static Set<Path> entriesProviding(PluginLocation location, ClassLoader runtimeLoader) {
        Set<Path> result = new LinkedHashSet<>();
        for (String className : registeredClasses(location)) {
            URL url = runtimeLoader.getResource(className.replace('.', '/') + ".class");
            Path entry = url == null ? null : entryOf(url, className.replace('.', '/') + ".class");
            if (entry != null) {
                result.add(entry);
            }
        }
        return result;
    }

    /** @return the class names in the location's service files of plugin types */
    static Set<String> registeredClasses(PluginLocation location) {
        Set<String> names = new LinkedHashSet<>();
        for (Path unit : location.units()) {
            for (PluginType type : PluginType.values()) {
                String resource = type.serviceResource();
                try {
                    if (Files.isDirectory(unit)) {
                        Path f = unit.resolve(resource);
                        if (Files.isRegularFile(f)) {
                            try (InputStream in = Files.newInputStream(f)) {
                                readServiceFile(in, names);
                            }
                        }
                    } else {
                        try (JarFile jar = new JarFile(unit.toFile())) {
                            ZipEntry e = jar.getEntry(resource);
                            if (e != null) {
                                try (InputStream in = jar.getInputStream(e)) {
                                    readServiceFile(in, names);
                                }
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + resource + " of " + unit, e);
                }
            }
        }
        return names;
    }

    private static void readServiceFile(InputStream in, Set<String> names) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            int hash = line.indexOf('#');
            String name = (hash < 0 ? line : line.substring(0, hash)).trim();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
    }

    private static Path entryOf(URL url, String resource) {
        try {
            if ("jar".equals(url.getProtocol())) {
                String spec = url.getPath();
                int bang = spec.indexOf("!/");
                return PluginClasspath.normalize(Paths.get(new java.net.URI(bang < 0 ? spec : spec.substring(0, bang))));
            }
            if ("file".equals(url.getProtocol())) {
                Path file = Paths.get(url.toURI());
                Path root = file;
                for (int i = 0; i < resource.split("/").length && root != null; i++) {
                    root = root.getParent();
                }
                return root == null ? null : PluginClasspath.normalize(root);
            }
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static void link(Path source, Path target) throws IOException {
        try {
            Files.createSymbolicLink(target, source);
        } catch (UnsupportedOperationException | IOException | SecurityException e) {
            copy(source, target);
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.copy(f, target.resolve(source.relativize(f).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void jar(Path classes, Path jar) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(classes)) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path f : files) {
                zip.putNextEntry(new ZipEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
    }

    /** Deletes a directory tree without following links; best effort. */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover temporary file is harmless
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }
}
