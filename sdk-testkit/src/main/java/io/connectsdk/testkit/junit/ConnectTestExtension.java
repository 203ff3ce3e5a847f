package io.connectsdk.testkit.junit;

import io.connectsdk.testkit.cluster.KafkaCluster;
import io.connectsdk.testkit.cluster.KafkaClusterFactory;
import io.connectsdk.testkit.cluster.KafkaMode;
import io.connectsdk.testkit.connect.ConnectCluster;
import io.connectsdk.testkit.connect.PluginSource;
import io.connectsdk.testkit.connect.PluginUnderTest;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JUnit 5 extension behind {@link ConnectTest @ConnectTest}; see there for what it does. Also
 * usable as {@code @ExtendWith(ConnectTestExtension.class)} on a class annotated with
 * {@code @ConnectTest} attributes. Stateless: everything lives in the test class's extension store.
 */
public final class ConnectTestExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private static final Logger log = LoggerFactory.getLogger(ConnectTestExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConnectTestExtension.class);
    private static final String CLUSTERS = "clusters";
    private static final Set<Class<?>> INJECTED = Set.of(KafkaCluster.class, ConnectCluster.class, TestTopics.class);

    /** Creates the extension; JUnit does, through {@link ConnectTest}. */
    public ConnectTestExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        clusters(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ConnectCluster connect = clusters(context).connect;
        if (!connect.isRunning()) {
            connect.start(); // a previous test stopped it
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Clusters clusters = clusters(context);
        try {
            clusters.connect.reset();
        } finally {
            TestTopics topics = context.getStore(NAMESPACE).get(topicsKey(context), TestTopics.class);
            if (topics != null) {
                topics.deleteAll();
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestTopics topics = context.getStore(NAMESPACE).get(topicsKey(context), TestTopics.class);
        if (topics != null) {
            topics.deleteAll();
        }
        ExtensionContext owner = owner(context).context;
        if (owner == context) {
            Clusters clusters = owner.getStore(NAMESPACE).remove(CLUSTERS, Clusters.class);
            if (clusters != null) {
                clusters.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return INJECTED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        Clusters clusters = clusters(context);
        if (type == KafkaCluster.class) {
            return clusters.kafka;
        }
        if (type == ConnectCluster.class) {
            return clusters.connect;
        }
        if (type == TestTopics.class) {
            String testName = context.getTestMethod().map(m -> m.getName())
                    .orElseGet(() -> context.getRequiredTestClass().getSimpleName());
            return context.getStore(NAMESPACE).computeIfAbsent(topicsKey(context),
                    k -> new TestTopics(clusters.kafka, testName, clusters::deleteTopics), TestTopics.class);
        }
        throw new ParameterResolutionException("@ConnectTest cannot inject " + type.getName());
    }

    private static String topicsKey(ExtensionContext context) {
        return "topics:" + context.getUniqueId();
    }

    /** @return the clusters of the test class, made and started on first use */
    private static Clusters clusters(ExtensionContext context) {
        Owner owner = owner(context);
        return owner.context.getStore(NAMESPACE).computeIfAbsent(CLUSTERS, k -> Clusters.start(owner), Clusters.class);
    }

    /** The nearest class context whose class carries {@code @ConnectTest}, with the annotation. */
    private record Owner(ExtensionContext context, ConnectTest annotation) {
    }

    private static Owner owner(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            ExtensionContext ctx = c.get();
            if (ctx.getTestClass().isPresent() && ctx.getTestMethod().isEmpty()) {
                Optional<ConnectTest> a = AnnotationSupport.findAnnotation(ctx.getRequiredTestClass(), ConnectTest.class);
                if (a.isPresent()) {
                    return new Owner(ctx, a.get());
                }
            }
        }
        throw new ExtensionConfigurationException("ConnectTestExtension needs @ConnectTest on the test class "
                + context.getTestClass().map(Class::getName).orElse("(none)"));
    }

    /** A test class's clusters; closed by JUnit with the class's store, or by {@link #afterAll}. */
    private static final class Clusters implements AutoCloseable {
        private final KafkaCluster kafka;
        private final ConnectCluster connect;
        private Admin admin;

        private Clusters(KafkaCluster kafka, ConnectCluster connect) {
            this.kafka = kafka;
            this.connect = connect;
        }

        static Clusters start(Owner owner) {
            ConnectTest a = owner.annotation;
            Class<?> testClass = owner.context.getRequiredTestClass();
            if (a.workers() != 1) {
                throw new ExtensionConfigurationException("@ConnectTest(workers = " + a.workers() + ") on "
                        + testClass.getName() + ": only one (standalone) worker is available; a distributed cluster of"
                        + " several workers is not implemented yet");
            }
            if (a.kafka().length > 1) {
                throw new ExtensionConfigurationException("@ConnectTest(kafka = ...) takes at most one mode");
            }
            ConnectCluster.Builder builder = ConnectCluster.builder().plugin(plugin(a, testClass));
            for (String kv : a.workerConfig()) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new ExtensionConfigurationException("@ConnectTest(workerConfig = \"" + kv + "\"): expected key=value");
                }
                builder.workerConfig(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
            }
            KafkaMode mode = KafkaClusterFactory.resolveMode(a.kafka().length == 0 ? null : a.kafka()[0]);
            KafkaCluster kafka = mode == KafkaMode.EMBEDDED
                    ? EmbeddedKafkaPrestart.claim().<KafkaCluster>map(c -> c).orElseGet(() -> KafkaClusterFactory.create(mode))
                    : KafkaClusterFactory.create(mode);
            ConnectCluster connect = builder.kafka(kafka).build();
            try {
                connect.start();
            } catch (RuntimeException | Error e) {
                try {
                    connect.close();
                } finally {
                    kafka.close();
                }
                throw e;
            }
            return new Clusters(kafka, connect);
        }

        private static PluginUnderTest plugin(ConnectTest a, Class<?> testClass) {
            if (a.plugin() == PluginSource.ARCHIVE) {
                return a.archive().isBlank() ? PluginUnderTest.archive(testClass) : PluginUnderTest.archive(Paths.get(a.archive()));
            }
            if (a.pluginPath().length > 0) {
                List<Path> entries = new ArrayList<>();
                for (String p : a.pluginPath()) {
                    entries.add(Paths.get(p));
                }
                return PluginUnderTest.classpath(entries);
            }
            if (a.pluginOf().length > 1) {
                throw new ExtensionConfigurationException("@ConnectTest(pluginOf = ...) takes at most one class");
            }
            return PluginUnderTest.exploded(a.pluginOf().length == 1 ? a.pluginOf()[0] : testClass);
        }

        synchronized void deleteTopics(List<String> topics) {
            try {
                if (admin == null) {
                    admin = Admin.create(kafka.adminConfig());
                }
                List<String> existing = new ArrayList<>(topics);
                existing.retainAll(admin.listTopics().names().get(10, TimeUnit.SECONDS));
                if (!existing.isEmpty()) {
                    admin.deleteTopics(existing).all().get(10, TimeUnit.SECONDS);
                }
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                log.warn("connect-sdk test kit: could not delete the test's topics {}: {}", topics, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public synchronized void close() {
            try {
                if (admin != null) {
                    admin.close(Duration.ofSeconds(5));
                }
                connect.close();
            } finally {
                kafka.close();
            }
        }
    }
}
