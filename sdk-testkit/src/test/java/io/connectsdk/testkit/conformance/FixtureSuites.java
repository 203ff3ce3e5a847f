package io.connectsdk.testkit.conformance;

import io.connectsdk.api.sink.SinkConnector;
import io.connectsdk.api.source.SourceConnector;
import io.connectsdk.testkit.conformance.FixtureLocation.Defect;
import io.connectsdk.testkit.conformance.fixtures.BrokenSinks;
import io.connectsdk.testkit.conformance.fixtures.BrokenSources;
import io.connectsdk.testkit.conformance.fixtures.GoodSinkConnector;
import io.connectsdk.testkit.conformance.fixtures.GoodSourceConnector;
import io.connectsdk.testkit.conformance.fixtures.MemoryStore;
import io.connectsdk.testkit.connect.PluginUnderTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance suites of the fixture plugins, run by {@link ConformanceFixturesTest} through the
 * JUnit launcher (and disabled otherwise, see {@link FixtureRunsOnly}). Short bounds keep the
 * broken fixtures' failures fast.
 */
final class FixtureSuites {
    private FixtureSuites() {
    }

    /** A source fixture's suite: data in a fresh {@link MemoryStore} dataset per check. */
    @ExtendWith(FixtureRunsOnly.class)
    abstract static class SourceSuite extends SourceConnectorConformance<SourceConnector> {
        final String dataset = "ds-" + UUID.randomUUID();
        private int produced;

        abstract Class<? extends SourceConnector> fixture();

        Defect defect() {
            return Defect.NONE;
        }

        @Override
        protected Class<? extends SourceConnector> connectorClass() {
            return fixture();
        }

        @Override
        protected Map<String, String> validConfig() {
            Map<String, String> cfg = new LinkedHashMap<>();
            cfg.put("dataset", dataset);
            cfg.put("topic", "fixture-lines");
            return cfg;
        }

        @Override
        protected void produceSourceData(int count) {
            List<String> lines = MemoryStore.dataset(dataset);
            for (int i = 0; i < count; i++) {
                lines.add("line-" + produced++);
            }
        }

        @Override
        protected Path pluginLocation() {
            return FixtureLocation.of(fixture(), SourceConnector.class, newConnector().version(), defect());
        }

        @Override
        protected PluginUnderTest pluginUnderTest() {
            return PluginUnderTest.classpath(List.of(pluginLocation()));
        }

        @Override
        protected Duration stopBound() {
            return Duration.ofSeconds(1);
        }

        @Override
        protected Duration recordTimeout() {
            return Duration.ofSeconds(3);
        }

        @Override
        protected Duration pollBound() {
            return Duration.ofSeconds(4);
        }
    }

    /** A sink fixture's suite: a fresh {@link MemoryStore} table per check. */
    @ExtendWith(FixtureRunsOnly.class)
    abstract static class SinkSuite extends SinkConnectorConformance<SinkConnector> {
        final String table = "table-" + UUID.randomUUID();

        abstract Class<? extends SinkConnector> fixture();

        @Override
        protected Class<? extends SinkConnector> connectorClass() {
            return fixture();
        }

        @Override
        protected Map<String, String> validConfig() {
            return Map.of("table", table, "topics", "fixture-input");
        }

        @Override
        protected Collection<?> readBack() {
            return List.copyOf(MemoryStore.table(table));
        }

        @Override
        protected AutoCloseable blockDestination() {
            MemoryStore.close(table);
            return () -> MemoryStore.open(table);
        }

        @Override
        protected Path pluginLocation() {
            return FixtureLocation.of(fixture(), SinkConnector.class, newConnector().version(), Defect.NONE);
        }

        @Override
        protected PluginUnderTest pluginUnderTest() {
            return PluginUnderTest.classpath(List.of(pluginLocation()));
        }

        @Override
        protected Duration stopBound() {
            return Duration.ofSeconds(1);
        }

        @Override
        protected Duration recordTimeout() {
            return Duration.ofSeconds(3);
        }
    }

