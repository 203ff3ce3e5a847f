package io.connectsdk.api.plugin;

import java.util.Map;

/**
 * A plugin that takes its configuration once, right after construction and before any other call.
 *
 * <p>The runtime calls {@link #configure(Map)} exactly once per instance, on the thread that
 * created it. Values are those of the connector or worker configuration with the plugin's own
 * prefix removed (for example {@code transforms.mask.fields} arrives as {@code fields}); they are
 * usually {@code String}s but may already be typed. Invalid configuration must be reported by
 * throwing {@link io.connectsdk.api.config.ConfigException} naming the key; the runtime then
 * refuses to start the connector or task and shows the message to the user.
 */
public interface Configurable {
    /**
     * @param configs the plugin's configuration, never {@code null}; do not keep a reference to
     *     the map itself, it may be reused
     */
    void configure(Map<String, ?> configs);
}
