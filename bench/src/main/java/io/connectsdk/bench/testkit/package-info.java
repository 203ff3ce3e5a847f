/**
 * The cold start of {@code @ConnectTest} (issue #6): how long a fresh JVM takes from its start to
 * the first record asserted by a test that gets an embedded broker and worker hosting an exploded
 * plugin. See {@link io.connectsdk.bench.testkit.ConnectTestColdStart} and {@code docs/benchmarks.md}.
 */
package io.connectsdk.bench.testkit;
