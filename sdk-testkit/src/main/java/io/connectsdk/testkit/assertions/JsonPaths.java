package io.connectsdk.testkit.assertions;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The small path syntax of the JSON assertions: {@code id}, {@code $.id}, {@code customer.name},
 * {@code $.items[0].sku}, or a JSON Pointer such as {@code /items/0/sku}.
 */
final class JsonPaths {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonPaths() {
    }

    static JsonPointer compile(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a JSON path must not be empty; use e.g. \"id\", \"$.id\" or \"$.items[0].sku\"");
        }
        String p = path.trim();
        if (p.startsWith("/")) {
            return JsonPointer.compile(p);
        }
        if (p.equals("$")) {
            return JsonPointer.empty();
        }
        if (p.startsWith("$.")) {
            p = p.substring(2);
        } else if (p.startsWith("$[")) {
            p = p.substring(1);
        }
        StringBuilder pointer = new StringBuilder();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '.') {
                flush(pointer, token, path);
            } else if (c == '[') {
                flush(pointer, token, null);
                int end = p.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed '[' in JSON path " + path);
                }
                String index = p.substring(i + 1, end).trim();
                if (!index.matches("\\d+")) {
                    throw new IllegalArgumentException("only numeric indexes like [0] are supported, got [" + index + "] in " + path);
                }
                pointer.append('/').append(index);
                i = end;
            } else {
                token.append(c);
            }
        }
        flush(pointer, token, null);
        return JsonPointer.compile(pointer.toString());
    }

    private static void flush(StringBuilder pointer, StringBuilder token, String pathForError) {
        if (token.length() == 0) {
            if (pathForError != null && pointer.length() == 0) {
                throw new IllegalArgumentException("empty field name in JSON path " + pathForError);
            }
            return;
        }
        pointer.append('/').append(token.toString().replace("~", "~0").replace("/", "~1"));
        token.setLength(0);
    }

    /** @return the parsed value, or {@code null} when the text is not JSON */
    static JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    /** @return whether a node equals an expected Java value (numbers by value, text, booleans, null) */
    static boolean matches(JsonNode node, Object expected) {
        if (node == null || node.isMissingNode()) {
            return false;
        }
        if (expected == null) {
            return node.isNull();
        }
        if (expected instanceof Number) {
            return node.isNumber() && node.decimalValue().compareTo(new BigDecimal(expected.toString())) == 0;
        }
        if (expected instanceof Boolean) {
            return node.isBoolean() && node.booleanValue() == (Boolean) expected;
        }
        if (expected instanceof CharSequence) {
            return node.isTextual() && node.textValue().equals(expected.toString());
        }
        return node.equals(MAPPER.valueToTree(expected));
    }
}
