/**
 * Fluent, AssertJ-style assertions with bounded waiting. Start at
 * {@link io.connectsdk.testkit.assertions.ConnectAssertions}:
 * {@code assertThat(topic(kafka, "orders")).within(ofSeconds(10)).hasRecordCount(100)}, or
 * {@code assertThat(deadLetterQueue(kafka, "dlq")).hasRecordCount(1).firstRecordHasErrorHeader(...)}.
 *
 * <p>Every check waits (with Awaitility, in the calling thread) until it holds or its bound passes,
 * and fails at once when it can no longer hold. A failure message names the expectation and the
 * bound, and shows what was seen: the record count (per partition) and the first records with
 * partition, offset, key, value and headers. {@link io.connectsdk.testkit.assertions.WaitingAssert}
 * is the base for assertions of your own on things that change over time.
 */
package io.connectsdk.testkit.assertions;
