package io.connectsdk.builtins.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.data.ConnectSchema;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.storage.Converter;
import io.connectsdk.api.storage.ConverterType;
import io.connectsdk.api.storage.HeaderConverter;
import io.connectsdk.builtins.BuiltinVersion;
import io.connectsdk.builtins.converters.ConverterTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Converts Connect data to and from JSON, byte for byte as Kafka Connect's
 * {@code org.apache.kafka.connect.json.JsonConverter} does, so both can share topics. Usable as key,
 * value and header converter.
 *
 * <p><b>Settings</b> (see {@link JsonConverterConfig}): {@code schemas.enable} (default
 * {@code true}), {@code schemas.cache.size} (1000), {@code schema.content} (none),
 * {@code decimal.format} ({@code BASE64} or {@code NUMERIC}), {@code replace.null.with.default}
 * ({@code true}), {@code converter.type}.
 *
 * <p><b>Wire format.</b> With schemas enabled every record is the envelope
 * {@code {"schema":<schema>,"payload":<value>}}; a schema is an object with, in this order,
 * {@code type} ({@code boolean int8 int16 int32 int64 float double bytes string array map struct}),
 * {@code items} (arrays), {@code keys} and {@code values} (maps), {@code fields} (structs: each a
 * schema with a trailing {@code field} name), {@code optional}, then when set {@code name},
 * {@code version}, {@code doc}, {@code parameters}, {@code default}. Without schemas only the value
 * is written. Values: numbers as JSON numbers (floats as Java prints them; NaN and infinities as the
 * strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}), bytes as Base64 strings, structs
 * and maps with string keys as objects, maps with other keys as arrays of {@code [key, value]}
 * pairs, Decimal as Base64 of the unscaled two's-complement bytes or as a number
 * ({@code decimal.format}), Date as days, Time as milliseconds of the day, Timestamp as
 * milliseconds since the epoch. A {@code null} value with no schema is written as {@code null}
 * (a tombstone); with a schema, as the schema default (when {@code replace.null.with.default}),
 * else JSON {@code null} when optional, else it is an error.
 *
 * <p><b>Reading</b> accepts the envelope (and, with {@code schema.content}, the bare payload) with
 * schemas enabled, anything else is a {@link DataException} that tells to set
 * {@code schemas.enable=false}; with schemas disabled any JSON: integers become INT64, other numbers
 * FLOAT64, objects maps and arrays lists, with a {@code null} schema. Errors name the topic and the
 * field path. Deliberate differences from Kafka Connect: JSON values of the wrong type for the
 * schema are errors rather than silently 0/false/null; {@code "NaN"}/{@code "Infinity"} are read
 * back for floats; maps are read into insertion-ordered maps; a {@link java.nio.ByteBuffer} value is
 * written from its position to its limit (Kafka Connect writes its whole backing array); a schema
 * with empty (rather than absent) parameters is written without {@code parameters}, because
 * connect-sdk schemas do not distinguish the two.
 *
 * <p><b>Performance.</b> Values are streamed with Jackson's generator and parser, never built as
 * trees; the JSON text of each schema is cached ({@code schemas.cache.size}, least recently used)
 * in both directions, and a run of records with the same schema skips schema parsing altogether.
 * One generator writes every record of a converter (flushed after each, replaced after a failed
 * write), instead of one generator per record.
 *
 * <p><b>Threads.</b> Not thread-safe: one instance per task, as the runtime does.
 */
public class JsonConverter implements Converter, HeaderConverter {
    /** No separator between root values: one generator writes every record of a converter. */
    private static final JsonFactory WRITE_FACTORY = new JsonFactoryBuilder().rootValueSeparator((String) null).build();
    private static final JsonFactory READ_FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
            .build();

