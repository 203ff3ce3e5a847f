package io.connectsdk.testkit.connect;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * The runtime's view of the test JVM's class path without the plugin under test: the parent of the
 * plugin's class loader and the loader whose services are the "classpath" plugins. In a test the
 * plugin's own classes are also on the application class path ({@code target/classes}); a deployed
 * worker does not have them there, so this loader hides every class and resource that comes from
 * one of the hidden entries. Everything else is delegated to the application class loader, which
 * defines it. Thread-safe.
 */
final class HidingClassLoader extends ClassLoader {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final Set<Path> hidden;

    /**
     * @param parent the application class loader
     * @param hidden class folders and jars whose content the runtime must not see
     */
    HidingClassLoader(ClassLoader parent, Set<Path> hidden) {
        super("connect-sdk-testkit-runtime-view", parent);
        this.hidden = Set.copyOf(hidden);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        Class<?> c = getParent().loadClass(name);
        if (isHidden(c)) {
            throw new ClassNotFoundException(name + " belongs to the plugin under test, which the runtime does not see");
        }
        return c;
    }

    @Override
    public URL getResource(String name) {
        URL first = getParent().getResource(name);
        if (first == null || !isHidden(first)) {
            return first;
        }
        try {
            Enumeration<URL> all = getResources(name);
            return all.hasMoreElements() ? all.nextElement() : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> visible = new ArrayList<>();
        for (URL u : Collections.list(getParent().getResources(name))) {
            if (!isHidden(u)) {
                visible.add(u);
            }
        }
        return Collections.enumeration(visible);
    }

    boolean isHidden(Class<?> c) {
        if (c.getClassLoader() == null || hidden.isEmpty() || c.getProtectionDomain().getCodeSource() == null) {
            return false;
        }
        URL location = c.getProtectionDomain().getCodeSource().getLocation();
        return location != null && isHidden(location);
    }

    private boolean isHidden(URL url) {
        if (hidden.isEmpty()) {
            return false;
        }
        Path p = pathOf(url);
        if (p == null) {
            return false;
        }
        for (Path h : hidden) {
            if (p.startsWith(h)) {
                return true;
            }
        }
        return false;
    }

    private static Path pathOf(URL url) {
        try {
            if ("jar".equals(url.getProtocol())) {
                String spec = url.getPath(); // file:/x/y.jar!/entry
                int bang = spec.indexOf("!/");
                URI jar = new URI(bang < 0 ? spec : spec.substring(0, bang));
                return "file".equals(jar.getScheme()) ? PluginClasspath.normalize(Paths.get(jar)) : null;
            }
            return "file".equals(url.getProtocol()) ? PluginClasspath.normalize(Paths.get(url.toURI())) : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
