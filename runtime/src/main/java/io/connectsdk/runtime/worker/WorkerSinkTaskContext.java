package io.connectsdk.runtime.worker;

import io.connectsdk.api.sink.ErrantRecordReporter;
import io.connectsdk.api.sink.SinkTaskContext;
import io.connectsdk.api.sink.TopicPartition;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link SinkTaskContext} of a sink task. Requests (seek, pause, resume, commit) are recorded
 * here, thread-safely. Pause and resume made on the task thread (in {@code open}, {@code put},
 * ...) apply to the consumer at once, so that a partition paused in {@code open} yields no record
 * at all; requests from other threads, and seeks, are applied by the task thread before its next
 * {@code poll} (and seeks made in {@code open} right after it), because the consumer may only be
 * used from that thread. {@link #assignment()} is the set of partitions assigned at the last
 * rebalance.
 */
final class WorkerSinkTaskContext implements SinkTaskContext {
    private final Map<String, String> configs;
    private final Map<TopicPartition, Long> seeks = new ConcurrentHashMap<>();
    private final Set<TopicPartition> paused = ConcurrentHashMap.newKeySet();
    private volatile Set<TopicPartition> assignment = Set.of();
    private volatile long timeoutMs = -1;
    private volatile boolean commitRequested;
    private volatile boolean pauseChanged;
    private volatile ErrantRecordReporter reporter;
    private final Thread taskThread;
    private final Runnable applyPauses;

    /**
     * @param configs the task configuration
     * @param taskThread the task's thread
     * @param applyPauses applies the pause state to the consumer; called on the task thread only
     */
    WorkerSinkTaskContext(Map<String, String> configs, Thread taskThread, Runnable applyPauses) {
        this.configs = configs;
        this.taskThread = taskThread;
        this.applyPauses = applyPauses;
    }

    private void pauseStateChanged() {
        pauseChanged = true;
        if (Thread.currentThread() == taskThread) {
            applyPauses.run();
        }
    }

    void reporter(ErrantRecordReporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
        Objects.requireNonNull(offsets, "offsets");
        offsets.forEach(this::offset);
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
        Objects.requireNonNull(tp, "tp");
        if (offset < 0) {
            throw new IllegalArgumentException("Offset " + offset + " for " + tp + " is negative");
        }
        seeks.put(tp, offset);
    }

    /** @return the pending seeks, removed from the context */
    Map<TopicPartition, Long> takeSeeks() {
        if (seeks.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, Long> taken = new java.util.HashMap<>();
        for (TopicPartition tp : seeks.keySet()) {
            Long off = seeks.remove(tp);
            if (off != null) {
                taken.put(tp, off);
            }
        }
        return taken;
    }

    @Override
    public void timeout(long timeoutMs) {
        if (timeoutMs < 0) {
            throw new IllegalArgumentException("timeout " + timeoutMs + " is negative");
        }
        this.timeoutMs = timeoutMs;
    }

    /** @return the timeout set by the task, or -1 when none is set; resets it */
    long takeTimeout() {
        long t = timeoutMs;
        timeoutMs = -1;
        return t;
    }

    @Override
    public Set<TopicPartition> assignment() {
        return assignment;
    }

    void assignment(Set<TopicPartition> assigned) {
        this.assignment = Set.copyOf(assigned);
    }

    @Override
    public void pause(TopicPartition... partitions) {
        for (TopicPartition tp : partitions) {
            checkAssigned(tp, "pause");
        }
        paused.addAll(Arrays.asList(partitions));
        pauseStateChanged();
    }

    @Override
    public void resume(TopicPartition... partitions) {
        for (TopicPartition tp : partitions) {
            checkAssigned(tp, "resume");
        }
        Arrays.asList(partitions).forEach(paused::remove);
        pauseStateChanged();
    }

    private void checkAssigned(TopicPartition tp, String what) {
        Objects.requireNonNull(tp, "partition");
        if (!assignment.contains(tp)) {
            throw new IllegalStateException("Cannot " + what + " partition " + tp
                    + ": it is not assigned to this task (assigned: " + assignment + ")");
        }
    }

    /** @return the partitions the task paused (live view) */
    Set<TopicPartition> pausedByTask() {
        return paused;
    }

    /** @return whether pause or resume was called since the last call; resets the flag */
    boolean takePauseChanged() {
        boolean c = pauseChanged;
        pauseChanged = false;
        return c;
    }

    @Override
    public void requestCommit() {
        commitRequested = true;
    }

    /** @return whether a commit was requested; resets the flag */
    boolean takeCommitRequest() {
        boolean r = commitRequested;
        commitRequested = false;
        return r;
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        return reporter;
    }
}
