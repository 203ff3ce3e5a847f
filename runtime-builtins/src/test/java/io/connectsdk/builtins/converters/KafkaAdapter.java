package io.connectsdk.builtins.converters;

import io.connectsdk.api.data.Field;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only translation between connect-sdk's data model and Apache Kafka Connect's
 * ({@code org.apache.kafka.connect.data}), so that the same record can be given to both converters
 * and their results compared. Maps keep their iteration order (it decides the JSON output);
 * byte arrays, decimals and dates are shared, not copied.
 */
public final class KafkaAdapter {
    private static final Map<Schema, org.apache.kafka.connect.data.Schema> TO_KAFKA = new IdentityHashMap<>();

    private KafkaAdapter() {
    }

    // ------------------------------------------------------------------------------------------
    // connect-sdk -> Kafka

    public static synchronized org.apache.kafka.connect.data.Schema toKafka(Schema schema) {
        if (schema == null) {
            return null;
        }
        org.apache.kafka.connect.data.Schema cached = TO_KAFKA.get(schema);
        if (cached != null) {
            return cached;
        }
        org.apache.kafka.connect.data.SchemaBuilder b;
        switch (schema.type()) {
            case ARRAY:
                b = org.apache.kafka.connect.data.SchemaBuilder.array(toKafka(schema.valueSchema()));
                break;
            case MAP:
                b = org.apache.kafka.connect.data.SchemaBuilder.map(toKafka(schema.keySchema()), toKafka(schema.valueSchema()));
                break;
            case STRUCT:
                b = org.apache.kafka.connect.data.SchemaBuilder.struct();
                for (Field f : schema.fields()) {
                    b.field(f.name(), toKafka(f.schema()));
                }
                break;
            default:
                b = org.apache.kafka.connect.data.SchemaBuilder.type(
                        org.apache.kafka.connect.data.Schema.Type.valueOf(schema.type().name()));
        }
        if (schema.isOptional()) {
            b.optional();
        }
        if (schema.name() != null) {
            b.name(schema.name());
        }
        if (schema.version() != null) {
            b.version(schema.version());
        }
        if (schema.doc() != null) {
            b.doc(schema.doc());
        }
        if (schema.parameters() != null && !schema.parameters().isEmpty()) {
            b.parameters(schema.parameters());
        }
        if (schema.defaultValue() != null) {
            // (struct defaults cannot be expressed: Kafka's builder rejects them)
            b.defaultValue(toKafka(schema, schema.defaultValue()));
        }
        org.apache.kafka.connect.data.Schema built = b.build();
        TO_KAFKA.put(schema, built);
        return built;
    }

    /** Converts a value that has {@code schema} (or none: then by its Java class). */
    @SuppressWarnings("unchecked")
    public static Object toKafka(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Struct) {
            Struct struct = (Struct) value;
            Schema s = schema != null ? schema : struct.schema();
            org.apache.kafka.connect.data.Struct k = new org.apache.kafka.connect.data.Struct(toKafka(s));
            for (Field f : s.fields()) {
                Object v = struct.getWithoutDefault(f.name());
                if (v != null) {
                    k.put(f.name(), toKafka(f.schema(), v));
                }
            }
            return k;
        }
        if (value instanceof List) {
            Schema element = schema == null ? null : schema.valueSchema();
            List<Object> out = new ArrayList<>();
            for (Object e : (List<Object>) value) {
                out.add(toKafka(element, e));
            }
            return out;
        }
        if (value instanceof Map) {
            Schema ks = schema == null ? null : schema.keySchema();
            Schema vs = schema == null ? null : schema.valueSchema();
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<Object, Object> e : ((Map<Object, Object>) value).entrySet()) {
                out.put(toKafka(ks, e.getKey()), toKafka(vs, e.getValue()));
            }
            return out;
        }
        return value;
    }

    // ------------------------------------------------------------------------------------------
    // Kafka -> connect-sdk

    /** @return our schema; {@code null} also when Kafka's has a missing element schema (Values' arrayOfNull) */
    public static Schema fromKafka(org.apache.kafka.connect.data.Schema k) {
        if (k == null) {
            return null;
        }
        SchemaBuilder b;
        switch (k.type()) {
            case ARRAY:
                if (k.valueSchema() == null) {
                    return null;
                }
                Schema element = fromKafka(k.valueSchema());
                if (element == null) {
                    return null;
                }
                b = SchemaBuilder.array(element);
                break;
            case MAP:
                if (k.keySchema() == null || k.valueSchema() == null) {
                    return null;
                }
                Schema ks = fromKafka(k.keySchema());
                Schema vs = fromKafka(k.valueSchema());
                if (ks == null || vs == null) {
                    return null;
                }
                b = SchemaBuilder.map(ks, vs);
                break;
            case STRUCT:
                b = SchemaBuilder.struct();
                for (org.apache.kafka.connect.data.Field f : k.fields()) {
                    b.field(f.name(), fromKafka(f.schema()));
                }
                break;
            default:
                b = SchemaBuilder.type(Schema.Type.valueOf(k.type().name()));
        }
        if (k.isOptional()) {
            b.optional();
        }
        if (k.name() != null) {
            b.name(k.name());
        }
        if (k.version() != null) {
            b.version(k.version());
        }
        if (k.doc() != null) {
            b.doc(k.doc());
        }
        if (k.parameters() != null) {
            b.parameters(k.parameters());
        }
        if (k.defaultValue() != null) {
            b.defaultValue(fromKafka(k, k.defaultValue()));
        }
        return b.build();
    }

    @SuppressWarnings("unchecked")
    public static Object fromKafka(org.apache.kafka.connect.data.Schema k, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof org.apache.kafka.connect.data.Struct) {
            org.apache.kafka.connect.data.Struct ks = (org.apache.kafka.connect.data.Struct) value;
            Schema ours = fromKafka(ks.schema());
            Struct s = new Struct(ours);
            for (org.apache.kafka.connect.data.Field f : ks.schema().fields()) {
                Object v = ks.getWithoutDefault(f.name());
                if (v != null) {
                    s.put(f.name(), fromKafka(f.schema(), v));
                }
            }
            return s;
        }
        if (value instanceof List) {
            org.apache.kafka.connect.data.Schema element = k == null ? null : k.valueSchema();
            List<Object> out = new ArrayList<>();
            for (Object e : (List<Object>) value) {
                out.add(fromKafka(element, e));
            }
            return out;
        }
        if (value instanceof Map) {
            org.apache.kafka.connect.data.Schema ks = k == null ? null : k.keySchema();
            org.apache.kafka.connect.data.Schema vs = k == null ? null : k.valueSchema();
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<Object, Object> e : ((Map<Object, Object>) value).entrySet()) {
                out.put(fromKafka(ks, e.getKey()), fromKafka(vs, e.getValue()));
            }
            return out;
        }
        return value;
    }

    /** @return ours; Kafka's {@code null} (Values' answer to the text "null") becomes {@link SchemaAndValue#NULL} */
    public static SchemaAndValue fromKafka(org.apache.kafka.connect.data.SchemaAndValue k) {
        if (k == null) {
            return SchemaAndValue.NULL;
        }
        return new SchemaAndValue(fromKafka(k.schema()), fromKafka(k.schema(), k.value()));
    }
}
