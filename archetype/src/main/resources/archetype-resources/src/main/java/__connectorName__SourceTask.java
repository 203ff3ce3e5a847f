package ${package};

import io.connectsdk.api.data.Schema;
import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.source.SourceRecord;
import io.connectsdk.api.source.SourceTask;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Writes record n = 0, 1, 2, ... with the key n and the value {@code "<message> n"}, one every
 * {@code interval.ms}; see {@link ${connectorName}SourceConnector}.
 *
 * <p><b>Offsets.</b> Every record carries its source partition ({@code {"source": "counter"}}) and
 * source offset ({@code {"next": n + 1}}). The worker stores the offsets of the records Kafka has
 * acknowledged; at start the task reads the stored offset back and continues from it, so a restarted
 * worker neither loses nor repeats records beyond those written after the last offset commit.
 *
 * <p><b>Threads.</b> {@code start} and {@code poll} run on the task's thread. {@code poll} waits at
 * most half a second for the next record, so that the worker stays responsive; {@code stop} is
 * called from another thread and makes a waiting {@code poll} return at once.
 */
public class ${connectorName}SourceTask extends SourceTask {
    /** The key of the source partition map. */
    public static final String PARTITION_KEY = "source";
    /** The key of the source offset map: the number of the next record. */
    public static final String NEXT_KEY = "next";

    static final Map<String, String> PARTITION = Map.of(PARTITION_KEY, "counter");
    private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final System.Logger LOG = System.getLogger(${connectorName}SourceTask.class.getName());

    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile boolean stopping;

    private String topic;
    private String message;
    private long intervalNanos;
    private long end;
    private int batchSize;
    private long next;
    private long emitted;
    private long firstPollNanos;
    private boolean polled;

    /** Creates the task; the runtime calls {@code initialize} and {@code start} next. */
    public ${connectorName}SourceTask() {
    }

    @Override
    public String version() {
        return PluginVersion.of(getClass());
    }

    /**
     * @throws io.connectsdk.api.config.ConfigException naming the key when the configuration is invalid
     * @throws ConnectException when the stored offset has no valid {@code next}
     */
    @Override
    public void start(Map<String, String> props) {
        ${connectorName}SourceConfig config = new ${connectorName}SourceConfig(props);
        topic = config.topic();
        message = config.message();
        intervalNanos = TimeUnit.MILLISECONDS.toNanos(config.intervalMs());
        end = config.maxRecords() == null ? Long.MAX_VALUE : config.maxRecords();
        batchSize = config.batchSize();
        next = 0;
        Map<String, Object> offset = context.offsetStorageReader().offset(PARTITION);
        if (offset != null && offset.get(NEXT_KEY) != null) {
            Object stored = offset.get(NEXT_KEY);
            if (!(stored instanceof Number) || ((Number) stored).longValue() < 0) {
                throw new ConnectException("The stored offset " + offset + " of source partition " + PARTITION
                        + " has no valid \"" + NEXT_KEY + "\" (a record number, 0 or more)");
            }
            next = ((Number) stored).longValue();
        }
        LOG.log(Level.INFO, "Writing to {0} from record {1}", topic, String.valueOf(next));
    }

    /**
     * @return the records due now (at most {@code batch.size}), or {@code null} when none became due
     *     within half a second, when {@code max.records} were written, or when stopping
     * @throws InterruptedException when interrupted while waiting
     */
    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (stopping) {
            return null;
        }
        if (!polled) {
            firstPollNanos = System.nanoTime();
            polled = true;
        }
        if (next >= end) {
            stopSignal.await(MAX_WAIT_NANOS, TimeUnit.NANOSECONDS);
            return null;
        }
        long due = due();
        if (due == 0) {
            long wait = Math.min(Math.max(1, firstPollNanos + emitted * intervalNanos - System.nanoTime()), MAX_WAIT_NANOS);
            if (stopSignal.await(wait, TimeUnit.NANOSECONDS)) {
                return null;
            }
            due = due();
            if (due == 0) {
                return null;
            }
        }
        int count = (int) Math.min(Math.min(due, batchSize), end - next);
        List<SourceRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long n = next++;
            records.add(new SourceRecord(PARTITION, Map.of(NEXT_KEY, next), topic,
                    Schema.INT64_SCHEMA, n, Schema.STRING_SCHEMA, message + " " + n));
        }
        emitted += count;
        return records;
    }

    /** The number of records due now and not yet written since the first poll. */
    private long due() {
        if (intervalNanos == 0) {
            return batchSize;
        }
        return Math.max(0, (System.nanoTime() - firstPollNanos) / intervalNanos + 1 - emitted);
    }

    /** Makes a waiting {@code poll} return. Thread-safe. */
    @Override
    public void stop() {
        stopping = true;
        stopSignal.countDown();
    }
}
