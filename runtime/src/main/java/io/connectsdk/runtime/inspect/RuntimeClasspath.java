package io.connectsdk.runtime.inspect;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * The packages of the runtime's own class path, to find the packages a plugin shares with it
 * (split packages). Jars' manifest {@code Class-Path} entries are followed, so launchers that use a
 * manifest-only jar are covered. Entries that cannot be read are skipped.
 *
 * <p>Immutable and thread-safe. {@link #current()} is computed once per JVM.
 */
public final class RuntimeClasspath {
    private static volatile RuntimeClasspath current;

    private final Map<String, String> packageOwners;

    private RuntimeClasspath(Map<String, String> packageOwners) {
        this.packageOwners = Collections.unmodifiableMap(packageOwners);
    }

    /** @return the index of this JVM's {@code java.class.path}, computed on first use */
    public static RuntimeClasspath current() {
        RuntimeClasspath c = current;
        if (c == null) {
            synchronized (RuntimeClasspath.class) {
                c = current;
                if (c == null) {
                    String cp = System.getProperty("java.class.path", "");
                    c = of(Stream.of(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Paths::get).toList());
                    current = c;
                }
            }
        }
        return c;
    }

    /**
     * @param entries class path entries: jars and class folders
     * @return their index
     */
    public static RuntimeClasspath of(List<Path> entries) {
        Map<String, String> owners = new HashMap<>();
        Set<Path> seen = new HashSet<>();
        Deque<Path> todo = new ArrayDeque<>(entries);
        while (!todo.isEmpty()) {
            Path entry = todo.removeFirst().toAbsolutePath().normalize();
            if (!seen.add(entry) || !Files.exists(entry)) {
                continue;
            }
            String owner = entry.getFileName() == null ? entry.toString() : entry.getFileName().toString();
            try {
                if (Files.isDirectory(entry)) {
                    indexDirectory(entry, owner, owners);
                } else {
                    indexJar(entry, owner, owners, todo);
                }
            } catch (IOException | UncheckedIOException e) {
                // an unreadable entry contributes no packages
            }
        }
        return new RuntimeClasspath(owners);
    }

    /**
     * @param pkg a package name
     * @return whether the runtime's class path has classes in it
     */
    public boolean contains(String pkg) {
        return packageOwners.containsKey(pkg);
    }

    /**
     * @param pkg a package name
     * @return the file name of the first jar (or folder) with classes in it, or {@code null}
     */
    public String owner(String pkg) {
        return packageOwners.get(pkg);
    }

    /** @return how many packages are indexed */
    public int size() {
        return packageOwners.size();
    }

    private static void indexDirectory(Path dir, String owner, Map<String, String> owners) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".class")).forEach(p -> {
                String rel = dir.relativize(p).toString().replace(File.separatorChar, '/');
                addPackage(rel, owner, owners);
            });
        }
    }

    private static void indexJar(Path jar, String owner, Map<String, String> owners, Deque<Path> todo) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            file.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class"))
                    .forEach(n -> addPackage(n, owner, owners));
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath != null) {
                URI base = jar.getParent() == null ? jar.toUri() : jar.getParent().toUri();
                for (String ref : classPath.trim().split("\\s+")) {
                    try {
                        URI uri = base.resolve(ref);
                        if ("file".equals(uri.getScheme())) {
                            todo.addLast(Paths.get(uri));
                        }
                    } catch (IllegalArgumentException ignored) {
                        // not a usable reference
                    }
                }
            }
        }
    }

    private static void addPackage(String classPath, String owner, Map<String, String> owners) {
        if (classPath.startsWith("META-INF/")) {
            return;
        }
        int slash = classPath.lastIndexOf('/');
        if (slash > 0) {
            owners.putIfAbsent(classPath.substring(0, slash).replace('/', '.'), owner);
        }
    }
}
