package io.connectsdk.builtins.transforms;

import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.data.ConnectSchema;
import io.connectsdk.api.data.Field;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.header.ConnectHeaders;
import io.connectsdk.api.header.Header;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.sink.TimestampType;
import io.connectsdk.api.source.SourceRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Test-only conversions between connect-sdk's data model and Apache Kafka Connect's (schemas,
 * structs, nested values, headers, source and sink records), both ways, and a deep comparison of
 * connect-sdk records. Used by the differential tests.
 */
final class KafkaInterop {
    private KafkaInterop() {
    }

    // ---------------------------------------------------------------- schemas

    static org.apache.kafka.connect.data.Schema toKafka(Schema schema) {
        if (schema == null) {
            return null;
        }
        List<org.apache.kafka.connect.data.Field> fields = null;
        if (schema.type() == Schema.Type.STRUCT) {
            fields = new ArrayList<>();
            for (Field f : schema.fields()) {
                fields.add(new org.apache.kafka.connect.data.Field(f.name(), f.index(), toKafka(f.schema())));
            }
        }
        org.apache.kafka.connect.data.Schema key = schema.type() == Schema.Type.MAP ? toKafka(schema.keySchema()) : null;
        org.apache.kafka.connect.data.Schema value = schema.type() == Schema.Type.MAP || schema.type() == Schema.Type.ARRAY
                ? toKafka(schema.valueSchema()) : null;
        org.apache.kafka.connect.data.ConnectSchema withoutDefault = new org.apache.kafka.connect.data.ConnectSchema(
                org.apache.kafka.connect.data.Schema.Type.valueOf(schema.type().name()), schema.isOptional(), null,
                schema.name(), schema.version(), schema.doc(), schema.parameters().isEmpty() ? null : schema.parameters(),
                fields, key, value);
        if (schema.defaultValue() == null) {
            return withoutDefault;
        }
        return new org.apache.kafka.connect.data.ConnectSchema(withoutDefault.type(), schema.isOptional(),
                toKafkaValue(withoutDefault, schema.defaultValue()), schema.name(), schema.version(), schema.doc(),
                withoutDefault.parameters(), fields, key, value);
    }

    static Schema fromKafka(org.apache.kafka.connect.data.Schema schema) {
        if (schema == null) {
            return null;
        }
        org.apache.kafka.connect.data.Schema.Type type = schema.type();
        List<Field> fields = null;
        if (type == org.apache.kafka.connect.data.Schema.Type.STRUCT) {
            fields = new ArrayList<>();
            for (org.apache.kafka.connect.data.Field f : schema.fields()) {
                fields.add(new Field(f.name(), f.index(), fromKafka(f.schema())));
            }
        }
        Schema key = type == org.apache.kafka.connect.data.Schema.Type.MAP ? fromKafka(schema.keySchema()) : null;
        Schema value = type == org.apache.kafka.connect.data.Schema.Type.MAP
                || type == org.apache.kafka.connect.data.Schema.Type.ARRAY ? fromKafka(schema.valueSchema()) : null;
        Schema.Type ourType = Schema.Type.valueOf(type.name());
        ConnectSchema withoutDefault = new ConnectSchema(ourType, schema.isOptional(), null, schema.name(), schema.version(),
                schema.doc(), schema.parameters(), fields, key, value);
        if (schema.defaultValue() == null) {
            return withoutDefault;
        }
        return new ConnectSchema(ourType, schema.isOptional(), fromKafkaValue(schema.defaultValue()), schema.name(),
                schema.version(), schema.doc(), schema.parameters(), fields, key, value);
    }

    // ---------------------------------------------------------------- values

