package io.connectsdk.api.transforms;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.plugin.Configurable;
import io.connectsdk.api.plugin.Versioned;
import java.io.Closeable;

/**
 * A condition on a record that decides whether a {@link Transform} applies to it. Declared with
 * {@code predicates=<name>,...} and {@code predicates.<name>.type=...}, used with
 * {@code transforms.<alias>.predicate=<name>} (and {@code transforms.<alias>.negate=true} to
 * invert it).
 *
 * <p><b>Lifecycle</b> and <b>threading</b> are those of {@link Transform}: no-argument constructor,
 * {@link #configure(java.util.Map)} once (prefix {@code predicates.<name>.} removed), {@link #test}
 * per record on the task's thread, {@link #close()}.
 * Register implementations in {@code META-INF/services/io.connectsdk.api.transforms.Predicate}.
 *
 * @param <R> the record type
 */
public interface Predicate<R extends ConnectRecord<R>> extends Configurable, Versioned, Closeable {
    /**
     * @param record the record, never {@code null}; must not be modified
     * @return whether the record matches
     */
    boolean test(R record);

    /** @return the definition of the predicate's settings, never {@code null} */
    ConfigDef config();

    /** Releases resources. Called once. */
    @Override
    void close();
}
