package io.connectsdk.api.config;

import io.connectsdk.api.errors.ConnectException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A configuration is invalid. The message names the configuration key and the bad value; a
 * {@link Password} value is printed as {@value Password#HIDDEN}, never as the secret.
 *
 * <p>Thrown by {@link ConfigDef#parse(Map)} and {@link AbstractConfig}'s constructor (carrying every
 * error found, see {@link #errors()}), by {@link ConfigDef.Validator}s, and by plugins from
 * {@code start(...)}/{@code configure(...)}. The runtime refuses to start the connector, task or
 * plugin and shows the message to the user; a plugin should not catch it.
 */
public class ConfigException extends ConnectException {
    private static final long serialVersionUID = 1L;

    /** The key at fault when there is exactly one, else {@code null}. */
    private final String key;
    private final transient Map<String, List<String>> errors;

    /** @param message what is wrong; should name the key */
    public ConfigException(String message) {
        super(message);
        this.key = null;
        this.errors = Map.of();
    }

    /**
     * @param message what is wrong; should name the key
     * @param cause the underlying exception; may be {@code null}
     */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
        this.key = null;
        this.errors = Map.of();
    }

    /**
     * One bad value. The message is {@code Invalid value <value> for configuration <key>: <message>}
     * and {@link #errors()} maps the key to that same complete message.
     *
     * @param key the configuration key with the bad value
     * @param value the bad value; a {@link Password} is printed as {@value Password#HIDDEN}. Pass
     *     a {@code Password} (not its {@link Password#value()}) for secrets
     * @param message why the value is bad; may be {@code null}
     */
    public ConfigException(String key, Object value, String message) {
        super(format(key, value, message));
        this.key = key;
        this.errors = Map.of(String.valueOf(key), List.of(getMessage()));
    }

    /**
     * Reports several keys at once, as {@link ConfigDef#parse(Map)} does.
     *
     * @param errors the error messages per key, in key order (the order is kept); each message must
     *     already mask secrets and should name the key and the bad value. Keys with no message are
     *     left out
     */
    public ConfigException(Map<String, List<String>> errors) {
        super(describe(errors));
        Map<String, List<String>> copy = new LinkedHashMap<>();
        errors.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                copy.put(k, Collections.unmodifiableList(new ArrayList<>(v)));
            }
        });
        this.key = copy.size() == 1 ? copy.keySet().iterator().next() : null;
        this.errors = Collections.unmodifiableMap(copy);
    }

    private static String format(String key, Object value, String message) {
        return "Invalid value " + value + " for configuration " + key + (message == null ? "" : ": " + message);
    }

    private static String describe(Map<String, List<String>> errors) {
        StringBuilder sb = new StringBuilder();
        int count = 0;
        for (List<String> messages : errors.values()) {
            count += messages == null ? 0 : messages.size();
        }
        sb.append(count == 1 ? "1 configuration error" : count + " configuration errors");
        errors.forEach((k, messages) -> {
            if (messages != null) {
                for (String m : messages) {
                    sb.append("\n  ");
                    if (!mentions(m, String.valueOf(k))) {
                        sb.append(k).append(": ");
                    }
                    sb.append(m);
                }
            }
        });
        return sb.toString();
    }

    /** Whether a message names the key as a whole word (not as part of a longer key). */
    private static boolean mentions(String message, String key) {
        if (message == null || key.isEmpty()) {
            return false;
        }
        for (int i = message.indexOf(key); i >= 0; i = message.indexOf(key, i + 1)) {
            int end = i + key.length();
            boolean startsWord = i == 0 || !isKeyChar(message.charAt(i - 1));
            boolean endsWord = end == message.length() || !isKeyChar(message.charAt(end))
                    || message.charAt(end) == '.' && (end + 1 == message.length()
                            || Character.isWhitespace(message.charAt(end + 1)));
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
    }

    /** @return the key at fault when there is exactly one; {@code null} otherwise */
    public String key() {
        return key;
    }

    /**
     * @return every error found: complete messages per key, in key order; unmodifiable and never
     *     {@code null} (empty when this exception was built from a message alone)
     */
    public Map<String, List<String>> errors() {
        return errors == null ? Map.of() : errors;
    }
}
