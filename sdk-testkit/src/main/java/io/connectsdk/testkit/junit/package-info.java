/**
 * JUnit 5 integration: {@link io.connectsdk.testkit.junit.ConnectTest @ConnectTest} gives a test
 * class a Kafka cluster and a Connect cluster hosting the plugin under test, injects them (and
 * per-test {@link io.connectsdk.testkit.junit.TestTopics}) as parameters, shares them across the
 * class and cleans up between tests.
 */
package io.connectsdk.testkit.junit;
