/**
 * An embedded single-node KRaft Kafka broker for tests: {@link io.connectsdk.testkit.kafka.EmbeddedKafkaBroker}.
 * This package depends on Apache Kafka's server artifacts and SLF4J only, and on no other connect-sdk module.
 */
package io.connectsdk.testkit.kafka;
