/**
 * Sink plugins: {@link io.connectsdk.api.sink.SinkConnector}, {@link io.connectsdk.api.sink.SinkTask},
 * the {@link io.connectsdk.api.sink.SinkRecord}s they receive, and the
 * {@link io.connectsdk.api.sink.SinkTaskContext} through which they steer their consumer and
 * report errant records.
 */
package io.connectsdk.api.sink;
