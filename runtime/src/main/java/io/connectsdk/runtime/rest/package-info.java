/**
 * The worker's REST server: Kafka Connect's REST API (paths, JSON shapes, status codes and
 * {@code {"error_code":..,"message":..}} errors) over the JDK's built-in HTTP(S) server, answered
 * from a {@link io.connectsdk.runtime.herder.Herder}. Entry point: {@link io.connectsdk.runtime.rest.RestServer};
 * the plugin list comes from a supplier of {@link io.connectsdk.runtime.rest.PluginInfo}.
 */
package io.connectsdk.runtime.rest;
