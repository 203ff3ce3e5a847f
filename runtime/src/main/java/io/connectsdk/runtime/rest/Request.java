package io.connectsdk.runtime.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One HTTP request as handlers see it: method, path variables, query parameters and body. */
final class Request {
    /** The largest request body accepted; larger bodies get 413. */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private final String method;
    private final String path;
    private final Map<String, String> variables;
    private final Map<String, List<String>> query;
    private final InputStream bodyStream;
    private byte[] body;

    Request(String method, String path, Map<String, String> variables, String rawQuery, InputStream body) {
        this.method = method;
        this.path = path;
        this.variables = variables;
        this.query = parseQuery(rawQuery);
        this.bodyStream = body;
    }

    String method() {
        return method;
    }

    /** @return the raw request path, for messages */
    String path() {
        return path;
    }

    /** @return the decoded value of a path variable, or {@code null} */
    String variable(String name) {
        return variables.get(name);
    }

    /** @return every value of a query parameter, in request order; empty when absent */
    List<String> queryValues(String name) {
        return query.getOrDefault(name, List.of());
    }

    /**
     * A boolean query parameter ({@code true}/{@code false}, any case).
     *
     * @throws RestException 400 naming the parameter when the value is something else
     */
    boolean booleanQuery(String name, boolean fallback) {
        List<String> values = queryValues(name);
        if (values.isEmpty()) {
            return fallback;
        }
        String v = values.get(values.size() - 1).trim().toLowerCase(Locale.ROOT);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw RestException.badRequest("Query parameter " + name + " must be true or false, but was '"
                + values.get(values.size() - 1) + "'");
    }

    /**
     * @return the request body, read once (at most {@link #MAX_BODY_BYTES})
     * @throws RestException 413 when the body is too large
     */
    byte[] body() {
        if (body == null) {
            try {
                byte[] read = bodyStream == null ? new byte[0] : bodyStream.readNBytes(MAX_BODY_BYTES + 1);
                if (read.length > MAX_BODY_BYTES) {
                    throw new RestException(413, "Request body is larger than " + MAX_BODY_BYTES + " bytes");
                }
                body = read;
            } catch (IOException e) {
                throw new RestException(400, "Cannot read the request body: " + e.getMessage(), e);
            }
        }
        return body;
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                key = URLDecoder.decode(key, StandardCharsets.UTF_8);
                value = URLDecoder.decode(value, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw RestException.badRequest("Malformed query parameter '" + pair + "': " + e.getMessage());
            }
            result.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return result;
    }
}
