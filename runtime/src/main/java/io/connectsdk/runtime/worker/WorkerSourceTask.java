package io.connectsdk.runtime.worker;

import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.errors.RetriableException;
import io.connectsdk.api.header.Header;
import io.connectsdk.api.source.OffsetStorageReader;
import io.connectsdk.api.source.RecordMetadata;
import io.connectsdk.api.source.SourceRecord;
import io.connectsdk.api.source.SourceTask;
import io.connectsdk.api.source.SourceTaskContext;
import io.connectsdk.runtime.config.SourceConnectorConfig;
import io.connectsdk.runtime.config.TopicCreationConfig;
import io.connectsdk.runtime.errors.ProcessingContext;
import io.connectsdk.runtime.errors.RetryWithToleranceOperator;
import io.connectsdk.runtime.errors.Stage;
import io.connectsdk.runtime.errors.ToleranceType;
import io.connectsdk.runtime.herder.ConnectorTaskId;
import io.connectsdk.runtime.plugin.LoaderSwap;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline of a source task: {@code poll} &rarr; transforms &rarr; key, value and header
 * converters &rarr; {@code KafkaProducer.send} with a callback &rarr; source offset commit.
 *
 * <p><b>Offsets.</b> Every record returned by {@code poll} is queued, in order, with an
 * acknowledgement flag set by its producer callback (records dropped by a transform or skipped by
 * error tolerance count as acknowledged at once). The task thread takes acknowledged records off
 * the head of the queue only, calls {@code commitRecord} for them and remembers their source
 * offsets; so an offset is committed only when its record and every earlier record of the task
 * were acknowledged. Remembered offsets are written to the offset store every
 * {@code offset.flush.interval.ms} and at shutdown (after waiting up to
 * {@code offset.flush.timeout.ms} for outstanding records), followed by {@code SourceTask.commit()}.
 *
 * <p><b>Back-pressure.</b> At most {@code source.max.outstanding.records} records of the task wait
 * for their acknowledgement (plus the rest of the batch being sent): at the limit the task is not
 * polled; the thread waits for acknowledgements, still committing offsets on schedule and
 * answering stop, pause and producer failures at once.
 *
 * <p><b>Hot path.</b> One small object per record (the queue entry, which is also the producer
 * callback); no locks; converters and transforms are called through pre-built operations.
 */
final class WorkerSourceTask extends WorkerTask {
    private static final Logger log = LoggerFactory.getLogger(WorkerSourceTask.class);
    private static final long SEND_RETRY_BACKOFF_MS = 100;

    private final Map<String, String> connectorProps;
    private final Map<String, String> taskProps;
    private final Class<? extends SourceTask> taskClass;
    private final long commitIntervalMs;
    private final long commitTimeoutMs;
    private final int maxOutstanding;

    private volatile SourceTask task;
    private volatile boolean taskStarted;
    private final AtomicBoolean taskStopCalled = new AtomicBoolean();
    private boolean overridesCommitRecord;
    private TaskConverters<SourceRecord> converters;
    private volatile RetryWithToleranceOperator operator;
    private volatile KafkaProducer<byte[], byte[]> producer;

    private final ProcessingContext context = new ProcessingContext();
    private final ArrayDeque<SubmittedRecord> submitted = new ArrayDeque<>();
    private Map<Map<String, ?>, Map<String, ?>> pendingOffsets = new HashMap<>();
    private Map<String, ?> lastPartition;
    private Map<String, ?> lastOffset;
    private boolean hasLast;
    private List<SourceRecord> toSend;
    private int sendIndex;
    private long nextCommit;

