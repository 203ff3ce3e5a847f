package io.connectsdk.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Proves that the conformance suites catch what they claim to: each deliberately broken fixture
 * plugin fails exactly the check it breaks, with a message that says why, and passes every other
 * check; the correct fixtures pass every check. The suites run through the JUnit Platform launcher.
 */
class ConformanceFixturesTest {
    @TempDir
    static Path reports;

    /** The outcome of one run of a suite: check id to status, and check id to failure message. */
    record Run(Map<String, TestExecutionResult.Status> status, Map<String, String> messages) {
        Set<String> failed() {
            return ids(TestExecutionResult.Status.FAILED);
        }

        Set<String> skipped() {
            return ids(TestExecutionResult.Status.ABORTED);
        }

        Set<String> passed() {
            return ids(TestExecutionResult.Status.SUCCESSFUL);
        }

        private Set<String> ids(TestExecutionResult.Status s) {
            return new TreeMap<>(status).entrySet().stream().filter(e -> e.getValue() == s).map(Map.Entry::getKey)
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    static Run run(Class<?> suite) {
        return run(suite, false);
    }

    static Run run(Class<?> suite, boolean withBroker) {
        Map<String, TestExecutionResult.Status> status = new ConcurrentHashMap<>();
        Map<String, String> messages = new ConcurrentHashMap<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                checkId(id).ifPresent(check -> {
                    status.put(check, result.getStatus());
                    result.getThrowable().ifPresent(t -> messages.put(check, String.valueOf(t.getMessage())));
                });
            }
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(suite))
                .configurationParameter(FixtureRunsOnly.PARAMETER, "true")
                .configurationParameter(FixtureRunsOnly.BROKER_PARAMETER, Boolean.toString(withBroker))
                .configurationParameter(ConformanceExtension.REPORT_DIR_PROPERTY, reports.toString())
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, listener);
        return new Run(Map.copyOf(status), Map.copyOf(messages));
    }

    private static java.util.Optional<String> checkId(TestIdentifier id) {
        return id.getSource().filter(org.junit.platform.engine.support.descriptor.MethodSource.class::isInstance)
                .map(org.junit.platform.engine.support.descriptor.MethodSource.class::cast)
                .map(org.junit.platform.engine.support.descriptor.MethodSource::getJavaMethod).map(m -> m.getAnnotation(Check.class)).map(Check::value);
    }

    static Stream<Arguments> brokenFixtures() {
        return Stream.of(
                Arguments.of(FixtureSuites.NotRegistered.class, "PACKAGING-REGISTERED", "to register"),
                Arguments.of(FixtureSuites.BundlesSpi.class, "PACKAGING-NO-BUNDLED-SPI", "BUNDLED_SDK_API"),
                Arguments.of(FixtureSuites.StaleManifest.class, "PACKAGING-MANIFEST", "0.0.1-stale"),
                Arguments.of(FixtureSuites.UnexpandedVersion.class, "PACKAGING-VERSION", "${project.version}"),
                Arguments.of(FixtureSuites.ClassTooNew.class, "PACKAGING-INSPECTION", "CLASS_VERSION_TOO_NEW"),
                Arguments.of(FixtureSuites.RejectsValidConfig.class, "CONFIG-VALID", "dataset must name an existing dataset"),
                Arguments.of(FixtureSuites.TopicNotDeclaredRequired.class, "CONFIG-REQUIRED-KEYS", "without 'topic'"),
                Arguments.of(FixtureSuites.BatchSizeTypedAsString.class, "CONFIG-WRONG-TYPES", "batch.size=not-a-number"),
                Arguments.of(FixtureSuites.ModeWithoutValidator.class, "CONFIG-ENUM-VALUES", "mode=no-such-value"),
                Arguments.of(FixtureSuites.UndocumentedKey.class, "CONFIG-DOCUMENTED", "[poll.wait.ms]"),
                Arguments.of(FixtureSuites.TokenAsString.class, "CONFIG-SECRETS-TYPED", "api.token (STRING)"),
                Arguments.of(FixtureSuites.ValidateThrowsOnEmpty.class, "CONFIG-VALIDATE-TOTAL", "NullPointerException"),
                Arguments.of(FixtureSuites.StopBeforeStartNpe.class, "LIFECYCLE-STOP-BEFORE-START", "NullPointerException"),
                Arguments.of(FixtureSuites.StopAfterFailedStartNpe.class, "LIFECYCLE-STOP-AFTER-FAILED-START",
                        "NullPointerException"),
                Arguments.of(FixtureSuites.DoubleStopThrows.class, "LIFECYCLE-DOUBLE-STOP", "already stopped"),
                Arguments.of(FixtureSuites.NoRestart.class, "LIFECYCLE-RESTART", "this connector was stopped"),
                Arguments.of(FixtureSuites.LeaksThread.class, "LIFECYCLE-NO-LEAKED-THREADS", "'dataset-watcher'"),
                Arguments.of(FixtureSuites.TooManyTasks.class, "TASKS-COUNT", "between 1 and 1 configurations, but it returned 2"),
                Arguments.of(FixtureSuites.RandomTaskConfig.class, "TASKS-DETERMINISTIC", "task.nonce"),
                Arguments.of(FixtureSuites.BrokenSecondTaskConfig.class, "TASKS-CONFIGS-START", "task 1 of taskConfigs(2)"),
                Arguments.of(FixtureSuites.IllegalTopic.class, "SOURCE-RECORDS-WELL-FORMED", "legal Kafka topic name"),
                Arguments.of(FixtureSuites.SkipsOnResume.class, "SOURCE-RESUME-NO-LOSS", "never came back"),
                Arguments.of(FixtureSuites.IgnoresOffsets.class, "SOURCE-DUPLICATES-AFTER-LAST-COMMIT-ONLY",
                        "committed records were polled again"),
                Arguments.of(FixtureSuites.SlowIdlePoll.class, "SOURCE-POLL-IDLE", "nothing new"),
                Arguments.of(FixtureSuites.StopDoesNotWakePoll.class, "SOURCE-STOP-DURING-POLL", "after stop()"),
                Arguments.of(FixtureSuites.LogsToken.class, "SECRET-LEAK", "the logs"),
                Arguments.of(FixtureSuites.RefusedTokenInTrace.class, "SECRET-LEAK",
                        "the worker's REST API, GET /connectors/{name}/status"),
                Arguments.of(FixtureSuites.RetryQuotesPassword.class, "SECRET-LEAK", "the worker's log during the run"),
                Arguments.of(FixtureSuites.SingleWriter.class, "SINK-ALL-WRITTEN", "were missing"),
                Arguments.of(FixtureSuites.BuffersUntilClose.class, "SINK-NO-GAP-AFTER-CRASH", "a crash leaves a gap"),
                Arguments.of(FixtureSuites.IgnoresInterrupt.class, "SINK-STOP-DURING-PUT", "was still running"),
                Arguments.of(FixtureSuites.PollWatchdog.class, "BROKER-BOUNCE", "lease expired"),
                Arguments.of(FixtureSuites.StallAlarm.class, "BROKER-BOUNCE", "stream stalled"));
    }

    /** The fixtures whose defect shows only in a worker: BROKER-BOUNCE and the worker part of SECRET-LEAK run for them. */
    private static final Set<Class<?>> NEED_A_WORKER = Set.of(FixtureSuites.PollWatchdog.class, FixtureSuites.StallAlarm.class,
            FixtureSuites.RefusedTokenInTrace.class, FixtureSuites.RetryQuotesPassword.class);

    @ParameterizedTest(name = "{1} catches {0}")
    @MethodSource("brokenFixtures")
    @DisplayName("each broken fixture fails exactly the check it breaks, saying why")
    void brokenFixtureFailsExactlyItsCheck(Class<?> suite, String check, String because) {
        Run run = run(suite, NEED_A_WORKER.contains(suite));
        assertThat(run.failed()).as("failed checks of %s (messages: %s)", suite.getSimpleName(), run.messages())
                .containsExactly(check);
        assertThat(run.messages().get(check)).as("failure message of %s", check).contains(because).contains("Expected");
        if (suite == FixtureSuites.RetryQuotesPassword.class) {
            // a retried put: the task stays RUNNING, so only the worker's log shows the password
            assertThat(run.messages().get(check)).doesNotContain("REST API").doesNotContain("the logs (System.out");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workerOnlyLeaks")
    @DisplayName("the leaks that only a worker shows pass SECRET-LEAK without its worker part: that part is what catches them")
    void workerOnlyLeaksNeedTheWorkerPart(Class<?> suite) {
        Run run = run(suite, false);
        assertThat(run.failed()).as("failed checks of %s (messages: %s)", suite.getSimpleName(), run.messages()).isEmpty();
        assertThat(run.passed()).contains("SECRET-LEAK");
    }

    static Stream<Class<?>> workerOnlyLeaks() {
        return Stream.of(FixtureSuites.RefusedTokenInTrace.class, FixtureSuites.RetryQuotesPassword.class);
    }

    @Test
    @DisplayName("every check has a broken fixture that fails it")
    void everyCheckHasABrokenFixture() {
        Set<String> covered = new java.util.TreeSet<>();
        brokenFixtures().forEach(a -> covered.add((String) a.get()[1]));
        Set<String> all = new java.util.TreeSet<>(ConformanceExtension.knownChecks(SourceConnectorConformance.class));
        all.addAll(ConformanceExtension.knownChecks(SinkConnectorConformance.class));
        assertThat(covered).isEqualTo(all);
        assertThat(all).hasSizeGreaterThanOrEqualTo(25);
    }

    @Test
    @DisplayName("the correct source fixture passes every check and the report says so")
    void goodSourcePassesEveryCheck() throws IOException {
        Run run = run(FixtureSuites.GoodSource.class, true);
        assertThat(run.failed()).as("failed checks (messages: %s)", run.messages()).isEmpty();
        assertThat(run.skipped()).as("skipped checks (messages: %s)", run.messages()).isEmpty();
        assertThat(run.passed()).isEqualTo(ConformanceExtension.knownChecks(SourceConnectorConformance.class));
        String report = Files.readString(reports.resolve(FixtureSuites.GoodSource.class.getName() + ".txt"));
        assertThat(report).contains("SOURCE-RESUME-NO-LOSS").contains("PASS")
                .contains(run.passed().size() + " checks: " + run.passed().size() + " PASS  0 FAIL  0 SKIPPED");
    }

    /** BROKER-BOUNCE is disabled in the fixture runs that do not ask for a broker. */
    private static Set<String> withoutBroker(Set<String> checks) {
        Set<String> rest = new java.util.TreeSet<>(checks);
        rest.remove("BROKER-BOUNCE");
        return rest;
    }

    @Test
    @DisplayName("the correct sink fixture passes every check")
    void goodSinkPassesEveryCheck() {
        Run run = run(FixtureSuites.GoodSink.class, true);
        assertThat(run.failed()).as("failed checks (messages: %s)", run.messages()).isEmpty();
        assertThat(run.skipped()).as("skipped checks (messages: %s)", run.messages()).isEmpty();
        assertThat(run.passed()).isEqualTo(ConformanceExtension.knownChecks(SinkConnectorConformance.class));
    }

    @Test
    @DisplayName("a skipped check is reported as SKIPPED with its written reason")
    void skipWithReasonIsReported() throws IOException {
        Run run = run(FixtureSuites.SkipsWithReason.class);
        assertThat(run.skipped()).containsExactly("CONFIG-DOCUMENTED");
        assertThat(run.failed()).isEmpty();
        String report = Files.readString(reports.resolve(FixtureSuites.SkipsWithReason.class.getName() + ".txt"));
        assertThat(report).containsPattern("CONFIG-DOCUMENTED\\s+SKIPPED\\s+skipped: documented in the vendor's wiki instead");
    }

    @Test
    @DisplayName("a skip without a written reason fails the suite")
    void skipWithoutReasonFails() {
        Run run = run(FixtureSuites.SkipsWithoutReason.class);
        assertThat(run.failed()).isEqualTo(withoutBroker(ConformanceExtension.knownChecks(SourceConnectorConformance.class)));
        assertThat(run.messages().get("CONFIG-VALID")).contains("written reason for skipping CONFIG-DOCUMENTED");
    }

    @Test
    @DisplayName("skipping an unknown check id fails the suite")
    void skipOfUnknownCheckFails() {
        Run run = run(FixtureSuites.SkipsUnknownCheck.class);
        assertThat(run.failed()).isEqualTo(withoutBroker(ConformanceExtension.knownChecks(SourceConnectorConformance.class)));
        assertThat(run.messages().get("CONFIG-VALID")).contains("'CONFIG-DOCUMENTD'");
    }
}
