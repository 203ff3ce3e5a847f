/**
 * Error handling of task pipelines as Kafka Connect configures it ({@code errors.*}): the
 * {@link io.connectsdk.runtime.errors.RetryWithToleranceOperator} (retries and tolerance), the
 * {@link io.connectsdk.runtime.errors.LogReporter}, the
 * {@link io.connectsdk.runtime.errors.DeadLetterQueueReporter} and the sink tasks'
 * {@link io.connectsdk.runtime.errors.WorkerErrantRecordReporter}.
 */
package io.connectsdk.runtime.errors;
