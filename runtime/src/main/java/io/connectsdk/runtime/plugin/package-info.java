/**
 * Plugin isolation and discovery. Every location of {@code plugin.path} (a directory of jars, an
 * uber-jar or a {@code .zip} plugin archive: {@link io.connectsdk.runtime.plugin.PluginLocation}) gets a
 * child-first {@link io.connectsdk.runtime.plugin.PluginClassLoader}; plugins are found with
 * {@link java.util.ServiceLoader} and listed by the {@link io.connectsdk.runtime.plugin.Plugins}
 * registry, which also creates plugin instances. Every call into plugin code runs with the plugin's
 * loader as thread context class loader ({@link io.connectsdk.runtime.plugin.LoaderSwap}).
 */
package io.connectsdk.runtime.plugin;
