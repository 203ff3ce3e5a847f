package io.connectsdk.runtime.errors;

import io.connectsdk.api.source.SourceRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a task is working on when an error happens: the record (as consumed from Kafka for sinks,
 * as polled for sources), the stage, the class executing it and the error.
 *
 * <p>Not thread-safe: a task thread reuses one instance for every record of its pipeline (so that
 * the hot path does not allocate); errant-record reports from other threads use their own.
 */
public final class ProcessingContext {
    private ConsumerRecord<byte[], byte[]> consumerRecord;
    private SourceRecord sourceRecord;
    private Stage stage;
    private Class<?> executingClass;
    private Throwable error;

    /** Creates an empty context. */
    public ProcessingContext() {
    }

    /**
     * Starts work on a consumed record.
     *
     * @param record the record as consumed; may be {@code null}
     * @return this
     */
    public ProcessingContext reset(ConsumerRecord<byte[], byte[]> record) {
        this.consumerRecord = record;
        this.sourceRecord = null;
        this.stage = null;
        this.executingClass = null;
        this.error = null;
        return this;
    }

    /**
     * Starts work on a polled record.
     *
     * @param record the record as polled; may be {@code null}
     * @return this
     */
    public ProcessingContext reset(SourceRecord record) {
        this.consumerRecord = null;
        this.sourceRecord = record;
        this.stage = null;
        this.executingClass = null;
        this.error = null;
        return this;
    }

    /** @return the consumed record, or {@code null} (source tasks) */
    public ConsumerRecord<byte[], byte[]> consumerRecord() {
        return consumerRecord;
    }

    /** @return the polled record, or {@code null} (sink tasks) */
    public SourceRecord sourceRecord() {
        return sourceRecord;
    }

    /** @return the current stage, or {@code null} before the first */
    public Stage stage() {
        return stage;
    }

    /** @return the class executing the current stage, or {@code null} */
    public Class<?> executingClass() {
        return executingClass;
    }

    /**
     * @param stage the stage now executing
     * @param executingClass the class executing it
     */
    public void position(Stage stage, Class<?> executingClass) {
        this.stage = stage;
        this.executingClass = executingClass;
    }

    /** @return the error of the current record, or {@code null} */
    public Throwable error() {
        return error;
    }

    /** @param error the error of the current record */
    public void error(Throwable error) {
        this.error = error;
    }

    /** @return whether the current record failed (and was tolerated) */
    public boolean failed() {
        return error != null;
    }
}
