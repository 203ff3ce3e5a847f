/**
 * Record headers: {@link io.connectsdk.api.header.Header} (immutable key, schema and value;
 * standard implementation {@link io.connectsdk.api.header.ConnectHeader}) and the ordered,
 * mutable collection {@link io.connectsdk.api.header.Headers} (standard implementation
 * {@link io.connectsdk.api.header.ConnectHeaders}). The concepts are those of Kafka Connect's
 * {@code org.apache.kafka.connect.header}.
 *
 * <p>Values with a schema are validated against it; failures, and {@code null} keys, are
 * {@link io.connectsdk.api.errors.DataException}s naming the header key.
 */
package io.connectsdk.api.header;
