package io.connectsdk.testkit.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of every check of one conformance suite run: check id, {@link Status} and, for a
 * failure or a skip, why. Rendered as a fixed-width text table by {@link #render()}. Thread-safe.
 */
public final class ConformanceReport {
    /** The outcome of one check. */
    public enum Status {
        /** The plugin passed the check. */
        PASS,
        /** The plugin failed the check. */
        FAIL,
        /** The check did not run: skipped with a written reason, or not applicable to this plugin. */
        SKIPPED
    }

    /**
     * One line of the report.
     *
     * @param checkId the check id, never {@code null}
     * @param status the outcome, never {@code null}
     * @param detail the reason of a skip or the first line of a failure; empty for a pass
     */
    public record Entry(String checkId, Status status, String detail) {
    }

    private final String suite;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** @param suite the name of the suite class, shown in the title */
    public ConformanceReport(String suite) {
        this.suite = suite;
    }

    /**
     * Records an outcome; a later outcome of the same check replaces an earlier one.
     *
     * @param checkId the check id
     * @param status the outcome
     * @param detail why (a skip reason or failure message), or {@code null}
     */
    public synchronized void record(String checkId, Status status, String detail) {
        String shown = detail == null ? "" : detail.strip();
        int newline = shown.indexOf('\n');
        if (newline >= 0) {
            shown = shown.substring(0, newline) + " ...";
        }
        entries.put(checkId, new Entry(checkId, status, shown));
    }

    /** @return the entries, sorted by check id; a snapshot */
    public synchronized List<Entry> entries() {
        List<Entry> list = new ArrayList<>(entries.values());
        list.sort(Comparator.comparing(Entry::checkId));
        return list;
    }

    /** @return the report as text: a title, one line per check, and a count per status */
    public String render() {
        List<Entry> list = entries();
        int width = list.stream().mapToInt(e -> e.checkId().length()).max().orElse(10);
        StringBuilder sb = new StringBuilder();
        sb.append("Conformance report: ").append(suite).append('\n');
        Map<Status, Integer> counts = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        for (Entry e : list) {
            counts.merge(e.status(), 1, Integer::sum);
            sb.append(String.format("  %-" + width + "s  %-7s  %s", e.checkId(), e.status(), e.detail()).stripTrailing())
                    .append('\n');
        }
        sb.append("  ").append(list.size()).append(" checks: ");
        counts.forEach((s, n) -> sb.append(n).append(' ').append(s).append("  "));
        return sb.toString().stripTrailing() + '\n';
    }

    /**
     * Writes {@link #render()} to a file, creating its directory.
     *
     * @param file the file to (over)write
     */
    public void writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the conformance report to " + file + ": " + e, e);
        }
    }
}
