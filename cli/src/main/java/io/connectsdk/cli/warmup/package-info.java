/**
 * The launcher's class-data-sharing warm-up: {@link io.connectsdk.cli.warmup.ClassDataSharingWarmup}
 * runs a standalone worker with a tiny source and sink (loaded from a throw-away plugin jar, never a
 * built-in) so that a JVM started with {@code -XX:ArchiveClassesAtExit} archives the classes every
 * start needs. Internal to {@code bin/connect-sdk} and the benchmark; not an API.
 */
package io.connectsdk.cli.warmup;