    /** @param kafkaSchema the Kafka schema the value is for (used for structs), or null */
    static Object toKafkaValue(org.apache.kafka.connect.data.Schema kafkaSchema, Object value) {
        if (value instanceof Struct) {
            Struct struct = (Struct) value;
            org.apache.kafka.connect.data.Schema target = kafkaSchema != null
                    && kafkaSchema.type() == org.apache.kafka.connect.data.Schema.Type.STRUCT
                    && kafkaSchema.defaultValue() == null ? kafkaSchema : toKafka(struct.schema());
            org.apache.kafka.connect.data.Struct result = new org.apache.kafka.connect.data.Struct(target);
            for (Field f : struct.schema().fields()) {
                Object v = struct.getWithoutDefault(f.name());
                if (v != null) {
                    result.put(f.name(), toKafkaValue(target.field(f.name()).schema(), v));
                }
            }
            return result;
        }
        if (value instanceof List) {
            org.apache.kafka.connect.data.Schema element = kafkaSchema == null ? null : kafkaSchema.valueSchema();
            List<Object> result = new ArrayList<>();
            for (Object e : (List<?>) value) {
                result.add(toKafkaValue(element, e));
            }
            return result;
        }
        if (value instanceof Map) {
            org.apache.kafka.connect.data.Schema k = kafkaSchema == null ? null : kafkaSchema.keySchema();
            org.apache.kafka.connect.data.Schema v = kafkaSchema == null ? null : kafkaSchema.valueSchema();
            Map<Object, Object> result = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                result.put(toKafkaValue(k, e.getKey()), toKafkaValue(v, e.getValue()));
            }
            return result;
        }
        return value;
    }

    static Object fromKafkaValue(Object value) {
        if (value instanceof org.apache.kafka.connect.data.Struct) {
            org.apache.kafka.connect.data.Struct struct = (org.apache.kafka.connect.data.Struct) value;
            Struct result = new Struct(fromKafka(struct.schema()));
            for (org.apache.kafka.connect.data.Field f : struct.schema().fields()) {
                Object v = struct.getWithoutDefault(f.name());
                if (v != null) {
                    result.put(f.name(), fromKafkaValue(v));
                }
            }
            return result;
        }
        if (value instanceof List) {
            List<Object> result = new ArrayList<>();
            for (Object e : (List<?>) value) {
                result.add(fromKafkaValue(e));
            }
            return result;
        }
        if (value instanceof Map) {
            Map<Object, Object> result = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                result.put(fromKafkaValue(e.getKey()), fromKafkaValue(e.getValue()));
            }
            return result;
        }
        return value;
    }

    // ---------------------------------------------------------------- headers and records

    static org.apache.kafka.connect.header.Headers toKafka(Iterable<Header> headers) {
        org.apache.kafka.connect.header.ConnectHeaders result = new org.apache.kafka.connect.header.ConnectHeaders();
        for (Header h : headers) {
            org.apache.kafka.connect.data.Schema schema = toKafka(h.schema());
            result.add(h.key(), toKafkaValue(schema, h.value()), schema);
        }
        return result;
    }

    static ConnectHeaders fromKafka(org.apache.kafka.connect.header.Headers headers) {
        ConnectHeaders result = new ConnectHeaders();
        for (org.apache.kafka.connect.header.Header h : headers) {
            result.add(h.key(), fromKafkaValue(h.value()), fromKafka(h.schema()));
        }
        return result;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static org.apache.kafka.connect.connector.ConnectRecord toKafka(ConnectRecord<?> record) {
        org.apache.kafka.connect.data.Schema keySchema = toKafka(record.keySchema());
        org.apache.kafka.connect.data.Schema valueSchema = toKafka(record.valueSchema());
        Object key = toKafkaValue(keySchema, record.key());
        Object value = toKafkaValue(valueSchema, record.value());
        if (record instanceof SinkRecord) {
            SinkRecord sink = (SinkRecord) record;
            return new org.apache.kafka.connect.sink.SinkRecord(sink.topic(), sink.kafkaPartition(), keySchema, key,
                    valueSchema, value, sink.kafkaOffset(), sink.timestamp(),
                    org.apache.kafka.common.record.TimestampType.valueOf(sink.timestampType().name()),
                    (Iterable) toKafka(sink.headers()));
        }
        SourceRecord source = (SourceRecord) record;
        return new org.apache.kafka.connect.source.SourceRecord(source.sourcePartition(), source.sourceOffset(),
                source.topic(), source.kafkaPartition(), keySchema, key, valueSchema, value, source.timestamp(),
                (Iterable) toKafka(source.headers()));
    }

    static ConnectRecord<?> fromKafka(org.apache.kafka.connect.connector.ConnectRecord<?> record) {
        Schema keySchema = fromKafka(record.keySchema());
        Schema valueSchema = fromKafka(record.valueSchema());
        Object key = fromKafkaValue(record.key());
        Object value = fromKafkaValue(record.value());
        ConnectHeaders headers = fromKafka(record.headers());
        if (record instanceof org.apache.kafka.connect.sink.SinkRecord) {
            org.apache.kafka.connect.sink.SinkRecord sink = (org.apache.kafka.connect.sink.SinkRecord) record;
            return new SinkRecord(sink.topic(), sink.kafkaPartition(), keySchema, key, valueSchema, value,
                    sink.kafkaOffset(), sink.timestamp(), TimestampType.valueOf(sink.timestampType().name()), headers,
                    sink.originalTopic(), sink.originalKafkaPartition(), sink.originalKafkaOffset());
        }
        org.apache.kafka.connect.source.SourceRecord source = (org.apache.kafka.connect.source.SourceRecord) record;
        return new SourceRecord(source.sourcePartition(), source.sourceOffset(), source.topic(), source.kafkaPartition(),
                keySchema, key, valueSchema, value, source.timestamp(), headers);
    }

    // ---------------------------------------------------------------- comparison

    /** @return null when the records are equal (values compared deeply), else what differs */
    static String difference(ConnectRecord<?> a, ConnectRecord<?> b) {
        if (a == null || b == null) {
            return a == b ? null : "one record is null: " + a + " vs " + b;
        }
        if (a.getClass() != b.getClass()) {
            return "record class " + a.getClass() + " vs " + b.getClass();
        }
        if (!Objects.equals(a.topic(), b.topic())) {
            return "topic " + a.topic() + " vs " + b.topic();
        }
        if (!Objects.equals(a.kafkaPartition(), b.kafkaPartition())) {
            return "partition " + a.kafkaPartition() + " vs " + b.kafkaPartition();
        }
        if (!Objects.equals(a.timestamp(), b.timestamp())) {
            return "timestamp " + a.timestamp() + " vs " + b.timestamp();
        }
        if (!Objects.equals(a.keySchema(), b.keySchema())) {
            return "key schema " + a.keySchema() + " vs " + b.keySchema();
        }
        if (!deepEquals(a.key(), b.key())) {
            return "key " + a.key() + " vs " + b.key();
        }
        if (!Objects.equals(a.valueSchema(), b.valueSchema())) {
            return "value schema " + a.valueSchema() + " vs " + b.valueSchema();
        }
        if (!deepEquals(a.value(), b.value())) {
            return "value " + a.value() + " vs " + b.value();
        }
        List<Header> ha = new ArrayList<>();
        a.headers().forEach(ha::add);
        List<Header> hb = new ArrayList<>();
        b.headers().forEach(hb::add);
        if (ha.size() != hb.size()) {
            return "headers " + ha + " vs " + hb;
        }
        for (int i = 0; i < ha.size(); i++) {
            Header x = ha.get(i);
            Header y = hb.get(i);
            if (!x.key().equals(y.key()) || !Objects.equals(x.schema(), y.schema()) || !deepEquals(x.value(), y.value())) {
                return "header " + i + ": " + x + " vs " + y;
            }
        }
        if (a instanceof SinkRecord && ((SinkRecord) a).kafkaOffset() != ((SinkRecord) b).kafkaOffset()) {
            return "offset";
        }
        return null;
    }

    static boolean deepEquals(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if ((a instanceof byte[] || a instanceof ByteBuffer) && (b instanceof byte[] || b instanceof ByteBuffer)) {
            return Arrays.equals(bytes(a), bytes(b));
        }
        if (a instanceof List && b instanceof List) {
            List<?> la = (List<?>) a;
            List<?> lb = (List<?>) b;
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!deepEquals(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map && b instanceof Map) {
            Map<?, ?> ma = (Map<?, ?>) a;
            Map<?, ?> mb = (Map<?, ?>) b;
            if (!ma.keySet().equals(mb.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                if (!deepEquals(e.getValue(), mb.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.getClass() != b.getClass()) {
            return false;
        }
        return a.equals(b);
    }

    private static byte[] bytes(Object o) {
        if (o instanceof byte[]) {
            return (byte[]) o;
        }
        ByteBuffer buffer = ((ByteBuffer) o).duplicate();
        byte[] result = new byte[buffer.remaining()];
        buffer.get(result);
        return result;
    }
}
