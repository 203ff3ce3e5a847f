package io.connectsdk.runtime.errors;

import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.sink.ErrantRecordReporter;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.sink.TopicPartition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The {@link ErrantRecordReporter} of a sink task: each reported record goes through the task's
 * {@link RetryWithToleranceOperator} in stage {@link Stage#TASK_PUT}, so it is logged and written
 * to the dead letter queue as configured, or (with {@code errors.tolerance=none}) the report
 * throws and the task fails. The record written to the dead letter queue is the one consumed from
 * Kafka (found by its original topic, partition and offset, or rebuilt with the task's converters
 * when it is no longer at hand).
 *
 * <p>The sink task waits, with {@link #awaitFutures}, for every report of a partition to be
 * stored before it commits that partition's offsets. Thread-safe.
 */
public final class WorkerErrantRecordReporter implements ErrantRecordReporter {
    /** Finds or rebuilds the consumed form of a record given to {@code put}. */
    @FunctionalInterface
    public interface RawRecordSource {
        /**
         * @param record a record the task received
         * @return its consumed form, never {@code null}
         */
        ConsumerRecord<byte[], byte[]> rawRecord(SinkRecord record);
    }

    private final RetryWithToleranceOperator operator;
    private final RawRecordSource source;
    private final Class<?> taskClass;
    private final Map<TopicPartition, List<Future<?>>> pending = new HashMap<>();

    /**
     * @param operator the task's error operator
     * @param source finds consumed records
     * @param taskClass the sink task's class, reported as the executing class
     */
    public WorkerErrantRecordReporter(RetryWithToleranceOperator operator, RawRecordSource source, Class<?> taskClass) {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.source = Objects.requireNonNull(source, "source");
        this.taskClass = Objects.requireNonNull(taskClass, "taskClass");
    }

    @Override
    public Future<Void> report(SinkRecord record, Throwable error) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(error, "error");
        ConsumerRecord<byte[], byte[]> raw = source.rawRecord(record);
        ProcessingContext context = new ProcessingContext().reset(raw);
        Future<Void> future = operator.executeFailed(context, Stage.TASK_PUT, taskClass, error);
        if (!future.isDone()) {
            TopicPartition tp = new TopicPartition(raw.topic(), raw.partition());
            synchronized (pending) {
                pending.computeIfAbsent(tp, k -> new ArrayList<>()).add(future);
            }
        }
        return future;
    }

    /**
     * Waits for the reports of some partitions to be stored.
     *
     * @param partitions the partitions about to be committed
     * @param timeoutMs how long to wait in total
     * @throws ConnectException when a report failed or did not complete in time
     */
    public void awaitFutures(Collection<TopicPartition> partitions, long timeoutMs) {
        List<Future<?>> toAwait = new ArrayList<>();
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            for (TopicPartition tp : partitions) {
                List<Future<?>> list = pending.remove(tp);
                if (list != null) {
                    toAwait.addAll(list);
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        for (Future<?> f : toAwait) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("Interrupted while waiting for errant records to be reported", e);
            } catch (ExecutionException e) {
                throw new ConnectException("Writing an errant record to the dead letter queue failed: " + e.getCause(),
                        e.getCause());
            } catch (TimeoutException e) {
                throw new ConnectException("Errant records were not written to the dead letter queue within "
                        + timeoutMs + " ms (offset.flush.timeout.ms)", e);
            }
        }
    }

    /** @param partitions partitions whose pending reports are forgotten (they were revoked) */
    public void forget(Collection<TopicPartition> partitions) {
        synchronized (pending) {
            partitions.forEach(pending::remove);
        }
    }
}
