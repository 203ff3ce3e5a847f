package io.connectsdk.runtime.inspect;

import io.connectsdk.runtime.plugin.PluginLocation;
import io.connectsdk.runtime.plugin.PluginLocationException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Everything the inspector needs to know about the files of one location, read without loading
 * classes. The jars are read in parallel (one task per jar on the common pool) and merged in
 * class-path order.
 */
final class LocationIndex {
    static final String SERVICES = "META-INF/services/";
    static final String SLF4J_BINDER = "org/slf4j/impl/StaticLoggerBinder.class";

    /** A class file: the unit holding it and its header. */
    record ClassEntry(String unit, ClassFileHeader header) {
    }

    /** A non-blank, comment-stripped line of a service file. */
    record ServiceLine(String unit, String service, int line, String value) {
        String file() {
            return SERVICES + service;
        }
    }

    /** Units in class-path order, by name. */
    final List<String> units = new ArrayList<>();
    /** Class name to its first entry in class-path order. */
    final Map<String, ClassEntry> classes = new LinkedHashMap<>();
    /** Per unit, the classes it holds (including those shadowed by an earlier unit). */
    final Map<String, List<ClassEntry>> classesByUnit = new LinkedHashMap<>();
    /** Per pair "first unit\u0000later unit", the class names both hold. */
    final Map<String, List<String>> duplicates = new LinkedHashMap<>();
    final List<ServiceLine> serviceLines = new ArrayList<>();
    final List<String> slf4jBinderUnits = new ArrayList<>();
    final Map<String, List<String>> nestedJars = new LinkedHashMap<>();

    static LocationIndex of(PluginLocation location) {
        List<UnitScan> scans;
        try {
            scans = location.units().parallelStream().map(u -> UnitScan.of(location, u)).toList();
        } catch (UncheckedIOException e) {
            throw new PluginLocationException("cannot read plugin location " + location.path() + ": " + e.getMessage(), e);
        }
        LocationIndex index = new LocationIndex();
        for (UnitScan scan : scans) {
            index.add(scan);
        }
        return index;
    }

    private void add(UnitScan scan) {
        String unit = scan.name;
        units.add(unit);
        List<ClassEntry> entries = new ArrayList<>(scan.classes.size());
        for (ClassFileHeader header : scan.classes) {
            ClassEntry entry = new ClassEntry(unit, header);
            entries.add(entry);
            ClassEntry first = classes.putIfAbsent(header.name(), entry);
            if (first != null && !first.unit().equals(unit)) {
                duplicates.computeIfAbsent(first.unit() + '\u0000' + unit, k -> new ArrayList<>()).add(header.name());
            }
        }
        classesByUnit.put(unit, entries);
        serviceLines.addAll(scan.serviceLines);
        if (scan.slf4jBinder) {
            slf4jBinderUnits.add(unit);
        }
        if (!scan.nestedJars.isEmpty()) {
            nestedJars.put(unit, scan.nestedJars);
        }
    }

    /** @return the unit that holds the class file of a binary class name, or {@code null} */
    String unitOf(String className) {
        ClassEntry e = classes.get(className);
        return e == null ? null : e.unit();
    }

    /** What one jar or class folder holds. */
    private static final class UnitScan {
        final String name;
        final List<ClassFileHeader> classes = new ArrayList<>();
        final List<ServiceLine> serviceLines = new ArrayList<>();
        final List<String> nestedJars = new ArrayList<>();
        boolean slf4jBinder;

        private UnitScan(String name) {
            this.name = name;
        }

        static UnitScan of(PluginLocation location, Path unit) {
            UnitScan scan = new UnitScan(location.unitName(unit));
            try {
                if (Files.isDirectory(unit)) {
                    scan.scanDirectory(unit);
                } else {
                    scan.scanJar(unit);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(unit + ": " + e, e);
            }
            return scan;
        }

        private void scanDirectory(Path dir) throws IOException {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    String rel = dir.relativize(p).toString().replace(File.separatorChar, '/');
                    if (rel.toLowerCase(Locale.ROOT).endsWith(".jar")) {
                        continue; // jars of a directory location are units of their own
                    }
                    accept(rel, () -> Files.newInputStream(p));
                }
            }
        }

        private void scanJar(Path jar) throws IOException {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    if (e.isDirectory()) {
                        continue;
                    }
                    String path = e.getName();
                    if (path.toLowerCase(Locale.ROOT).endsWith(".jar")) {
                        nestedJars.add(path);
                        continue;
                    }
                    accept(path, () -> zip.getInputStream(e));
                }
            }
        }

        private interface Opener {
            InputStream open() throws IOException;
        }

        private void accept(String path, Opener opener) throws IOException {
            if (path.startsWith(SERVICES) && path.indexOf('/', SERVICES.length()) < 0 && path.length() > SERVICES.length()) {
                try (InputStream in = opener.open()) {
                    readServiceFile(path.substring(SERVICES.length()), in.readAllBytes());
                }
                return;
            }
            if (path.equals(SLF4J_BINDER)) {
                slf4jBinder = true;
            }
            if (!path.endsWith(".class") || path.startsWith("META-INF/") || path.endsWith("module-info.class")) {
                return;
            }
            try (InputStream in = opener.open()) {
                ClassFileHeader header = ClassFileHeader.parse(in);
                if (header != null) {
                    classes.add(header);
                }
            }
        }

        private void readServiceFile(String service, byte[] content) {
            String[] lines = new String(content, StandardCharsets.UTF_8).split("\r\n|\r|\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                int hash = line.indexOf('#');
                if (hash >= 0) {
                    line = line.substring(0, hash);
                }
                line = line.strip();
                if (i == 0 && line.startsWith("\uFEFF")) {
                    line = line.substring(1).strip();
                }
                if (!line.isEmpty()) {
                    serviceLines.add(new ServiceLine(name, service, i + 1, line));
                }
            }
        }
    }
}
