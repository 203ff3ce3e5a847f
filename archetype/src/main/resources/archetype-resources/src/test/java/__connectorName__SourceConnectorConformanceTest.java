package ${package};

import io.connectsdk.testkit.conformance.SourceConnectorConformance;
import java.util.Map;

/**
 * The Connect contract, checked by connect-sdk's source conformance suite (25+ checks: packaging,
 * configuration, lifecycle, task configurations, resume without loss, stop latency, secret leaks, a
 * broker bounce). The report lists every check with its result; a check you skip needs a reason
 * (override {@code skippedChecks()}).
 */
class ${connectorName}SourceConnectorConformanceTest extends SourceConnectorConformance<${connectorName}SourceConnector> {
    @Override
    protected Class<${connectorName}SourceConnector> connectorClass() {
        return ${connectorName}SourceConnector.class;
    }

    @Override
    protected Map<String, String> validConfig() {
        // fast enough for the suite to see records quickly, slow enough to keep its embedded worker light
        return Map.of("topic", "conformance", "interval.ms", "1", "batch.size", "50");
    }
}
