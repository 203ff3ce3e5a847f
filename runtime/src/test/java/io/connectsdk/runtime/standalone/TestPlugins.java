package io.connectsdk.runtime.standalone;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.connector.ConnectorContext;
import io.connectsdk.api.connector.Task;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.errors.RetriableException;
import io.connectsdk.api.sink.SinkConnector;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.sink.SinkTask;
import io.connectsdk.api.source.SourceConnector;
import io.connectsdk.api.source.SourceRecord;
import io.connectsdk.api.source.SourceTask;
import io.connectsdk.api.storage.Converter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Small plugins for the end-to-end tests, observable through static registries keyed by connector
 * name (each test uses its own connector names).
 */
public final class TestPlugins {
    /** Connector name -> the connector's context, to request reconfigurations from tests. */
    static final Map<String, ConnectorContext> CONTEXTS = new ConcurrentHashMap<>();
    /** Connector name -> a label copied into every task configuration (changing it changes the task configs). */
    static final Map<String, String> LABELS = new ConcurrentHashMap<>();
    /** Connector name -> how often its taskConfigs was called. */
    static final Map<String, AtomicInteger> TASK_CONFIG_CALLS = new ConcurrentHashMap<>();
    /** "connector-task" -> the configurations each start of that task received. */
    static final Map<String, Queue<Map<String, String>>> TASK_STARTS = new ConcurrentHashMap<>();
    /** Connector name -> values received by the sink, in put order. */
    static final Map<String, Queue<String>> RECEIVED = new ConcurrentHashMap<>();
    /** Connector name -> first Kafka offset of every non-empty batch handed to put, failed ones included. */
    static final Map<String, Queue<List<Long>>> PUT_BATCHES = new ConcurrentHashMap<>();
    /** Connector name -> [commitRecord calls with metadata, without metadata, commit calls]. */
    static final Map<String, AtomicInteger[]> SOURCE_COMMITS = new ConcurrentHashMap<>();
    /** Connector name -> what context.assignment() returned in each open. */
    static final Map<String, Queue<java.util.Set<io.connectsdk.api.sink.TopicPartition>>> ASSIGNMENTS =
            new ConcurrentHashMap<>();
    /** Connector name -> the offsets its last alterOffsets call was given (source or sink). */
    static final Map<String, Map<?, ?>> ALTERED_OFFSETS = new ConcurrentHashMap<>();
    /** Connector name -> how many records its source tasks returned from poll. */
    static final Map<String, java.util.concurrent.atomic.AtomicLong> POLLED = new ConcurrentHashMap<>();
    /** While closed, {@link AckGate} holds every producer acknowledgement of the producers it is installed in. */
    static volatile CountDownLatch ackGate = new CountDownLatch(0);
    /** Released at the end of the blocking test so that the abandoned thread can finish. */
    static volatile CountDownLatch blockRelease = new CountDownLatch(1);
    /** Counts down once a blocking task has entered its blocking poll. */
    static volatile CountDownLatch blocked = new CountDownLatch(1);

    private TestPlugins() {
    }

    /**
     * Declares Kafka's file config provider as {@code file} in a worker configuration.
     *
     * @param worker the worker properties; changed
     * @return {@code worker}
     */
    static Map<String, String> withFileConfigProvider(Map<String, String> worker) {
        worker.put("config.providers", "file");
        worker.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        return worker;
    }

    /**
     * A config provider whose values expire: each read of key {@code k} gives {@code k-<n>}, a new
     * {@code n} every time, with the time to live of its {@code ttl.ms} setting.
     */
    public static class TtlProvider implements org.apache.kafka.common.config.provider.ConfigProvider {
        private static final AtomicInteger READS = new AtomicInteger();
        private long ttlMs;

        @Override
        public void configure(Map<String, ?> configs) {
            ttlMs = Long.parseLong(String.valueOf(configs.get("ttl.ms")));
        }

