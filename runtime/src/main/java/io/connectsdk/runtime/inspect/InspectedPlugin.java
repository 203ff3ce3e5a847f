package io.connectsdk.runtime.inspect;

import io.connectsdk.runtime.plugin.PluginType;
import java.util.Objects;

/**
 * A plugin that a location registers and that could be constructed. Immutable.
 *
 * @param className the plugin class, never {@code null}
 * @param type the SPI type it is registered under, never {@code null}
 * @param version what {@code version()} returned; {@code null} when it gave no usable version (a
 *     finding says why)
 * @param jar the jar (or class folder) holding the class, relative to the location; never {@code null}
 */
public record InspectedPlugin(String className, PluginType type, String version, String jar) {
    /** Checks the non-null components. */
    public InspectedPlugin {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(jar, "jar");
    }
}
