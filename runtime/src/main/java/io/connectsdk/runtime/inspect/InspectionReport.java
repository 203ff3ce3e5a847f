package io.connectsdk.runtime.inspect;

import java.util.List;

/**
 * The result of inspecting one or more plugin locations together. Immutable.
 *
 * @param locations one report per location, in the order given; never {@code null}
 * @param javaRelease the Java release the bytecode was checked against (e.g. {@code 17})
 */
public record InspectionReport(List<LocationReport> locations, int javaRelease) {
    /** Copies the list. */
    public InspectionReport {
        locations = List.copyOf(locations);
    }

    /**
     * @param severity a severity
     * @return how many findings of all locations have it
     */
    public long count(Severity severity) {
        return locations.stream().mapToLong(l -> l.count(severity)).sum();
    }

    /** @return how many plugins all locations register */
    public int pluginCount() {
        return locations.stream().mapToInt(l -> l.plugins().size()).sum();
    }

    /**
     * @param strict whether warnings fail too
     * @return {@code true} when there is no error (and, if strict, no warning)
     */
    public boolean passed(boolean strict) {
        return count(Severity.ERROR) == 0 && (!strict || count(Severity.WARNING) == 0);
    }
}
