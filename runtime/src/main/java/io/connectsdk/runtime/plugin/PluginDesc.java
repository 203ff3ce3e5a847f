package io.connectsdk.runtime.plugin;

import java.util.List;
import java.util.Objects;

/**
 * One installed plugin: a class registered under an SPI type in one location. The same class may
 * be installed several times (in several locations, usually with different versions); each is its
 * own {@code PluginDesc}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param className the plugin's fully qualified class name, never {@code null}
 * @param aliases the short names that select this plugin unambiguously (simple class name, and
 *     the simple name without its type suffix), in that order; never {@code null}, possibly empty
 *     when both are shared with another class
 * @param version what {@code version()} returned, or {@link #UNDEFINED_VERSION} when it returned
 *     {@code null}, a blank string or threw; never {@code null}
 * @param type the SPI type it is registered under, never {@code null}
 * @param location the absolute path of its plugin location, or {@link #CLASSPATH_LOCATION} for a
 *     plugin of the runtime's own classpath (the built-ins); never {@code null}
 * @param loader the loader that defined the class (a {@link PluginClassLoader} unless it is a
 *     classpath plugin); never {@code null}
 * @param pluginClass the plugin class itself, never {@code null}
 */
public record PluginDesc(String className, List<String> aliases, String version, PluginType type, String location,
        ClassLoader loader, Class<?> pluginClass) {

    /** The version shown for a plugin whose {@code version()} gives no usable value. */
    public static final String UNDEFINED_VERSION = "undefined";
    /** The {@link #location()} of plugins found on the runtime's own classpath. */
    public static final String CLASSPATH_LOCATION = "classpath";

    /** Checks that no component is {@code null} and copies the aliases. */
    public PluginDesc {
        Objects.requireNonNull(className, "className");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(pluginClass, "pluginClass");
    }

    /** @return whether this plugin comes from the runtime's classpath rather than {@code plugin.path} */
    public boolean isClasspath() {
        return CLASSPATH_LOCATION.equals(location);
    }

    /**
     * @param newAliases the aliases to use
     * @return a copy of this description with other aliases
     */
    public PluginDesc withAliases(List<String> newAliases) {
        return new PluginDesc(className, newAliases, version, type, location, loader, pluginClass);
    }

    /** @return e.g. {@code com.acme.FileSourceConnector 1.2.0 (/opt/plugins/acme-file)} */
    @Override
    public String toString() {
        return className + " " + version + " (" + location + ")";
    }
}
