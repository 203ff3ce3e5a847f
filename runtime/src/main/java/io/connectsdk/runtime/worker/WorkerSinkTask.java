package io.connectsdk.runtime.worker;

import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.errors.RetriableException;
import io.connectsdk.api.header.ConnectHeaders;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.sink.SinkTask;
import io.connectsdk.api.sink.TimestampType;
import io.connectsdk.api.sink.TopicPartition;
import io.connectsdk.runtime.config.SinkConnectorConfig;
import io.connectsdk.runtime.errors.DeadLetterQueueReporter;
import io.connectsdk.runtime.errors.ProcessingContext;
import io.connectsdk.runtime.errors.RetryWithToleranceOperator;
import io.connectsdk.runtime.errors.Stage;
import io.connectsdk.runtime.errors.WorkerErrantRecordReporter;
import io.connectsdk.runtime.herder.ConnectorTaskId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline of a sink task: {@code KafkaConsumer.poll} &rarr; header, key and value converters
 * &rarr; transforms &rarr; {@code put} &rarr; (every {@code offset.flush.interval.ms}, on
 * {@link io.connectsdk.api.sink.SinkTaskContext#requestCommit()}, on rebalance and at shutdown)
 * {@code preCommit}/{@code flush} &rarr; consumer offset commit of what {@code preCommit} returned.
 *
 * <p>The consumer subscribes to {@code topics} or {@code topics.regex} in group
 * {@code connect-<connector>}, with auto-commit off. Partitions are opened and closed with the
 * task ({@code open}/{@code close}) on every rebalance; before revoked partitions are closed their
 * offsets are flushed and committed synchronously.
 *
 * <p><b>Retries.</b> A {@link RetriableException} from {@code put} pauses every assigned partition
 * and hands the same batch to {@code put} again after the timeout the task set with
 * {@code context.timeout(ms)} (1 second when it set none); consumption resumes once {@code put}
 * accepts it. Any other exception from {@code put} fails the task.
 */
final class WorkerSinkTask extends WorkerTask {
    private static final Logger log = LoggerFactory.getLogger(WorkerSinkTask.class);
    /** The retry delay after a RetriableException from put when the task set no timeout. */
    static final long DEFAULT_RETRY_BACKOFF_MS = 1000;
    /** The longest a poll waits, so that state changes are noticed promptly. */
    private static final long MAX_POLL_WAIT_MS = 500;

    private final Map<String, String> connectorProps;
    private final Map<String, String> taskProps;
    private final Class<? extends SinkTask> taskClass;
    private final long commitIntervalMs;
    private final long commitTimeoutMs;

    private SinkTask task;
    private boolean taskStarted;
    private TaskConverters<SinkRecord> converters;
    private volatile RetryWithToleranceOperator operator;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private WorkerErrantRecordReporter errantReporter;
    private WorkerSinkTaskContext context;

    private final ProcessingContext processing = new ProcessingContext();
    /** How many partitions the task is assigned, for the metrics; read by JMX threads. */
    private volatile int assignedPartitions;
    /** Topics records were consumed from: the connector's active topics; task thread only. */
    private final Set<String> activeTopics = new HashSet<>();
    private final Map<TopicPartition, Long> currentOffsets = new HashMap<>();
    private final Map<TopicPartition, Long> lastCommitted = new HashMap<>();
    private final Map<org.apache.kafka.common.TopicPartition, TopicPartition> partitions = new HashMap<>();
    private volatile ConsumerRecords<byte[], byte[]> currentRaw;
    private List<SinkRecord> retryBatch;
    private Map<TopicPartition, Long> retryBatchOffsets;
    private long retryAt;
    private boolean pausedForRetry;
    private boolean pauseDirty = true;
    private boolean partitionsClosed;
    private TargetState appliedTarget;
    private ConnectHeaders currentHeaders;

    private final RetryWithToleranceOperator.ArgOperation<ConsumerRecord<byte[], byte[]>, ConnectHeaders> headersOp =
            this::convertHeaders;
    private final RetryWithToleranceOperator.ArgOperation<ConsumerRecord<byte[], byte[]>, SchemaAndValue> keyOp =
            r -> converters.key.toConnectData(r.topic(), currentHeaders, r.key());
    private final RetryWithToleranceOperator.ArgOperation<ConsumerRecord<byte[], byte[]>, SchemaAndValue> valueOp =
            r -> converters.value.toConnectData(r.topic(), currentHeaders, r.value());

    WorkerSinkTask(ConnectorTaskId id, Worker worker, long generation, ClassLoader loader, TargetState target,
                   Map<String, String> connectorProps, Map<String, String> taskProps,
                   Class<? extends SinkTask> taskClass) {
        super(id, worker, generation, loader, target);
        this.connectorProps = connectorProps;
        this.taskProps = taskProps;
        this.taskClass = taskClass;
        this.commitIntervalMs = worker.config().offsetCommitIntervalMs();
        this.commitTimeoutMs = worker.config().offsetCommitTimeoutMs();
    }

    @Override
    protected void initializeAndStart() {
        SinkConnectorConfig config = new SinkConnectorConfig(connectorProps);
        DeadLetterQueueReporter dlq = null;
        if (config.dlqTopic() != null) {
            dlq = Worker.withRuntimeLoader(() -> DeadLetterQueueReporter.create(
                    ClientConfigs.admin(worker.config(), config, id), ClientConfigs.producer(worker.config(), config, id),
                    config.dlqTopic(), config.dlqReplicationFactor(), id, config.dlqContextHeaders(), 30_000,
                    commitTimeoutMs));
        }
        operator = worker.newOperator(id, config, dlq, metrics.errors());
        converters = TaskConverters.create(worker, config, connectorProps, id);
        Map<String, Object> consumerProps = ClientConfigs.consumer(worker.config(), config, id);
        consumer = Worker.withRuntimeLoader(() -> new KafkaConsumer<>(consumerProps));
        metrics.sinkLag(recordsLagMax(consumer));
        task = worker.plugins().newInstance(taskClass);
        context = new WorkerSinkTaskContext(taskProps, Thread.currentThread(), () -> {
            context.takePauseChanged();
            applyPauseState();
        });
        errantReporter = new WorkerErrantRecordReporter(operator, this::rawRecord, task.getClass());
        context.reporter(errantReporter);
        task.initialize(context);
        task.start(taskProps);
        taskStarted = true;
        Pattern pattern = config.topicsRegex();
        if (pattern != null) {
            consumer.subscribe(pattern, new Listener());
        } else {
            consumer.subscribe(config.topics(), new Listener());
        }
        log.info("Sink task {} started; consuming {}", id, pattern != null ? "topics matching " + pattern : config.topics());
    }

    @Override
    protected void execute() {
        long nextCommit = System.currentTimeMillis() + commitIntervalMs;
        while (!stopping) {
            if (target != appliedTarget) {
                appliedTarget = target;
                pauseDirty = true;
                reportTargetState();
            }
            applyContextRequests();
            long now = System.currentTimeMillis();
            if (context.takeCommitRequest() || now >= nextCommit) {
                commitOffsets(false, null);
                nextCommit = now + commitIntervalMs;
            }
            // bounded so that pause/resume and commit requests are noticed without waking the consumer up
            long timeout = Math.min(MAX_POLL_WAIT_MS, Math.max(0, nextCommit - now));
            if (retryBatch != null) {
                timeout = Math.min(timeout, Math.max(0, retryAt - now));
            }
            ConsumerRecords<byte[], byte[]> records;
            try {
                records = consumer.poll(Duration.ofMillis(timeout));
            } catch (WakeupException e) {
                if (stopping) {
                    break;
                }
                continue;
            }
            if (retryBatch != null) {
                if (!records.isEmpty()) {
                    rewind(records); // fetched just before the pause took effect; read them again later
                }
                if (System.currentTimeMillis() >= retryAt && !stopping) {
                    deliver(retryBatch, retryBatchOffsets);
                }
                continue;
            }
            if (target == TargetState.PAUSED) {
                if (!records.isEmpty()) {
                    rewind(records);
                }
                continue;
            }
            List<SinkRecord> batch;
            Map<TopicPartition, Long> batchOffsets;
            if (records.isEmpty()) {
                batch = List.of();
                batchOffsets = Map.of();
            } else {
                currentRaw = records;
                batch = new ArrayList<>(records.count());
                batchOffsets = new HashMap<>();
                convert(records, batch, batchOffsets);
            }
            long putStartMs = System.currentTimeMillis();
            deliver(batch, batchOffsets);
            metrics.sinkPut(records.count(), batch.size(), System.currentTimeMillis() - putStartMs);
        }
    }

    private void rewind(ConsumerRecords<byte[], byte[]> records) {
        for (org.apache.kafka.common.TopicPartition tp : records.partitions()) {
            consumer.seek(tp, records.records(tp).get(0).offset());
        }
    }

    private void convert(ConsumerRecords<byte[], byte[]> records, List<SinkRecord> batch,
                         Map<TopicPartition, Long> batchOffsets) {
        RetryWithToleranceOperator op = operator;
        for (org.apache.kafka.common.TopicPartition ktp : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> list = records.records(ktp);
            for (int i = 0, n = list.size(); i < n; i++) {
                SinkRecord r = convertAndTransform(op, list.get(i));
                if (r != null) {
                    batch.add(r);
                }
            }
            batchOffsets.put(partition(ktp), list.get(list.size() - 1).offset() + 1);
            if (activeTopics.add(ktp.topic())) {
                worker.recordActiveTopic(id.connector(), ktp.topic());
            }
        }
    }

    /**
     * Converts one record and runs the transforms. The converters are called directly, not through
     * {@link RetryWithToleranceOperator#execute}: a call site shared by the three converters would
     * be megamorphic; a failure goes to the operator just the same.
     */
    private SinkRecord convertAndTransform(RetryWithToleranceOperator op, ConsumerRecord<byte[], byte[]> cr) {
        ProcessingContext ctx = processing.reset(cr);
        TaskConverters<SinkRecord> c = converters;
        ConnectHeaders headers;
        ctx.position(Stage.HEADER_CONVERTER, c.headerClass);
        try {
            headers = convertHeaders(cr);
        } catch (Exception e) {
            headers = op.afterFailure(ctx, Stage.HEADER_CONVERTER, headersOp, cr, e);
            if (ctx.failed()) {
                return null;
            }
        }
        currentHeaders = headers;
        String topic = cr.topic();
        SchemaAndValue key;
        ctx.position(Stage.KEY_CONVERTER, c.keyClass);
        try {
            key = c.key.toConnectData(topic, headers, cr.key());
        } catch (Exception e) {
            key = op.afterFailure(ctx, Stage.KEY_CONVERTER, keyOp, cr, e);
            if (ctx.failed()) {
                return null;
            }
        }
        SchemaAndValue value;
        ctx.position(Stage.VALUE_CONVERTER, c.valueClass);
        try {
            value = c.value.toConnectData(topic, headers, cr.value());
        } catch (Exception e) {
            value = op.afterFailure(ctx, Stage.VALUE_CONVERTER, valueOp, cr, e);
            if (ctx.failed()) {
                return null;
            }
        }
        if (key == null) {
            key = SchemaAndValue.NULL;
        }
        if (value == null) {
            value = SchemaAndValue.NULL;
        }
        long ts = cr.timestamp();
        SinkRecord record = new SinkRecord(topic, cr.partition(), key.schema(), key.value(), value.schema(),
                value.value(), cr.offset(), ts == ConsumerRecord.NO_TIMESTAMP ? null : ts, timestampType(cr), headers);
        return c.transforms.isEmpty() ? record : c.transforms.apply(op, ctx, record);
    }

    private ConnectHeaders convertHeaders(ConsumerRecord<byte[], byte[]> cr) {
        ConnectHeaders headers = new ConnectHeaders();
        Header[] raw = cr.headers().toArray(); // no iterator for the common record without headers
        if (raw.length > 0) {
            String topic = cr.topic();
            for (Header h : raw) {
                headers.add(h.key(), converters.header.toConnectHeader(topic, h.key(), h.value()));
            }
        }
        return headers;
    }

    private static TimestampType timestampType(ConsumerRecord<?, ?> cr) {
        switch (cr.timestampType()) {
            case CREATE_TIME:
                return TimestampType.CREATE_TIME;
            case LOG_APPEND_TIME:
                return TimestampType.LOG_APPEND_TIME;
            default:
                return TimestampType.NO_TIMESTAMP_TYPE;
        }
    }

    private void deliver(List<SinkRecord> batch, Map<TopicPartition, Long> batchOffsets) {
        try {
            task.put(batch);
        } catch (RetriableException e) {
            long timeout = context.takeTimeout();
            long backoff = timeout >= 0 ? timeout : DEFAULT_RETRY_BACKOFF_MS;
            log.warn("Sink task {}: put of {} record(s) failed with a retriable exception; retrying in {} ms: {}",
                    id, batch.size(), backoff, e.toString());
            retryBatch = batch;
            retryBatchOffsets = new HashMap<>(batchOffsets);
            retryAt = System.currentTimeMillis() + backoff;
            if (!pausedForRetry) {
                pausedForRetry = true;
                pauseDirty = true;
            }
            return;
        } catch (RuntimeException e) {
            if (stopping && isWakeOrInterrupt(e)) {
                throw e;
            }
            throw new ConnectException("Sink task " + id + " (" + task.getClass().getName() + ") threw from put(): " + e, e);
        }
        if (!batchOffsets.isEmpty()) {
            currentOffsets.putAll(batchOffsets);
            recordActive();
        }
        if (retryBatch != null) {
            log.info("Sink task {}: put accepted the retried batch; resuming consumption", id);
            retryBatch = null;
            retryBatchOffsets = null;
            pausedForRetry = false;
            pauseDirty = true;
        }
    }

    private static boolean isWakeOrInterrupt(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof WakeupException || c instanceof InterruptedException
                    || c instanceof org.apache.kafka.common.errors.InterruptException) {
                return true;
            }
        }
        return false;
    }

    private void applyContextRequests() {
        applySeeks();
        boolean changed = context.takePauseChanged();
        if (changed || pauseDirty) {
            pauseDirty = false;
            applyPauseState();
        }
    }

    private void applyPauseState() {
        Set<org.apache.kafka.common.TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return;
        }
        boolean all = pausedForRetry || target == TargetState.PAUSED;
        Set<TopicPartition> byTask = context.pausedByTask();
        List<org.apache.kafka.common.TopicPartition> pause = new ArrayList<>();
        List<org.apache.kafka.common.TopicPartition> resume = new ArrayList<>();
        for (org.apache.kafka.common.TopicPartition ktp : assigned) {
            if (all || byTask.contains(partition(ktp))) {
                pause.add(ktp);
            } else {
                resume.add(ktp);
            }
        }
        consumer.pause(pause);
        consumer.resume(resume);
    }

    private void applySeeks() {
        Map<TopicPartition, Long> seeks = context.takeSeeks();
        if (seeks.isEmpty()) {
            return;
        }
        Set<org.apache.kafka.common.TopicPartition> assigned = consumer.assignment();
        for (Map.Entry<TopicPartition, Long> e : seeks.entrySet()) {
            org.apache.kafka.common.TopicPartition ktp = kafka(e.getKey());
            if (!assigned.contains(ktp)) {
                log.warn("Sink task {} asked to read {} from offset {}, but that partition is not assigned to it; ignored",
                        id, e.getKey(), e.getValue());
                continue;
            }
            consumer.seek(ktp, e.getValue());
            currentOffsets.put(e.getKey(), e.getValue());
            lastCommitted.put(e.getKey(), e.getValue());
            log.debug("Sink task {} reads {} from offset {}", id, e.getKey(), e.getValue());
        }
    }

    /**
     * preCommit, then commit what it returned.
     *
     * @param sync whether to commit synchronously (rebalance, shutdown)
     * @param only the partitions to commit, or {@code null} for every assigned one
     */
    private void commitOffsets(boolean sync, Collection<TopicPartition> only) {
        Collection<TopicPartition> parts = only == null ? currentOffsets.keySet() : only;
        if (parts.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> snapshot = new HashMap<>();
        for (TopicPartition tp : parts) {
            Long offset = currentOffsets.get(tp);
            if (offset != null) {
                snapshot.put(tp, offset);
            }
        }
        Map<TopicPartition, Long> toCommit;
        try {
            toCommit = task.preCommit(new HashMap<>(snapshot));
        } catch (RuntimeException e) {
            log.error("Sink task {}: preCommit/flush failed; rewinding to the last committed offsets so that the "
                    + "records are delivered again", id, e);
            for (TopicPartition tp : snapshot.keySet()) {
                Long committed = lastCommitted.get(tp);
                if (committed != null) {
                    consumer.seek(kafka(tp), committed);
                    currentOffsets.put(tp, committed);
                }
            }
            recordActive();
            return;
        }
        if (toCommit == null || toCommit.isEmpty()) {
            return;
        }
        Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (Map.Entry<TopicPartition, Long> e : toCommit.entrySet()) {
            TopicPartition tp = e.getKey();
            Long offset = e.getValue();
            if (tp == null || offset == null || !currentOffsets.containsKey(tp)) {
                continue; // not assigned (any more)
            }
            if (offset.equals(lastCommitted.get(tp))) {
                continue;
            }
            offsets.put(kafka(tp), new OffsetAndMetadata(offset));
        }
        if (offsets.isEmpty()) {
            return;
        }
        errantReporter.awaitFutures(toCommit.keySet(), commitTimeoutMs);
        long commitStartMs = System.currentTimeMillis();
        long seq = metrics.sinkCommitStarted();
        if (sync) {
            metrics.offsetCommit(System.currentTimeMillis() - commitStartMs, commitSync(offsets));
        } else {
            consumer.commitAsync(offsets, (committed, e) -> {
                if (seq != metrics.sinkCommitSeq()) {
                    // a later commit started before this one completed: it carries newer offsets
                    log.debug("Sink task {}: offset commit {} completed after commit {} had started; ignored", id, seq,
                            metrics.sinkCommitSeq());
                    metrics.offsetCommitSkipped();
                    return;
                }
                metrics.offsetCommit(System.currentTimeMillis() - commitStartMs, e == null);
                if (e != null) {
                    log.warn("Sink task {}: asynchronous offset commit failed; it will be retried: {}", id, e.toString());
                } else {
                    recordCommitted(committed);
                }
            });
        }
    }

    /** @return whether the offsets were committed */
    private boolean commitSync(Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> offsets) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                consumer.commitSync(offsets, Duration.ofMillis(commitTimeoutMs));
                recordCommitted(offsets);
                log.debug("Sink task {} committed offsets {}", id, offsets);
                return true;
            } catch (WakeupException e) {
                // a wakeup meant for poll (stop request) hit the commit: try once more
            } catch (KafkaException e) {
                log.error("Sink task {}: offset commit failed: {}", id, e.toString());
                return false;
            }
        }
        return false;
    }

    private void recordCommitted(Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> committed) {
        committed.forEach((ktp, om) -> {
            TopicPartition tp = partition(ktp);
            if (currentOffsets.containsKey(tp)) {
                lastCommitted.put(tp, om.offset());
            }
        });
        recordActive();
    }

    /** Records {@code sink-record-active-count}: offsets delivered to put but not committed, over the partitions. */
    private void recordActive() {
        long active = 0;
        for (Map.Entry<TopicPartition, Long> e : currentOffsets.entrySet()) {
            Long committed = lastCommitted.get(e.getKey());
            if (committed != null) {
                active += Math.max(0, e.getValue() - committed); // preCommit may hand back anything
            }
        }
        metrics.sinkActive(active);
    }

    /**
     * @return reads the consumer's {@code records-lag-max} ({@code NaN} before its first fetch);
     *     safe from any thread, unlike the consumer itself
     */
    private static DoubleSupplier recordsLagMax(KafkaConsumer<?, ?> consumer) {
        for (Map.Entry<MetricName, ? extends Metric> e : consumer.metrics().entrySet()) {
            MetricName name = e.getKey();
            if ("records-lag-max".equals(name.name()) && "consumer-fetch-manager-metrics".equals(name.group())
                    && !name.tags().containsKey("topic")) {
                Metric metric = e.getValue();
                return () -> metric.metricValue() instanceof Number n ? n.doubleValue() : Double.NaN;
            }
        }
        return () -> Double.NaN;
    }

    private TopicPartition partition(org.apache.kafka.common.TopicPartition ktp) {
        TopicPartition tp = partitions.get(ktp);
        if (tp == null) {
            tp = new TopicPartition(ktp.topic(), ktp.partition());
            partitions.put(ktp, tp);
        }
        return tp;
    }

    private static org.apache.kafka.common.TopicPartition kafka(TopicPartition tp) {
        return new org.apache.kafka.common.TopicPartition(tp.topic(), tp.partition());
    }

    private List<TopicPartition> partitions(Collection<org.apache.kafka.common.TopicPartition> kps) {
        List<TopicPartition> list = new ArrayList<>(kps.size());
        for (org.apache.kafka.common.TopicPartition ktp : kps) {
            list.add(partition(ktp));
        }
        return list;
    }

    private void updateAssignment() {
        Set<TopicPartition> assigned = new HashSet<>(partitions(consumer.assignment()));
        assignedPartitions = assigned.size();
        context.assignment(assigned);
    }

    @Override
    protected int metricsCount() {
        return assignedPartitions;
    }

    /** The consumed form of a record given to put: found in the current batch, or rebuilt with the converters. */
    private ConsumerRecord<byte[], byte[]> rawRecord(SinkRecord record) {
        String topic = record.originalTopic() == null ? record.topic() : record.originalTopic();
        Integer partition = record.originalKafkaPartition() == null ? record.kafkaPartition()
                : record.originalKafkaPartition();
        long offset = record.originalKafkaOffset();
        ConsumerRecords<byte[], byte[]> raw = currentRaw;
        if (raw != null && partition != null) {
            List<ConsumerRecord<byte[], byte[]>> list = raw.records(new org.apache.kafka.common.TopicPartition(topic, partition));
            int lo = 0;
            int hi = list.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                long o = list.get(mid).offset();
                if (o < offset) {
                    lo = mid + 1;
                } else if (o > offset) {
                    hi = mid - 1;
                } else {
                    return list.get(mid);
                }
            }
        }
        synchronized (this) {
            RecordHeaders headers = new RecordHeaders();
            for (io.connectsdk.api.header.Header h : record.headers()) {
                headers.add(h.key(), converters.header.fromConnectHeader(topic, h.key(), h.schema(), h.value()));
            }
            byte[] key = converters.key.fromConnectData(topic, record.headers(), record.keySchema(), record.key());
            byte[] value = converters.value.fromConnectData(topic, record.headers(), record.valueSchema(), record.value());
            long ts = record.timestamp() == null ? ConsumerRecord.NO_TIMESTAMP : record.timestamp();
            org.apache.kafka.common.record.TimestampType type =
                    record.timestampType() == TimestampType.LOG_APPEND_TIME ? org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME
                    : record.timestampType() == TimestampType.CREATE_TIME ? org.apache.kafka.common.record.TimestampType.CREATE_TIME
                    : org.apache.kafka.common.record.TimestampType.NO_TIMESTAMP_TYPE;
            return new ConsumerRecord<>(topic, partition == null ? -1 : partition, offset, ts, type,
                    key == null ? -1 : key.length, value == null ? -1 : value.length, key, value, headers, Optional.empty());
        }
    }

    @Override
    protected void wake() {
        RetryWithToleranceOperator op = operator;
        if (op != null) {
            op.triggerStop();
        }
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    @Override
    protected boolean interruptOnStop() {
        return false;
    }

    @Override
    protected void onCancel() {
        wake();
    }

    @Override
    protected void close(boolean failed) {
        if (consumer != null && taskStarted && !cancelled) {
            Set<TopicPartition> assigned = context.assignment();
            if (!failed && !assigned.isEmpty()) {
                try {
                    commitOffsets(true, assigned);
                } catch (Throwable t) {
                    log.error("Sink task {}: final offset commit failed", id, t);
                }
            }
            if (!assigned.isEmpty()) {
                try {
                    task.close(new ArrayList<>(assigned));
                } catch (Throwable t) {
                    log.error("Sink task {}: close() of its partitions threw", id, t);
                }
            }
        }
        partitionsClosed = true;
        if (task != null) {
            try {
                task.stop();
            } catch (Throwable t) {
                log.error("Sink task {}: stop() threw", id, t);
            }
        }
        if (consumer != null) {
            try {
                consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofMillis(commitTimeoutMs)));
            } catch (Throwable t) {
                log.warn("Sink task {}: closing the consumer failed", id, t);
            }
        }
        if (converters != null) {
            converters.close();
        }
        Worker.closeQuietly(operator, "error reporters of " + id);
        log.info("Sink task {} stopped", id);
    }

    /** Opens and closes partitions with the task on rebalances; runs inside poll, on the task thread. */
    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<org.apache.kafka.common.TopicPartition> assigned) {
            if (partitionsClosed) {
                return;
            }
            for (org.apache.kafka.common.TopicPartition ktp : assigned) {
                long position = consumer.position(ktp);
                TopicPartition tp = partition(ktp);
                currentOffsets.put(tp, position);
                lastCommitted.put(tp, position);
            }
            updateAssignment();
            recordActive();
            applyPauseState();
            if (!assigned.isEmpty()) {
                log.info("Sink task {} was assigned {}", id, assigned);
                task.open(partitions(assigned));
            }
            applySeeks();
        }

        @Override
        public void onPartitionsRevoked(Collection<org.apache.kafka.common.TopicPartition> revoked) {
            closePartitions(revoked, true);
        }

        @Override
        public void onPartitionsLost(Collection<org.apache.kafka.common.TopicPartition> lost) {
            closePartitions(lost, false);
        }

        private void closePartitions(Collection<org.apache.kafka.common.TopicPartition> kps, boolean commit) {
            if (partitionsClosed || kps.isEmpty()) {
                return;
            }
            List<TopicPartition> revoked = partitions(kps);
            log.info("Sink task {}: partitions {} {}", id, commit ? "revoked" : "lost", revoked);
            if (commit) {
                commitOffsets(true, revoked);
            }
            task.close(revoked);
            for (TopicPartition tp : revoked) {
                currentOffsets.remove(tp);
                lastCommitted.remove(tp);
                context.pausedByTask().remove(tp);
            }
            errantReporter.forget(revoked);
            recordActive();
            if (retryBatch != null) {
                Set<TopicPartition> gone = new HashSet<>(revoked);
                List<SinkRecord> kept = new ArrayList<>(retryBatch.size());
                for (SinkRecord r : retryBatch) {
                    Integer p = r.originalKafkaPartition();
                    if (p == null || !gone.contains(new TopicPartition(r.originalTopic(), p))) {
                        kept.add(r);
                    }
                }
                retryBatch = kept;
                retryBatchOffsets.keySet().removeAll(gone);
            }
            Set<org.apache.kafka.common.TopicPartition> remaining = new HashSet<>(consumer.assignment());
            remaining.removeAll(kps);
            context.assignment(new HashSet<>(partitions(remaining)));
        }
    }
}
