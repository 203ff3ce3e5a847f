/**
 * Converters: how keys, values ({@link io.connectsdk.api.storage.Converter}) and headers
 * ({@link io.connectsdk.api.storage.HeaderConverter}) are stored as bytes in Kafka.
 */
package io.connectsdk.api.storage;
