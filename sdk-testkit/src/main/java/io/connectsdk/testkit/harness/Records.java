package io.connectsdk.testkit.harness;

import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.header.ConnectHeaders;
import io.connectsdk.api.header.Headers;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.sink.TimestampType;
import io.connectsdk.api.sink.TopicPartition;
import io.connectsdk.api.source.SourceRecord;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Concise factories for the records and structs that tests feed to plugins.
 *
 * <pre>{@code
 * SourceRecord s = Records.source("orders").key("o-1").value(Schema.STRING_SCHEMA, "hello")
 *         .header("trace", "t-1").sourcePartition(Map.of("file", "a.log")).sourceOffset(Map.of("pos", 4L))
 *         .build();
 * SinkRecord k = Records.sink("orders").partition(2).offset(17).value(order).build();
 * Struct order = Records.struct(ORDER_SCHEMA).put("id", 1L).put("item", "book").build();
 * }</pre>
 *
 * <p>Builders are mutable and not thread-safe; {@code build()} may be called more than once and
 * every call returns a new record (with a copy of the headers). A key or value given without a
 * schema is schemaless ({@code null} schema), except a {@link Struct}, which brings its own schema.
 * Nothing here returns {@code null}.
 */
public final class Records {
    private Records() {
    }

    /**
     * @param topic the destination topic, not {@code null}
     * @return a builder of a {@link SourceRecord} for that topic, with no source partition/offset,
     *     no key and a {@code null} value until set
     */
    public static SourceRecordBuilder source(String topic) {
        return new SourceRecordBuilder(Objects.requireNonNull(topic, "topic"));
    }

    /**
     * @param topic the topic the record was consumed from, not {@code null}
     * @return a builder of a {@link SinkRecord} in partition 0 at offset 0 of that topic, with no
     *     timestamp, no key and a {@code null} value until set
     */
    public static SinkRecordBuilder sink(String topic) {
        return new SinkRecordBuilder(Objects.requireNonNull(topic, "topic"));
    }

    /**
     * @param schema a {@code STRUCT} schema, not {@code null}
     * @return a builder of a {@link Struct} of that schema
     */
    public static StructBuilder struct(Schema schema) {
        return new StructBuilder(new Struct(schema));
    }

    /**
     * @param topic the topic, not {@code null}
     * @param partition the partition, 0 or more
     * @return the topic partition; a shorthand for {@code new TopicPartition(topic, partition)}
     */
    public static TopicPartition tp(String topic, int partition) {
        return new TopicPartition(topic, partition);
    }

