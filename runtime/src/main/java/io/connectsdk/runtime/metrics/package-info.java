/**
 * The worker's JMX metrics under Kafka Connect's MBean and attribute names
 * ({@code kafka.connect:type=...}), built on kafka-clients' metrics library. Entry point:
 * {@link io.connectsdk.runtime.metrics.ConnectMetrics}. Depends on nothing else of the runtime.
 */
package io.connectsdk.runtime.metrics;
