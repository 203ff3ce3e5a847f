package io.connectsdk.runtime.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One plugin location: the unit that gets its own {@link PluginClassLoader}. Three forms:
 * <ul>
 *   <li>{@link Kind#JAR}: a single jar, typically an uber-jar with the plugin and its libraries;</li>
 *   <li>{@link Kind#DIRECTORY}: a directory of jars (searched recursively, e.g. {@code lib/}) and/or
 *       classes (the directory itself is a class root, as {@code target/classes} is);</li>
 *   <li>{@link Kind#ARCHIVE}: a {@code .zip} as connect-sdk's packaging makes it (the plugin's jars in
 *       a {@code lib/} folder, possibly under one top folder). It is extracted once into a cache
 *       folder and then used like a directory: {@code <extraction root>/<zip name>-<key>/}, where
 *       the key is a hash of the zip's absolute path, size and modification time, so an unchanged
 *       zip is extracted only once and a changed one gets a fresh folder. The default extraction
 *       root is {@code ${java.io.tmpdir}/connect-sdk-plugins}. Entries that would land outside the
 *       folder ({@code ../x}) are refused.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe once opened.
 */
public final class PluginLocation {
    /** What a location is made of. */
    public enum Kind {
        /** A single jar file. */
        JAR,
        /** A directory of jars and/or classes. */
        DIRECTORY,
        /** A {@code .zip} plugin archive, extracted to a directory. */
        ARCHIVE
    }

    private final Path path;
    private final Kind kind;
    private final Path root;
    private final List<Path> jars;

    private PluginLocation(Path path, Kind kind, Path root, List<Path> jars) {
        this.path = path;
        this.kind = kind;
        this.root = root;
        this.jars = List.copyOf(jars);
    }

    /**
     * Opens a location, extracting a {@code .zip} under the default extraction root.
     *
     * @param path a jar, a {@code .zip} archive or a directory
     * @return the opened location
     * @throws PluginLocationException naming the path when it does not exist, is of another kind or
     *     cannot be read
     */
    public static PluginLocation open(Path path) {
        return open(path, defaultExtractionRoot());
    }

    /**
     * Opens a location.
     *
     * @param path a jar, a {@code .zip} archive or a directory
     * @param extractionRoot where {@code .zip} archives are extracted (created if missing)
     * @return the opened location
     * @throws PluginLocationException naming the path when it cannot be used
     */
    public static PluginLocation open(Path path, Path extractionRoot) {
        Path abs = path.toAbsolutePath().normalize();
        if (!Files.exists(abs)) {
            throw new PluginLocationException(abs + " does not exist");
        }
        if (!Files.isReadable(abs)) {
            throw new PluginLocationException(abs + " is not readable");
        }
        if (Files.isDirectory(abs)) {
            return new PluginLocation(abs, Kind.DIRECTORY, abs, jarsUnder(abs));
        }
        String name = abs.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jar")) {
            checkZip(abs, "jar");
            return new PluginLocation(abs, Kind.JAR, abs, List.of(abs));
        }
        if (name.endsWith(".zip")) {
            checkZip(abs, "zip archive");
            Path dir = extract(abs, extractionRoot);
            return new PluginLocation(abs, Kind.ARCHIVE, dir, jarsUnder(dir));
        }
        throw new PluginLocationException(abs + " is not a plugin location: expected a .jar, a .zip plugin archive"
                + " or a directory of jars/classes");
    }

    /**
     * Lists the plugin locations named by a {@code plugin.path} value: every directory, {@code .jar}
     * and {@code .zip} directly inside each listed directory, in name order. Other files are ignored.
     *
     * @param pluginPath comma-separated directories; {@code null} or blank gives none
     * @return the locations' paths, absolute
     * @throws PluginLocationException naming the entry when a listed directory does not exist or is
     *     not a directory
     */
    public static List<Path> locationsIn(String pluginPath) {
        List<Path> result = new ArrayList<>();
        if (pluginPath == null || pluginPath.isBlank()) {
            return result;
        }
        for (String entry : pluginPath.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            Path dir = Paths.get(trimmed).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                throw new PluginLocationException("plugin.path entry " + dir
                        + (Files.exists(dir) ? " is not a directory" : " does not exist")
                        + ": plugin.path lists directories whose children (directories, .jar, .zip) are plugin locations");
            }
            try (Stream<Path> children = Files.list(dir)) {
                children.filter(PluginLocation::isLocationCandidate).sorted().forEach(result::add);
            } catch (IOException e) {
                throw new PluginLocationException("cannot list plugin.path entry " + dir + ": " + e, e);
            }
        }
        return result;
    }

    /**
     * @param child a file or directory
     * @return whether it can be a plugin location: a directory, a {@code .jar} or a {@code .zip}
     */
    public static boolean isLocationCandidate(Path child) {
        if (Files.isDirectory(child)) {
            return true;
        }
        String name = child.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(child) && (name.endsWith(".jar") || name.endsWith(".zip"));
    }

    /** @return {@code ${java.io.tmpdir}/connect-sdk-plugins} */
    public static Path defaultExtractionRoot() {
        return Paths.get(System.getProperty("java.io.tmpdir"), "connect-sdk-plugins");
    }

    /** @return the location as given (absolute): the jar, the directory or the {@code .zip} */
    public Path path() {
        return path;
    }

    /** @return what the location is */
    public Kind kind() {
        return kind;
    }

    /** @return the jar ({@link Kind#JAR}), the directory, or the folder an archive was extracted to */
    public Path root() {
        return root;
    }

    /** @return the jars of the location, absolute, in class-path order; never {@code null} */
    public List<Path> jars() {
        return jars;
    }

    /**
     * @return the class roots in search order: for a directory or archive, the directory itself
     *     first (loose classes), then its jars; for a jar, the jar
     */
    public List<Path> units() {
        if (kind == Kind.JAR) {
            return jars;
        }
        List<Path> units = new ArrayList<>(jars.size() + 1);
        units.add(root);
        units.addAll(jars);
        return units;
    }

    /** @return {@link #units()} as URLs, for a class loader */
    public URL[] urls() {
        List<Path> units = units();
        URL[] urls = new URL[units.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = units.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new PluginLocationException("cannot make a URL of " + units.get(i) + ": " + e, e);
            }
        }
        return urls;
    }

    /**
     * @param unit one of {@link #units()}
     * @return a short name for reports: the jar's file name for a jar location, otherwise the path
     *     relative to the location ({@code lib/acme-1.0.jar}), or {@code "."} for the class root
     */
    public String unitName(Path unit) {
        if (kind == Kind.JAR) {
            return unit.getFileName().toString();
        }
        if (unit.equals(root)) {
            return ".";
        }
        return root.relativize(unit).toString().replace('\\', '/');
    }

    /**
     * @param pluginClassLoaderParent the runtime's loader
     * @return a new loader for this location; the caller closes it
     */
    public PluginClassLoader newClassLoader(ClassLoader pluginClassLoaderParent) {
        return new PluginClassLoader(path.toString(), urls(), pluginClassLoaderParent);
    }

    @Override
    public String toString() {
        return path.toString();
    }

    private static List<Path> jarsUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> dir.relativize(p).toString()))
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new PluginLocationException("cannot list the jars of " + dir + ": " + e, e);
        }
    }

    private static void checkZip(Path file, String what) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            zip.size();
        } catch (IOException e) {
            throw new PluginLocationException(file + " is not a readable " + what + " (" + e.getMessage() + ")", e);
        }
    }

    private static Path extract(Path zipFile, Path extractionRoot) {
        String base = zipFile.getFileName().toString();
        base = base.substring(0, base.length() - ".zip".length());
        Path target;
        try {
            Files.createDirectories(extractionRoot);
            target = extractionRoot.resolve(base + "-" + cacheKey(zipFile));
            if (Files.isDirectory(target)) {
                return target;
            }
            Path temp = Files.createTempDirectory(extractionRoot, base + ".extracting-");
            try {
                unzip(zipFile, temp);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target);
                }
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                deleteTree(temp);
            } catch (IOException | RuntimeException e) {
                deleteTree(temp);
                throw e;
            }
            return target;
        } catch (IOException e) {
            throw new PluginLocationException("cannot extract plugin archive " + zipFile + " into " + extractionRoot
                    + ": " + e, e);
        }
    }

    private static void unzip(Path zipFile, Path into) throws IOException {
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = into.resolve(entry.getName()).normalize();
                if (!out.startsWith(into)) {
                    throw new PluginLocationException("plugin archive " + zipFile + " has an entry outside its folder: "
                            + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static String cacheKey(Path zipFile) throws IOException {
        String identity = zipFile + "\n" + Files.size(zipFile) + "\n" + Files.getLastModifiedTime(zipFile).toMillis();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover temp folder is harmless
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