    private volatile Exception producerFailure;
    /**
     * Armed (under {@link #ackLock}) by the task thread right before it waits for an
     * acknowledgement; the first producer callback after that disarms it and wakes the thread, the
     * others of the same response skip the lock. The producer I/O thread runs the callbacks of a
     * whole batch before it sends the next request, so a lock per callback would lengthen every
     * round trip (with {@code max.in.flight.requests.per.connection=1}, the throughput).
     */
    private final AtomicBoolean ackWaiter = new AtomicBoolean();
    private final Object ackLock = new Object();
    private final Object pauseLock = new Object();
    /** The connector's topic.creation.* groups; null when the worker does not create its topics. */
    private TopicCreationConfig topicCreation;
    /** Created on the first topic not known yet; closed with the task. */
    private Admin topicAdmin;
    private SourceConnectorConfig connectorConfig;
    /** Records handed to the producer (for the metrics); task thread only. */
    private int sentCount;
    /** Records waiting for Kafka's acknowledgement, as of the last drain; read by JMX threads. */
    private volatile int activeRecords;
    /** Topics records were acknowledged in, and the last one (compared by reference first); task thread only. */
    private final Set<String> activeTopics = new HashSet<>();
    private String lastActiveTopic;
    /** Topics known to exist (found or created); task thread only. */
    private final Set<String> knownTopics = new HashSet<>();

    private final RetryWithToleranceOperator.ArgOperation<SourceRecord, byte[]> keyOp =
            r -> converters.key.fromConnectData(r.topic(), r.headers(), r.keySchema(), r.key());
    private final RetryWithToleranceOperator.ArgOperation<SourceRecord, byte[]> valueOp =
            r -> converters.value.fromConnectData(r.topic(), r.headers(), r.valueSchema(), r.value());
    private final RetryWithToleranceOperator.ArgOperation<SourceRecord, RecordHeaders> headersOp = this::convertHeaders;

    WorkerSourceTask(ConnectorTaskId id, Worker worker, long generation, ClassLoader loader, TargetState target,
                     Map<String, String> connectorProps, Map<String, String> taskProps,
                     Class<? extends SourceTask> taskClass) {
        super(id, worker, generation, loader, target);
        this.connectorProps = connectorProps;
        this.taskProps = taskProps;
        this.taskClass = taskClass;
        this.commitIntervalMs = worker.config().offsetCommitIntervalMs();
        this.commitTimeoutMs = worker.config().offsetCommitTimeoutMs();
        this.maxOutstanding = worker.config().sourceMaxOutstandingRecords();
    }

