package io.connectsdk.runtime.rest;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.runtime.config.ConfigProviders;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The REST server's part of a worker configuration, with Kafka Connect's keys: {@code listeners},
 * {@code rest.advertised.listener}, {@code rest.advertised.host.name}, {@code rest.advertised.port}
 * and the TLS keys of https listeners (see {@link TlsSettings}). Parsed and checked once, eagerly, so
 * that a bad worker configuration fails at startup with the offending key in the message.
 */
final class RestConfig {
    static final String LISTENERS = "listeners";
    static final String DEFAULT_LISTENERS = "http://:8083";
    static final String ADVERTISED_LISTENER = "rest.advertised.listener";
    static final String ADVERTISED_HOST_NAME = "rest.advertised.host.name";
    static final String ADVERTISED_PORT = "rest.advertised.port";
    static final String HTTPS_PREFIX = "listeners.https.";
    static final String TOPIC_TRACKING_ENABLE = "topic.tracking.enable";

    /** One configured listener: {@code scheme://host:port}; an empty host means all interfaces. */
    record Listener(String scheme, String host, int port) {
        boolean https() {
            return "https".equals(scheme);
        }

        boolean wildcard() {
            return host.isEmpty();
        }

        @Override
        public String toString() {
            return scheme + "://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    private final List<Listener> listeners;
    private final String advertisedListener;
    private final String advertisedHostName;
    private final Integer advertisedPort;
    private final TlsSettings tls;
    private final boolean topicTracking;

    private RestConfig(List<Listener> listeners, String advertisedListener, String advertisedHostName,
            Integer advertisedPort, TlsSettings tls, boolean topicTracking) {
        this.listeners = listeners;
        this.advertisedListener = advertisedListener;
        this.advertisedHostName = advertisedHostName;
        this.advertisedPort = advertisedPort;
        this.tls = tls;
        this.topicTracking = topicTracking;
    }

    /** @return {@code topic.tracking.enable}: whether {@code GET /connectors/{name}/topics} answers (else 403) */
    boolean topicTracking() {
        return topicTracking;
    }

    /**
     * @param workerConfig the worker's configuration; values are used through {@code toString()}, after
     *     its {@link ConfigProviders} variables are resolved
     * @return the REST settings
     * @throws ConfigException naming the key when a value is invalid
     */
    static RestConfig parse(Map<String, ?> workerConfig) {
        Map<String, String> config = strings(ConfigProviders.resolveWorkerConfig(workerConfig));
        String listenersValue = config.getOrDefault(LISTENERS, DEFAULT_LISTENERS);
        List<Listener> listeners = parseListeners(listenersValue);

        String advertisedListener = blankToNull(config.get(ADVERTISED_LISTENER));
        if (advertisedListener != null) {
            advertisedListener = advertisedListener.trim().toLowerCase(Locale.ROOT);
            if (!advertisedListener.equals("http") && !advertisedListener.equals("https")) {
                throw new ConfigException(ADVERTISED_LISTENER, config.get(ADVERTISED_LISTENER),
                        "must be \"http\" or \"https\"");
            }
            String wanted = advertisedListener;
            if (listeners.stream().noneMatch(l -> l.scheme().equals(wanted))) {
                throw new ConfigException(ADVERTISED_LISTENER, config.get(ADVERTISED_LISTENER),
                        "no " + wanted + " listener is configured in " + LISTENERS + " (" + listenersValue + ")");
            }
        }
        String advertisedHost = blankToNull(config.get(ADVERTISED_HOST_NAME));
        Integer advertisedPort = null;
        String portValue = blankToNull(config.get(ADVERTISED_PORT));
        if (portValue != null) {
            advertisedPort = parsePort(portValue.trim(), ADVERTISED_PORT, portValue, false);
        }
        TlsSettings tls = null;
        if (listeners.stream().anyMatch(Listener::https)) {
            tls = TlsSettings.parse(config);
        }
        String tracking = config.getOrDefault(TOPIC_TRACKING_ENABLE, "true").trim();
        if (!tracking.equalsIgnoreCase("true") && !tracking.equalsIgnoreCase("false")) {
            throw new ConfigException(TOPIC_TRACKING_ENABLE, tracking, "must be true or false");
        }
        return new RestConfig(List.copyOf(listeners), advertisedListener,
                advertisedHost == null ? null : advertisedHost.trim(), advertisedPort, tls,
                Boolean.parseBoolean(tracking));
    }

    static List<Listener> parseListeners(String value) {
        List<Listener> result = new ArrayList<>();
        if (value == null || value.isBlank()) {
            throw new ConfigException(LISTENERS, value, "at least one listener is needed, e.g. " + DEFAULT_LISTENERS);
        }
        Set<String> seen = new HashSet<>();
        for (String raw : value.split(",", -1)) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                throw new ConfigException(LISTENERS, value, "it has an empty entry; expected comma-separated "
                        + "http://host:port or https://host:port");
            }
            Listener listener = parseListener(entry, value);
            if (listener.port() != 0 && !seen.add(listener.host() + ":" + listener.port())) {
                throw new ConfigException(LISTENERS, value, "listener " + entry
                        + " repeats a host and port that another listener already uses");
            }
            result.add(listener);
        }
        return result;
    }

