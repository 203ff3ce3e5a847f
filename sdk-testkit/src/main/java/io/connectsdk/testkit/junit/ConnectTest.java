package io.connectsdk.testkit.junit;

import io.connectsdk.testkit.cluster.KafkaMode;
import io.connectsdk.testkit.connect.PluginSource;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Gives a test class a Kafka cluster and a Connect cluster hosting the plugin under test: one line,
 * no Docker, nothing to package first.
 *
 * <pre>{@code
 * @ConnectTest
 * class FileConnectorsTest {
 *     @Test
 *     void copiesLines(ConnectCluster connect, KafkaCluster kafka, TestTopics topics) {
 *         String topic = topics.create("lines", 1);
 *         connect.startConnector("source", Map.of("connector.class", "FileSourceConnector",
 *                 "file", input.toString(), "topic", topic));
 *         assertThat(topic(kafka, topic)).hasRecordCount(3);
 *     }
 * }
 * }</pre>
 *
 * <h2>What a test gets</h2>
 * Parameters of test, lifecycle and constructor methods of these types are injected:
 * {@link io.connectsdk.testkit.cluster.KafkaCluster}, {@link io.connectsdk.testkit.connect.ConnectCluster}
 * and {@link TestTopics}. The clusters are made and started once per test class (a {@code @Nested}
 * class shares its enclosing class's) and closed after the class; they live in the class's
 * {@link org.junit.jupiter.api.extension.ExtensionContext.Store} and are closed by JUnit with it.
 *
 * <h2>Isolation between tests</h2>
 * After each test every connector is deleted, with its source offsets and its sink consumer group,
 * so a connector name can be reused. Topics are <em>not</em> recycled: Kafka deletes topics
 * asynchronously, and a topic re-created under the same name can race with the deletion or be
 * auto-created again by a client that still has it in its metadata. So each test takes its topic
 * names from the injected {@link TestTopics} ({@code topics.name("orders")} gives
 * {@code orders-<test>-<run>-<n>}, unique in the run); they are deleted after the test. The tests of
 * one class share the clusters, so they run one at a time ({@code @Execution(SAME_THREAD)}); with
 * JUnit's parallel execution, different classes run side by side, each with its own clusters.
 *
 * <h2>The plugin under test</h2>
 * {@link PluginSource#EXPLODED} (default): the module's {@code target/classes} (the sibling of the
 * test's {@code test-classes}) plus its runtime dependencies taken from the test class path, loaded
 * through the runtime's child-first plugin class loader with the plugin's classes hidden from the
 * runtime; see {@link io.connectsdk.testkit.connect.PluginUnderTest#exploded(Class)}.
 * {@link PluginSource#ARCHIVE}: the packaged {@code -plugin.zip} (after {@code package}: use it in
 * failsafe {@code *IT} tests).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ConnectTestExtension.class)
@Execution(ExecutionMode.SAME_THREAD)
public @interface ConnectTest {
    /**
     * @return the Kafka cluster's mode; empty (the default) takes it from the system property
     *     {@code connectsdk.kafka}, else the environment variable {@code CONNECTSDK_KAFKA_MODE},
     *     else {@link KafkaMode#EMBEDDED} (see {@link io.connectsdk.testkit.cluster.KafkaClusterFactory});
     *     at most one value
     */
    KafkaMode[] kafka() default {};

    /**
     * @return the number of Connect workers; only 1 (a standalone worker) is available for now, a
     *     distributed cluster of several workers will come with the distributed runtime
     */
    int workers() default 1;

    /** @return where the plugin under test comes from */
    PluginSource plugin() default PluginSource.EXPLODED;

    /**
     * @return for {@link PluginSource#EXPLODED}, a plugin class (connector, converter, ...) whose
     *     folder or jar is the plugin's class folder, for a test that is not in the plugin's module;
     *     empty (the default): the module of the test class; at most one value
     */
    Class<?>[] pluginOf() default {};

    /**
     * @return for {@link PluginSource#EXPLODED}, the plugin's exact classpath (class folders and jars,
     *     its own classes first; relative paths from the working directory, i.e. the module's folder
     *     under Maven) instead of the detected one; empty: detect
     */
    String[] pluginPath() default {};

    /**
     * @return for {@link PluginSource#ARCHIVE}, the {@code .zip} plugin archive or plugin directory
     *     (relative paths from the module's folder); empty: the system property
     *     {@code connectsdk.plugin.archive}, else the single {@code *-plugin.zip} of the build folder
     */
    String archive() default "";

    /**
     * @return extra worker settings as {@code key=value}, e.g. {@code "value.converter=JsonConverter"};
     *     they override the test kit's defaults
     */
    String[] workerConfig() default {};
}
