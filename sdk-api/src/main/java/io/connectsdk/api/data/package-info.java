/**
 * The data model that records carry: {@link io.connectsdk.api.data.Schema} (built with
 * {@link io.connectsdk.api.data.SchemaBuilder}, immutable as {@link io.connectsdk.api.data.ConnectSchema}),
 * validated {@link io.connectsdk.api.data.Struct}s, {@link io.connectsdk.api.data.SchemaAndValue},
 * and the logical types {@link io.connectsdk.api.data.Decimal}, {@link io.connectsdk.api.data.Date},
 * {@link io.connectsdk.api.data.Time} and {@link io.connectsdk.api.data.Timestamp}.
 *
 * <p>The concepts, Java value types and logical type names are those of Kafka Connect's
 * {@code org.apache.kafka.connect.data}, so data converts losslessly in both directions.
 *
 * <p>Every failure in this package, including a {@code null} argument where none is allowed, is
 * an {@link io.connectsdk.api.errors.DataException} whose message names the culprit (schema, field,
 * attribute). Schemas are immutable and thread-safe once built; builders and structs are mutable
 * and not thread-safe.
 */
package io.connectsdk.api.data;
