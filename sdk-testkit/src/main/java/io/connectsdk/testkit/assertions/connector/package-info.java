/**
 * Reserved for assertions on connectors and tasks of an embedded Connect cluster (their state,
 * task count, restarts, failure traces), to come with the embedded worker. They will be
 * {@link io.connectsdk.testkit.assertions.WaitingAssert}s, like the topic assertions, reached from
 * {@link io.connectsdk.testkit.assertions.ConnectAssertions}, e.g.
 * {@code assertThat(connector(connect, "orders-sink")).within(ofSeconds(30)).isRunning().hasRunningTasks(2)}.
 */
package io.connectsdk.testkit.assertions.connector;
