/**
 * The worker: runs connector instances and tasks on their own threads and moves data through the
 * source pipeline (poll, transforms, converters, producer, offset commit) and the sink pipeline
 * (consumer, converters, transforms, put, flush, consumer offset commit). Herders tell the
 * {@link io.connectsdk.runtime.worker.Worker} what to run; plugins come through
 * {@link io.connectsdk.runtime.worker.WorkerPlugins}.
 */
package io.connectsdk.runtime.worker;