    /**
     * Reads schema JSON into trees, keeping decimal numbers exact, as Kafka Connect does. Created on
     * first use (an ObjectMapper is costly to build), so that merely loading the plugin stays cheap.
     */
    private static final class Trees {
        static final ObjectMapper MAPPER = JsonMapper.builder(READ_FACTORY)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    private static final byte[] ENVELOPE_START = "{\"schema\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PAYLOAD_FIELD = ",\"payload\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NULL_SCHEMA_PREFIX = "{\"schema\":null,\"payload\":".getBytes(StandardCharsets.UTF_8);
    private static final String ENVELOPE_ERROR = "JsonConverter with schemas.enable requires \"schema\" and "
            + "\"payload\" fields and may not contain additional fields. If you are trying to deserialize plain JSON "
            + "data, set schemas.enable=false in your converter configuration.";

    private JsonConverterConfig config;
    private boolean schemasEnabled;
    private JsonWriter writer;
    private JsonReader reader;
    private JsonSchemaReader schemaReader;
    private LruCache<Schema, byte[]> prefixCache;
    private LruCache<BytesKey, Schema> schemaCache;
    private boolean hasFixedSchema;
    private Schema fixedSchema;
    private final ByteSink sink = new ByteSink();
    /** Writes every record into {@link #sink}, flushed after each; dropped after a failed write. */
    private JsonGenerator generator;
    private final ByteSink schemaSink = new ByteSink();
    // the envelope start last written and read, for runs of records with one schema
    private Schema lastWriteSchema;
    private byte[] lastWritePrefix;
    private Schema lastReadSchema;
    private byte[] lastReadPrefix;

    /** Creates a converter with the default settings, as a value converter; configure it before use. */
    public JsonConverter() {
        configure(Map.of(), false);
    }

    @Override
    public String version() {
        return BuiltinVersion.VERSION;
    }

    /** @return the definition of every setting, see {@link JsonConverterConfig} */
    @Override
    public ConfigDef config() {
        return JsonConverterConfig.configDef();
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        configure(ConverterTypes.withType(configs, isKey));
    }

    /**
     * Configures the converter; without {@code converter.type} it is a header converter.
     *
     * @throws ConfigException naming the key of any bad value
     */
    @Override
    public void configure(Map<String, ?> configs) {
        JsonConverterConfig c = new JsonConverterConfig(configs);
        config = c;
        schemasEnabled = c.schemasEnabled();
        writer = new JsonWriter(c.replaceNullWithDefault(), c.decimalFormat());
        reader = new JsonReader(c.replaceNullWithDefault());
        schemaReader = new JsonSchemaReader(reader);
        prefixCache = new LruCache<>(c.schemaCacheSize());
        schemaCache = new LruCache<>(c.schemaCacheSize());
        lastWriteSchema = null;
        lastWritePrefix = null;
        closeGenerator();
        lastReadSchema = null;
        lastReadPrefix = null;
        hasFixedSchema = c.schemaContent() != null;
        fixedSchema = null;
        if (hasFixedSchema) {
            try {
                fixedSchema = schemaReader.toSchema(Trees.MAPPER.readTree(c.schemaContent()));
            } catch (IOException | RuntimeException e) {
                throw new ConfigException(JsonConverterConfig.SCHEMA_CONTENT_CONFIG, c.schemaContent(),
                        "not a valid JSON schema: " + e.getMessage());
            }
        }
    }

    /** @return the settings in use */
    public JsonConverterConfig currentConfig() {
        return config;
    }

    /** @return whether this instance converts keys, values or headers */
    public ConverterType converterType() {
        return config.type();
    }

    @Override
    public void close() {
        closeGenerator();
    }

    private void closeGenerator() {
        JsonGenerator g = generator;
        generator = null;
        if (g != null) {
            try {
                g.close();
            } catch (IOException | RuntimeException e) {
                // only releases buffers
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Writing

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        return write(topic, null, schema, value);
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        return write(topic, headerKey, schema, value);
    }

    private byte[] write(String topic, String headerKey, Schema schema, Object value) {
        if (schema == null && value == null) {
            return null;
        }
        ByteSink out = sink;
        out.reset();
        try {
            if (schemasEnabled) {
                byte[] prefix = envelopePrefix(schema);
                out.write(prefix, 0, prefix.length);
            }
            JsonGenerator g = generator;
            if (g == null) {
                g = WRITE_FACTORY.createGenerator(out);
                generator = g;
            }
            writer.writeValue(g, schema, value);
            g.flush();
            if (schemasEnabled) {
                out.write('}');
            }
        } catch (DataException e) {
            closeGenerator(); // left inside the failed value
            throw ConversionError.of(e).report("convert data for", topic, headerKey);
        } catch (IOException e) {
            closeGenerator();
            throw new DataException("JsonConverter cannot write JSON for topic '" + topic + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeGenerator();
            throw e;
        }
        return out.toByteArray();
    }

    /** @return {@code {"schema":<schema JSON>,"payload":} for the schema, from the caches when possible */
    private byte[] envelopePrefix(Schema schema) throws IOException {
        if (schema == null) {
            return NULL_SCHEMA_PREFIX;
        }
        if (schema == lastWriteSchema) {
            return lastWritePrefix;
        }
        // builders and other mutable schemas are not cached
        boolean cacheable = schema instanceof ConnectSchema;
        byte[] prefix = cacheable ? prefixCache.get(schema) : null;
        if (prefix == null) {
            ByteSink out = schemaSink;
            out.reset();
            out.write(ENVELOPE_START, 0, ENVELOPE_START.length);
            try (JsonGenerator g = WRITE_FACTORY.createGenerator(out)) {
                writer.writeSchema(g, schema, null);
            }
            out.write(PAYLOAD_FIELD, 0, PAYLOAD_FIELD.length);
            prefix = out.toByteArray();
            if (cacheable) {
                prefixCache.put(schema, prefix);
            }
        }
        if (cacheable) {
            lastWriteSchema = schema;
            lastWritePrefix = prefix;
        }
        return prefix;
    }

    // ------------------------------------------------------------------------------------------
    // Reading

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        return read(topic, null, value);
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        return read(topic, headerKey, value);
    }

    private SchemaAndValue read(String topic, String headerKey, byte[] bytes) {
        if (bytes == null) {
            return SchemaAndValue.NULL;
        }
        try {
            if (!schemasEnabled) {
                return new SchemaAndValue(null, readWhole(bytes, null));
            }
            if (hasFixedSchema) {
                return new SchemaAndValue(fixedSchema, readWhole(bytes, fixedSchema));
            }
            SchemaAndValue fast = readWithLastPrefix(bytes);
            return fast != null ? fast : readEnvelope(bytes);
        } catch (DataException e) {
            throw ConversionError.of(e).report("read data from", topic, headerKey);
        } catch (IOException e) {
            String where = headerKey == null ? "topic '" + topic + "'" : "header '" + headerKey + "' of topic '" + topic + "'";
            throw new DataException("JsonConverter cannot read data from " + where + ": invalid JSON: " + e.getMessage(), e);
        }
    }

    private Object readWhole(byte[] bytes, Schema schema) throws IOException {
        try (JsonParser p = READ_FACTORY.createParser(bytes)) {
            p.nextToken();
            return reader.read(p, schema);
        }
    }

    /**
     * When the record starts exactly like the last canonical envelope read (same schema text), reads
     * the payload right after it; {@code null} when that does not apply.
     */
    private SchemaAndValue readWithLastPrefix(byte[] bytes) throws IOException {
        byte[] prefix = lastReadPrefix;
        if (prefix == null) {
            return null;
        }
        int n = prefix.length;
        if (bytes.length <= n || (bytes[n] != '{' && bytes[n] != '[')
                || !Arrays.equals(bytes, 0, n, prefix, 0, n)) {
            return null;
        }
        Object value;
        long end;
        try (JsonParser p = READ_FACTORY.createParser(bytes, n, bytes.length - n)) {
            p.nextToken();
            value = reader.read(p, lastReadSchema);
            end = p.currentLocation().getByteOffset();
        }
        // the payload must close the envelope, else read it the long way (duplicate or extra fields)
        int i = (int) end + n;
        while (i < bytes.length && isJsonSpace(bytes[i])) {
            i++;
        }
        return i < bytes.length && bytes[i] == '}' ? new SchemaAndValue(lastReadSchema, value) : null;
    }

    private static boolean isJsonSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private SchemaAndValue readEnvelope(byte[] bytes) throws IOException {
        try (JsonParser p = READ_FACTORY.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ConversionError(ENVELOPE_ERROR);
            }
            int schemas = 0;
            int payloads = 0;
            boolean others = false;
            int schemaFrom = -1;
            int schemaTo = -1;
            JsonToken schemaToken = null;
            int payloadFrom = -1;
            int payloadTo = -1;
            Schema schema = null;
            Object payload = null;
            boolean payloadRead = false;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                int from = (int) p.currentTokenLocation().getByteOffset();
                if ("schema".equals(name)) {
                    schemas++;
                    skipValue(p, t);
                    schemaFrom = from;
                    schemaTo = (int) p.currentLocation().getByteOffset();
                    schemaToken = t;
                } else if ("payload".equals(name)) {
                    payloads++;
                    if (schemas == 1 && payloads == 1 && !others) {
                        schema = resolveSchema(bytes, schemaFrom, schemaTo, schemaToken);
                        payload = reader.read(p, schema);
                        payloadRead = true;
                    } else {
                        skipValue(p, t);
                    }
                    payloadFrom = from;
                    payloadTo = (int) p.currentLocation().getByteOffset();
                } else {
                    others = true;
                    skipValue(p, t);
                }
            }
            if (others || schemas == 0 || payloads == 0) {
                throw new ConversionError(ENVELOPE_ERROR);
            }
            boolean single = schemas == 1 && payloads == 1;
            if (!(single && payloadRead)) {
                // duplicate fields: the last of each wins, as in a JSON tree
                schema = resolveSchema(bytes, schemaFrom, schemaTo, schemaToken);
                try (JsonParser pp = READ_FACTORY.createParser(bytes, payloadFrom, payloadTo - payloadFrom)) {
                    pp.nextToken();
                    payload = reader.read(pp, schema);
                }
            }
            if (single && schemaFrom == ENVELOPE_START.length && payloadFrom == schemaTo + PAYLOAD_FIELD.length
                    && (bytes[payloadFrom] == '{' || bytes[payloadFrom] == '[')
                    && Arrays.equals(bytes, 0, schemaFrom, ENVELOPE_START, 0, ENVELOPE_START.length)
                    && Arrays.equals(bytes, schemaTo, payloadFrom, PAYLOAD_FIELD, 0, PAYLOAD_FIELD.length)) {
                lastReadPrefix = Arrays.copyOf(bytes, payloadFrom);
                lastReadSchema = schema;
            }
            return new SchemaAndValue(schema, payload);
        }
    }

    private static void skipValue(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
        } else {
            p.finishToken();
        }
    }

    private Schema resolveSchema(byte[] bytes, int from, int to, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw new ConversionError("schema must contain a string 'type' field");
        }
        BytesKey key = new BytesKey(bytes, from, to);
        Schema cached = schemaCache.get(key);
        if (cached != null) {
            return cached;
        }
        Schema schema = schemaReader.toSchema(Trees.MAPPER.readTree(bytes, from, to - from));
        schemaCache.put(key.copy(), schema);
        return schema;
    }
}
