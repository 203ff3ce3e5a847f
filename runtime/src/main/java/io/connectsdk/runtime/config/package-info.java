/**
 * Worker and connector configurations with Kafka Connect's key names and defaults:
 * {@link io.connectsdk.runtime.config.WorkerConfig}, {@link io.connectsdk.runtime.config.ConnectorConfig},
 * {@link io.connectsdk.runtime.config.SourceConnectorConfig} and
 * {@link io.connectsdk.runtime.config.SinkConnectorConfig}. Each reports every bad key at once in one
 * {@link io.connectsdk.api.config.ConfigException}.
 */
package io.connectsdk.runtime.config;
