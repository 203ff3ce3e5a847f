package io.connectsdk.runtime.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks, canonicalises and (de)serialises source partitions and offsets. A partition's canonical
 * form is its JSON text with keys sorted, which makes partitions equal by value whatever the map
 * implementation or number type. Stateless and thread-safe.
 */
final class OffsetCodec {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private OffsetCodec() {
    }

    /**
     * @param what what the map is, for messages ("partition", "offset")
     * @param map the map to check
     * @throws IllegalArgumentException naming the bad entry
     */
    static void check(String what, Map<String, ?> map) {
        for (Map.Entry<String, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String)) {
                throw new IllegalArgumentException("The source " + what + " " + map + " has a key that is not a string: "
                        + e.getKey());
            }
            Object v = e.getValue();
            if (v != null && !(v instanceof String) && !(v instanceof Number) && !(v instanceof Boolean)) {
                throw new IllegalArgumentException("The source " + what + " " + map + " has a value of type "
                        + v.getClass().getName() + " under key " + e.getKey()
                        + "; only strings, numbers, booleans and null can be stored");
            }
        }
    }

    /** @return the canonical JSON text of a checked map */
    static String canonical(Map<String, ?> map) {
        try {
            return MAPPER.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialize " + map + ": " + e.getOriginalMessage(), e);
        }
    }

    /** @return the map read from a JSON object, with integral numbers as Long and others as Double */
    static Map<String, Object> fromJson(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object but found " + node.getNodeType());
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            map.put(e.getKey(), scalar(e.getValue()));
        }
        return Collections.unmodifiableMap(map);
    }

    /** @return a checked map normalised as if it had been written and read back */
    static Map<String, Object> normalise(Map<String, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : map.entrySet()) {
            result.put(e.getKey(), normaliseValue(e.getValue()));
        }
        return Collections.unmodifiableMap(result);
    }

    private static Object normaliseValue(Object v) {
        if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger) {
            BigInteger b = (BigInteger) v;
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (v instanceof Float || v instanceof Double) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).doubleValue();
        }
        return v;
    }

    private static Object scalar(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? (Object) v.longValue() : v.bigIntegerValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        throw new IllegalArgumentException("expected a string, number, boolean or null but found " + v.getNodeType());
    }

    static ObjectNode toJson(Map<String, ?> map) {
        return MAPPER.valueToTree(map);
    }
}
