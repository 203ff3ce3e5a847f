package io.connectsdk.testkit.conformance;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * Disables the fixture suites unless {@link ConformanceFixturesTest} runs them through the JUnit
 * launcher (which sets the configuration parameter {@value #PARAMETER}): most fixtures are broken
 * on purpose, so a build that discovers them directly must not run them. Without
 * {@value #BROKER_PARAMETER} the parts that need a broker are left out: BROKER-BOUNCE is disabled
 * and SECRET-LEAK runs without its worker part.
 */
final class FixtureRunsOnly implements ExecutionCondition, TestInstancePostProcessor {
    static final String PARAMETER = "connectsdk.conformance.fixtureRun";
    /**
     * Set to {@code true} to run BROKER-BOUNCE and the worker part of SECRET-LEAK too (they start a
     * broker and a worker: only where it matters).
     */
    static final String BROKER_PARAMETER = "connectsdk.conformance.fixtureBroker";

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        if (testInstance instanceof ConnectorConformance<?> suite) {
            suite.secretLeakInWorker = context.getConfigurationParameter(BROKER_PARAMETER).filter("true"::equals).isPresent();
        }
    }

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
