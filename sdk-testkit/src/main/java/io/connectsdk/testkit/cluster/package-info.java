/**
 * Kafka clusters for tests, behind one interface, {@link io.connectsdk.testkit.cluster.KafkaCluster}:
 * an in-JVM broker ({@link io.connectsdk.testkit.cluster.KafkaMode#EMBEDDED}, the default: no
 * Docker needed), a Testcontainers {@code apache/kafka} container
 * ({@link io.connectsdk.testkit.cluster.KafkaMode#CONTAINER}) or a running cluster reached by its
 * bootstrap address ({@link io.connectsdk.testkit.cluster.KafkaMode#EXTERNAL}).
 *
 * <p>The mode is chosen by {@link io.connectsdk.testkit.cluster.KafkaClusterFactory}: an explicit
 * argument, else the system property {@code connectsdk.kafka}, else the environment variable
 * {@code CONNECTSDK_KAFKA_MODE}, else embedded. So the same test suite runs against an embedded
 * broker on a laptop and against a real cluster in CI with
 * {@code -Dconnectsdk.kafka=external -Dconnectsdk.kafka.bootstrap=host:port}.
 *
 * <p>{@link io.connectsdk.testkit.cluster.KafkaClusterExtension} starts one cluster per test class
 * (or per test) with a single JUnit 5 field.
 */
package io.connectsdk.testkit.cluster;
