package io.connectsdk.testkit.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record as stored in Kafka: where it is (topic, partition, offset), its timestamp, and its raw
 * key, value and headers, with UTF-8 views for the common case of text data. Immutable (the byte
 * arrays are copied on the way in and out) and thread-safe.
 */
public final class KafkaRecord {
    private final String topic;
    private final int partition;
    private final long offset;
    private final long timestamp;
    private final byte[] key;
    private final byte[] value;
    private final List<Header> headers;

    /**
     * @param topic the topic, not {@code null}
     * @param partition the partition
     * @param offset the offset in the partition
     * @param timestamp milliseconds since the epoch, or -1
     * @param key the key bytes, may be {@code null}
     * @param value the value bytes, may be {@code null}
     * @param headers the headers in order, not {@code null}
     */
    public KafkaRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
                       List<Header> headers) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.key = key == null ? null : key.clone();
        this.value = value == null ? null : value.clone();
        this.headers = List.copyOf(headers);
    }

    static KafkaRecord of(ConsumerRecord<byte[], byte[]> r) {
        List<Header> headers = new ArrayList<>();
        r.headers().forEach(h -> headers.add(new Header(h.key(), h.value())));
        return new KafkaRecord(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(), r.value(), headers);
    }

    /** @return the topic, never {@code null} */
    public String topic() {
        return topic;
    }

    /** @return the partition */
    public int partition() {
        return partition;
    }

    /** @return the offset in the partition */
    public long offset() {
        return offset;
    }

    /** @return milliseconds since the epoch, or -1 when unknown */
    public long timestamp() {
        return timestamp;
    }

    /** @return a copy of the key bytes, or {@code null} */
    public byte[] key() {
        return key == null ? null : key.clone();
    }

    /** @return a copy of the value bytes, or {@code null} for a tombstone */
    public byte[] value() {
        return value == null ? null : value.clone();
    }

    /** @return the key decoded as UTF-8, or {@code null} */
    public String keyAsString() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /** @return the value decoded as UTF-8, or {@code null} */
    public String valueAsString() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** @return the headers in order, unmodifiable */
    public List<Header> headers() {
        return headers;
    }

    /**
     * @param key a header key, not {@code null}
     * @return the UTF-8 value of the last header with that key, or {@code null} when there is none
     *     (or its value is {@code null})
     */
    public String header(String key) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).key().equals(key)) {
                return headers.get(i).valueAsString();
            }
        }
        return null;
    }

    /**
     * @param key a header key, not {@code null}
     * @return whether the record has a header with that key
     */
    public boolean hasHeader(String key) {
        return headers.stream().anyMatch(h -> h.key().equals(key));
    }

    /**
     * @param key a header key, not {@code null}
     * @return the UTF-8 values of every header with that key, in order; unmodifiable
     */
    public List<String> headerValues(String key) {
        List<String> values = new ArrayList<>();
        for (Header h : headers) {
            if (h.key().equals(key)) {
                values.add(h.valueAsString());
            }
        }
        return Collections.unmodifiableList(values);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof KafkaRecord)) {
            return false;
        }
        KafkaRecord r = (KafkaRecord) o;
        return partition == r.partition && offset == r.offset && timestamp == r.timestamp && topic.equals(r.topic)
                && Arrays.equals(key, r.key) && Arrays.equals(value, r.value) && headers.equals(r.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset, timestamp, Arrays.hashCode(key), Arrays.hashCode(value), headers);
    }

    /** @return {@code topic-partition@offset key=... value=... headers={...}}, long texts shortened */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(topic).append('-').append(partition).append('@').append(offset)
                .append(" key=").append(shorten(keyAsString())).append(" value=").append(shorten(valueAsString()));
        if (!headers.isEmpty()) {
            sb.append(" headers={");
            for (int i = 0; i < headers.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(headers.get(i).key()).append('=')
                        .append(shorten(headers.get(i).valueAsString()));
            }
            sb.append('}');
        }
        return sb.toString();
    }

    static String shorten(String s) {
        if (s == null) {
            return "null";
        }
        String oneLine = s.replace("\n", "\\n").replace("\r", "\\r");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "...(" + oneLine.length() + " chars)" : oneLine;
    }

    /**
     * One Kafka record header. Immutable.
     */
    public static final class Header {
        private final String key;
        private final byte[] value;

        /**
         * @param key the key, not {@code null}
         * @param value the value bytes, may be {@code null}
         */
        public Header(String key, byte[] value) {
            this.key = Objects.requireNonNull(key, "key");
            this.value = value == null ? null : value.clone();
        }

        /** @return the key, never {@code null} */
        public String key() {
            return key;
        }

        /** @return a copy of the value bytes, or {@code null} */
        public byte[] value() {
            return value == null ? null : value.clone();
        }

        /** @return the value decoded as UTF-8, or {@code null} */
        public String valueAsString() {
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Header && key.equals(((Header) o).key) && Arrays.equals(value, ((Header) o).value);
        }

        @Override
        public int hashCode() {
            return 31 * key.hashCode() + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return key + "=" + shorten(valueAsString());
        }
    }
}
