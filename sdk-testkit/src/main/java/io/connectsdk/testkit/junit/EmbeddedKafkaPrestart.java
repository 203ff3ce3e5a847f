package io.connectsdk.testkit.junit;

import io.connectsdk.testkit.cluster.EmbeddedKafkaCluster;
import io.connectsdk.testkit.cluster.KafkaClusterFactory;
import io.connectsdk.testkit.cluster.KafkaMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.NestedClassSelector;
import org.junit.platform.engine.discovery.NestedMethodSelector;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded Kafka broker of the first {@link ConnectTest @ConnectTest} class while JUnit
 * is still discovering the tests, so that the broker's start (the largest part of a cold
 * {@code @ConnectTest}, about 1.5-2 s) overlaps the launcher's discovery instead of following it.
 *
 * <p>Registered with the JUnit Platform launcher through {@code META-INF/services} (Surefire and
 * IDEs load it when the test kit is on the test class path). When discovery starts it looks at the
 * classes the request selects by name (class, method and nested-class selectors: what Surefire and
 * IDEs send) and, only if one of them carries {@code @ConnectTest} whose Kafka mode resolves to
 * {@link KafkaMode#EMBEDDED}, starts one embedded broker on a daemon thread. The first
 * {@code @ConnectTest} class that needs an embedded broker {@linkplain #claim() takes it} (and
 * closes it after the class, like one it started itself); the others start their own as before.
 * A broker nobody took is closed when the JVM exits. Requests that select packages or the class
 * path start nothing.
 *
 * <p>Turn it off with the configuration parameter or system property
 * {@value #ENABLED_PROPERTY}{@code =false} (e.g. in {@code junit-platform.properties}).
 *
 * <p>Thread-safe; at most one broker per JVM is ever prestarted.
 */
public final class EmbeddedKafkaPrestart implements LauncherDiscoveryListener {
    /** Configuration parameter / system property: {@code false} turns the prestart off. */
    public static final String ENABLED_PROPERTY = "connectsdk.kafka.prestart";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaPrestart.class);
    private static final AtomicBoolean attempted = new AtomicBoolean();
    private static final AtomicReference<EmbeddedKafkaCluster> prestarted = new AtomicReference<>();
    /** The last cluster prestarted in this JVM, claimed or not; for tests. */
    private static volatile EmbeddedKafkaCluster lastPrestarted;

    /** Created by the JUnit Platform launcher through {@code ServiceLoader}. */
    public EmbeddedKafkaPrestart() {
    }

    @Override
    public void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
        try {
            // JUnit's configuration parameters include the system properties and junit-platform.properties
            if (!request.getConfigurationParameters().getBoolean(ENABLED_PROPERTY).orElse(true)) {
                return;
            }
            if (attempted.get()) {
                return;
            }
            Optional<Class<?>> first = firstConnectTestClass(selectedClassNames(request));
            if (first.isPresent() && attempted.compareAndSet(false, true)) {
                start(first.get());
            }
        } catch (RuntimeException | LinkageError e) {
            // an optimisation only: the @ConnectTest class starts its broker itself
            log.debug("connect-sdk test kit: no Kafka prestart: {}", e.toString());
        }
    }

    private static List<String> selectedClassNames(LauncherDiscoveryRequest request) {
        List<String> names = new ArrayList<>();
        request.getSelectorsByType(ClassSelector.class).forEach(s -> names.add(s.getClassName()));
        request.getSelectorsByType(MethodSelector.class).forEach(s -> names.add(s.getClassName()));
        request.getSelectorsByType(NestedClassSelector.class).forEach(s -> names.add(s.getEnclosingClassNames().get(0)));
        request.getSelectorsByType(NestedMethodSelector.class).forEach(s -> names.add(s.getEnclosingClassNames().get(0)));
        return names;
    }

    /** @return the first class (by name, loaded without initialising it) that will want an embedded broker */
    private static Optional<Class<?>> firstConnectTestClass(List<String> names) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = EmbeddedKafkaPrestart.class.getClassLoader();
        }
        for (String name : names) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            Optional<ConnectTest> a = AnnotationSupport.findAnnotation(type, ConnectTest.class);
            if (a.isPresent() && a.get().kafka().length <= 1 && KafkaClusterFactory.resolveMode(
                    a.get().kafka().length == 0 ? null : a.get().kafka()[0]) == KafkaMode.EMBEDDED) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static void start(Class<?> forClass) {
        EmbeddedKafkaCluster cluster = (EmbeddedKafkaCluster) KafkaClusterFactory.create(KafkaMode.EMBEDDED);
        prestarted.set(cluster);
        lastPrestarted = cluster;
        Thread starter = new Thread(() -> {
            try {
                cluster.start();
                log.debug("connect-sdk test kit: embedded Kafka prestarted for {}: {}", forClass.getName(), cluster);
            } catch (RuntimeException | Error e) {
                // left for the claiming class: its start() retries and reports the failure in the test
                log.debug("connect-sdk test kit: embedded Kafka prestart failed: {}", e.toString());
            }
        }, "connect-sdk-kafka-prestart");
        starter.setDaemon(true);
        starter.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            EmbeddedKafkaCluster unclaimed = prestarted.getAndSet(null);
            if (unclaimed != null) {
                unclaimed.close();
            }
        }, "connect-sdk-kafka-prestart-close"));
    }

    /**
     * @return the prestarted embedded cluster (started, or still starting: its {@code start()}
     *     waits for that), at most once per JVM; empty when none was prestarted or it was taken
     */
    static Optional<EmbeddedKafkaCluster> claim() {
        return Optional.ofNullable(prestarted.getAndSet(null));
    }

    /** @return the last cluster prestarted in this JVM, claimed or not, or {@code null}; for tests */
    static EmbeddedKafkaCluster lastPrestarted() {
        return lastPrestarted;
    }

    /** Forgets that a prestart happened and closes an unclaimed broker, so that a test can trigger another. */
    static void resetForTests() {
        EmbeddedKafkaCluster unclaimed = prestarted.getAndSet(null);
        if (unclaimed != null) {
            unclaimed.close();
        }
        lastPrestarted = null;
        attempted.set(false);
    }
}
