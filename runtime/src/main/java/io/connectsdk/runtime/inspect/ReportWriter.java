package io.connectsdk.runtime.inspect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link InspectionReport} for people (text) or tools (JSON). Both the CLI and the Maven
 * plugin use it, so the formats are the same everywhere.
 *
 * <p>The JSON shape is stable (keys are only ever added, never renamed or removed; every key is
 * always present, {@code null} when it has no value):
 * <pre>{@code
 * {
 *   "javaRelease": 17,
 *   "strict": false,
 *   "locations": [ {
 *     "path": "/abs/path/acme.zip", "kind": "archive",            // jar | directory | archive
 *     "plugins": [ { "class": "com.acme.AcmeSourceConnector", "type": "source",
 *                    "version": "1.0.0", "jar": "lib/acme-1.0.0.jar" } ],
 *     "findings": [ { "id": "SERVICE_CLASS_MISSING", "severity": "ERROR",
 *                     "jar": "lib/acme-1.0.0.jar", "class": "com.acme.Gone",
 *                     "message": "...", "hint": "..." } ],
 *     "summary": { "errors": 1, "warnings": 0, "infos": 0 }
 *   } ],
 *   "summary": { "locations": 1, "plugins": 1, "errors": 1, "warnings": 0, "infos": 0, "passed": false }
 * }
 * }</pre>
 * {@code type} is one of {@code source, sink, converter, header_converter, transform, predicate};
 * {@code version} is {@code null} when the plugin reports no usable version; {@code passed} applies
 * {@code strict} (warnings fail too).
 *
 * <p>Stateless and thread-safe.
 */
public final class ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /**
     * @param report the report
     * @param strict whether warnings fail (affects {@code summary.passed})
     * @return the report as a JSON tree (see the class comment)
     */
    public static ObjectNode toJson(InspectionReport report, boolean strict) {
        ObjectNode root = JSON.createObjectNode();
        root.put("javaRelease", report.javaRelease());
        root.put("strict", strict);
        ArrayNode locations = root.putArray("locations");
        for (LocationReport l : report.locations()) {
            ObjectNode loc = locations.addObject();
            loc.put("path", l.path());
            loc.put("kind", l.kind().name().toLowerCase(Locale.ROOT));
            ArrayNode plugins = loc.putArray("plugins");
            for (InspectedPlugin p : l.plugins()) {
                ObjectNode n = plugins.addObject();
                n.put("class", p.className());
                n.put("type", p.type().displayName());
                n.put("version", p.version());
                n.put("jar", p.jar());
            }
            ArrayNode findings = loc.putArray("findings");
            for (Finding f : l.findings()) {
                ObjectNode n = findings.addObject();
                n.put("id", f.id().name());
                n.put("severity", f.severity().name());
                n.put("jar", f.jar());
                n.put("class", f.className());
                n.put("message", f.message());
                n.put("hint", f.hint());
            }
            ObjectNode summary = loc.putObject("summary");
            summary.put("errors", l.count(Severity.ERROR));
            summary.put("warnings", l.count(Severity.WARNING));
            summary.put("infos", l.count(Severity.INFO));
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("locations", report.locations().size());
        summary.put("plugins", report.pluginCount());
        summary.put("errors", report.count(Severity.ERROR));
        summary.put("warnings", report.count(Severity.WARNING));
        summary.put("infos", report.count(Severity.INFO));
        summary.put("passed", report.passed(strict));
        return root;
    }

    /**
     * Writes the report as indented JSON followed by a line break.
     *
     * @param report the report
     * @param strict whether warnings fail
     * @param out where to write; flushed, not closed
     */
    public static void writeJson(InspectionReport report, boolean strict, PrintWriter out) {
        try {
            out.println(JSON.writeValueAsString(toJson(report, strict)));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the report for people: per location its plugins and its findings grouped by severity
     * (id, jar, class, message, hint), then a summary line starting with {@code PASSED} or
     * {@code FAILED}.
     *
     * @param report the report
     * @param strict whether warnings fail
     * @param out where to write; flushed, not closed
     */
    public static void writeText(InspectionReport report, boolean strict, PrintWriter out) {
        for (LocationReport l : report.locations()) {
            out.println("Plugin location " + l.path() + " (" + l.kind().name().toLowerCase(Locale.ROOT) + ")");
            if (l.plugins().isEmpty()) {
                out.println("  No usable plugins.");
            } else {
                out.println("  Plugins (" + l.plugins().size() + "):");
                int typeWidth = l.plugins().stream().mapToInt(p -> p.type().displayName().length()).max().orElse(0);
                int classWidth = l.plugins().stream().mapToInt(p -> p.className().length()).max().orElse(0);
                for (InspectedPlugin p : l.plugins()) {
                    out.println("    " + pad(p.type().displayName(), typeWidth) + "  " + pad(p.className(), classWidth) + "  "
                            + (p.version() == null ? "(no version)" : p.version()) + "  [" + p.jar() + "]");
                }
            }
            for (Severity s : Severity.values()) {
                List<Finding> of = l.findings().stream().filter(f -> f.severity() == s).toList();
                if (of.isEmpty()) {
                    continue;
                }
                out.println("  " + plural(of.size(), s) + ":");
                for (Finding f : of) {
                    StringBuilder head = new StringBuilder("    ").append(s.name()).append(' ').append(f.id().name());
                    if (f.jar() != null) {
                        head.append("  ").append(f.jar());
                    }
                    if (f.className() != null) {
                        head.append("  ").append(f.className());
                    }
                    out.println(head);
                    out.println("      " + f.message());
                    out.println("      hint: " + f.hint());
                }
            }
            out.println("  " + counts(l.count(Severity.ERROR), l.count(Severity.WARNING), l.count(Severity.INFO)));
            out.println();
        }
        out.println((report.passed(strict) ? "PASSED" : "FAILED") + ": " + report.locations().size() + " location"
                + (report.locations().size() == 1 ? "" : "s") + ", " + report.pluginCount() + " plugin"
                + (report.pluginCount() == 1 ? "" : "s") + ", " + counts(report.count(Severity.ERROR),
                        report.count(Severity.WARNING), report.count(Severity.INFO))
                + (strict ? " (strict: warnings fail too)" : "") + ", checked against Java " + report.javaRelease());
        out.flush();
    }

    private static String counts(long errors, long warnings, long infos) {
        return errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning, " : " warnings, ")
                + infos + (infos == 1 ? " info" : " infos");
    }

    private static String plural(int n, Severity s) {
        String word = switch (s) {
            case ERROR -> "Errors";
            case WARNING -> "Warnings";
            case INFO -> "Infos";
        };
        return word + " (" + n + ")";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
