package io.connectsdk.builtins.transforms.util;

import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.header.Header;

/**
 * The part of a record a key-or-value transform works on: the {@link #KEY} or the {@link #VALUE}.
 * The {@code $Key} and {@code $Value} variants of the built-in transforms differ only in the part
 * they pass to their common base class. Stateless and thread-safe.
 */
public enum RecordPart {
    /** The record key and key schema. */
    KEY {
        @Override
        public Schema schema(ConnectRecord<?> record) {
            return record.keySchema();
        }

        @Override
        public Object value(ConnectRecord<?> record) {
            return record.key();
        }

        @Override
        public <R extends ConnectRecord<R>> R with(R record, Schema schema, Object value) {
            return record.newRecord(record.topic(), record.kafkaPartition(), schema, value,
                    record.valueSchema(), record.value(), record.timestamp());
        }

        @Override
        public <R extends ConnectRecord<R>> R with(R record, Schema schema, Object value, Iterable<Header> headers) {
            return record.newRecord(record.topic(), record.kafkaPartition(), schema, value,
                    record.valueSchema(), record.value(), record.timestamp(), headers);
        }
    },
    /** The record value and value schema. */
    VALUE {
        @Override
        public Schema schema(ConnectRecord<?> record) {
            return record.valueSchema();
        }

        @Override
        public Object value(ConnectRecord<?> record) {
            return record.value();
        }

        @Override
        public <R extends ConnectRecord<R>> R with(R record, Schema schema, Object value) {
            return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                    schema, value, record.timestamp());
        }

        @Override
        public <R extends ConnectRecord<R>> R with(R record, Schema schema, Object value, Iterable<Header> headers) {
            return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                    schema, value, record.timestamp(), headers);
        }
    };

    /** @return the schema of this part of {@code record}; {@code null} for schemaless data */
    public abstract Schema schema(ConnectRecord<?> record);

    /** @return this part of {@code record}; may be {@code null} */
    public abstract Object value(ConnectRecord<?> record);

    /**
     * @return a copy of {@code record} (headers copied too) whose part is replaced by
     *     {@code schema} and {@code value}; everything else unchanged
     */
    public abstract <R extends ConnectRecord<R>> R with(R record, Schema schema, Object value);

    /** @return like {@link #with(ConnectRecord, Schema, Object)}, with the given headers */
    public abstract <R extends ConnectRecord<R>> R with(R record, Schema schema, Object value, Iterable<Header> headers);

    /** @return {@code transform + "$Key"} or {@code transform + "$Value"}, for messages */
    public String variantOf(String transform) {
        return transform + (this == KEY ? "$Key" : "$Value");
    }

    /** @return {@code "key"} or {@code "value"}, for messages */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
