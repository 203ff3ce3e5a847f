/**
 * Assertions on the connectors and tasks of an embedded Connect cluster
 * ({@link io.connectsdk.testkit.connect.ConnectCluster}): their states, task count and failure
 * traces. They are {@link io.connectsdk.testkit.assertions.WaitingAssert}s, like the topic
 * assertions, reached with {@code assertThat(connect.connector("name"))} from
 * {@link io.connectsdk.testkit.assertions.ConnectAssertions} (through AssertJ's
 * {@code AssertProvider}) or {@link io.connectsdk.testkit.assertions.connector.ConnectorAssertions}:
 * <pre>{@code
 * assertThat(connect.connector("orders-sink")).within(ofSeconds(30)).isRunning().hasTaskCount(2).allTasksRunning();
 * }</pre>
 */
package io.connectsdk.testkit.assertions.connector;
