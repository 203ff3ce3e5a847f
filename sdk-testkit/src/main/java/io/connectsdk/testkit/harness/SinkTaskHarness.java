package io.connectsdk.testkit.harness;

import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.sink.ErrantRecordReporter;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.sink.SinkTask;
import io.connectsdk.api.sink.SinkTaskContext;
import io.connectsdk.api.sink.TimestampType;
import io.connectsdk.api.sink.TopicPartition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs a {@link SinkTask} in a unit test, without a broker, the way the runtime does.
 *
 * <pre>{@code
 * try (var harness = SinkTaskHarness.of(MySinkTask.class)
 *         .config(Map.of("url", "mem://test"))
 *         .assign(Records.tp("orders", 0))           // starts the task, then open([orders-0])
 *         .put("orders", 0, "a", "b", "c")) {        // offsets 0, 1, 2
 *     assertThat(harness.flush()).containsEntry(Records.tp("orders", 0), 3L);
 *     assertThat(harness.errantRecords()).isEmpty();
 * }
 * }</pre>
 *
 * <h2>Lifecycle</h2>
 * {@link #config} first; {@link #start()} creates the task (public no-argument constructor unless
 * an instance or {@link #ofFactory factory} was given) and calls {@code initialize} and {@code start}. {@link #assign}
 * starts the task if needed and calls {@code open}. Then {@link #put}, {@link #flush()} (which calls
 * {@code preCommit}), {@link #rebalance}/{@link #revoke} (a final {@code preCommit}, then
 * {@code close}, then {@code open}) in any order, and finally {@link #stop()}: a final
 * {@code preCommit}, {@code close} of every assigned partition, then {@code stop()}.
 *
 * <h2>Threads</h2>
 * Every call into the task runs on the task's own thread, one at a time, each bounded by the call
 * timeout. The {@link SinkTaskContext} given to the task must be used from that thread (its
 * errant-record reporter from any thread, between start and stop).
 *
 * <h2>What the harness records</h2>
 * {@link #errantRecords()} (reports to the errant-record reporter, with their errors),
 * {@link #requestedCommits()}, {@link #pausedPartitions()}, {@link #seeks()} (offsets the task
 * rewound to: the next {@link #put(String, int, Object...)} of that partition starts there),
 * {@link #committedOffsets()} and {@link #currentOffsets()}.
 *
 * <h2>Contract checks</h2>
 * A {@link ContractViolationError} is thrown when a call overruns its bound, when the task uses its
 * context from another thread, pauses, resumes or commits a partition that is not assigned to it,
 * or returns from {@code preCommit} an offset beyond the records it was given. Exceptions thrown by
 * the task reach the caller unchanged.
 *
 * <p>Not thread-safe: drive a harness from one test thread. Nothing returns {@code null}.
 *
 * @param <T> the task type
 */
public final class SinkTaskHarness<T extends SinkTask> implements AutoCloseable {
    /** How long one call into the task ({@code start}, {@code put}, ...) may take by default. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

    private enum State { NEW, RUNNING, STOPPED, CLOSED }

    /**
     * A record the task reported to the {@link ErrantRecordReporter}.
     *
     * @param record the record as the task reported it, never {@code null}
     * @param error why the task could not write it, never {@code null}
     */
    public record ErrantRecord(SinkRecord record, Throwable error) {
    }

    private final Supplier<? extends T> factory;
    private final Map<String, String> config = new LinkedHashMap<>();
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private boolean tolerateErrors = true;

    private volatile State state = State.NEW;
    private String name = "SinkTask";
    private T task;
    private TaskThread taskThread;

    // Written by the task thread through the context, read by the test thread: guarded by 'this'.
    private final Set<TopicPartition> assignment = new LinkedHashSet<>();
    private final Set<TopicPartition> paused = new LinkedHashSet<>();
    private final Map<TopicPartition, Long> seeks = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> pendingSeeks = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> nextOffset = new HashMap<>();
    private final Map<TopicPartition, Long> currentOffsets = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> committed = new LinkedHashMap<>();
    private final List<ErrantRecord> errant = new ArrayList<>();
    private final List<ContractViolationError> violations = new ArrayList<>();
    private int commitRequests;
    private long retryTimeoutMs = -1;

    private SinkTaskHarness(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    /**
     * @param type the task class, instantiated with its public no-argument constructor
     * @param <T> the task type
     * @return a new harness
     * @throws ContractViolationError when the runtime could not instantiate the class
     */
    public static <T extends SinkTask> SinkTaskHarness<T> of(Class<T> type) {
        SinkTaskHarness<T> h = new SinkTaskHarness<>(Plugins.byConstructor(type, "SinkTask"));
        h.name = Plugins.simpleName(type);
        return h;
    }

    /**
     * @param task the task instance to drive
     * @param <T> the task type
     * @return a new harness
     */
    public static <T extends SinkTask> SinkTaskHarness<T> of(T task) {
        SinkTaskHarness<T> h = new SinkTaskHarness<>(Plugins.firstThenNew(task, "SinkTask"));
        h.name = Plugins.simpleName(task.getClass());
        return h;
    }

    /**
     * @param factory makes the task instance (called on the task thread)
     * @param <T> the task type
     * @return a new harness
     */
    public static <T extends SinkTask> SinkTaskHarness<T> ofFactory(Supplier<? extends T> factory) {
        return new SinkTaskHarness<>(Objects.requireNonNull(factory, "factory"));
    }

    /**
     * @param props task settings to add (given to {@code start} and {@link SinkTaskContext#configs()})
     * @return this harness
     */
    public SinkTaskHarness<T> config(Map<String, String> props) {
        requireNew("config(...)");
        config.putAll(props);
        return this;
    }

    /**
     * @param key a setting's key, not {@code null}
     * @param value its value, not {@code null}
     * @return this harness
     */
    public SinkTaskHarness<T> config(String key, String value) {
        return config(Map.of(key, value));
    }

    /**
     * @param timeout how long one call into the task may take before the harness reports a
     *     contract violation (default {@link #DEFAULT_CALL_TIMEOUT})
     * @return this harness
     */
    public SinkTaskHarness<T> callTimeout(Duration timeout) {
        this.callTimeout = Durations.positive(timeout, "callTimeout");
        return this;
    }

    /**
     * @param tolerate {@code true} (the default) to behave like {@code errors.tolerance=all}: reports
     *     are recorded and the task goes on; {@code false} for {@code errors.tolerance=none}: a report
     *     is recorded and then throws a {@link ConnectException} into the task
     * @return this harness
     */
    public SinkTaskHarness<T> tolerateErrors(boolean tolerate) {
        this.tolerateErrors = tolerate;
        return this;
    }

    /**
     * Creates the task on its own thread and calls {@code initialize} and {@code start}. If
     * {@code start} throws, {@code stop()} is called and the exception is rethrown.
     *
     * @return this harness
     * @throws IllegalStateException when already started
     */
    public SinkTaskHarness<T> start() {
        requireNew("start()");
        taskThread = new TaskThread("sink-task-" + name);
        Map<String, String> props = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        task = taskThread.call("creating the task", factory::get, callTimeout, () -> "A task's constructor must not block.");
        Objects.requireNonNull(task, "the task factory returned null");
        name = Plugins.simpleName(task.getClass());
        SinkTaskContext context = new Context(props);
        state = State.RUNNING;
        try {
            call("initialize()/start()", () -> {
                task.initialize(context);
                task.start(props);
            });
        } catch (RuntimeException | Error e) {
            try {
                call("stop() after a failed start()", task::stop);
            } catch (Throwable stopFailure) {
                e.addSuppressed(new ContractViolationError("Expected " + name + ".stop() to be safe after a failed"
                        + " start() (the runtime calls it), but it threw " + stopFailure, stopFailure));
            }
            state = State.STOPPED;
            taskThread.shutdown();
            throw e;
        }
        return this;
    }

    /**
     * Assigns partitions (starting the task first if needed) and calls {@code open} with them.
     *
     * @param partitions partitions not yet assigned
     * @return this harness
     * @throws IllegalArgumentException when a partition is already assigned
     */
    public SinkTaskHarness<T> assign(TopicPartition... partitions) {
        return assign(Arrays.asList(partitions));
    }

    /**
     * Same as {@link #assign(TopicPartition...)}.
     *
     * @param partitions partitions not yet assigned, not {@code null}
     * @return this harness
     */
    public SinkTaskHarness<T> assign(Collection<TopicPartition> partitions) {
        if (state == State.NEW) {
            start();
        }
        requireRunning("assign(...)");
        List<TopicPartition> added = List.copyOf(new LinkedHashSet<>(partitions));
        synchronized (this) {
            for (TopicPartition tp : added) {
                if (assignment.contains(tp)) {
                    throw new IllegalArgumentException("assign(...): " + tp + " is already assigned; assigned: " + assignment);
                }
            }
            assignment.addAll(added);
        }
        if (!added.isEmpty()) {
            try {
                call("open(" + added + ")", () -> task.open(added));
            } finally {
                applySeeks();
            }
        }
        return this;
    }

    /**
     * Revokes partitions as a rebalance does: {@code preCommit} with the current offsets (recorded
     * like {@link #flush()}), then {@code close} of the revoked partitions. Their pause state is
     * cleared.
     *
     * @param partitions assigned partitions
     * @return this harness
     * @throws IllegalArgumentException when a partition is not assigned
     */
    public SinkTaskHarness<T> revoke(TopicPartition... partitions) {
        return revoke(Arrays.asList(partitions));
    }

    /**
     * Same as {@link #revoke(TopicPartition...)}.
     *
     * @param partitions assigned partitions, not {@code null}
     * @return this harness
     */
    public SinkTaskHarness<T> revoke(Collection<TopicPartition> partitions) {
        requireRunning("revoke(...)");
        List<TopicPartition> removed = List.copyOf(new LinkedHashSet<>(partitions));
        synchronized (this) {
            for (TopicPartition tp : removed) {
                if (!assignment.contains(tp)) {
                    throw new IllegalArgumentException("revoke(...): " + tp + " is not assigned; assigned: " + assignment);
                }
            }
        }
        if (removed.isEmpty()) {
            return this;
        }
        flush();
        call("close(" + removed + ")", () -> task.close(removed));
        synchronized (this) {
            removed.forEach(assignment::remove);
            removed.forEach(paused::remove);
        }
        return this;
    }

    /**
     * A rebalance: {@link #revoke(Collection) revoke} then {@link #assign(Collection) assign}.
     *
     * @param revoked assigned partitions to take away, not {@code null} (may be empty)
     * @param assigned partitions to add, not {@code null} (may be empty)
     * @return this harness
     */
    public SinkTaskHarness<T> rebalance(Collection<TopicPartition> revoked, Collection<TopicPartition> assigned) {
        revoke(revoked);
        return assign(assigned);
    }

    /**
     * Hands records to {@code put} as one batch, as the runtime does after converting and
     * transforming them. With no argument, an empty batch (the runtime sends those too).
     *
     * @param records records of assigned partitions, in increasing offset order per partition
     * @return this harness
     * @throws IllegalStateException when a record's partition is not assigned
     * @throws IllegalArgumentException when offsets of a partition do not increase within the batch
     */
    public SinkTaskHarness<T> put(SinkRecord... records) {
        return put(Arrays.asList(records));
    }

    /**
     * Same as {@link #put(SinkRecord...)}.
     *
     * @param records the batch, not {@code null}
     * @return this harness
     */
    public SinkTaskHarness<T> put(Collection<SinkRecord> records) {
        requireRunning("put(...)");
        List<SinkRecord> batch = List.copyOf(records);
        Map<TopicPartition, Long> last = new LinkedHashMap<>();
        synchronized (this) {
            for (SinkRecord r : batch) {
                TopicPartition tp = new TopicPartition(r.topic(), r.kafkaPartition());
                if (!assignment.contains(tp)) {
                    throw new IllegalStateException("put(...): " + tp + " is not assigned to the task (assigned: " + assignment
                            + "); the runtime only delivers records of assigned partitions: assign(Records.tp(\""
                            + tp.topic() + "\", " + tp.partition() + ")) first");
                }
                Long before = last.get(tp);
                if (before != null && r.kafkaOffset() <= before) {
                    throw new IllegalArgumentException("put(...): offsets of " + tp + " must increase within a batch, but "
                            + r.kafkaOffset() + " follows " + before);
                }
                last.put(tp, r.kafkaOffset());
            }
        }
        try {
            call("put(" + batch.size() + " records)", () -> task.put(batch));
        } finally {
            synchronized (this) {
                last.forEach((tp, offset) -> {
                    currentOffsets.put(tp, offset + 1);
                    nextOffset.put(tp, offset + 1);
                });
            }
            applySeeks();
        }
        return this;
    }

    /**
     * Builds one schemaless record per value (a {@link io.connectsdk.api.data.Struct} keeps its
     * schema), with no key, the current time as {@code CREATE_TIME} timestamp and the partition's
     * next offsets (0, 1, 2... or from where the task last {@linkplain SinkTaskContext#offset
     * rewound}), and hands them to {@code put} as one batch.
     *
     * @param topic an assigned partition's topic
     * @param partition the partition
     * @param values the values; may contain {@code null} (tombstones)
     * @return this harness
     */
    public SinkTaskHarness<T> put(String topic, int partition, Object... values) {
        TopicPartition tp = new TopicPartition(topic, partition);
        long next;
        synchronized (this) {
            next = nextOffset.getOrDefault(tp, 0L);
        }
        long now = System.currentTimeMillis();
        List<SinkRecord> batch = new ArrayList<>(values.length);
        for (Object v : values) {
            batch.add(Records.sink(topic).partition(partition).offset(next++).value(v).timestamp(now)
                    .timestampType(TimestampType.CREATE_TIME).build());
        }
        return put(batch);
    }

    /**
     * Calls {@code preCommit} with the current offsets (for each assigned partition that received
     * records, the offset after the last one) as the runtime does before committing, and records the
     * offsets the task returned as committed.
     *
     * @return what the task asked to commit; empty when it returned {@code null} or nothing
     * @throws ContractViolationError when the task returned an offset for an unassigned partition,
     *     or beyond the records handed to {@code put}
     */
    public Map<TopicPartition, Long> flush() {
        requireRunning("flush()");
        Map<TopicPartition, Long> current;
        synchronized (this) {
            current = new LinkedHashMap<>(currentOffsets);
            current.keySet().retainAll(assignment);
        }
        Map<TopicPartition, Long> given = Collections.unmodifiableMap(current);
        Map<TopicPartition, Long> returned;
        try {
            returned = call("preCommit(" + given + ")", () -> task.preCommit(new HashMap<>(given)));
        } finally {
            applySeeks();
        }
        Map<TopicPartition, Long> result = returned == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(returned));
        synchronized (this) {
            for (Map.Entry<TopicPartition, Long> e : result.entrySet()) {
                TopicPartition tp = e.getKey();
                if (!assignment.contains(tp)) {
                    throw violation("Expected " + name + ".preCommit() to return offsets of assigned partitions only "
                            + assignment + ", but it returned " + e.getValue() + " for " + tp);
                }
                Long limit = currentOffsets.get(tp);
                if (e.getValue() == null || e.getValue() < 0 || (limit != null && e.getValue() > limit)) {
                    throw violation("Expected " + name + ".preCommit() to return, for " + tp + ", an offset of at most "
                            + (limit == null ? "the records it received" : limit + " (the offset after the last record it received)")
                            + ", but it returned " + e.getValue() + "; committing past the data the sink received would lose records");
                }
            }
            committed.putAll(result);
        }
        return result;
    }

    /**
     * Stops the task as the runtime does: a final {@code preCommit}, {@code close} of every
     * assigned partition, then {@code stop()}, all on the task thread. Does nothing unless running.
     */
    public void stop() {
        if (state != State.RUNNING) {
            return;
        }
        try {
            List<TopicPartition> all;
            synchronized (this) {
                all = List.copyOf(assignment);
            }
            if (!all.isEmpty()) {
                flush();
                call("close(" + all + ")", () -> task.close(all));
            }
            call("stop()", task::stop);
        } finally {
            synchronized (this) {
                assignment.clear();
                paused.clear();
            }
            state = State.STOPPED;
            taskThread.shutdown();
        }
    }

    /** {@link #stop() Stops} the task if it runs and releases the task thread. Idempotent. */
    @Override
    public void close() {
        if (state == State.CLOSED) {
            return;
        }
        try {
            stop();
        } finally {
            if (taskThread != null) {
                taskThread.shutdown();
            }
            state = State.CLOSED;
        }
    }

    /** @return the task instance; {@code null} before {@link #start()} */
    public T task() {
        return task;
    }

    /** @return the partitions currently assigned; a snapshot */
    public synchronized Set<TopicPartition> assignment() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(assignment));
    }

    /** @return the records reported to the errant-record reporter, in order; a snapshot */
    public synchronized List<ErrantRecord> errantRecords() {
        return List.copyOf(errant);
    }

    /** @return how often the task called {@link SinkTaskContext#requestCommit()} */
    public synchronized int requestedCommits() {
        return commitRequests;
    }

    /** @return the assigned partitions the task paused and did not resume; a snapshot */
    public synchronized Set<TopicPartition> pausedPartitions() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(paused));
    }

    /** @return the last offset the task rewound each partition to with {@code context.offset(...)}; a snapshot */
    public synchronized Map<TopicPartition, Long> seeks() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(seeks));
    }

    /** @return the offsets {@code preCommit} returned so far, the latest per partition; a snapshot */
    public synchronized Map<TopicPartition, Long> committedOffsets() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(committed));
    }

    /** @return per partition, the offset after the last record handed to {@code put}; a snapshot */
    public synchronized Map<TopicPartition, Long> currentOffsets() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(currentOffsets));
    }

    /** @return the last value given to {@link SinkTaskContext#timeout(long)}, or -1 if never called */
    public synchronized long retryTimeoutMs() {
        return retryTimeoutMs;
    }

    /** Rewinds take effect after the call that asked for them, before the next batch, as in the runtime. */
    private synchronized void applySeeks() {
        nextOffset.putAll(pendingSeeks);
        currentOffsets.putAll(pendingSeeks);
        pendingSeeks.clear();
    }

    private interface TaskCall {
        void run() throws Exception;
    }

    private void call(String what, TaskCall call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    private <V> V call(String what, java.util.concurrent.Callable<V> call) {
        V result;
        try {
            result = taskThread.call(name + "." + what, call, callTimeout,
                    () -> "A SinkTask's methods are called one at a time on the task thread and must return promptly.");
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                violations.remove(e); // it reached the test already
            }
            throw e;
        }
        ContractViolationError recorded;
        synchronized (this) {
            recorded = violations.isEmpty() ? null : violations.remove(0);
        }
        if (recorded != null) {
            throw recorded;
        }
        return result;
    }

    private synchronized ContractViolationError violation(String message) {
        return new ContractViolationError(message);
    }

    private void requireNew(String what) {
        if (state != State.NEW) {
            throw new IllegalStateException(what + " is only allowed before the task starts; the harness is "
                    + state.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private void requireRunning(String what) {
        if (state != State.RUNNING) {
            throw new IllegalStateException(what + ": the task is not running; the harness is "
                    + state.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final class Context implements SinkTaskContext {
        private final Map<String, String> configs;
        private final ErrantRecordReporter reporter = this::report;

        Context(Map<String, String> configs) {
            this.configs = configs;
        }

        private void onTaskThread(String method) {
            if (!taskThread.isCurrentThread()) {
                ContractViolationError e = new ContractViolationError("Expected SinkTaskContext." + method
                        + " to be called from the task's own thread '" + taskThread.name() + "', but it was called from '"
                        + Thread.currentThread().getName() + "'");
                synchronized (SinkTaskHarness.this) {
                    violations.add(e);
                }
                throw e;
            }
        }

        private void assigned(String method, TopicPartition... tps) {
            synchronized (SinkTaskHarness.this) {
                for (TopicPartition tp : tps) {
                    if (!assignment.contains(tp)) {
                        ContractViolationError e = new ContractViolationError("Expected SinkTaskContext." + method
                                + " to name assigned partitions only " + assignment + ", but it named " + tp);
                        violations.add(e);
                        throw e;
                    }
                }
            }
        }

        @Override
        public Map<String, String> configs() {
            return configs;
        }

        @Override
        public void offset(Map<TopicPartition, Long> offsets) {
            onTaskThread("offset(...)");
            synchronized (SinkTaskHarness.this) {
                seeks.putAll(offsets);
                pendingSeeks.putAll(offsets);
            }
        }

        @Override
        public void offset(TopicPartition tp, long offset) {
            offset(Map.of(tp, offset));
        }

        @Override
        public void timeout(long timeoutMs) {
            onTaskThread("timeout(...)");
            synchronized (SinkTaskHarness.this) {
                retryTimeoutMs = timeoutMs;
            }
        }

        @Override
        public Set<TopicPartition> assignment() {
            return SinkTaskHarness.this.assignment();
        }

        @Override
        public void pause(TopicPartition... partitions) {
            onTaskThread("pause(...)");
            assigned("pause(...)", partitions);
            synchronized (SinkTaskHarness.this) {
                paused.addAll(Arrays.asList(partitions));
            }
        }

        @Override
        public void resume(TopicPartition... partitions) {
            onTaskThread("resume(...)");
            assigned("resume(...)", partitions);
            synchronized (SinkTaskHarness.this) {
                Arrays.asList(partitions).forEach(paused::remove);
            }
        }

        @Override
        public void requestCommit() {
            onTaskThread("requestCommit()");
            synchronized (SinkTaskHarness.this) {
                commitRequests++;
            }
        }

        @Override
        public ErrantRecordReporter errantRecordReporter() {
            return reporter;
        }

        private Future<Void> report(SinkRecord record, Throwable error) {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(error, "error");
            if (state != State.RUNNING) {
                ContractViolationError e = new ContractViolationError("Expected the ErrantRecordReporter to be used between"
                        + " start() and stop(), but it was called while the harness is "
                        + state.name().toLowerCase(java.util.Locale.ROOT));
                synchronized (SinkTaskHarness.this) {
                    violations.add(e);
                }
                throw e;
            }
            synchronized (SinkTaskHarness.this) {
                errant.add(new ErrantRecord(record, error));
            }
            if (!tolerateErrors) {
                throw new ConnectException("Tolerance exceeded in the error handler (errors.tolerance=none): " + error, error);
            }
            return CompletableFuture.completedFuture(null);
        }
    }
}