    static final class GoodSource extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return GoodSourceConnector.class;
        }
    }

    static final class GoodSink extends SinkSuite {
        @Override
        Class<? extends SinkConnector> fixture() {
            return GoodSinkConnector.class;
        }
    }

    // Packaging defects of the good connector.

    static final class NotRegistered extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return GoodSourceConnector.class;
        }

        @Override
        Defect defect() {
            return Defect.NO_SERVICE_FILE;
        }
    }

    static final class BundlesSpi extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return GoodSourceConnector.class;
        }

        @Override
        Defect defect() {
            return Defect.BUNDLED_SPI;
        }
    }

    static final class StaleManifest extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return GoodSourceConnector.class;
        }

        @Override
        Defect defect() {
            return Defect.STALE_MANIFEST;
        }
    }

    static final class ClassTooNew extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return GoodSourceConnector.class;
        }

        @Override
        Defect defect() {
            return Defect.CLASS_TOO_NEW;
        }
    }

    /** One suite per broken source connector of {@link BrokenSources}. */
    static final class UnexpandedVersion extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.UnexpandedVersion.class;
        }
    }

    static final class RejectsValidConfig extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.RejectsValidConfig.class;
        }
    }

    static final class TopicNotDeclaredRequired extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.TopicNotDeclaredRequired.class;
        }
    }

    static final class BatchSizeTypedAsString extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.BatchSizeTypedAsString.class;
        }
    }

    static final class ModeWithoutValidator extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.ModeWithoutValidator.class;
        }
    }

    static final class UndocumentedKey extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.UndocumentedKey.class;
        }
    }

    static final class TokenAsString extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.TokenAsString.class;
        }
    }

    static final class ValidateThrowsOnEmpty extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.ValidateThrowsOnEmpty.class;
        }
    }

    static final class StopBeforeStartNpe extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.StopBeforeStartNpe.class;
        }
    }

    static final class StopAfterFailedStartNpe extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.StopAfterFailedStartNpe.class;
        }
    }

    static final class DoubleStopThrows extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.DoubleStopThrows.class;
        }
    }

    static final class NoRestart extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.NoRestart.class;
        }
    }

    static final class LeaksThread extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.LeaksThread.class;
        }
    }

    static final class TooManyTasks extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.TooManyTasks.class;
        }
    }

    static final class RandomTaskConfig extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.RandomTaskConfig.class;
        }
    }

    static final class BrokenSecondTaskConfig extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.BrokenSecondTaskConfig.class;
        }
    }

    static final class IllegalTopic extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.IllegalTopic.class;
        }
    }

    static final class SkipsOnResume extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.SkipsOnResume.class;
        }
    }

    static final class IgnoresOffsets extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.IgnoresOffsets.class;
        }
    }

    static final class SlowIdlePoll extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.SlowIdlePoll.class;
        }
    }

    static final class StopDoesNotWakePoll extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.StopDoesNotWakePoll.class;
        }
    }

    static final class LogsToken extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.LogsToken.class;
        }
    }

    static final class RefusedTokenInTrace extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.RefusedTokenInTrace.class;
        }
    }

    static final class RetryQuotesPassword extends SinkSuite {
        @Override
        Class<? extends SinkConnector> fixture() {
            return BrokenSinks.RetryQuotesPassword.class;
        }
    }

    static final class SingleWriter extends SinkSuite {
        @Override
        Class<? extends SinkConnector> fixture() {
            return BrokenSinks.SingleWriter.class;
        }
    }

    static final class BuffersUntilClose extends SinkSuite {
        @Override
        Class<? extends SinkConnector> fixture() {
            return BrokenSinks.BuffersUntilClose.class;
        }
    }

    static final class IgnoresInterrupt extends SinkSuite {
        @Override
        Class<? extends SinkConnector> fixture() {
            return BrokenSinks.IgnoresInterrupt.class;
        }
    }

    static final class PollWatchdog extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return BrokenSources.PollWatchdog.class;
        }
    }

    static final class StallAlarm extends SinkSuite {
        @Override
        Class<? extends SinkConnector> fixture() {
            return BrokenSinks.StallAlarm.class;
        }
    }

    // The skip mechanism.

    /** Skips one check with a reason. */
    static final class SkipsWithReason extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return GoodSourceConnector.class;
        }

        @Override
        protected Map<String, String> skippedChecks() {
            return Map.of("CONFIG-DOCUMENTED", "documented in the vendor's wiki instead");
        }
    }

    /** Skips one check without a reason: every check fails. */
    static final class SkipsWithoutReason extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return GoodSourceConnector.class;
        }

        @Override
        protected Map<String, String> skippedChecks() {
            return Map.of("CONFIG-DOCUMENTED", "  ");
        }
    }

    /** Skips a check id that does not exist: every check fails. */
    static final class SkipsUnknownCheck extends SourceSuite {
        @Override
        Class<? extends SourceConnector> fixture() {
            return GoodSourceConnector.class;
        }

        @Override
        protected Map<String, String> skippedChecks() {
            return Map.of("CONFIG-DOCUMENTD", "typo");
        }
    }
}
