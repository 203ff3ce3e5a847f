package io.connectsdk.api.transforms;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.plugin.Configurable;
import io.connectsdk.api.plugin.Versioned;
import java.io.Closeable;

/**
 * A single message transform: turns one record into one record, or drops it. Configured under
 * {@code transforms.<alias>.} and chained in the order of {@code transforms=a,b,c}; a transform
 * may be applied only to records that match a {@link Predicate}
 * ({@code transforms.<alias>.predicate}, {@code transforms.<alias>.negate}). Work over several
 * records (joins, aggregations) belongs in a stream processor, not here.
 *
 * <p><b>Lifecycle.</b> Public no-argument constructor, {@link #configure(java.util.Map)} once
 * (with the {@code transforms.<alias>.} prefix removed), {@link #apply} per record,
 * {@link #close()}.
 * <b>Threading.</b> One instance per task, called from the task's thread only.
 * <b>Errors.</b> Throw {@link io.connectsdk.api.config.ConfigException} from {@code configure}
 * naming the key, {@link io.connectsdk.api.errors.DataException} from {@code apply} for a record
 * that does not fit; the runtime applies {@code errors.tolerance}.
 * Register implementations in {@code META-INF/services/io.connectsdk.api.transforms.Transform}.
 *
 * @param <R> the record type: {@link io.connectsdk.api.source.SourceRecord} or
 *     {@link io.connectsdk.api.sink.SinkRecord}; a transform usually works for both
 */
public interface Transform<R extends ConnectRecord<R>> extends Configurable, Versioned, Closeable {
    /**
     * Transforms one record. Must not modify {@code record} (except its headers when the result is
     * the same instance); build changes with {@link ConnectRecord#newRecord}.
     *
     * @param record the record, never {@code null}
     * @return the new record, the same record, or {@code null} to drop it (later transforms are
     *     then skipped)
     */
    R apply(R record);

    /** @return the definition of the transform's settings, never {@code null} */
    ConfigDef config();

    /** Releases resources. Called once. */
    @Override
    void close();
}
