package io.connectsdk.api.stability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Lists every public and protected signature of the classes under a package root: the types
 * (with their modifiers, type parameters, superclass and interfaces), constructors, methods and
 * fields, one per line, sorted, so that two listings can be compared line by line.
 */
final class ApiSignatures {
    private ApiSignatures() {
    }

    /**
     * @param anyApiClass a class whose code source (folder or jar) holds the API
     * @param packagePrefix e.g. {@code io.connectsdk.api}
     * @return the sorted signature lines
     */
    static List<String> of(Class<?> anyApiClass, String packagePrefix) {
        TreeSet<String> lines = new TreeSet<>();
        for (String className : classNames(anyApiClass, packagePrefix)) {
            Class<?> type;
            try {
                type = Class.forName(className, false, anyApiClass.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("cannot load " + className, e);
            }
            if (!isVisible(type)) {
                continue;
            }
            String owner = type.getName();
            lines.add(owner + " " + describeType(type));
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (isApi(c.getModifiers()) && !c.isSynthetic()) {
                    lines.add(owner + " " + c.toGenericString());
                }
            }
            for (Method m : type.getDeclaredMethods()) {
                if (isApi(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    lines.add(owner + " " + (m.isDefault() ? "default " : "") + m.toGenericString());
                }
            }
            for (Field f : type.getDeclaredFields()) {
                if (isApi(f.getModifiers()) && !f.isSynthetic()) {
                    lines.add(owner + " " + f.toGenericString());
                }
            }
        }
        return new ArrayList<>(lines);
    }

    private static boolean isApi(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** A type is part of the API when it and every type enclosing it are public or protected. */
    private static boolean isVisible(Class<?> type) {
        if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
            return false;
        }
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!isApi(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static String describeType(Class<?> type) {
        StringBuilder sb = new StringBuilder("type ").append(type.toGenericString());
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            sb.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0) {
            sb.append(type.isInterface() ? " extends " : " implements ")
                    .append(Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        return sb.toString();
    }

    private static List<String> classNames(Class<?> anyApiClass, String packagePrefix) {
        Path location;
        try {
            location = Path.of(anyApiClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        String prefix = packagePrefix.replace('.', '/') + "/";
        try {
            Stream<String> entries;
            if (Files.isDirectory(location)) {
                try (Stream<Path> walk = Files.walk(location)) {
                    entries = walk.filter(Files::isRegularFile)
                            .map(p -> location.relativize(p).toString().replace('\\', '/'))
                            .collect(Collectors.toList()).stream();
                }
            } else {
                try (ZipFile zip = new ZipFile(location.toFile())) {
                    entries = zip.stream().map(e -> e.getName()).collect(Collectors.toList()).stream();
                }
            }
            return entries.filter(n -> n.startsWith(prefix) && n.endsWith(".class"))
                    .filter(n -> !n.endsWith("package-info.class") && !n.endsWith("module-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
