package io.connectsdk.runtime.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A handler's answer: a status, a body serialised as JSON (none when {@code null}) and extra
 * headers.
 */
record Response(int status, Object body, Map<String, String> headers) {
    static Response ok(Object body) {
        return new Response(200, body, Map.of());
    }

    static Response of(int status, Object body) {
        return new Response(status, body, Map.of());
    }

    static Response empty(int status) {
        return new Response(status, null, Map.of());
    }

    Response withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, body, h);
    }
}
