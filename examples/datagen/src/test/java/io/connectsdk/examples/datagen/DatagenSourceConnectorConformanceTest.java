package io.connectsdk.examples.datagen;

import io.connectsdk.testkit.conformance.SourceConnectorConformance;
import java.util.Map;

/**
 * The source conformance suite for {@link DatagenSourceConnector}. The generator makes its own data
 * (nothing to produce; 1000 records per second keep the embedded worker of BROKER-BOUNCE light),
 * deterministically per seed, so the default record identity (source
 * partition and offset) finds losses and duplicates across restarts.
 */
class DatagenSourceConnectorConformanceTest extends SourceConnectorConformance<DatagenSourceConnector> {
    @Override
    protected Class<DatagenSourceConnector> connectorClass() {
        return DatagenSourceConnector.class;
    }

    @Override
    protected Map<String, String> validConfig() {
        return Map.of(DatagenConfig.TOPIC_CONFIG, "orders", DatagenConfig.RATE_CONFIG, "1000",
                DatagenConfig.BATCH_SIZE_CONFIG, "50");
    }
}