        @Override
        public org.apache.kafka.common.config.ConfigData get(String path) {
            return get(path, java.util.Set.of());
        }

        @Override
        public org.apache.kafka.common.config.ConfigData get(String path, java.util.Set<String> keys) {
            Map<String, String> data = new java.util.HashMap<>();
            for (String k : keys) {
                data.put(k, k + "-" + READS.incrementAndGet());
            }
            return new org.apache.kafka.common.config.ConfigData(data, ttlMs);
        }

        @Override
        public void close() {
        }
    }

    static Queue<String> received(String connector) {
        return RECEIVED.computeIfAbsent(connector, k -> new ConcurrentLinkedQueue<>());
    }

    static Queue<Map<String, String>> starts(String connector, int task) {
        return TASK_STARTS.computeIfAbsent(connector + "-" + task, k -> new ConcurrentLinkedQueue<>());
    }

    /**
     * Emits {@code <task>-<seq>} strings to {@code topic}, {@code batch} records per poll, from
     * the committed offset on; options: {@code max.records} (then idles), {@code poll.interval.ms}
     * (pause before each batch), {@code fail.task} (that task
     * throws "boom" once it emitted {@code fail.after} records), {@code block.task} (that task blocks in
     * poll, ignoring stop and interrupts, until {@link #blockRelease}).
     */
    public static class SeqSource extends SourceConnector {
        private Map<String, String> props;

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(Map<String, String> props) {
            if (props.containsKey("start.fail")) {
                throw new io.connectsdk.api.config.ConfigException("topic", props.get("topic"), props.get("start.fail"));
            }
            this.props = props;
            CONTEXTS.put(props.get("name"), context());
        }

        @Override
        public Class<? extends Task> taskClass() {
            return SeqTask.class;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            TASK_CONFIG_CALLS.computeIfAbsent(props.get("name"), k -> new AtomicInteger()).incrementAndGet();
            List<Map<String, String>> configs = new ArrayList<>();
            for (int i = 0; i < maxTasks; i++) {
                Map<String, String> c = new java.util.HashMap<>(props);
                c.put("task.number", Integer.toString(i));
                c.put("label", LABELS.getOrDefault(props.get("name"), "initial"));
                configs.add(c);
            }
            return configs;
        }

        @Override
        public void stop() {
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef().define("topic", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "topic");
        }

        /** {@code offsets.alter=refuse} refuses, {@code handled} says it handled them, else the default (false). */
        @Override
        public boolean alterOffsets(Map<String, String> config, Map<Map<String, ?>, Map<String, ?>> offsets) {
            ALTERED_OFFSETS.put(config.get("name"), new java.util.HashMap<>(offsets));
            if ("refuse".equals(config.get("offsets.alter"))) {
                throw new io.connectsdk.api.errors.ConnectException("sequence offsets cannot go backwards");
            }
            return "handled".equals(config.get("offsets.alter"));
        }
    }

