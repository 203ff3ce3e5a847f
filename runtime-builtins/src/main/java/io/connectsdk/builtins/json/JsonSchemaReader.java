package io.connectsdk.builtins.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import java.io.IOException;
import java.util.Map;

/**
 * Turns a JSON schema object (as written by Kafka Connect's JsonConverter) into a {@link Schema},
 * accepting the same input as Kafka Connect: {@code type} is required; {@code optional} counts only
 * when it is the boolean {@code true}; {@code name}, {@code doc} only when strings, {@code version}
 * only when an integer; {@code parameters} values must be strings; {@code default} is read with the
 * schema itself. Used on cache misses only.
 */
final class JsonSchemaReader {
    private final JsonReader values;

    JsonSchemaReader(JsonReader values) {
        this.values = values;
    }

    /** @return the schema, or {@code null} for a JSON {@code null} */
    Schema toSchema(JsonNode json) throws IOException {
        if (json == null || json.isNull()) {
            return null;
        }
        JsonNode typeNode = json.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new ConversionError("schema must contain a string 'type' field");
        }
        SchemaBuilder builder;
        String type = typeNode.textValue();
        switch (type) {
            case "boolean":
                builder = SchemaBuilder.bool();
                break;
            case "int8":
                builder = SchemaBuilder.int8();
                break;
            case "int16":
                builder = SchemaBuilder.int16();
                break;
            case "int32":
                builder = SchemaBuilder.int32();
                break;
            case "int64":
                builder = SchemaBuilder.int64();
                break;
            case "float":
                builder = SchemaBuilder.float32();
                break;
            case "double":
                builder = SchemaBuilder.float64();
                break;
            case "bytes":
                builder = SchemaBuilder.bytes();
                break;
            case "string":
                builder = SchemaBuilder.string();
                break;
            case "array": {
                JsonNode items = json.get("items");
                if (items == null || items.isNull()) {
                    throw new ConversionError("array schema did not specify the element type ('items')");
                }
                builder = SchemaBuilder.array(toSchema(items));
                break;
            }
            case "map": {
                JsonNode keys = json.get("keys");
                JsonNode vals = json.get("values");
                if (keys == null || keys.isNull()) {
                    throw new ConversionError("map schema did not specify the key type ('keys')");
                }
                if (vals == null || vals.isNull()) {
                    throw new ConversionError("map schema did not specify the value type ('values')");
                }
                builder = SchemaBuilder.map(toSchema(keys), toSchema(vals));
                break;
            }
            case "struct": {
                builder = SchemaBuilder.struct();
                JsonNode fields = json.get("fields");
                if (fields == null || !fields.isArray()) {
                    throw new ConversionError("struct schema's 'fields' is not an array");
                }
                for (JsonNode field : fields) {
                    JsonNode fieldName = field.get("field");
                    if (fieldName == null || !fieldName.isTextual()) {
                        throw new ConversionError("struct schema's field name ('field') is missing or not a string");
                    }
                    builder.field(fieldName.textValue(), toSchema(field));
                }
                break;
            }
            default:
                throw new ConversionError("unknown schema type: " + type);
        }
        JsonNode optional = json.get("optional");
        if (optional != null && optional.isBoolean() && optional.booleanValue()) {
            builder.optional();
        } else {
            builder.required();
        }
        JsonNode name = json.get("name");
        if (name != null && name.isTextual()) {
            builder.name(name.textValue());
        }
        JsonNode version = json.get("version");
        if (version != null && version.isIntegralNumber()) {
            builder.version(version.intValue());
        }
        JsonNode doc = json.get("doc");
        if (doc != null && doc.isTextual()) {
            builder.doc(doc.textValue());
        }
        JsonNode parameters = json.get("parameters");
        if (parameters != null && parameters.isObject()) {
            for (Map.Entry<String, JsonNode> e : parameters.properties()) {
                if (!e.getValue().isTextual()) {
                    throw new ConversionError("schema parameter '" + e.getKey() + "' must have a string value");
                }
                builder.parameter(e.getKey(), e.getValue().textValue());
            }
        }
        JsonNode defaultNode = json.get("default");
        if (defaultNode != null) {
            Schema withoutDefault = builder.build();
            Object defaultValue;
            try (JsonParser p = defaultNode.traverse()) {
                p.nextToken();
                defaultValue = values.read(p, withoutDefault);
            } catch (ConversionError e) {
                throw new ConversionError("invalid schema default: " + e.problem()
                        + (e.path().isEmpty() ? "" : " (at '" + e.path() + "')"), e);
            }
            builder.defaultValue(defaultValue);
        }
        return builder.build();
    }
}
