package io.connectsdk.testkit.harness;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.transforms.Transform;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a {@link Transform} (a single message transform) in a unit test, as the runtime does.
 *
 * <pre>{@code
 * try (var harness = TransformHarness.of(new MaskSsn<SourceRecord>()).config("field", "ssn")) {
 *     SourceRecord out = harness.apply(Records.source("people").value(person).build());
 *     assertThat(((Struct) out.value()).getString("ssn")).isEqualTo("***");
 * }
 * }</pre>
 *
 * <h2>Lifecycle</h2>
 * {@link #config} first; the transform is {@code configure}d once, on the first {@link #apply} or
 * an explicit {@link #configure()} (use that to test configuration errors); {@link #close()} calls
 * the transform's {@code close()} once.
 *
 * <h2>Contract checks</h2>
 * {@link ContractViolationError} when {@code version()} is null or blank, {@code config()} returns
 * null, or {@code apply} modified its input record (its fields, headers, or the contents of its
 * key or value, as far as {@code equals}/{@code toString} can tell) instead of returning a changed
 * copy made with {@link ConnectRecord#newRecord}. Exceptions thrown by the transform
 * ({@code ConfigException}, {@code DataException}, ...) reach the caller unchanged.
 *
 * <p>Calls run on the calling thread (the runtime calls a transform from its task's thread only).
 * Not thread-safe.
 *
 * @param <R> the record type: {@link io.connectsdk.api.source.SourceRecord} or
 *     {@link io.connectsdk.api.sink.SinkRecord}
 */
public final class TransformHarness<R extends ConnectRecord<R>> implements AutoCloseable {
    private final Transform<R> transform;
    private final Map<String, Object> config = new LinkedHashMap<>();
    private boolean configured;
    private boolean closed;

    private TransformHarness(Transform<R> transform) {
        this.transform = transform;
    }

    /**
     * @param transform a new, unconfigured transform instance, not {@code null}
     * @param <R> the record type
     * @return a new harness
     */
    public static <R extends ConnectRecord<R>> TransformHarness<R> of(Transform<R> transform) {
        return new TransformHarness<>(Objects.requireNonNull(transform, "transform"));
    }

    /**
     * @param props settings to add (without the {@code transforms.<alias>.} prefix), not {@code null}
     * @return this harness
     * @throws IllegalStateException once the transform was configured
     */
    public TransformHarness<R> config(Map<String, ?> props) {
        if (configured) {
            throw new IllegalStateException("config(...) must come before the first apply() or configure()");
        }
        config.putAll(props);
        return this;
    }

    /**
     * @param key a setting's key, not {@code null}
     * @param value its value (usually a string), not {@code null}
     * @return this harness
     */
    public TransformHarness<R> config(String key, Object value) {
        return config(Map.of(key, value));
    }

    /**
     * Configures the transform now (otherwise the first {@link #apply} does). Idempotent.
     *
     * @return this harness
     * @throws io.connectsdk.api.config.ConfigException as the transform throws it for bad settings
     */
    public TransformHarness<R> configure() {
        requireOpen();
        if (!configured) {
            checkVersionAndConfigDef();
            configured = true;
            transform.configure(Collections.unmodifiableMap(new LinkedHashMap<>(config)));
        }
        return this;
    }

    /**
     * Applies the transform to one record.
     *
     * @param record the input, not {@code null}; must not be changed by the transform
     * @return the output record, or {@code null} when the transform dropped the record
     * @throws ContractViolationError when the transform modified {@code record}
     */
    public R apply(R record) {
        Objects.requireNonNull(record, "record");
        configure();
        R before = record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value(), record.timestamp(), record.headers().duplicate());
        String printedBefore = record.toString();
        String contentBefore = contentString(record);
        R result = transform.apply(record);
        boolean changed = !before.equals(record) || !printedBefore.equals(record.toString());
        boolean headersOnlyOnSameInstance = result == record && sameExceptHeaders(before, record)
                && contentBefore.equals(contentString(record));
        if (changed && !headersOnlyOnSameInstance) {
            throw new ContractViolationError("Expected " + Plugins.simpleName(transform.getClass())
                    + ".apply() to leave its input record unchanged (return a changed copy made with newRecord(...)), but"
                    + " the input changed.\n  before: " + printedBefore + "\n  after:  " + record);
        }
        return result;
    }

    /**
     * Applies the transform to each record in order.
     *
     * @param records the inputs, not {@code null}
     * @return the outputs of the records that were not dropped, in order
     */
    @SafeVarargs
    public final List<R> applyAll(R... records) {
        List<R> out = new ArrayList<>();
        for (R r : records) {
            R result = apply(r);
            if (result != null) {
                out.add(result);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Same as {@link #applyAll(ConnectRecord[])}.
     *
     * @param records the inputs, not {@code null}
     * @return the outputs of the records that were not dropped, in order
     */
    public List<R> applyAll(List<R> records) {
        List<R> out = new ArrayList<>();
        for (R r : records) {
            R result = apply(r);
            if (result != null) {
                out.add(result);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** @return the transform under test */
    public Transform<R> transform() {
        return transform;
    }

    /** Calls the transform's {@code close()}, once. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            transform.close();
        }
    }

    private void checkVersionAndConfigDef() {
        String version = transform.version();
        if (version == null || version.isBlank()) {
            throw new ContractViolationError("Expected " + Plugins.simpleName(transform.getClass())
                    + ".version() to return a version such as \"1.0\", but it returned " + (version == null ? "null" : "\"" + version + "\""));
        }
        ConfigDef def = transform.config();
        if (def == null) {
            throw new ContractViolationError("Expected " + Plugins.simpleName(transform.getClass())
                    + ".config() to return its ConfigDef (an empty one if it has no settings), but it returned null");
        }
    }

    private boolean sameExceptHeaders(R before, R after) {
        R withOldHeaders = after.newRecord(after.topic(), after.kafkaPartition(), after.keySchema(), after.key(),
                after.valueSchema(), after.value(), after.timestamp(), before.headers());
        return withOldHeaders.equals(before);
    }

    private static String contentString(ConnectRecord<?> r) {
        return String.valueOf(r.key()) + '|' + r.value();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the transform was closed");
        }
    }
}
