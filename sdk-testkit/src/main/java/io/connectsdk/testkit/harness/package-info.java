/**
 * Harnesses that run one plugin in a unit test, without a broker or a runtime:
 * {@link io.connectsdk.testkit.harness.SourceTaskHarness},
 * {@link io.connectsdk.testkit.harness.SinkTaskHarness},
 * {@link io.connectsdk.testkit.harness.TransformHarness} and
 * {@link io.connectsdk.testkit.harness.ConverterHarness}, plus the
 * {@link io.connectsdk.testkit.harness.Records} factory for test records and structs.
 *
 * <p>Each harness calls the plugin in the order and on the threads the SPI documents (a task runs
 * on its own thread; a source task's {@code stop()} comes from another one), bounds every call with
 * a timeout, and turns a broken contract (a {@code poll()} that never returns, a {@code stop()}
 * that does not unblock it, an offset that cannot be stored, a transform that changes its input,
 * a converter that loses data) into a {@link io.connectsdk.testkit.harness.ContractViolationError}
 * that says what was expected and what happened. Exceptions the plugin throws on purpose
 * ({@code ConfigException}, {@code DataException}, ...) reach the test unchanged.
 *
 * <p>Harnesses are meant to be driven from one test thread; they are not thread-safe themselves.
 */
package io.connectsdk.testkit.harness;
