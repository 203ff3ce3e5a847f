package io.connectsdk.runtime.errors;

import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.runtime.herder.ConnectorTaskId;
import io.connectsdk.runtime.metrics.ErrorMetrics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes failed records of a sink task to its dead letter queue topic
 * ({@code errors.deadletterqueue.topic.name}), as Kafka Connect does: the record's original key,
 * value, headers and timestamp as consumed, plus, with
 * {@code errors.deadletterqueue.context.headers.enable=true}, these headers (values are UTF-8
 * text): {@value #ERROR_HEADER_ORIG_TOPIC}, {@value #ERROR_HEADER_ORIG_PARTITION},
 * {@value #ERROR_HEADER_ORIG_OFFSET}, {@value #ERROR_HEADER_CONNECTOR_NAME},
 * {@value #ERROR_HEADER_TASK_ID}, {@value #ERROR_HEADER_STAGE}, {@value #ERROR_HEADER_EXECUTING_CLASS},
 * {@value #ERROR_HEADER_EXCEPTION}, {@value #ERROR_HEADER_EXCEPTION_MESSAGE},
 * {@value #ERROR_HEADER_EXCEPTION_STACK_TRACE}. Failures without a consumed record (source tasks)
 * are not written.
 *
 * <p>The topic is created (one partition, the configured replication factor) when it does not
 * exist. Thread-safe; {@link #close()} closes its producer.
 */
public final class DeadLetterQueueReporter implements ErrorReporter {
    /** The prefix of every context header. */
    public static final String HEADER_PREFIX = "__connect.errors.";
    /** The topic the record was consumed from. */
    public static final String ERROR_HEADER_ORIG_TOPIC = HEADER_PREFIX + "topic";
    /** The partition the record was consumed from. */
    public static final String ERROR_HEADER_ORIG_PARTITION = HEADER_PREFIX + "partition";
    /** The offset the record was consumed at. */
    public static final String ERROR_HEADER_ORIG_OFFSET = HEADER_PREFIX + "offset";
    /** The connector's name. */
    public static final String ERROR_HEADER_CONNECTOR_NAME = HEADER_PREFIX + "connector.name";
    /** The task number. */
    public static final String ERROR_HEADER_TASK_ID = HEADER_PREFIX + "task.id";
    /** The {@link Stage} that failed. */
    public static final String ERROR_HEADER_STAGE = HEADER_PREFIX + "stage";
    /** The class that failed. */
    public static final String ERROR_HEADER_EXECUTING_CLASS = HEADER_PREFIX + "class.name";
    /** The exception's class. */
    public static final String ERROR_HEADER_EXCEPTION = HEADER_PREFIX + "exception.class.name";
    /** The exception's message. */
    public static final String ERROR_HEADER_EXCEPTION_MESSAGE = HEADER_PREFIX + "exception.message";
    /** The exception's stack trace. */
    public static final String ERROR_HEADER_EXCEPTION_STACK_TRACE = HEADER_PREFIX + "exception.stacktrace";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterQueueReporter.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final Producer<byte[], byte[]> producer;
    private volatile ErrorMetrics metrics;
    private final String topic;
    private final ConnectorTaskId id;
    private final boolean contextHeaders;
    private final long closeTimeoutMs;

    /**
     * @param producer the producer to write with; closed by {@link #close()}
     * @param topic the dead letter queue topic
     * @param id the task whose records are reported
     * @param contextHeaders whether to add the context headers
     * @param closeTimeoutMs how long {@link #close()} waits for records not yet written
     */
    public DeadLetterQueueReporter(Producer<byte[], byte[]> producer, String topic, ConnectorTaskId id,
                                   boolean contextHeaders, long closeTimeoutMs) {
        this.producer = producer;
        this.topic = topic;
        this.id = id;
        this.contextHeaders = contextHeaders;
        this.closeTimeoutMs = closeTimeoutMs;
    }

    /**
     * Creates the topic if it is missing, then the reporter with a new producer.
     *
     * @param adminProps settings of the admin client that checks and creates the topic
     * @param producerProps settings of the reporter's producer (byte array serializers are set here)
     * @param topic the dead letter queue topic
     * @param replicationFactor its replication factor when created; -1 for the broker's default
     * @param id the task
     * @param contextHeaders whether to add context headers
     * @param createTimeoutMs how long to wait for the topic check and creation
     * @param closeTimeoutMs how long {@link #close()} waits for records not yet written
     * @return the reporter
     * @throws ConnectException naming the topic when it cannot be checked or created
     */
    public static DeadLetterQueueReporter create(Map<String, Object> adminProps, Map<String, Object> producerProps,
                                                 String topic, short replicationFactor, ConnectorTaskId id,
                                                 boolean contextHeaders, long createTimeoutMs,
                                                 long closeTimeoutMs) {
        long timeoutMs = createTimeoutMs;
        try (Admin admin = Admin.create(adminProps)) {
            if (!admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS).contains(topic)) {
                NewTopic newTopic = new NewTopic(topic, Optional.of(1),
                        replicationFactor == -1 ? Optional.empty() : Optional.of(replicationFactor));
                try {
                    admin.createTopics(List.of(newTopic)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
                    log.info("Task {} created its dead letter queue topic {}", id, topic);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while creating the dead letter queue topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new ConnectException("Could not create the dead letter queue topic " + topic
                    + " (errors.deadletterqueue.topic.name) for task " + id + ": " + cause, cause);
        }
        Map<String, Object> props = new java.util.HashMap<>(producerProps);
        props.put("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        props.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        return new DeadLetterQueueReporter(new KafkaProducer<>(props), topic, id, contextHeaders, closeTimeoutMs);
    }

    /** @param metrics counts the writes to the dead letter queue and their failures; may be {@code null} */
    public void metrics(ErrorMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Future<?> report(ProcessingContext context) {
        ConsumerRecord<byte[], byte[]> original = context.consumerRecord();
        if (original == null) {
            return DONE;
        }
        long timestamp = original.timestamp() == ConsumerRecord.NO_TIMESTAMP ? System.currentTimeMillis()
                : original.timestamp();
        RecordHeaders headers = new RecordHeaders();
        for (Header h : original.headers()) {
            headers.add(h);
        }
        if (contextHeaders) {
            addContextHeaders(headers, context);
        }
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, timestamp, original.key(),
                original.value(), headers);
        ErrorMetrics m = metrics;
        if (m != null) {
            m.recordDeadLetterQueueRequest();
        }
        return producer.send(record, (metadata, e) -> {
            if (e != null) {
                if (m != null) {
                    m.recordDeadLetterQueueFailure();
                }
                log.error("Task {} could not write a record of {}-{} at offset {} to its dead letter queue topic {}",
                        id, original.topic(), original.partition(), original.offset(), topic, e);
            }
        });
    }

    private void addContextHeaders(RecordHeaders headers, ProcessingContext context) {
        ConsumerRecord<byte[], byte[]> original = context.consumerRecord();
        headers.add(ERROR_HEADER_ORIG_TOPIC, utf8(original.topic()));
        headers.add(ERROR_HEADER_ORIG_PARTITION, utf8(String.valueOf(original.partition())));
        headers.add(ERROR_HEADER_ORIG_OFFSET, utf8(String.valueOf(original.offset())));
        headers.add(ERROR_HEADER_CONNECTOR_NAME, utf8(id.connector()));
        headers.add(ERROR_HEADER_TASK_ID, utf8(String.valueOf(id.task())));
        headers.add(ERROR_HEADER_STAGE, utf8(context.stage() == null ? null : context.stage().name()));
        headers.add(ERROR_HEADER_EXECUTING_CLASS,
                utf8(context.executingClass() == null ? null : context.executingClass().getName()));
        Throwable error = context.error();
        if (error != null) {
            headers.add(ERROR_HEADER_EXCEPTION, utf8(error.getClass().getName()));
            headers.add(ERROR_HEADER_EXCEPTION_MESSAGE, utf8(error.getMessage()));
            headers.add(ERROR_HEADER_EXCEPTION_STACK_TRACE, utf8(stackTrace(error)));
        }
    }

    /** @return the full stack trace of {@code t}, as printed by {@link Throwable#printStackTrace()} */
    public static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        try (PrintWriter p = new PrintWriter(w)) {
            t.printStackTrace(p);
        }
        return w.toString();
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofMillis(closeTimeoutMs));
    }
}
