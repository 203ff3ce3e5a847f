package io.connectsdk.testkit.conformance;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables the fixture suites unless {@link ConformanceFixturesTest} runs them through the JUnit
 * launcher (which sets the configuration parameter {@value #PARAMETER}): most fixtures are broken
 * on purpose, so a build that discovers them directly must not run them.
 */
final class FixtureRunsOnly implements ExecutionCondition {
    static final String PARAMETER = "connectsdk.conformance.fixtureRun";
    /** Set to {@code true} to run BROKER-BOUNCE too (it starts a broker and a worker: only where it matters). */
    static final String BROKER_PARAMETER = "connectsdk.conformance.fixtureBroker";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getConfigurationParameter(PARAMETER).filter("true"::equals).isEmpty()) {
            return ConditionEvaluationResult.disabled("a conformance fixture suite: run only by ConformanceFixturesTest");
        }
        boolean broker = context.getTestMethod().map(m -> m.getName().equals("brokerBounce")).orElse(false);
        if (broker && context.getConfigurationParameter(BROKER_PARAMETER).filter("true"::equals).isEmpty()) {
            return ConditionEvaluationResult.disabled("BROKER-BOUNCE is run only for the fixtures where it matters");
        }
        return ConditionEvaluationResult.enabled("run by ConformanceFixturesTest");
    }
}
