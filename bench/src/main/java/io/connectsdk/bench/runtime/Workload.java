package io.connectsdk.bench.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What every contender of the runtime benchmark moves, and the client settings they all use. One
 * place, so that our worker, Kafka Connect's worker and the raw clients are given byte-for-byte the
 * same records and exactly the same producer and consumer settings.
 *
 * <p><b>Records.</b> No key. The value of record {@code i} is exactly {@code size} bytes on the
 * wire (ASCII):
 * <ul>
 *   <li>{@code string}: {@code record-<i>-xxxx...}, a {@code STRING} value written by a
 *       StringConverter;</li>
 *   <li>{@code json}: a struct {@code {id: int64, name: string, payload: string}} written by a
 *       JsonConverter with {@code schemas.enable=false}, i.e.
 *       {@code {"id":<i>,"name":"record-<i>","payload":"xxxx..."}}; the payload is padded so that
 *       the JSON text is {@code size} bytes. Sinks read it back as a schemaless map.</li>
 * </ul>
 * The raw clients send (and the sink topics are pre-filled with) the same bytes, built directly.
 */
final class Workload {
    static final String STRING = "string";
    static final String JSON = "json";

    /** Settings that every producer of the benchmark gets: Kafka Connect's source-task producer defaults. */
    static final String DEFAULTS = "defaults";
    /** A throughput-tuned producer: bigger batches, longer linger, 5 requests in flight. */
    static final String TUNED = "tuned";

    /** How many records a benchmark source task returns from one {@code poll()}. */
    static final int POLL_BATCH = 500;

    private static final int MAX_SIZE = 1 << 20;
    private static final String PAD;

    static {
        char[] x = new char[MAX_SIZE];
        Arrays.fill(x, 'x');
        PAD = new String(x);
    }

    private Workload() {
    }

    /** The {@code string} value of record {@code i}: {@code record-<i>-} padded with {@code x} to {@code size} chars. */
    static String stringValue(long i, int size) {
        StringBuilder b = new StringBuilder(Math.max(size, 24));
        b.append("record-").append(i).append('-');
        int pad = size - b.length();
        if (pad > 0) {
            b.append(PAD, 0, pad);
        } else if (pad < 0) {
            b.setLength(size);
        }
        return b.toString();
    }

    /** The {@code name} field of the {@code json} record {@code i}. */
    static String jsonName(long i) {
        return "record-" + i;
    }

    /** The {@code payload} field of the {@code json} record {@code i}: as many {@code x} as make the JSON {@code size} bytes. */
    static String jsonPayload(long i, int size) {
        int fixed = "{\"id\":".length() + Long.toString(i).length() + ",\"name\":\"".length() + jsonName(i).length()
                + "\",\"payload\":\"".length() + "\"}".length();
        int pad = Math.max(0, size - fixed);
        return PAD.substring(0, pad);
    }

    /** The {@code json} record {@code i} as a JsonConverter with {@code schemas.enable=false} writes it. */
    static String jsonText(long i, int size) {
        return "{\"id\":" + i + ",\"name\":\"" + jsonName(i) + "\",\"payload\":\"" + jsonPayload(i, size) + "\"}";
    }

    /** @return the value bytes of record {@code i} as they appear in Kafka */
    static byte[] valueBytes(String format, long i, int size) {
        String text = JSON.equals(format) ? jsonText(i, size) : stringValue(i, size);
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the smallest record size that every record of the workload can have exactly */
    static int minSize(String format, long records) {
        long last = Math.max(0, records - 1);
        return JSON.equals(format) ? jsonText(last, 0).length() : ("record-" + last + "-").length();
    }

    /**
     * The producer settings of every contender (raw producer, and {@code producer.*} of both
     * workers). {@code defaults} are Kafka Connect 4.4's source-task producer defaults (with the
     * 4.x client defaults of {@code linger.ms} and {@code batch.size}), written out explicitly.
     */
    static Map<String, String> producerSettings(String set) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("acks", "all");
        p.put("enable.idempotence", "false");
        p.put("compression.type", "none");
        p.put("buffer.memory", "33554432");
        if (TUNED.equals(set)) {
            p.put("max.in.flight.requests.per.connection", "5");
            p.put("linger.ms", "20");
            p.put("batch.size", "262144");
        } else if (DEFAULTS.equals(set)) {
            p.put("max.in.flight.requests.per.connection", "1");
            p.put("linger.ms", "5");
            p.put("batch.size", "16384");
        } else {
            throw new IllegalArgumentException("unknown producer settings '" + set + "' (defaults, tuned)");
        }
        return p;
    }

    /**
     * @param set {@link #DEFAULTS} or {@link #TUNED}
     * @param bootstrap the broker
     * @return a byte-array producer's whole configuration with {@link #producerSettings}
     */
    static Map<String, Object> rawProducerConfig(String set, String bootstrap) {
        Map<String, Object> p = new LinkedHashMap<>(producerSettings(set));
        p.put("bootstrap.servers", bootstrap);
        p.put("key.serializer", ByteArraySerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        return p;
    }

    /**
     * @param bootstrap the broker
     * @param group the consumer group
     * @return a byte-array consumer's whole configuration with {@link #consumerSettings}
     */
    static Map<String, Object> rawConsumerConfig(String bootstrap, String group) {
        Map<String, Object> c = new LinkedHashMap<>(consumerSettings());
        c.put("bootstrap.servers", bootstrap);
        c.put("group.id", group);
        c.put("key.deserializer", ByteArrayDeserializer.class.getName());
        c.put("value.deserializer", ByteArrayDeserializer.class.getName());
        return c;
    }

    /**
     * The consumer settings of every sink contender (raw consumer, and {@code consumer.*} of both
     * workers): Kafka Connect's sink-task consumer defaults, written out explicitly. Each contender
     * consumes in a consumer group of its own, new for every run.
     */
    static Map<String, String> consumerSettings() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("enable.auto.commit", "false");
        c.put("auto.offset.reset", "earliest");
        c.put("max.poll.records", "500");
        c.put("fetch.min.bytes", "1");
        c.put("fetch.max.wait.ms", "500");
        c.put("max.partition.fetch.bytes", "1048576");
        c.put("fetch.max.bytes", "52428800");
        return c;
    }
}
