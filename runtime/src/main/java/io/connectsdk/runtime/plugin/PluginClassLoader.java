package io.connectsdk.runtime.plugin;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The class loader of one plugin location: <b>child-first</b>, so that a plugin's own libraries
 * (Jackson, Guava, a JDBC driver, ...) win over the runtime's copies and two plugins can bundle
 * different versions of one library side by side.
 *
 * <p>The exceptions, always loaded from the parent (the runtime) and never from the plugin, are the
 * <em>parent-first</em> packages ({@link #isParentFirstPackage(String)}):
 * <ul>
 *   <li>the JDK: {@code java.*} and every package of a {@code java.*} or {@code jdk.*} module of the
 *       boot layer (this covers {@code javax.sql}, {@code javax.xml.*}, {@code org.w3c.dom},
 *       {@code org.xml.sax}, {@code sun.misc}, {@code com.sun.net.httpserver}, ... while a library
 *       package such as {@code javax.inject} or {@code com.sun.jna} stays child-first);</li>
 *   <li>the SPI, {@code io.connectsdk.api} and its sub-packages, so that plugin and runtime share
 *       one {@code Connector}, {@code Converter}, ... type;</li>
 *   <li>the logging API, {@code org.slf4j} and its sub-packages, so that plugins log through the
 *       runtime's binding.</li>
 * </ul>
 * Resources follow the same rule by the package of their path ({@code org/slf4j/x.properties} is
 * parent-first, {@code META-INF/services/...} and {@code logback.xml} are child-first).
 * {@link #getResources(String)} lists the plugin's own resources before the parent's, so
 * {@link java.util.ServiceLoader} on this loader also sees the runtime's services: use
 * {@link #definesClass(Class)} to keep only the plugin's own.
 *
 * <p><b>Threading.</b> Parallel capable; safe for concurrent use. <b>Lifecycle.</b> Owned by the
 * {@link Plugins} registry (or the inspector) that created it and closed by it; classes already
 * loaded keep working after {@link #close()}, but new classes and resources are no longer found.
 */
public class PluginClassLoader extends URLClassLoader {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    private static final Set<String> JDK_PACKAGES = jdkPackages();
    private static final Set<String> DISCOVERED_SERVICES = discoveredServices();

    private final String location;
    private volatile boolean ownServicesOnly;

    /**
     * @param location the plugin location this loader serves (for messages), never {@code null}
     * @param urls the jars and class folders of the location, in search order
     * @param parent the runtime's loader, never {@code null}
     */
    public PluginClassLoader(String location, URL[] urls, ClassLoader parent) {
        super("plugin:" + Objects.requireNonNull(location, "location"), urls, Objects.requireNonNull(parent, "parent"));
        this.location = location;
    }

    /**
     * While discovery scans this loader, lists only the location's own service files of the plugin
     * SPI types and {@code java.sql.Driver}, so that {@link java.util.ServiceLoader} does not walk the
     * runtime's services only to have them filtered out. Other resources are not affected.
     *
     * @param on whether discovery is running
     */
    void ownServicesOnly(boolean on) {
        this.ownServicesOnly = on;
    }

    /** @return the plugin location this loader serves, as given to the constructor */
    public String location() {
        return location;
    }

    /**
     * @param type a class
     * @return whether {@code type} was defined by this loader (it belongs to this plugin location,
     *     not to the runtime)
     */
    public boolean definesClass(Class<?> type) {
        return type != null && type.getClassLoader() == this;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                if (isParentFirstClass(name)) {
                    c = getParent().loadClass(name);
                } else {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException notInPlugin) {
                        c = getParent().loadClass(name);
                    }
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        Objects.requireNonNull(name, "name");
        if (isParentFirstResource(name)) {
            return getParent().getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Objects.requireNonNull(name, "name");
        if (isParentFirstResource(name)) {
            return getParent().getResources(name);
        }
        if (ownServicesOnly && DISCOVERED_SERVICES.contains(name)) {
            return findResources(name);
        }
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(all);
    }

    @Override
    public String toString() {
        return "PluginClassLoader{" + location + "}";
    }

    /**
     * @param className a binary class name such as {@code org.slf4j.Logger} or {@code a.B$C}
     * @return whether the class always comes from the runtime (see the class comment)
     */
    public static boolean isParentFirstClass(String className) {
        if (className.startsWith("java.")) {
            return true;
        }
        int dot = className.lastIndexOf('.');
        return dot > 0 && isParentFirstPackage(className.substring(0, dot));
    }

    /**
     * @param path a resource path such as {@code org/slf4j/Logger.class}
     * @return whether the resource always comes from the runtime
     */
    public static boolean isParentFirstResource(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        int slash = p.lastIndexOf('/');
        return slash > 0 && isParentFirstPackage(p.substring(0, slash).replace('/', '.'));
    }

    /**
     * @param pkg a package name such as {@code javax.sql}
     * @return whether classes of that package always come from the runtime: a JDK package, the SPI
     *     ({@code io.connectsdk.api...}) or the logging API ({@code org.slf4j...})
     */
    public static boolean isParentFirstPackage(String pkg) {
        return isJdkPackage(pkg) || isSpiPackage(pkg) || isLoggingApiPackage(pkg);
    }

    /**
     * @param pkg a package name
     * @return whether the JDK owns it ({@code java.*}, or a package of a {@code java.*}/{@code jdk.*}
     *     module of the boot layer)
     */
    public static boolean isJdkPackage(String pkg) {
        return pkg.equals("java") || pkg.startsWith("java.") || JDK_PACKAGES.contains(pkg);
    }

    /** @return whether {@code pkg} is {@code io.connectsdk.api} or one of its sub-packages */
    public static boolean isSpiPackage(String pkg) {
        return pkg.equals("io.connectsdk.api") || pkg.startsWith("io.connectsdk.api.");
    }

    /** @return whether {@code pkg} is {@code org.slf4j} or one of its sub-packages */
    public static boolean isLoggingApiPackage(String pkg) {
        return pkg.equals("org.slf4j") || pkg.startsWith("org.slf4j.");
    }

    private static Set<String> discoveredServices() {
        Set<String> names = new HashSet<>();
        for (PluginType t : PluginType.values()) {
            names.add(t.serviceResource());
        }
        names.add("META-INF/services/java.sql.Driver");
        return Set.copyOf(names);
    }

    private static Set<String> jdkPackages() {
        Set<String> packages = new HashSet<>();
        for (Module m : ModuleLayer.boot().modules()) {
            ModuleDescriptor d = m.getDescriptor();
            String name = m.getName();
            if (d != null && !d.isAutomatic() && (name.startsWith("java.") || name.startsWith("jdk."))) {
                packages.addAll(m.getPackages());
            }
        }
        return Set.copyOf(packages);
    }
}