    /** The task of {@link SeqSource}. */
    public static class SeqTask extends SourceTask {
        private final CountDownLatch stopped = new CountDownLatch(1);
        private String topic;
        private int number;
        private int batch;
        private long max;
        private long next;
        private long failAfter = -1;
        private boolean block;
        private long intervalMs;
        private String name;
        private boolean evenHeader;
        private Map<String, Object> partition;

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(Map<String, String> props) {
            starts(props.get("name"), Integer.parseInt(props.get("task.number"))).add(props);
            topic = props.get("topic");
            number = Integer.parseInt(props.get("task.number"));
            batch = Integer.parseInt(props.getOrDefault("batch", "50"));
            max = Long.parseLong(props.getOrDefault("max.records", Long.toString(Long.MAX_VALUE)));
            if (Integer.toString(number).equals(props.get("fail.task"))) {
                failAfter = Long.parseLong(props.getOrDefault("fail.after", "0"));
            }
            block = Integer.toString(number).equals(props.get("block.task"));
            name = props.get("name");
            evenHeader = Boolean.parseBoolean(props.get("even.header"));
            intervalMs = Long.parseLong(props.getOrDefault("poll.interval.ms", "0"));
            partition = Map.of("task", number);
            Map<String, Object> offset = context.offsetStorageReader().offset(partition);
            next = offset == null ? 0 : ((Number) offset.get("seq")).longValue();
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            if (block) {
                blocked.countDown();
                boolean released = false;
                while (!released) {
                    try {
                        released = blockRelease.await(1, TimeUnit.DAYS);
                    } catch (InterruptedException ignored) {
                        // a badly behaved task: ignores interrupts
                    }
                }
                return null;
            }
            if (failAfter >= 0 && next >= failAfter) {
                throw new IllegalStateException("boom from task " + number);
            }
            if (next >= max) {
                stopped.await(50, TimeUnit.MILLISECONDS);
                return null;
            }
            if (intervalMs > 0 && stopped.await(intervalMs, TimeUnit.MILLISECONDS)) {
                return null; // paces the source; returns at once when stopped
            }
            List<SourceRecord> records = new ArrayList<>(batch);
            for (int i = 0; i < batch && next < max; i++, next++) {
                SourceRecord r = new SourceRecord(partition, Map.of("seq", next + 1), topic, null,
                        Schema.STRING_SCHEMA, "k" + number, Schema.STRING_SCHEMA, number + "-" + next);
                if (evenHeader && next % 2 == 0) {
                    r.headers().addBoolean("even", true);
                }
                records.add(r);
            }
            POLLED.computeIfAbsent(name, k -> new java.util.concurrent.atomic.AtomicLong()).addAndGet(records.size());
            return records;
        }

        private AtomicInteger[] commits() {
            return SOURCE_COMMITS.computeIfAbsent(name,
                    k -> new AtomicInteger[] {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()});
        }

        @Override
        public void commitRecord(SourceRecord record, io.connectsdk.api.source.RecordMetadata metadata) {
            commits()[metadata == null ? 1 : 0].incrementAndGet();
        }

        @Override
        public void commit() {
            commits()[2].incrementAndGet();
        }

        @Override
        public void stop() {
            stopped.countDown();
        }
    }

    /**
     * Collects string values into {@link #RECEIVED}. Option {@code retriable.failures}: the first
     * that many non-empty puts throw {@link RetriableException} after setting a 100 ms timeout.
     */
    public static class CollectingSink extends SinkConnector {
        private Map<String, String> props;

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(Map<String, String> props) {
            this.props = props;
        }

        @Override
        public Class<? extends Task> taskClass() {
            return CollectingTask.class;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            return java.util.Collections.nCopies(maxTasks, props);
        }

        /** {@code offsets.alter=handled} says it handled them, else the default (false). */
        @Override
        public boolean alterOffsets(Map<String, String> config,
                                    Map<io.connectsdk.api.sink.TopicPartition, Long> offsets) {
            ALTERED_OFFSETS.put(config.get("name"), new java.util.HashMap<>(offsets));
            return "handled".equals(config.get("offsets.alter"));
        }

        @Override
        public void stop() {
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef();
        }
    }

    /**
     * The task of {@link CollectingSink}. Options: {@code seek.to} (in {@code open}, read every
     * partition from that offset), {@code request.commit} (ask for a commit after every put),
     * {@code reject.value} (report records with that value to the errant record reporter),
     * {@code pause.puts} (pause the partitions in {@code open}, resume after that many puts),
     * {@code record.headers} (record each value as {@code value;key=header value;...}).
     */
    public static class CollectingTask extends SinkTask {
        private String name;
        private final AtomicInteger failuresLeft = new AtomicInteger();
        private Long seekTo;
        private boolean requestCommit;
        private String reject;
        private int pausedPutsLeft = -1;
        private boolean recordHeaders;

