package io.connectsdk.testkit.harness;

import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.header.ConnectHeaders;
import io.connectsdk.api.header.Headers;
import io.connectsdk.api.storage.Converter;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a {@link Converter} in a unit test, as the runtime does for record keys or values.
 *
 * <pre>{@code
 * try (var harness = ConverterHarness.of(new MyJsonConverter()).config("schemas.enable", "true").forValue()) {
 *     harness.roundTrip(ORDER_SCHEMA, order);            // fails if the order does not come back equal
 *     byte[] bytes = harness.serialize(Schema.STRING_SCHEMA, "hi");
 *     assertThat(harness.deserialize(bytes).value()).isEqualTo("hi");
 * }
 * }</pre>
 *
 * <h2>Lifecycle</h2>
 * {@link #config}, {@link #forKey()}/{@link #forValue()} (the default) and {@link #topic} first;
 * the converter is {@code configure}d once, on the first conversion or an explicit
 * {@link #configure()}; {@link #close()} calls its {@code close()} once.
 *
 * <p>Conversions use the header-aware methods ({@code fromConnectData(topic, headers, ...)} and
 * {@code toConnectData(topic, headers, ...)}), as the runtime does; a round trip hands the same
 * headers to both. Calls run on the calling thread; not thread-safe. Exceptions thrown by the
 * converter ({@code DataException}, {@code ConfigException}) reach the caller unchanged.
 */
public final class ConverterHarness implements AutoCloseable {
    /** The topic name passed to the converter unless {@link #topic(String)} sets another. */
    public static final String DEFAULT_TOPIC = "test-topic";

    private final Converter converter;
    private final Map<String, Object> config = new LinkedHashMap<>();
    private boolean isKey;
    private String topic = DEFAULT_TOPIC;
    private boolean configured;
    private boolean closed;
    private Headers lastHeaders = new ConnectHeaders();

    private ConverterHarness(Converter converter) {
        this.converter = converter;
    }

    /**
     * @param converter a new, unconfigured converter instance, not {@code null}
     * @return a new harness, for values until {@link #forKey()}
     */
    public static ConverterHarness of(Converter converter) {
        return new ConverterHarness(Objects.requireNonNull(converter, "converter"));
    }

    /**
     * @param props settings to add (without the {@code key.converter.}/{@code value.converter.}
     *     prefix), not {@code null}
     * @return this harness
     */
    public ConverterHarness config(Map<String, ?> props) {
        requireUnconfigured("config(...)");
        config.putAll(props);
        return this;
    }

    /**
     * @param key a setting's key, not {@code null}
     * @param value its value (usually a string), not {@code null}
     * @return this harness
     */
    public ConverterHarness config(String key, Object value) {
        return config(Map.of(key, value));
    }

    /** @return this harness, configuring the converter for record keys ({@code isKey = true}) */
    public ConverterHarness forKey() {
        requireUnconfigured("forKey()");
        isKey = true;
        return this;
    }

    /** @return this harness, configuring the converter for record values (the default) */
    public ConverterHarness forValue() {
        requireUnconfigured("forValue()");
        isKey = false;
        return this;
    }

    /**
     * @param name the topic passed to the converter (default {@value #DEFAULT_TOPIC}), not {@code null}
     * @return this harness
     */
    public ConverterHarness topic(String name) {
        this.topic = Objects.requireNonNull(name, "topic");
        return this;
    }

    /**
     * Configures the converter now (otherwise the first conversion does). Idempotent.
     *
     * @return this harness
     * @throws io.connectsdk.api.config.ConfigException as the converter throws it for bad settings
     */
    public ConverterHarness configure() {
        if (closed) {
            throw new IllegalStateException("the converter was closed");
        }
        if (!configured) {
            configured = true;
            String version = converter.version();
            if (version == null || version.isBlank()) {
                throw new ContractViolationError("Expected " + Plugins.simpleName(converter.getClass())
                        + ".version() to return a version such as \"1.0\", but it returned "
                        + (version == null ? "null" : "\"" + version + "\""));
            }
            converter.configure(Collections.unmodifiableMap(new LinkedHashMap<>(config)), isKey);
        }
        return this;
    }

    /**
     * @param schema the value's schema, or {@code null} for schemaless data
     * @param value the value, may be {@code null}
     * @return the bytes the converter produced (may be {@code null}); the headers it may have
     *     written are in {@link #lastHeaders()}
     */
    public byte[] serialize(Schema schema, Object value) {
        configure();
        lastHeaders = new ConnectHeaders();
        return converter.fromConnectData(topic, lastHeaders, schema, value);
    }

    /**
     * @param value a schemaless value, may be {@code null}
     * @return the bytes the converter produced, may be {@code null}
     */
    public byte[] serialize(Object value) {
        return serialize(null, value);
    }

    /**
     * Deserializes with the headers of the last {@link #serialize} (empty ones before any).
     *
     * @param bytes the bytes, may be {@code null}
     * @return the schema and value, never {@code null}
     * @throws ContractViolationError when the converter returned {@code null}
     */
    public SchemaAndValue deserialize(byte[] bytes) {
        configure();
        SchemaAndValue result = converter.toConnectData(topic, lastHeaders, bytes);
        if (result == null) {
            throw new ContractViolationError("Expected " + Plugins.simpleName(converter.getClass())
                    + ".toConnectData() to return a SchemaAndValue (SchemaAndValue.NULL for null input), but it returned null");
        }
        return result;
    }

    /**
     * Serializes then deserializes a value and asserts that it comes back equal (arrays, byte
     * buffers, lists, maps and structs compared by content; number types must match).
     *
     * @param schema the value's schema, or {@code null} for schemaless data
     * @param value the value, may be {@code null}
     * @return what came back, for further assertions (for example on its schema)
     * @throws AssertionError showing the value sent, the bytes and the value received, when they differ
     */
    public SchemaAndValue roundTrip(Schema schema, Object value) {
        byte[] bytes = serialize(schema, value);
        SchemaAndValue back = deserialize(bytes);
        if (!sameValue(value, back.value())) {
            throw new AssertionError("Expected " + Plugins.simpleName(converter.getClass()) + " ("
                    + (isKey ? "key" : "value") + ") to give back the value it serialized, but it did not."
                    + "\n  sent:     " + describe(value) + (schema == null ? " (schemaless)" : " with schema " + schema)
                    + "\n  bytes:    " + describeBytes(bytes)
                    + "\n  received: " + describe(back.value()) + " with schema " + back.schema());
        }
        return back;
    }

    /**
     * {@link #roundTrip(Schema, Object)} for a schemaless value.
     *
     * @param value the value, may be {@code null}
     * @return what came back
     */
    public SchemaAndValue roundTrip(Object value) {
        return roundTrip(null, value);
    }

    /** @return the headers handed to the converter by the last {@link #serialize} */
    public Headers lastHeaders() {
        return lastHeaders;
    }

    /** @return the converter under test */
    public Converter converter() {
        return converter;
    }

    /** Calls the converter's {@code close()}, once. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            converter.close();
        }
    }

    private void requireUnconfigured(String what) {
        if (configured) {
            throw new IllegalStateException(what + " must come before the first conversion or configure()");
        }
    }

    static boolean sameValue(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof ByteBuffer) {
            a = bytesOf((ByteBuffer) a);
        }
        if (b instanceof ByteBuffer) {
            b = bytesOf((ByteBuffer) b);
        }
        if (a instanceof byte[] && b instanceof byte[]) {
            return Arrays.equals((byte[]) a, (byte[]) b);
        }
        if (a instanceof List && b instanceof List) {
            List<?> x = (List<?>) a;
            List<?> y = (List<?>) b;
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext()) {
                if (!sameValue(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map && b instanceof Map) {
            Map<?, ?> x = (Map<?, ?>) a;
            Map<?, ?> y = (Map<?, ?>) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !sameValue(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value instanceof byte[] ? Arrays.toString((byte[]) value) : String.valueOf(value);
        return text + " (" + value.getClass().getName() + ")";
    }

    private static String describeBytes(byte[] bytes) {
        if (bytes == null) {
            return "null";
        }
        boolean printable = true;
        for (byte b : bytes) {
            if (b < 0x20 && b != '\n' && b != '\t' || b == 0x7f) {
                printable = false;
                break;
            }
        }
        String text = printable ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : Arrays.toString(bytes);
        return bytes.length + " byte(s): " + (text.length() > 500 ? text.substring(0, 500) + "..." : text);
    }
}
