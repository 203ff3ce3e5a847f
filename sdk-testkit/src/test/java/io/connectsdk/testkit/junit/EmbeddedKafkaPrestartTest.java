package io.connectsdk.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.connectsdk.testkit.cluster.KafkaCluster;
import io.connectsdk.testkit.cluster.KafkaMode;
import io.connectsdk.testkit.junit.fixtures.CountingSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The broker prestart through the real JUnit Platform launcher (which finds the listener through
 * {@code META-INF/services}, as Surefire's does).
 */
class EmbeddedKafkaPrestartTest {
    static final AtomicReference<KafkaCluster> injected = new AtomicReference<>();

    /** Run only through the launcher below (Surefire skips nested classes). */
    @ConnectTest(pluginOf = CountingSource.class)
    static class UsesEmbeddedKafka {
        @Test
        void recordsItsCluster(KafkaCluster kafka) {
            injected.set(kafka);
        }
    }

    /** Asks for an external cluster: nothing to prestart. */
    @ConnectTest(pluginOf = CountingSource.class, kafka = KafkaMode.EXTERNAL)
    static class UsesExternalKafka {
        @Test
        void neverRuns() {
        }
    }

    /** No @ConnectTest at all. */
    static class PlainTest {
        @Test
        void passes() {
        }
    }

    @BeforeEach
    @AfterEach
    void reset() {
        EmbeddedKafkaPrestart.resetForTests();
        injected.set(null);
    }

    private static TestExecutionSummary run(LauncherDiscoveryRequest request) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, summary);
        return summary.getSummary();
    }

    @Test
    void theFirstConnectTestClassSelectedGetsTheBrokerStartedDuringDiscovery() {
        TestExecutionSummary summary = run(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(PlainTest.class), selectClass(UsesEmbeddedKafka.class)).build());

        assertThat(summary.getTotalFailureCount()).isZero();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(EmbeddedKafkaPrestart.lastPrestarted()).as("prestarted while discovering").isNotNull();
        assertThat(injected.get()).as("the class used the prestarted broker").isSameAs(EmbeddedKafkaPrestart.lastPrestarted());
        assertThat(EmbeddedKafkaPrestart.claim()).as("claimed once").isEmpty();
        assertThat(injected.get().toString()).as("closed after the class, like any of its clusters").contains("closed");
    }

    @Test
    void aMethodSelectorCountsToo() {
        run(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(UsesEmbeddedKafka.class, "recordsItsCluster", KafkaCluster.class.getName())).build());

        assertThat(injected.get()).isNotNull().isSameAs(EmbeddedKafkaPrestart.lastPrestarted());
    }

    @Test
    void nothingStartsWithoutAnEmbeddedConnectTestClassOrWhenTurnedOff() {
        run(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(PlainTest.class)).build());
        assertThat(EmbeddedKafkaPrestart.lastPrestarted()).as("no @ConnectTest class").isNull();

        LauncherDiscoveryRequest external = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(UsesExternalKafka.class)).build();
        LauncherFactory.create().discover(external);
        assertThat(EmbeddedKafkaPrestart.lastPrestarted()).as("external Kafka").isNull();

        run(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(UsesEmbeddedKafka.class))
                .configurationParameter(EmbeddedKafkaPrestart.ENABLED_PROPERTY, "false").build());
        assertThat(EmbeddedKafkaPrestart.lastPrestarted()).as("turned off").isNull();
        assertThat(injected.get()).as("the class started its own broker").isNotNull();
    }
}
