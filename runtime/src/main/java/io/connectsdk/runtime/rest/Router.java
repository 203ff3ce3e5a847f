package io.connectsdk.runtime.rest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps a method and a path to a handler, through path templates such as
 * {@code /connectors/{name}/tasks/{task}/status}. Path segments are percent-decoded (UTF-8) before
 * matching, so a variable holds the decoded value ({@code my%2Fconn} gives {@code my/conn}); a single
 * trailing slash is ignored.
 */
final class Router {

    /** Handles one matched request. */
    @FunctionalInterface
    interface Handler {
        Response handle(Request request) throws Exception;
    }

    /** One route: a method, a template and whether it changes the cluster (refused when read-only). */
    record Route(String method, List<String> template, boolean change, Handler handler) {
        String path() {
            return "/" + String.join("/", template);
        }
    }

    /** The outcome of matching: a route with its variables, or the methods allowed on a known path. */
    record Match(Route route, Map<String, String> variables, Set<String> allowedMethods) {
        boolean found() {
            return route != null;
        }

        boolean pathKnown() {
            return route != null || !allowedMethods.isEmpty();
        }
    }

    private final List<Route> routes = new ArrayList<>();

    /** Adds a read-only route. */
    Router get(String template, Handler handler) {
        return add("GET", template, false, handler);
    }

    /**
     * Adds a route of another method that changes nothing, so it is answered in read-only mode too
     * (e.g. {@code PUT /connector-plugins/{plugin}/config/validate}).
     */
    Router read(String method, String template, Handler handler) {
        return add(method, template, false, handler);
    }

    /** Adds a route that changes the cluster. */
    Router change(String method, String template, Handler handler) {
        return add(method, template, true, handler);
    }

    private Router add(String method, String template, boolean change, Handler handler) {
        List<String> segments = template.equals("/") ? List.of() : List.of(template.substring(1).split("/"));
        routes.add(new Route(method, segments, change, handler));
        return this;
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    /**
     * @param method the request's method, upper case
     * @param rawPath the request's raw (still percent-encoded) path
     * @return the match
     * @throws RestException 400 when a segment is not valid percent-encoded UTF-8
     */
    Match match(String method, String rawPath) {
        List<String> segments = split(rawPath);
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Map<String, String> vars = bind(route.template(), segments);
            if (vars == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Match(route, vars, Set.of());
            }
            allowed.add(route.method());
        }
        return new Match(null, Map.of(), allowed);
    }

    /** @return the methods of the routes on this path that change nothing (for the Allow header of a refusal) */
    Set<String> readMethods(String rawPath) {
        List<String> segments = split(rawPath);
        Set<String> methods = new LinkedHashSet<>();
        for (Route route : routes) {
            if (!route.change() && bind(route.template(), segments) != null) {
                methods.add(route.method());
            }
        }
        return methods;
    }

    private static Map<String, String> bind(List<String> template, List<String> segments) {
        if (template.size() != segments.size()) {
            return null;
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            String s = segments.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                if (s.isEmpty()) {
                    return null;
                }
                vars.put(t.substring(1, t.length() - 1), s);
            } else if (!t.equals(s)) {
                return null;
            }
        }
        return vars;
    }

    static List<String> split(String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            return List.of();
        }
        List<String> segments = new ArrayList<>();
        for (String raw : path.split("/", -1)) {
            segments.add(decode(raw));
        }
        return segments;
    }

    /** Percent-decodes one path segment; unlike form decoding, {@code +} stays a plus sign. */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length() || Character.digit(segment.charAt(i + 1), 16) < 0
                        || Character.digit(segment.charAt(i + 2), 16) < 0) {
                    throw RestException.badRequest("Malformed percent-encoding in path segment '" + segment + "'");
                }
                bytes.write(Character.digit(segment.charAt(i + 1), 16) * 16 + Character.digit(segment.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw RestException.badRequest("Path segment '" + segment + "' is not percent-encoded UTF-8");
        }
    }

    /** Percent-encodes a value for use as one path segment (e.g. a connector name in a Location header). */
    static String encode(String value) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return sb.toString();
    }
}
