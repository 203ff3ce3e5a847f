/**
 * The connect-sdk test kit, for people who write plugins against {@code io.connectsdk.api}.
 *
 * <ul>
 *   <li>{@link io.connectsdk.testkit.harness}: drive a source task, sink task, transform or converter
 *       in a plain unit test, without a broker, with the SPI's call order and threads, and with
 *       contract violations reported as {@link io.connectsdk.testkit.harness.ContractViolationError}s;</li>
 *   <li>{@link io.connectsdk.testkit.cluster}: a Kafka cluster for tests (an embedded broker by
 *       default, a Testcontainers broker, or an external one), chosen by a system property;</li>
 *   <li>{@link io.connectsdk.testkit.assertions}: fluent, AssertJ-style assertions on topics and
 *       dead letter queues that wait (with a bound) for the data to arrive.</li>
 * </ul>
 */
package io.connectsdk.testkit;
