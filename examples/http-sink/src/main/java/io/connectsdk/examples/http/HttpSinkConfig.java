package io.connectsdk.examples.http;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigDef.Importance;
import io.connectsdk.api.config.ConfigDef.Range;
import io.connectsdk.api.config.ConfigDef.Type;
import io.connectsdk.api.config.ConfigDef.Width;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.config.Password;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The configuration of {@link HttpSinkConnector} and {@link HttpSinkTask}.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>type</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #URL_CONFIG}</td><td>string</td><td>required</td><td>the http(s) URL records are
 *       POSTed to</td></tr>
 *   <tr><td>{@value #HEADERS_CONFIG}</td><td>list</td><td>empty</td><td>extra request headers,
 *       {@code Name:Value}</td></tr>
 *   <tr><td>{@value #AUTH_TOKEN_CONFIG}</td><td>password</td><td>none</td><td>sent as
 *       {@code Authorization: Bearer <token>}</td></tr>
 *   <tr><td>{@value #TIMEOUT_MS_CONFIG}</td><td>int</td><td>{@value #TIMEOUT_MS_DEFAULT}</td><td>connect
 *       and request timeout</td></tr>
 *   <tr><td>{@value #PAYLOAD_CONFIG}</td><td>string</td><td>{@value #PAYLOAD_VALUE}</td><td>what each
 *       array element is: the value, or an envelope with metadata</td></tr>
 *   <tr><td>{@value #BATCH_SIZE_CONFIG}</td><td>int</td><td>{@value #BATCH_SIZE_DEFAULT}</td><td>records
 *       per request, at most</td></tr>
 *   <tr><td>{@value #BATCH_LINGER_MS_CONFIG}</td><td>long</td><td>{@value #BATCH_LINGER_MS_DEFAULT}</td>
 *       <td>how long an incomplete batch may wait</td></tr>
 *   <tr><td>{@value #MAX_RETRIES_CONFIG}</td><td>int</td><td>{@value #MAX_RETRIES_DEFAULT}</td><td>retries
 *       of a failed request</td></tr>
 *   <tr><td>{@value #RETRY_BACKOFF_MS_CONFIG}</td><td>long</td><td>{@value #RETRY_BACKOFF_MS_DEFAULT}</td>
 *       <td>wait before the first retry, doubled for each next one</td></tr>
 * </table>
 *
 * <p>{@link #toString()} shows the token as {@value Password#HIDDEN}.
 */
public final class HttpSinkConfig extends AbstractConfig {
    /** The endpoint. */
    public static final String URL_CONFIG = "http.url";
    /** Extra headers. */
    public static final String HEADERS_CONFIG = "http.headers";
    /** The bearer token. */
    public static final String AUTH_TOKEN_CONFIG = "http.auth.token";
    /** Connect and request timeout. */
    public static final String TIMEOUT_MS_CONFIG = "http.timeout.ms";
    /** Default of {@value #TIMEOUT_MS_CONFIG}. */
    public static final int TIMEOUT_MS_DEFAULT = 30_000;
    /** The shape of each element of the posted array. */
    public static final String PAYLOAD_CONFIG = "payload.format";
    /** {@value #PAYLOAD_CONFIG}: each element is the record value. */
    public static final String PAYLOAD_VALUE = "value";
    /** {@value #PAYLOAD_CONFIG}: each element is an object with topic, partition, offset, timestamp, key and value. */
    public static final String PAYLOAD_ENVELOPE = "envelope";
    /** The most records per request. */
    public static final String BATCH_SIZE_CONFIG = "batch.size";
    /** Default of {@value #BATCH_SIZE_CONFIG}. */
    public static final int BATCH_SIZE_DEFAULT = 100;
    /** How long an incomplete batch waits for more records. */
    public static final String BATCH_LINGER_MS_CONFIG = "batch.linger.ms";
    /** Default of {@value #BATCH_LINGER_MS_CONFIG}. */
    public static final long BATCH_LINGER_MS_DEFAULT = 1000;
    /** Retries of a request that failed with a retriable error. */
    public static final String MAX_RETRIES_CONFIG = "max.retries";
    /** Default of {@value #MAX_RETRIES_CONFIG}. */
    public static final int MAX_RETRIES_DEFAULT = 5;
    /** The wait before the first retry. */
    public static final String RETRY_BACKOFF_MS_CONFIG = "retry.backoff.ms";
    /** Default of {@value #RETRY_BACKOFF_MS_CONFIG}. */
    public static final long RETRY_BACKOFF_MS_DEFAULT = 500;

    /** Headers the JDK HTTP client sets itself and refuses from callers, in lower case. */
    static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private static final String CONNECTION = "Connection";
    private static final String BATCHING = "Batching and retries";

    /** The definition of every key. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(ConfigDef.key(URL_CONFIG).type(Type.STRING).validator(ConfigDef.LambdaValidator.with(HttpSinkConfig::checkUrl,
                            () -> "http:// or https:// URL with a host"))
                    .importance(Importance.HIGH).width(Width.LONG).group(CONNECTION).displayName("URL")
                    .doc("The http:// or https:// URL that batches of records are POSTed to, as a JSON array "
                            + "with the Content-Type application/json. A 2xx answer means the whole batch was "
                            + "stored. 5xx, 408, 429 and network errors are retried; other 4xx answers mean the "
                            + "batch was refused as a whole, and it is split to find the records at fault, which "
                            + "go to the errant record reporter (dead letter queue); 401 and 403 fail the task. "
                            + "Redirects are not followed."))
            .define(ConfigDef.key(HEADERS_CONFIG).type(Type.LIST).defaultValue("")
                    .validator(ConfigDef.ListOf.of(ConfigDef.LambdaValidator.with(HttpSinkConfig::checkHeader,
                            () -> "Name:Value"))).importance(Importance.MEDIUM)
                    .width(Width.LONG).group(CONNECTION).displayName("Extra headers")
                    .doc("Extra request headers, as a comma-separated list of Name:Value (for example "
                            + "X-Tenant:acme,X-Source:connect). A Content-Type given here replaces "
                            + "application/json. The headers Connection, Content-Length, Expect, Host and "
                            + "Upgrade are set by the HTTP client and cannot be given; Authorization cannot "
                            + "be given together with " + AUTH_TOKEN_CONFIG + "."))
            .define(ConfigDef.key(AUTH_TOKEN_CONFIG).type(Type.PASSWORD).defaultValue(null)
                    .validator(new ConfigDef.NonEmptyString()).importance(Importance.HIGH).width(Width.MEDIUM)
                    .group(CONNECTION).displayName("Bearer token")
                    .doc("A token sent with every request as the header Authorization: Bearer <token>. "
                            + "It is a secret: it never appears in logs, messages or toString(). Unset: no "
                            + "Authorization header (unless given in " + HEADERS_CONFIG + ")."))
            .define(ConfigDef.key(TIMEOUT_MS_CONFIG).type(Type.INT).defaultValue(TIMEOUT_MS_DEFAULT)
                    .validator(Range.between(1, 600_000)).importance(Importance.LOW).width(Width.SHORT)
                    .group(CONNECTION).displayName("Timeout (ms)")
                    .doc("How long, in milliseconds, to wait for a connection and then for the answer to a "
                            + "request; a timeout is a retriable error."))
            .define(ConfigDef.key(PAYLOAD_CONFIG).type(Type.STRING).defaultValue(PAYLOAD_VALUE)
                    .validator(ConfigDef.ValidString.in(PAYLOAD_VALUE, PAYLOAD_ENVELOPE)).importance(Importance.MEDIUM)
                    .width(Width.SHORT).group(CONNECTION).displayName("Payload format")
                    .doc("What each element of the posted JSON array is. value: the record value as JSON "
                            + "(structs and maps as objects, arrays as arrays, Decimal as a number, Timestamp "
                            + "as an ISO-8601 instant, bytes as base64). envelope: an object {\"topic\", "
                            + "\"partition\", \"offset\", \"timestamp\", \"key\", \"value\"} with the record's "
                            + "metadata, key and value."))
            .define(ConfigDef.key(BATCH_SIZE_CONFIG).type(Type.INT).defaultValue(BATCH_SIZE_DEFAULT)
                    .validator(Range.between(1, 100_000)).importance(Importance.MEDIUM).width(Width.SHORT)
                    .group(BATCHING).displayName("Batch size")
                    .doc("The most records sent in one request. A batch is sent as soon as it is full."))
            .define(ConfigDef.key(BATCH_LINGER_MS_CONFIG).type(Type.LONG).defaultValue(BATCH_LINGER_MS_DEFAULT)
                    .validator(Range.between(0, 3_600_000)).importance(Importance.MEDIUM).width(Width.SHORT)
                    .group(BATCHING).displayName("Batch linger (ms)")
                    .doc("How long, in milliseconds, records may wait for a batch to fill up: an incomplete "
                            + "batch is sent once its oldest record has waited this long (checked whenever the "
                            + "runtime hands over records, which it does regularly even when there are none), "
                            + "and in any case before offsets are committed. 0 sends at every hand-over."))
            .define(ConfigDef.key(MAX_RETRIES_CONFIG).type(Type.INT).defaultValue(MAX_RETRIES_DEFAULT)
                    .validator(Range.between(0, 100)).importance(Importance.MEDIUM).width(Width.SHORT)
                    .group(BATCHING).displayName("Max retries")
                    .doc("How many times a request that failed with a retriable error (5xx, 408, 429, "
                            + "network error or timeout) is sent again before the task gives up for now: it "
                            + "then throws a RetriableException, keeps the records and tries again when the "
                            + "runtime hands over records the next time."))
            .define(ConfigDef.key(RETRY_BACKOFF_MS_CONFIG).type(Type.LONG).defaultValue(RETRY_BACKOFF_MS_DEFAULT)
                    .validator(Range.between(0, 60_000)).importance(Importance.LOW).width(Width.SHORT)
                    .group(BATCHING).displayName("Retry backoff (ms)")
                    .doc("How long, in milliseconds, to wait before the first retry; the wait doubles for "
                            + "each further retry, up to 60 seconds."));

    private final URI url;
    private final List<Map.Entry<String, String>> headers;

    /**
     * @param props the connector or task configuration
     * @throws ConfigException naming the key when a value is missing or invalid, or when
     *     {@value #HEADERS_CONFIG} has an Authorization header and {@value #AUTH_TOKEN_CONFIG} is set
     */
    public HttpSinkConfig(Map<String, ?> props) {
        super(CONFIG_DEF, props);
        url = URI.create(getString(URL_CONFIG));
        List<Map.Entry<String, String>> parsed = new ArrayList<>();
        for (String header : getList(HEADERS_CONFIG)) {
            int colon = header.indexOf(':');
            parsed.add(Map.entry(header.substring(0, colon).trim(), header.substring(colon + 1).trim()));
        }
        headers = Collections.unmodifiableList(parsed);
        String conflict = authorizationConflict(getList(HEADERS_CONFIG), get(AUTH_TOKEN_CONFIG) != null);
        if (conflict != null) {
            List<String> names = new ArrayList<>();
            parsed.forEach(h -> names.add(h.getKey()));
            throw new ConfigException(HEADERS_CONFIG, "with the headers " + names, conflict);
        }
    }

    /** @return the cross-key error of {@value #HEADERS_CONFIG}, or {@code null} */
    static String authorizationConflict(List<String> headers, boolean tokenSet) {
        if (!tokenSet || headers == null) {
            return null;
        }
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("Authorization")) {
                return "An Authorization header cannot be given together with " + AUTH_TOKEN_CONFIG;
            }
        }
        return null;
    }

    /** @return the {@value #URL_CONFIG} value */
    public URI url() {
        return url;
    }

    /** @return the {@value #HEADERS_CONFIG} value, as (name, value) pairs in order */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** @return the {@value #AUTH_TOKEN_CONFIG} value, or {@code null} when unset */
    public Password authToken() {
        return getPassword(AUTH_TOKEN_CONFIG);
    }

    /** @return the {@value #TIMEOUT_MS_CONFIG} value */
    public int timeoutMs() {
        return getInt(TIMEOUT_MS_CONFIG);
    }

    /** @return whether {@value #PAYLOAD_CONFIG} is {@value #PAYLOAD_ENVELOPE} */
    public boolean envelope() {
        return PAYLOAD_ENVELOPE.equals(getString(PAYLOAD_CONFIG));
    }

    /** @return the {@value #BATCH_SIZE_CONFIG} value */
    public int batchSize() {
        return getInt(BATCH_SIZE_CONFIG);
    }

    /** @return the {@value #BATCH_LINGER_MS_CONFIG} value */
    public long batchLingerMs() {
        return getLong(BATCH_LINGER_MS_CONFIG);
    }

    /** @return the {@value #MAX_RETRIES_CONFIG} value */
    public int maxRetries() {
        return getInt(MAX_RETRIES_CONFIG);
    }

    /** @return the {@value #RETRY_BACKOFF_MS_CONFIG} value */
    public long retryBackoffMs() {
        return getLong(RETRY_BACKOFF_MS_CONFIG);
    }

    private static void checkUrl(String name, Object value) {
        if (value == null) {
            return;
        }
        URI uri;
        try {
            uri = new URI((String) value);
        } catch (URISyntaxException e) {
            throw new ConfigException(name, value, "Not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ConfigException(name, value, "Expected an http:// or https:// URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new ConfigException(name, value, "The URL has no host");
        }
    }

    private static void checkHeader(String name, Object value) {
        // Header values may hold secrets (API keys): messages show the header's name, never its value.
        String header = (String) value;
        int colon = header.indexOf(':');
        if (colon <= 0) {
            throw new ConfigException(name, "(an element without ':')", "Expected every header as Name:Value");
        }
        String headerName = header.substring(0, colon).trim();
        String shown = "(the header \"" + headerName + "\")";
        if (headerName.isEmpty() || !headerName.chars().allMatch(HttpSinkConfig::isTokenChar)) {
            throw new ConfigException(name, shown, "Not a valid header name");
        }
        if (RESTRICTED_HEADERS.contains(headerName.toLowerCase(Locale.ROOT))) {
            throw new ConfigException(name, shown, "This header is set by the HTTP client and cannot be given");
        }
        if (header.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw new ConfigException(name, shown, "A header must not contain line breaks");
        }
    }

    /** RFC 9110 tchar. */
    private static boolean isTokenChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