    @Override
    protected void initializeAndStart() throws Exception {
        SourceConnectorConfig config = new SourceConnectorConfig(connectorProps);
        connectorConfig = config;
        if (TopicCreationConfig.applies(worker.config().topicCreationEnabled(), connectorProps)) {
            topicCreation = TopicCreationConfig.parse(connectorProps);
        }
        operator = worker.newOperator(id, config, null, metrics.errors());
        converters = TaskConverters.create(worker, config, connectorProps, id);
        Map<String, Object> producerProps = ClientConfigs.producer(worker.config(), config, id);
        producer = Worker.withRuntimeLoader(() -> new KafkaProducer<>(producerProps));
        SourceTask t = worker.plugins().newInstance(taskClass);
        overridesCommitRecord = overrides(t.getClass());
        task = t;
        OffsetStorageReader reader = worker.offsetReader(id.connector());
        t.initialize(new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return taskProps;
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return reader;
            }
        });
        t.start(taskProps);
        taskStarted = true;
        log.info("Source task {} started", id);
        if (stopping) {
            stopPluginTask();
        }
    }

    private static boolean overrides(Class<?> type) {
        try {
            return type.getMethod("commitRecord", SourceRecord.class, RecordMetadata.class).getDeclaringClass()
                    != SourceTask.class;
        } catch (NoSuchMethodException e) {
            return true;
        }
    }

    @Override
    protected void execute() throws Exception {
        nextCommit = System.currentTimeMillis() + commitIntervalMs;
        while (!stopping) {
            checkProducerFailure();
            if (target == TargetState.PAUSED) {
                reportTargetState();
                waitWhilePaused();
                maybeCommit();
                continue;
            }
            reportTargetState();
            maybeCommit();
            if (toSend == null && maxOutstanding > 0 && submitted.size() >= maxOutstanding) {
                awaitOutstandingBelowLimit();
                continue;
            }
            if (toSend == null) {
                List<SourceRecord> polled;
                long pollStartMs = System.currentTimeMillis();
                try {
                    polled = task.poll();
                    metrics.sourcePoll(polled == null ? 0 : polled.size(), System.currentTimeMillis() - pollStartMs);
                } catch (RetriableException | org.apache.kafka.common.errors.RetriableException e) {
                    log.warn("Source task {}: poll failed with a retriable exception; polling again: {}", id, e.toString());
                    continue;
                } catch (InterruptedException e) {
                    if (stopping) {
                        break;
                    }
                    continue;
                } catch (RuntimeException e) {
                    if (stopping) {
                        log.warn("Source task {}: poll threw while the task was stopping; ignored: {}", id, e.toString());
                        break;
                    }
                    throw e;
                }
                if (polled == null || polled.isEmpty()) {
                    drainAcks();
                    continue;
                }
                toSend = polled;
                sendIndex = 0;
            }
            int sentBefore = sentCount;
            boolean sent = sendRecords();
            metrics.sourceSent(sentCount - sentBefore, submitted.size());
            if (!sent) {
                pause(SEND_RETRY_BACKOFF_MS);
            }
            drainAcks();
        }
    }

    private void checkProducerFailure() {
        Exception e = producerFailure;
        if (e != null) {
            throw new ConnectException("Source task " + id + ": the producer could not write a record: " + e, e);
        }
    }

    private void maybeCommit() {
        if (System.currentTimeMillis() >= nextCommit) {
            commitOffsets(false);
            nextCommit = System.currentTimeMillis() + commitIntervalMs;
        }
    }

    private void waitWhilePaused() {
        synchronized (pauseLock) {
            long remaining;
            while (target == TargetState.PAUSED && !stopping
                    && (remaining = nextCommit - System.currentTimeMillis()) > 0) {
                try {
                    pauseLock.wait(remaining);
                } catch (InterruptedException e) {
                    if (stopping) {
                        return;
                    }
                }
            }
        }
    }

    private void pause(long ms) {
        long deadline = System.currentTimeMillis() + ms;
        synchronized (pauseLock) {
            long remaining;
            while (!stopping && (remaining = deadline - System.currentTimeMillis()) > 0) {
                try {
                    pauseLock.wait(remaining);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** @return false when the producer refused a record with a retriable error; the rest is sent later */
    private boolean sendRecords() {
        List<SourceRecord> records = toSend;
        RetryWithToleranceOperator op = operator;
        for (int n = records.size(); sendIndex < n; sendIndex++) {
            SourceRecord pre = records.get(sendIndex);
            context.reset(pre);
            SourceRecord record = converters.transforms.isEmpty() ? pre : converters.transforms.apply(op, context, pre);
            if (record == null) {
                submitted.addLast(new SubmittedRecord(pre, this, true));
                continue;
            }
            ProducerRecord<byte[], byte[]> producerRecord = convert(op, record);
            if (producerRecord == null) {
                submitted.addLast(new SubmittedRecord(pre, this, true));
                continue;
            }
            String topic = producerRecord.topic();
            if (topicCreation != null && !knownTopics.contains(topic) && !ensureTopic(topic)) {
                return false; // retried from this record on
            }
            SubmittedRecord entry = new SubmittedRecord(pre, this, false);
            submitted.addLast(entry);
            try {
                producer.send(producerRecord, entry);
                sentCount++;
            } catch (org.apache.kafka.common.errors.RetriableException e) {
                submitted.removeLast();
                log.warn("Source task {}: the producer refused a record for topic {} with a retriable error; "
                        + "retrying: {}", id, record.topic(), e.toString());
                return false;
            } catch (KafkaException e) {
                submitted.removeLast();
                if (stopping) {
                    throw e;
                }
                if (op.tolerance() == ToleranceType.ALL) {
                    op.executeFailed(context, Stage.KAFKA_PRODUCE, producer.getClass(), e);
                    submitted.addLast(new SubmittedRecord(pre, this, true));
                } else {
                    throw new ConnectException("Source task " + id + ": the producer could not send a record to topic "
                            + record.topic() + ": " + e, e);
                }
            }
        }
        toSend = null;
        return true;
    }

    /**
     * Creates {@code topic} with its topic creation group's settings unless it exists.
     *
     * @return false after a retriable failure (tried again later)
     * @throws ConnectException when Kafka refuses to create it
     */
    private boolean ensureTopic(String topic) {
        if (topicAdmin == null) {
            Map<String, Object> adminProps = ClientConfigs.admin(worker.config(), connectorConfig, id);
            topicAdmin = Worker.withRuntimeLoader(() -> Admin.create(adminProps));
        }
        TopicCreationConfig.Group group = topicCreation.groupFor(topic);
        try {
            try {
                topicAdmin.describeTopics(List.of(topic)).allTopicNames().get();
                knownTopics.add(topic);
                return true;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            NewTopic newTopic = new NewTopic(topic, group.partitions().filter(n -> n > 0),
                    group.replicationFactor().filter(n -> n > 0)).configs(group.topicConfigs());
            try {
                topicAdmin.createTopics(List.of(newTopic)).all().get();
                log.info("Source task {}: created topic {} with the settings of topic creation group '{}' ({} partitions, "
                        + "replication factor {}, configs {})", id, topic, group.name(), describe(group.partitions()),
                        describe(group.replicationFactor()), group.topicConfigs());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            knownTopics.add(topic);
            return true;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof org.apache.kafka.common.errors.RetriableException) {
                log.warn("Source task {}: could not look up or create topic {} yet; retrying: {}", id, topic, cause.toString());
                return false;
            }
            throw new ConnectException("Source task " + id + ": cannot create topic " + topic + " with the settings of "
                    + "topic creation group '" + group.name() + "' (" + TopicCreationConfig.PREFIX + group.name()
                    + ".*: partitions " + describe(group.partitions()) + ", replication factor "
                    + describe(group.replicationFactor()) + ", configs " + group.topicConfigs() + "): " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String describe(Optional<? extends Number> n) {
        return n.filter(v -> v.intValue() > 0).map(String::valueOf).orElse("the broker's default");
    }

    private ProducerRecord<byte[], byte[]> convert(RetryWithToleranceOperator op, SourceRecord record) {
        byte[] key = op.execute(context, Stage.KEY_CONVERTER, converters.keyClass, keyOp, record);
        if (context.failed()) {
            return null;
        }
        byte[] value = op.execute(context, Stage.VALUE_CONVERTER, converters.valueClass, valueOp, record);
        if (context.failed()) {
            return null;
        }
        RecordHeaders headers = null;
        if (!record.headers().isEmpty()) {
            headers = op.execute(context, Stage.HEADER_CONVERTER, converters.headerClass, headersOp, record);
            if (context.failed()) {
                return null;
            }
        }
        Long timestamp = record.timestamp();
        if (timestamp != null && timestamp < 0) {
            timestamp = null;
        }
        return new ProducerRecord<>(record.topic(), record.kafkaPartition(), timestamp, key, value, headers);
    }

    private RecordHeaders convertHeaders(SourceRecord record) {
        RecordHeaders headers = new RecordHeaders();
        String topic = record.topic();
        for (Header h : record.headers()) {
            headers.add(h.key(), converters.header.fromConnectHeader(topic, h.key(), h.schema(), h.value()));
        }
        return headers;
    }

    @Override
    protected int metricsCount() {
        return activeRecords;
    }

    /** Takes acknowledged records off the head of the queue; task thread only. */
    private void drainAcks() {
        SubmittedRecord s;
        while ((s = submitted.peekFirst()) != null && s.done) {
            submitted.pollFirst();
            if (overridesCommitRecord) {
                commitRecord(s);
            }
            if (s.metadata != null && s.metadata.topic() != lastActiveTopic) {
                trackActiveTopic(s.metadata.topic());
            }
            Map<String, ?> partition = s.record.sourcePartition();
            if (partition != null) {
                if (hasLast && partition != lastPartition) {
                    pendingOffsets.put(lastPartition, lastOffset);
                }
                lastPartition = partition;
                lastOffset = s.record.sourceOffset();
                hasLast = true;
            }
        }
        activeRecords = submitted.size();
    }

    /** A topic a record was acknowledged in: the connector's active topics ({@code GET /connectors/{name}/topics}). */
    private void trackActiveTopic(String topic) {
        lastActiveTopic = topic;
        if (activeTopics.add(topic)) {
            worker.recordActiveTopic(id.connector(), topic);
        }
    }

    private void commitRecord(SubmittedRecord s) {
        org.apache.kafka.clients.producer.RecordMetadata md = s.metadata;
        try {
            task.commitRecord(s.record, md == null ? null
                    : new RecordMetadata(md.topic(), md.partition(), md.offset(), md.timestamp()));
        } catch (InterruptedException e) {
            if (!stopping) {
                log.warn("Source task {}: commitRecord was interrupted", id);
            }
        } catch (Throwable t) {
            log.error("Source task {}: commitRecord threw; ignored", id, t);
        }
    }

    /**
     * Writes the offsets of acknowledged records and calls {@code SourceTask.commit()}.
     *
     * @param waitForAcks whether to wait up to {@code offset.flush.timeout.ms} for every
     *     outstanding record first
     */
    private void commitOffsets(boolean waitForAcks) {
        if (waitForAcks) {
            awaitAcks(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(commitTimeoutMs));
        }
        drainAcks();
        if (hasLast) {
            pendingOffsets.put(lastPartition, lastOffset);
            hasLast = false;
            lastPartition = null;
        }
        if (!pendingOffsets.isEmpty()) {
            long commitStartMs = System.currentTimeMillis();
            try {
                worker.offsetStore().put(id.connector(), pendingOffsets);
                log.debug("Source task {} committed offsets of {} source partition(s)", id, pendingOffsets.size());
                pendingOffsets = new HashMap<>();
                metrics.offsetCommit(System.currentTimeMillis() - commitStartMs, true);
            } catch (IllegalArgumentException e) {
                metrics.offsetCommit(System.currentTimeMillis() - commitStartMs, false);
                throw new ConnectException("Source task " + id + " produced a source offset that cannot be stored: "
                        + e.getMessage(), e);
            } catch (RuntimeException e) {
                metrics.offsetCommit(System.currentTimeMillis() - commitStartMs, false);
                log.error("Source task {}: committing offsets failed; they will be committed with the next commit", id, e);
            }
        }
        try {
            task.commit();
        } catch (InterruptedException e) {
            if (!stopping) {
                log.warn("Source task {}: commit() was interrupted", id);
            }
        } catch (Throwable t) {
            log.error("Source task {}: commit() threw; ignored", id, t);
        }
    }

    /**
     * Back-pressure: waits until the oldest outstanding record is acknowledged (then takes every
     * acknowledged record off the queue), the next offset commit is due, or the task must stop.
     */
    private void awaitOutstandingBelowLimit() {
        drainAcks();
        if (submitted.size() < maxOutstanding) {
            return;
        }
        try {
            synchronized (ackLock) {
                ackWaiter.set(true); // before looking at head.done: a callback after this wakes the thread
                SubmittedRecord head = submitted.peekFirst();
                long remaining = nextCommit - System.currentTimeMillis();
                if (head != null && !head.done && remaining > 0 && !stopping && producerFailure == null && !cancelled
                        && target != TargetState.PAUSED) {
                    try {
                        ackLock.wait(remaining);
                    } catch (InterruptedException e) {
                        // woken up: the task loop looks at stopping, pause and failures next
                    }
                }
            }
        } finally {
            ackWaiter.set(false);
        }
        drainAcks();
    }

    private void awaitAcks(long deadlineNanos) {
        try {
            while (true) {
                drainAcks();
                SubmittedRecord head = submitted.peekFirst();
                if (head == null || producerFailure != null || cancelled) {
                    return;
                }
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    log.warn("Source task {}: {} record(s) were not acknowledged within offset.flush.timeout.ms={}; "
                            + "their offsets are not committed", id, submitted.size(), commitTimeoutMs);
                    return;
                }
                synchronized (ackLock) {
                    ackWaiter.set(true);
                    if (!head.done && producerFailure == null && !cancelled) {
                        try {
                            TimeUnit.NANOSECONDS.timedWait(ackLock, remaining);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            }
        } finally {
            ackWaiter.set(false);
        }
    }

    /** Producer I/O thread: a record was acknowledged (its {@code done} flag is already set). */
    void acked() {
        if (ackWaiter.get() && ackWaiter.compareAndSet(true, false)) {
            synchronized (ackLock) {
                ackLock.notifyAll();
            }
        }
    }

    /** Producer I/O thread: a record could not be written. */
    void sendFailed(SubmittedRecord s, Exception e) {
        RetryWithToleranceOperator op = operator;
        if (op != null && op.tolerance() == ToleranceType.ALL && !cancelled) {
            try {
                op.executeFailed(new ProcessingContext().reset(s.record), Stage.KAFKA_PRODUCE, KafkaProducer.class, e);
            } catch (RuntimeException reportFailure) {
                log.warn("Source task {}: reporting a failed send failed", id, reportFailure);
            }
            s.done = true;
            acked();
            return;
        }
        if (producerFailure == null) {
            producerFailure = e;
        }
        synchronized (ackLock) {
            ackLock.notifyAll();
        }
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
    }

    @Override
    protected void wake() {
        RetryWithToleranceOperator op = operator;
        if (op != null) {
            op.triggerStop();
        }
        if (taskStarted) {
            stopPluginTask();
        }
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
        synchronized (ackLock) {
            ackLock.notifyAll();
        }
    }

    @Override
    protected void onTargetStateChange() {
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
        synchronized (ackLock) {
            ackLock.notifyAll();
        }
    }

    @SuppressWarnings("try") // LoaderSwap works by its scope
    private void stopPluginTask() {
        SourceTask t = task;
        if (t != null && taskStopCalled.compareAndSet(false, true)) {
            try (LoaderSwap swap = LoaderSwap.swap(loader)) {
                t.stop();
            } catch (Throwable e) {
                log.error("Source task {}: stop() threw", id, e);
            }
        }
    }

    @Override
    protected void onCancel() {
        KafkaProducer<byte[], byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ZERO);
        }
        synchronized (ackLock) {
            ackLock.notifyAll();
        }
    }

    @Override
    protected void close(boolean failed) {
        try {
            if (task != null && taskStarted && !cancelled) {
                // records handed to the producer before a stop or a task failure still count: wait (bounded)
                // for their acknowledgements and commit their offsets; after a producer failure commit
                // only what was acknowledged
                commitOffsets(producerFailure == null);
            }
        } catch (Throwable t) {
            log.error("Source task {}: final offset commit failed", id, t);
        }
        stopPluginTask();
        if (producer != null) {
            try {
                producer.close(submitted.isEmpty() && !cancelled ? Duration.ofMillis(commitTimeoutMs) : Duration.ZERO);
            } catch (Throwable t) {
                log.warn("Source task {}: closing the producer failed", id, t);
            }
        }
        if (converters != null) {
            converters.close();
        }
        if (topicAdmin != null) {
            try {
                topicAdmin.close(Duration.ZERO);
            } catch (Throwable t) {
                log.warn("Source task {}: closing the topic creation admin client failed", id, t);
            }
        }
        Worker.closeQuietly(operator, "error reporters of " + id);
        log.info("Source task {} stopped", id);
    }

    /** One record on its way to Kafka: a queue entry and its producer callback. */
    static final class SubmittedRecord implements Callback {
        final SourceRecord record;
        private final WorkerSourceTask owner;
        org.apache.kafka.clients.producer.RecordMetadata metadata;
        volatile boolean done;

        SubmittedRecord(SourceRecord record, WorkerSourceTask owner, boolean done) {
            this.record = record;
            this.owner = owner;
            this.done = done;
        }

        @Override
        public void onCompletion(org.apache.kafka.clients.producer.RecordMetadata md, Exception e) {
            if (e == null) {
                metadata = md;
                done = true;
                owner.acked();
            } else {
                owner.sendFailed(this, e);
            }
        }
    }
}
