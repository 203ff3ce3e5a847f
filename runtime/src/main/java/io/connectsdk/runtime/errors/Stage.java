package io.connectsdk.runtime.errors;

/**
 * Where in a task's pipeline an error happened; written to the dead letter queue header
 * {@code __connect.errors.stage} and to error logs with the same names as Kafka Connect.
 */
public enum Stage {
    /** {@code SourceTask.poll()}. */
    TASK_POLL,
    /** {@code SinkTask.put(...)}, and records reported through the errant record reporter. */
    TASK_PUT,
    /** A transform or predicate. */
    TRANSFORMATION,
    /** The key converter. */
    KEY_CONVERTER,
    /** The value converter. */
    VALUE_CONVERTER,
    /** The header converter. */
    HEADER_CONVERTER,
    /** Producing a source record to Kafka. */
    KAFKA_PRODUCE,
    /** Consuming a record from Kafka. */
    KAFKA_CONSUME
}
