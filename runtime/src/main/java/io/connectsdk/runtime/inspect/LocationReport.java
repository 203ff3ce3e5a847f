package io.connectsdk.runtime.inspect;

import io.connectsdk.runtime.plugin.PluginLocation;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the inspection of one plugin location found. Immutable.
 *
 * @param path the location as given, absolute (the jar, directory or {@code .zip}); never {@code null}
 * @param kind what the location is, never {@code null}
 * @param plugins the plugins it registers that could be constructed, never {@code null}
 * @param findings the findings, errors first, never {@code null}
 */
public record LocationReport(String path, PluginLocation.Kind kind, List<InspectedPlugin> plugins, List<Finding> findings) {
    /** Copies the lists, sorting findings by severity (stable within one severity). */
    public LocationReport {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        plugins = List.copyOf(plugins);
        findings = findings.stream().sorted(Comparator.comparing(Finding::severity)).toList();
    }

    /**
     * @param severity a severity
     * @return how many findings have it
     */
    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /**
     * @param id a check
     * @return the findings of that check, possibly none
     */
    public List<Finding> findings(FindingId id) {
        return findings.stream().filter(f -> f.id() == id).toList();
    }
}
