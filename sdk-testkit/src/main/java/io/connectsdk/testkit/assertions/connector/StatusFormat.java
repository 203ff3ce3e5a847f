package io.connectsdk.testkit.assertions.connector;

import io.connectsdk.runtime.herder.ConnectorStateInfo;
import io.connectsdk.runtime.herder.ConnectorStateInfo.TaskState;

/**
 * Writes a connector status for failure messages: the JSON shape of
 * {@code GET /connectors/{name}/status}, with failure traces as indented lines instead of one
 * escaped string, so that a failed task's exception can be read in the test report.
 */
final class StatusFormat {
    /** Traces longer than this many lines are cut, saying how many lines were left out. */
    static final int MAX_TRACE_LINES = 60;

    private StatusFormat() {
    }

    /**
     * @param status a status, not {@code null}
     * @return it as multi-line JSON-like text
     */
    static String format(ConnectorStateInfo status) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"name\": \"").append(status.name()).append("\",\n");
        if (status.type() != null) {
            sb.append("  \"type\": \"").append(status.type().json()).append("\",\n");
        }
        ConnectorStateInfo.ConnectorState c = status.connector();
        sb.append("  \"connector\": {\"state\": \"").append(c.state()).append("\", \"worker_id\": \"")
                .append(c.workerId()).append('"');
        trace(sb, c.trace(), "    ");
        sb.append("},\n  \"tasks\": [");
        for (int i = 0; i < status.tasks().size(); i++) {
            TaskState t = status.tasks().get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"id\": ").append(t.id()).append(", \"state\": \"")
                    .append(t.state()).append("\", \"worker_id\": \"").append(t.workerId()).append('"');
            trace(sb, t.trace(), "      ");
            sb.append('}');
        }
        sb.append(status.tasks().isEmpty() ? "]\n}" : "\n  ]\n}");
        return sb.toString();
    }

    private static void trace(StringBuilder sb, String trace, String indent) {
        if (trace == null) {
            return;
        }
        sb.append(", \"trace\":");
        String[] lines = trace.split("\\R");
        int shown = Math.min(lines.length, MAX_TRACE_LINES);
        for (int i = 0; i < shown; i++) {
            sb.append('\n').append(indent).append(lines[i].replace("\t", "    "));
        }
        if (lines.length > shown) {
            sb.append('\n').append(indent).append("... (").append(lines.length - shown).append(" more lines)");
        }
        sb.append('\n').append(indent, 0, indent.length() - 2);
    }
}