    private static Listener parseListener(String entry, String whole) {
        int sep = entry.indexOf("://");
        if (sep < 0) {
            throw new ConfigException(LISTENERS, whole, "listener '" + entry
                    + "' is not of the form http://host:port or https://host:port");
        }
        String scheme = entry.substring(0, sep).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ConfigException(LISTENERS, whole, "listener '" + entry + "' has protocol '"
                    + entry.substring(0, sep) + "'; the protocol must be http or https");
        }
        String rest = entry.substring(sep + 3);
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        String host;
        String port;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != ':') {
                throw new ConfigException(LISTENERS, whole, "listener '" + entry
                        + "' has a malformed IPv6 address; expected e.g. http://[::1]:8083");
            }
            host = rest.substring(1, close);
            port = rest.substring(close + 2);
        } else {
            int colon = rest.lastIndexOf(':');
            if (colon < 0) {
                throw new ConfigException(LISTENERS, whole, "listener '" + entry
                        + "' has no port; expected e.g. " + scheme + "://localhost:8083");
            }
            host = rest.substring(0, colon);
            port = rest.substring(colon + 1);
            if (host.indexOf(':') >= 0) {
                throw new ConfigException(LISTENERS, whole, "listener '" + entry
                        + "' has an IPv6 address without brackets; write it as " + scheme + "://[" + host + "]:" + port);
            }
        }
        if (host.indexOf('/') >= 0 || host.indexOf('@') >= 0 || host.chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigException(LISTENERS, whole, "listener '" + entry + "' has an invalid host '" + host + "'");
        }
        return new Listener(scheme, host, parsePort(port, LISTENERS, whole, true, entry));
    }

    private static int parsePort(String port, String key, String whole, boolean zeroAllowed) {
        return parsePort(port, key, whole, zeroAllowed, null);
    }

    private static int parsePort(String port, String key, String whole, boolean zeroAllowed, String entry) {
        String where = entry == null ? "" : "listener '" + entry + "' has ";
        int value;
        try {
            value = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new ConfigException(key, whole, where + "port '" + port + "' which is not a number");
        }
        if (value < (zeroAllowed ? 0 : 1) || value > 65535) {
            throw new ConfigException(key, whole, where + "port " + value + " which is outside "
                    + (zeroAllowed ? "0" : "1") + "..65535" + (zeroAllowed ? " (0 picks a free port)" : ""));
        }
        return value;
    }

    private static Map<String, String> strings(Map<String, ?> config) {
        Map<String, String> result = new LinkedHashMap<>();
        if (config != null) {
            config.forEach((k, v) -> {
                if (k != null && v != null) {
                    result.put(k, v.toString());
                }
            });
        }
        return result;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    List<Listener> listeners() {
        return listeners;
    }

    /** @return {@code http} or {@code https}, or {@code null} when not configured */
    String advertisedListener() {
        return advertisedListener;
    }

    String advertisedHostName() {
        return advertisedHostName;
    }

    Integer advertisedPort() {
        return advertisedPort;
    }

    /** @return the TLS settings, present only when there is an https listener */
    TlsSettings tls() {
        return tls;
    }
}
