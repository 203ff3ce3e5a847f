package io.connectsdk.builtins.json;

import io.connectsdk.api.errors.DataException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A conversion problem somewhere inside a value; each enclosing struct, array or map adds its
 * segment to the path on the way up, and the converter reports the whole path with the topic.
 */
final class ConversionError extends DataException {
    private static final long serialVersionUID = 1L;

    private final transient Deque<String> path = new ArrayDeque<>();
    private final String problem;

    ConversionError(String problem) {
        this(problem, null);
    }

    ConversionError(String problem, Throwable cause) {
        super(problem, cause);
        this.problem = problem;
    }

    static ConversionError of(RuntimeException e) {
        return e instanceof ConversionError ? (ConversionError) e : new ConversionError(e.getMessage(), e);
    }

    ConversionError inField(String name) {
        path.addFirst("." + name);
        return this;
    }

    ConversionError atIndex(int index) {
        path.addFirst("[" + index + "]");
        return this;
    }

    ConversionError atKey(Object key) {
        path.addFirst("{" + key + "}");
        return this;
    }

    /** @return e.g. {@code address.lines[2]}, or the empty string at the top level */
    String path() {
        StringBuilder sb = new StringBuilder();
        for (String s : path) {
            sb.append(s);
        }
        return sb.length() > 0 && sb.charAt(0) == '.' ? sb.substring(1) : sb.toString();
    }

    String problem() {
        return problem;
    }

    /** @return a DataException that names the topic (and header) and the path */
    DataException report(String verb, String topic, String headerKey) {
        String p = path();
        String where = headerKey == null ? "topic '" + topic + "'" : "header '" + headerKey + "' of topic '" + topic + "'";
        return new DataException("JsonConverter cannot " + verb + " " + where
                + (p.isEmpty() ? "" : " at field '" + p + "'") + ": " + problem, getCause() != null ? getCause() : this);
    }
}
