package io.connectsdk.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginVersionsTest {

    @Test
    void numericSegmentsCompareNumerically() {
        assertThat(PluginVersions.compare("1.10.0", "1.9.3")).isPositive();
        assertThat(PluginVersions.compare("2.0", "10.0")).isNegative();
        assertThat(PluginVersions.compare("1.0.1", "1.0")).isPositive();
    }

    @Test
    void qualifiersSortBelowTheirRelease() {
        assertThat(PluginVersions.compare("1.0-SNAPSHOT", "1.0")).isNegative();
        assertThat(PluginVersions.compare("1.0.0-rc1", "1.0.0")).isNegative();
        assertThat(PluginVersions.compare("1.0.1-SNAPSHOT", "1.0.0")).isPositive();
        assertThat(PluginVersions.compare("1.0.0", "1.0.0-SNAPSHOT")).isPositive();
    }

    @Test
    void missingNumbersCountAsZeroAndTheOrderIsStillTotal() {
        assertThat(PluginVersions.compare("1.0", "1.0.0")).isNotZero();
        assertThat(Integer.signum(PluginVersions.compare("1.0", "1.0.0")))
                .isEqualTo(-Integer.signum(PluginVersions.compare("1.0.0", "1.0")));
        assertThat(PluginVersions.compare("1.2.0", "1.2.0")).isZero();
    }

    @Test
    void undefinedSortsLowest() {
        assertThat(PluginVersions.compare(null, "0.0.1")).isNegative();
        assertThat(PluginVersions.compare(PluginDesc.UNDEFINED_VERSION, "0.0.1-alpha")).isNegative();
        assertThat(PluginVersions.compare("", null)).isZero();
    }

    @Test
    void sortsAListTheWayAPersonWould() {
        List<String> versions = new ArrayList<>(List.of("1.10.0", "1.2.0-SNAPSHOT", "1.0.0", "1.2.0", "undefined", "1.9"));
        versions.sort(PluginVersions.ORDER);
        assertThat(versions).containsExactly("undefined", "1.0.0", "1.2.0-SNAPSHOT", "1.2.0", "1.9", "1.10.0");
    }
}