    /**
     * @param keysAndValues alternating keys (strings) and values (strings, numbers, booleans)
     * @return an unmodifiable, ordered map, e.g. a source partition {@code Records.map("file", "a.log")}
     * @throws IllegalArgumentException when the number of arguments is odd or a key is not a string
     */
    public static Map<String, Object> map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("map(...) needs key/value pairs, got " + keysAndValues.length + " arguments");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String)) {
                throw new IllegalArgumentException("map(...) keys must be strings, argument " + i + " is " + keysAndValues[i]);
            }
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static Schema schemaOf(Object value) {
        return value instanceof Struct ? ((Struct) value).schema() : null;
    }

    /**
     * The fields shared by both record builders.
     *
     * @param <B> the concrete builder type
     */
    public abstract static class RecordBuilder<B extends RecordBuilder<B>> {
        final String topic;
        Schema keySchema;
        Object key;
        Schema valueSchema;
        Object value;
        Long timestamp;
        final ConnectHeaders headers = new ConnectHeaders();

        RecordBuilder(String topic) {
            this.topic = topic;
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /**
         * @param key the key; schemaless unless it is a {@link Struct}; may be {@code null}
         * @return this builder
         */
        public B key(Object key) {
            return key(schemaOf(key), key);
        }

        /**
         * @param schema the key's schema, or {@code null} for a schemaless key
         * @param key the key, may be {@code null}
         * @return this builder
         */
        public B key(Schema schema, Object key) {
            this.keySchema = schema;
            this.key = key;
            return self();
        }

        /**
         * @param value the value; schemaless unless it is a {@link Struct}; may be {@code null}
         * @return this builder
         */
        public B value(Object value) {
            return value(schemaOf(value), value);
        }

        /**
         * @param schema the value's schema, or {@code null} for a schemaless value
         * @param value the value, may be {@code null} (a tombstone)
         * @return this builder
         */
        public B value(Schema schema, Object value) {
            this.valueSchema = schema;
            this.value = value;
            return self();
        }

        /**
         * @param timestamp milliseconds since the epoch
         * @return this builder
         */
        public B timestamp(long timestamp) {
            this.timestamp = timestamp;
            return self();
        }

        /**
         * Adds a {@code STRING} header.
         *
         * @param key the header key, not {@code null}
         * @param value the value, may be {@code null}
         * @return this builder
         */
        public B header(String key, String value) {
            headers.addString(key, value);
            return self();
        }

        /**
         * Adds a header with a schema.
         *
         * @param key the header key, not {@code null}
         * @param schema the value's schema, or {@code null} for a schemaless header
         * @param value the value, may be {@code null}
         * @return this builder
         * @throws io.connectsdk.api.errors.DataException when the value does not match the schema
         */
        public B header(String key, Schema schema, Object value) {
            headers.add(key, value, schema);
            return self();
        }

        /**
         * Adds every header of {@code more}, in order.
         *
         * @param more headers to copy, not {@code null}
         * @return this builder
         */
        public B headers(Headers more) {
            more.forEach(headers::add);
            return self();
        }
    }

    /** Builds {@link SourceRecord}s; see {@link Records#source(String)}. */
    public static final class SourceRecordBuilder extends RecordBuilder<SourceRecordBuilder> {
        private Map<String, ?> sourcePartition;
        private Map<String, ?> sourceOffset;
        private Integer kafkaPartition;

        SourceRecordBuilder(String topic) {
            super(topic);
        }

        /**
         * @param partition the source partition, may be {@code null}
         * @return this builder
         */
        public SourceRecordBuilder sourcePartition(Map<String, ?> partition) {
            this.sourcePartition = partition;
            return this;
        }

        /**
         * @param offset the source offset, may be {@code null}
         * @return this builder
         */
        public SourceRecordBuilder sourceOffset(Map<String, ?> offset) {
            this.sourceOffset = offset;
            return this;
        }

        /**
         * @param partition the Kafka partition to write to; by default the producer chooses
         * @return this builder
         */
        public SourceRecordBuilder kafkaPartition(int partition) {
            this.kafkaPartition = partition;
            return this;
        }

        /** @return a new record with the builder's fields and a copy of its headers */
        public SourceRecord build() {
            return new SourceRecord(sourcePartition, sourceOffset, topic, kafkaPartition,
                    keySchema, key, valueSchema, value, timestamp, headers.duplicate());
        }
    }

    /** Builds {@link SinkRecord}s; see {@link Records#sink(String)}. */
    public static final class SinkRecordBuilder extends RecordBuilder<SinkRecordBuilder> {
        private int partition;
        private long offset;
        private TimestampType timestampType;

        SinkRecordBuilder(String topic) {
            super(topic);
        }

        /**
         * @param partition the Kafka partition, 0 or more (default 0)
         * @return this builder
         */
        public SinkRecordBuilder partition(int partition) {
            this.partition = partition;
            return this;
        }

        /**
         * @param offset the Kafka offset (default 0)
         * @return this builder
         */
        public SinkRecordBuilder offset(long offset) {
            this.offset = offset;
            return this;
        }

        /**
         * @param type what the timestamp means; defaults to {@link TimestampType#CREATE_TIME} when a
         *     timestamp is set, {@link TimestampType#NO_TIMESTAMP_TYPE} otherwise
         * @return this builder
         */
        public SinkRecordBuilder timestampType(TimestampType type) {
            this.timestampType = type;
            return this;
        }

        /** @return a new record with the builder's fields and a copy of its headers */
        public SinkRecord build() {
            TimestampType type = timestampType != null ? timestampType
                    : timestamp != null ? TimestampType.CREATE_TIME : TimestampType.NO_TIMESTAMP_TYPE;
            return new SinkRecord(topic, partition, keySchema, key, valueSchema, value, offset,
                    timestamp, type, headers.duplicate());
        }
    }

    /** Builds a {@link Struct}, checking each value against its field's schema. */
    public static final class StructBuilder {
        private final Struct struct;

        StructBuilder(Struct struct) {
            this.struct = struct;
        }

        /**
         * @param field the field name, not {@code null}
         * @param value the value, checked against the field's schema
         * @return this builder
         * @throws io.connectsdk.api.errors.DataException naming the field when there is no such
         *     field or the value does not fit
         */
        public StructBuilder put(String field, Object value) {
            struct.put(field, value);
            return this;
        }

        /**
         * @return the struct, after {@link Struct#validate()} (every required field set); the same
         *     instance on every call
         * @throws io.connectsdk.api.errors.DataException listing missing required fields
         */
        public Struct build() {
            struct.validate();
            return struct;
        }
    }
}
