package io.connectsdk.runtime.errors;

import io.connectsdk.api.source.SourceRecord;
import io.connectsdk.runtime.herder.ConnectorTaskId;
import io.connectsdk.runtime.metrics.ErrorMetrics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs failed records at ERROR ({@code errors.log.enable=true}) under this class's logger: the
 * task, the stage, the executing class, where the record came from and the exception. With
 * {@code errors.log.include.messages=true} the record's key, value and headers are included too
 * (consumed bytes shown as UTF-8 text). Thread-safe.
 */
public final class LogReporter implements ErrorReporter {
    private static final Logger log = LoggerFactory.getLogger(LogReporter.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final ConnectorTaskId id;
    private final boolean includeMessages;
    private final ErrorMetrics metrics;

    /**
     * @param id the task whose errors are logged
     * @param includeMessages whether to include record contents
     */
    public LogReporter(ConnectorTaskId id, boolean includeMessages) {
        this(id, includeMessages, null);
    }

    /**
     * @param id the task whose errors are logged
     * @param includeMessages whether to include record contents
     * @param metrics counts the errors logged ({@code total-errors-logged}), or {@code null}
     */
    public LogReporter(ConnectorTaskId id, boolean includeMessages, ErrorMetrics metrics) {
        this.id = id;
        this.includeMessages = includeMessages;
        this.metrics = metrics;
    }

    @Override
    public Future<?> report(ProcessingContext context) {
        if (context.error() != null) {
            log.error("Error in task {}: stage {} with class {} failed{}", id, context.stage(),
                    context.executingClass() == null ? "?" : context.executingClass().getName(), describe(context),
                    context.error());
            if (metrics != null) {
                metrics.recordErrorLogged();
            }
        }
        return DONE;
    }

    /** @return the record part of the log message */
    String describe(ProcessingContext context) {
        ConsumerRecord<byte[], byte[]> cr = context.consumerRecord();
        if (cr != null) {
            StringBuilder sb = new StringBuilder(" on the record consumed from topic ").append(cr.topic())
                    .append(", partition ").append(cr.partition()).append(", offset ").append(cr.offset())
                    .append(", timestamp ").append(cr.timestamp());
            if (includeMessages) {
                sb.append(", key ").append(text(cr.key())).append(", value ").append(text(cr.value()))
                        .append(", headers [");
                boolean first = true;
                for (org.apache.kafka.common.header.Header h : cr.headers()) {
                    sb.append(first ? "" : ", ").append(h.key()).append('=').append(text(h.value()));
                    first = false;
                }
                sb.append(']');
            }
            return sb.toString();
        }
        SourceRecord sr = context.sourceRecord();
        if (sr != null) {
            if (includeMessages) {
                return " on the source record " + sr;
            }
            return " on a source record for topic " + sr.topic() + " from source partition " + sr.sourcePartition()
                    + " at offset " + sr.sourceOffset();
        }
        return "";
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "null" : "'" + new String(bytes, StandardCharsets.UTF_8) + "'";
    }
}
