/**
 * Standalone mode: {@link io.connectsdk.runtime.standalone.Standalone} starts one worker with
 * connector configurations from properties files; {@link io.connectsdk.runtime.standalone.StandaloneHerder}
 * is the {@link io.connectsdk.runtime.herder.Herder} the REST API serves.
 */
package io.connectsdk.runtime.standalone;
