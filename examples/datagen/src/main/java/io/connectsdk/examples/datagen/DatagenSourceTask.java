package io.connectsdk.examples.datagen;

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
 * Emits generated orders (see {@link OrderGenerator}) for the ids {@code task.id + k * task.count},
 * in increasing order, at {@code rate.per.second}; see {@link DatagenSourceConnector}.
 *
 * <p>Source partition {@code {"task": <task.id>}}, source offset {@code {"next": <the next id this
 * task will emit>}}. At start the task resumes at the committed {@code next} (rounded up to one of
 * its own ids, in case {@code tasks.max} changed). {@link #poll()} waits at most half a second
 * when no record is due yet; {@link #stop()} makes it return at once.
 */
public class DatagenSourceTask extends SourceTask {
    /** The key of the source partition map. */
    public static final String PARTITION_KEY = "task";
    /** The key of the source offset map. */
    public static final String NEXT_KEY = "next";

    private static final System.Logger LOG = System.getLogger(DatagenSourceTask.class.getName());
    static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final Ticker ticker;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile boolean stopping;

    private OrderGenerator generator;
    private String topic;
    private Map<String, Integer> partition;
    private int taskCount;
    private int batchSize;
    private double rate;
    private long endId;
    private long nextId;
    private long emitted;
    private long firstPollNanos;
    private boolean started;

    /** Creates the task; the runtime calls {@link #initialize} and {@link #start(Map)} next. */
    public DatagenSourceTask() {
        this(Ticker.SYSTEM);
    }

    DatagenSourceTask(Ticker ticker) {
        this.ticker = ticker;
    }

    @Override
    public String version() {
        return PluginVersion.of(getClass());
    }

    /**
     * @throws io.connectsdk.api.config.ConfigException naming the key when the configuration is invalid
     * @throws ConnectException when the committed offset has no valid {@code next}
     */
    @Override
    public void start(Map<String, String> props) {
        DatagenTaskConfig config = new DatagenTaskConfig(props);
        generator = new OrderGenerator(config.seed());
        topic = config.topic();
        int taskId = config.taskId();
        taskCount = config.taskCount();
        batchSize = config.batchSize();
        rate = config.ratePerSecond();
        endId = config.maxRecords() == null ? Long.MAX_VALUE : config.maxRecords();
        partition = Map.of(PARTITION_KEY, taskId);
        long resumeAt = taskId;
        Map<String, Object> offset = context.offsetStorageReader().offset(partition);
        if (offset != null && offset.get(NEXT_KEY) != null) {
            Object next = offset.get(NEXT_KEY);
            if (!(next instanceof Number) || ((Number) next).longValue() < 0) {
                throw new ConnectException("The committed offset " + offset + " of source partition " + partition
                        + " has no valid \"" + NEXT_KEY + "\" (an id, 0 or more)");
            }
            resumeAt = ((Number) next).longValue();
            long misalignment = Math.floorMod(resumeAt - taskId, (long) taskCount);
            if (misalignment != 0) {
                resumeAt += taskCount - misalignment;
            }
        }
        nextId = resumeAt;
        emitted = 0;
        started = false;
        LOG.log(Level.INFO, "Task {0} of {1} generates into {2} from id {3}", String.valueOf(taskId),
                String.valueOf(taskCount), topic, String.valueOf(nextId));
    }

    /**
     * @return the records due now (at most {@code batch.size}), or {@code null} when none became
     *     due within half a second, when every id of the task was emitted, or when stopping
     * @throws InterruptedException when interrupted while waiting
     */
    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (stopping) {
            return null;
        }
        if (!started) {
            firstPollNanos = ticker.nanoTime();
            started = true;
        }
        if (nextId >= endId) {
            ticker.await(stopSignal, MAX_WAIT_NANOS);
            return null;
        }
        long due = due();
        if (due == 0) {
            if (ticker.await(stopSignal, Math.min(nanosUntilNextDue(), MAX_WAIT_NANOS))) {
                return null;
            }
            due = due();
            if (due == 0) {
                return null;
            }
        }
        long remainingIds = (endId - nextId - 1) / taskCount + 1;
        int count = (int) Math.min(Math.min(due, batchSize), remainingIds);
        List<SourceRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long id = nextId;
            nextId += taskCount;
            records.add(new SourceRecord(partition, Map.of(NEXT_KEY, nextId), topic,
                    OrderGenerator.KEY_SCHEMA, id, OrderGenerator.VALUE_SCHEMA, generator.order(id)));
        }
        emitted += count;
        return records;
    }

    /** The number of records due now and not yet emitted (unbounded rate: a full batch). */
    private long due() {
        if (rate == 0) {
            return batchSize;
        }
        // Multiply before dividing: exact for whole rates, so record n is due at exactly n / rate seconds.
        double dueExact = (ticker.nanoTime() - firstPollNanos) * rate / 1e9;
        long dueSinceStart = (long) Math.floor(dueExact) + 1;
        return Math.max(0, dueSinceStart - emitted);
    }

    /** Nanoseconds until record number {@code emitted} (counted from 0) is due; at least 1. */
    private long nanosUntilNextDue() {
        long dueAt = firstPollNanos + (long) Math.ceil(emitted * 1e9 / rate);
        return Math.max(1, dueAt - ticker.nanoTime());
    }

    /** Makes a waiting {@link #poll()} return. Thread-safe. */
    @Override
    public void stop() {
        stopping = true;
        stopSignal.countDown();
    }
}