        @Override
        public void open(Collection<io.connectsdk.api.sink.TopicPartition> partitions) {
            ASSIGNMENTS.computeIfAbsent(name, k -> new ConcurrentLinkedQueue<>()).add(context.assignment());
            if (seekTo != null) {
                for (io.connectsdk.api.sink.TopicPartition tp : partitions) {
                    context.offset(tp, seekTo);
                }
            }
            if (pausedPutsLeft > 0) {
                context.pause(partitions.toArray(new io.connectsdk.api.sink.TopicPartition[0]));
            }
        }

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(Map<String, String> props) {
            name = props.get("name");
            failuresLeft.set(Integer.parseInt(props.getOrDefault("retriable.failures", "0")));
            seekTo = props.containsKey("seek.to") ? Long.valueOf(props.get("seek.to")) : null;
            requestCommit = Boolean.parseBoolean(props.get("request.commit"));
            reject = props.get("reject.value");
            pausedPutsLeft = Integer.parseInt(props.getOrDefault("pause.puts", "-1"));
            recordHeaders = Boolean.parseBoolean(props.get("record.headers"));
        }

        @Override
        public void put(Collection<SinkRecord> records) {
            if (pausedPutsLeft > 0) {
                if (!records.isEmpty()) {
                    received(name).add("RECEIVED WHILE PAUSED");
                }
                if (--pausedPutsLeft == 0) {
                    context.resume(context.assignment().toArray(new io.connectsdk.api.sink.TopicPartition[0]));
                }
                return;
            }
            if (records.isEmpty()) {
                return;
            }
            List<Long> offsets = new ArrayList<>();
            for (SinkRecord r : records) {
                offsets.add(r.kafkaOffset());
            }
            PUT_BATCHES.computeIfAbsent(name, k -> new ConcurrentLinkedQueue<>()).add(offsets);
            if (failuresLeft.getAndDecrement() > 0) {
                context.timeout(100);
                throw new RetriableException("destination busy");
            }
            for (SinkRecord r : records) {
                if (reject != null && reject.equals(r.value())) {
                    context.errantRecordReporter().report(r, new DataException("the destination rejected " + reject));
                } else if (recordHeaders) {
                    StringBuilder text = new StringBuilder(String.valueOf(r.value()));
                    for (io.connectsdk.api.header.Header h : r.headers()) {
                        text.append(';').append(h.key()).append('=').append(h.value());
                    }
                    r.headers().addString("added", "by the task"); // each record's headers are its own
                    received(name).add(text.toString());
                } else {
                    received(name).add(String.valueOf(r.value()));
                }
            }
            if (requestCommit) {
                context.requestCommit();
            }
        }

        @Override
        public void stop() {
        }
    }

    /** A string converter that refuses to read the value {@code poison}. */
    public static class PoisonConverter implements Converter {
        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
        }

        @Override
        public byte[] fromConnectData(String topic, Schema schema, Object value) {
            return value == null ? null : value.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public SchemaAndValue toConnectData(String topic, byte[] value) {
            if (value == null) {
                return SchemaAndValue.NULL;
            }
            String s = new String(value, StandardCharsets.UTF_8);
            if (s.equals("poison")) {
                throw new DataException("cannot read the poison pill in topic " + topic);
            }
            return new SchemaAndValue(Schema.STRING_SCHEMA, s);
        }
    }

    /**
     * A producer interceptor ({@code producer.interceptor.classes}) that holds acknowledgements on
     * the producer's I/O thread while {@link #ackGate} is closed: records stay unacknowledged.
     */
    public static class AckGate implements org.apache.kafka.clients.producer.ProducerInterceptor<byte[], byte[]> {
        @Override
        public org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> onSend(
                org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> record) {
            return record;
        }

        @Override
        public void onAcknowledgement(org.apache.kafka.clients.producer.RecordMetadata metadata, Exception exception) {
            try {
                ackGate.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }
}
