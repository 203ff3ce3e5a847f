package io.connectsdk.testkit.harness;

import io.connectsdk.api.data.ConnectSchema;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.source.OffsetStorageReader;
import io.connectsdk.api.source.RecordMetadata;
import io.connectsdk.api.source.SourceRecord;
import io.connectsdk.api.source.SourceTask;
import io.connectsdk.api.source.SourceTaskContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs a {@link SourceTask} in a unit test, without a broker, the way the runtime does.
 *
 * <pre>{@code
 * try (var harness = SourceTaskHarness.of(CounterTask.class)
 *         .config(Map.of("topic", "counts"))
 *         .committedOffset(Map.of("counter", "main"), Map.of("next", 10L))
 *         .start()) {
 *     List<SourceRecord> records = harness.pollUntil(3, Duration.ofSeconds(5));
 *     harness.commit();                        // Kafka "acknowledged" them: offsets are stored
 *     harness.restart();                       // a new task instance resumes from the stored offsets
 *     assertThat(harness.poll()).first().extracting(SourceRecord::value).isEqualTo(13L);
 * }
 * }</pre>
 *
 * <h2>Lifecycle</h2>
 * Configure with {@link #config}, {@link #committedOffset} and the timeouts, then {@link #start()}:
 * the task is created (public no-argument constructor, unless an instance or {@link #ofFactory factory} was given)
 * and {@code initialize}d and {@code start}ed on its own thread. Then {@link #poll()},
 * {@link #pollUntil(int, Duration)}, {@link #commit()} in any order; {@link #restart()} to resume
 * from the committed offsets with a new instance; {@link #stop()} or {@link #close()} at the end.
 * Configuration methods may be called while the task is not running (before {@code start} or
 * between {@code stop} and the next {@code start}).
 *
 * <h2>Threads, as in the runtime</h2>
 * Creation, {@code initialize}, {@code start} and {@code poll} run on the task thread;
 * {@code commitRecord} and {@code commit} on a separate offset-commit thread; {@code stop()} on the
 * thread that calls {@link #stop()} (the test thread), possibly while {@code poll} blocks
 * ({@link #pollAsync()}, {@link #stopDuringPoll()}).
 *
 * <h2>Contract checks</h2>
 * A {@link ContractViolationError} is thrown when the class cannot be instantiated by the runtime,
 * when {@code poll} (or another call) does not return within its bound, when a returned record has
 * no topic, a key or value that does not match its schema, or a source partition/offset that cannot
 * be stored (only strings, numbers, booleans and null), and when {@code stop()} does not make a
 * blocked {@code poll} return within the shutdown timeout. Exceptions thrown by the task reach the
 * caller unchanged (checked ones wrapped in an {@link IllegalStateException}).
 *
 * <h2>Offsets</h2>
 * The in-memory offset store behaves like the runtime's JSON storage: offsets read back through
 * {@link OffsetStorageReader} hold integral numbers as {@code Long} and others as {@code Double}.
 * Records that were polled but not {@link #commit() committed} are lost by {@link #stop()} and
 * {@link #restart()}, as they would be if the worker crashed before Kafka acknowledged them.
 *
 * <p>Not thread-safe: drive a harness from one test thread. Nothing returns {@code null} unless
 * documented.
 *
 * @param <T> the task type
 */
public final class SourceTaskHarness<T extends SourceTask> implements AutoCloseable {
    /** How long one {@code poll()} may take by default: the SPI asks for about a second at most. */
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofSeconds(5);
    /** How long the task thread may take to return after {@code stop()} by default. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);
    /** How long {@code start()}, {@code commit()} and {@code commitRecord()} may take by default. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
    /** How long {@link #pollRecords(int)} waits for records. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(1);
    private static final String POLL_HINT = "A SourceTask's poll() must block for a bounded time (about a second at"
            + " most) and then return null or an empty list, so that the runtime can commit offsets and stop the task.";

    private enum State { NEW, RUNNING, STOPPED, CLOSED }

    private final Supplier<? extends T> factory;
    private final Map<String, String> config = new LinkedHashMap<>();
    private final SourceOffsets store = new SourceOffsets();
    private final List<SourceRecord> polled = new ArrayList<>();
    private final List<SourceRecord> uncommitted = new ArrayList<>();
    private final Map<String, Long> nextKafkaOffset = new HashMap<>();
    private Duration pollTimeout = DEFAULT_POLL_TIMEOUT;
    private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private boolean stopMayRelyOnInterrupt;

    private volatile State state = State.NEW;
    private String name = "SourceTask";
    private T task;
    private volatile int generation;
    private TaskThread taskThread;
    private TaskThread commitThread;
    private CompletableFuture<List<SourceRecord>> pendingPoll;

    private SourceTaskHarness(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    /**
     * @param type the task class; instantiated with its public no-argument constructor at every
     *     start, as the runtime does
     * @param <T> the task type
     * @return a new harness
     * @throws ContractViolationError when the runtime could not instantiate the class
     */
    public static <T extends SourceTask> SourceTaskHarness<T> of(Class<T> type) {
        SourceTaskHarness<T> h = new SourceTaskHarness<>(Plugins.byConstructor(type, "SourceTask"));
        h.name = Plugins.simpleName(type);
        return h;
    }

    /**
     * @param task the instance to start first; {@link #restart()} creates new instances of its
     *     class with the public no-argument constructor
     * @param <T> the task type
     * @return a new harness
     */
    public static <T extends SourceTask> SourceTaskHarness<T> of(T task) {
        SourceTaskHarness<T> h = new SourceTaskHarness<>(Plugins.firstThenNew(task, "SourceTask"));
        h.name = Plugins.simpleName(task.getClass());
        return h;
    }

    /**
     * @param factory makes a new task instance at every start (called on the task thread)
     * @param <T> the task type
     * @return a new harness
     */
    public static <T extends SourceTask> SourceTaskHarness<T> ofFactory(Supplier<? extends T> factory) {
        return new SourceTaskHarness<>(Objects.requireNonNull(factory, "factory"));
    }

    /**
     * Adds task configuration (passed to {@code start} and returned by
     * {@link SourceTaskContext#configs()}).
     *
     * @param props settings to add, not {@code null}
     * @return this harness
     */
    public SourceTaskHarness<T> config(Map<String, String> props) {
        requireNotRunning("config(...)");
        config.putAll(props);
        return this;
    }

    /**
     * Adds one task setting.
     *
     * @param key the key, not {@code null}
     * @param value the value, not {@code null}
     * @return this harness
     */
    public SourceTaskHarness<T> config(String key, String value) {
        return config(Map.of(key, value));
    }

    /**
     * Stores an offset as if a previous run had committed it, for the task to read in
     * {@code start}.
     *
     * @param partition the source partition, not {@code null}
     * @param offset the source offset; {@code null} clears it
     * @return this harness
     * @throws IllegalArgumentException when a map holds a value other than a string, number,
     *     boolean or null
     */
    public SourceTaskHarness<T> committedOffset(Map<String, ?> partition, Map<String, ?> offset) {
        requireNotRunning("committedOffset(...)");
        store.put(Objects.requireNonNull(partition, "partition"), offset);
        return this;
    }

    /**
     * @param timeout how long one {@code poll()} may block before the harness reports a contract
     *     violation (default {@link #DEFAULT_POLL_TIMEOUT})
     * @return this harness
     */
    public SourceTaskHarness<T> pollTimeout(Duration timeout) {
        this.pollTimeout = Durations.positive(timeout, "pollTimeout");
        return this;
    }

    /**
     * @param timeout how long the task thread may take to return after {@code stop()} (default
     *     {@link #DEFAULT_SHUTDOWN_TIMEOUT}, like {@code task.shutdown.graceful.timeout.ms})
     * @return this harness
     */
    public SourceTaskHarness<T> shutdownTimeout(Duration timeout) {
        this.shutdownTimeout = Durations.positive(timeout, "shutdownTimeout");
        return this;
    }

    /**
     * @param timeout how long {@code start}, {@code commitRecord} and {@code commit} may take
     *     (default {@link #DEFAULT_CALL_TIMEOUT})
     * @return this harness
     */
    public SourceTaskHarness<T> callTimeout(Duration timeout) {
        this.callTimeout = Durations.positive(timeout, "callTimeout");
        return this;
    }

    /**
     * By default {@link #stop()} reports a violation when a blocked {@code poll()} returns only
     * after the harness interrupted the task thread: the SPI asks {@code stop()} itself to unblock
     * {@code poll}, and not every runtime interrupts. Call this to accept a task that relies on the
     * interrupt (connect-sdk's runtime interrupts the task thread when it stops a task).
     *
     * @return this harness
     */
    public SourceTaskHarness<T> acceptStopByInterrupt() {
        this.stopMayRelyOnInterrupt = true;
        return this;
    }

    /**
     * Creates the task on a new task thread, then calls {@code initialize} and {@code start} there.
     * If {@code start} throws, {@code stop()} is called (as the runtime does) and the exception is
     * rethrown; the harness can then be started again.
     *
     * @return this harness
     * @throws IllegalStateException when already running or closed
     */
    public SourceTaskHarness<T> start() {
        if (state == State.RUNNING || state == State.CLOSED) {
            throw new IllegalStateException("start(): the harness is " + state.name().toLowerCase(java.util.Locale.ROOT));
        }
        generation++;
        taskThread = new TaskThread("source-task-" + name + "-" + generation);
        commitThread = new TaskThread("source-offset-commit-" + name + "-" + generation);
        Map<String, String> props = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        SourceTaskContext context = new Context(props, store);
        task = taskThread.call("creating the task", factory::get, callTimeout, () -> "A task's constructor must not block.");
        Objects.requireNonNull(task, "the task factory returned null");
        name = Plugins.simpleName(task.getClass());
        T t = task;
        try {
            taskThread.call(name + ".initialize()/start()", () -> {
                t.initialize(context);
                t.start(props);
                return null;
            }, callTimeout, () -> "start() must return once the task is ready; the runtime calls poll() for the work.");
        } catch (RuntimeException | Error e) {
            try {
                taskThread.call(name + ".stop() after a failed start()", () -> {
                    t.stop();
                    return null;
                }, shutdownTimeout, () -> "stop() must return promptly.");
            } catch (Throwable stopFailure) {
                e.addSuppressed(new ContractViolationError("Expected " + name + ".stop() to be safe after a failed"
                        + " start() (the runtime calls it), but it threw " + stopFailure, stopFailure));
            }
            shutdownThreads();
            state = State.STOPPED;
            throw e;
        }
        state = State.RUNNING;
        return this;
    }

    /**
     * Calls {@code poll()} once on the task thread.
     *
     * @return the records, never {@code null} (empty when the task returned {@code null})
     * @throws ContractViolationError when {@code poll} overruns its bound or returns a malformed record
     * @throws IllegalStateException when not running, or while a {@link #pollAsync()} is pending
     */
    public List<SourceRecord> poll() {
        requireRunning("poll()");
        requireNoPendingPoll("poll()");
        int gen = generation;
        List<SourceRecord> raw = taskThread.call(name + ".poll()", task::poll, pollTimeout, () -> POLL_HINT);
        return accept(raw, gen);
    }

    /**
     * Starts a {@code poll()} on the task thread and returns once the task thread is inside it,
     * without waiting for it to return. Use it to test that {@link #stop()} unblocks a poll.
     *
     * @return completes with the records (or the task's exception, or a
     *     {@link ContractViolationError} for malformed records)
     */
    public CompletableFuture<List<SourceRecord>> pollAsync() {
        requireRunning("pollAsync()");
        requireNoPendingPoll("pollAsync()");
        int gen = generation;
        T t = task;
        CompletableFuture<List<SourceRecord>> result = new CompletableFuture<>();
        CompletableFuture<Void> entered = new CompletableFuture<>();
        taskThread.submit(name + ".poll()", () -> {
            try {
                result.complete(accept(t.poll(), gen));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
            return null;
        }, entered);
        try {
            entered.get(callTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new ContractViolationError("Expected the task thread to begin poll() within " + Durations.format(callTimeout)
                    + ", but it was still busy with an earlier call.\n" + taskThread.stackReport());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        pendingPoll = result;
        return result;
    }

    /**
     * Polls until the task has returned at least {@code count} records in total, or fails.
     *
     * @param count how many records to wait for, 1 or more
     * @param timeout the bound; the last poll may overrun it by up to the poll timeout
     * @return every record returned during this call (possibly more than {@code count})
     * @throws AssertionError with the records seen when fewer arrived in time
     */
    public List<SourceRecord> pollUntil(int count, Duration timeout) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        return pollUntil(records -> records.size() >= count, "at least " + count + " records", timeout);
    }

    /**
     * Polls until the records returned during this call satisfy {@code condition}, or fails.
     *
     * @param condition tested on all the records returned so far by this call, after each poll
     * @param timeout the bound; the last poll may overrun it by up to the poll timeout
     * @return every record returned during this call
     * @throws AssertionError with the records seen when the condition did not hold in time
     */
    public List<SourceRecord> pollUntil(Predicate<? super List<SourceRecord>> condition, Duration timeout) {
        return pollUntil(condition, "records matching the condition", timeout);
    }

    /**
     * {@link #pollUntil(int, Duration)} with {@link #DEFAULT_WAIT}.
     *
     * @param count how many records to wait for, 1 or more
     * @return every record returned during this call
     */
    public List<SourceRecord> pollRecords(int count) {
        return pollUntil(count, DEFAULT_WAIT);
    }

    private List<SourceRecord> pollUntil(Predicate<? super List<SourceRecord>> condition, String expected, Duration timeout) {
        Durations.positive(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        List<SourceRecord> got = new ArrayList<>();
        int polls = 0;
        while (!condition.test(Collections.unmodifiableList(got))) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("Expected " + expected + " from " + name + ".poll() within "
                        + Durations.format(timeout) + ", but got " + got.size() + " record(s) in " + polls + " poll(s)"
                        + describe(got));
            }
            got.addAll(poll());
            polls++;
        }
        return Collections.unmodifiableList(got);
    }

    /**
     * Acknowledges every record polled since the last commit, as the runtime does once Kafka has
     * written them: {@code commitRecord(record, metadata)} for each (with synthetic metadata: the
     * record's topic, its partition or 0, increasing offsets per topic-partition, its timestamp or
     * now), then stores the last source offset of each source partition, then {@code commit()}.
     * Both calls run on the offset-commit thread.
     *
     * @return this harness
     * @throws ContractViolationError when a call overruns its bound
     */
    public SourceTaskHarness<T> commit() {
        requireRunning("commit()");
        List<SourceRecord> batch;
        synchronized (this) {
            batch = new ArrayList<>(uncommitted);
            uncommitted.clear();
        }
        List<RecordMetadata> metadata = new ArrayList<>(batch.size());
        for (SourceRecord r : batch) {
            int partition = r.kafkaPartition() == null ? 0 : r.kafkaPartition();
            long offset = nextKafkaOffset.merge(r.topic() + "-" + partition, 1L, Long::sum) - 1;
            long ts = r.timestamp() == null ? System.currentTimeMillis() : r.timestamp();
            metadata.add(new RecordMetadata(r.topic(), partition, offset, ts));
        }
        T t = task;
        commitThread.call(name + ".commitRecord(...)", () -> {
            for (int i = 0; i < batch.size(); i++) {
                t.commitRecord(batch.get(i), metadata.get(i));
            }
            return null;
        }, callTimeout, () -> "commitRecord() must return promptly.");
        for (SourceRecord r : batch) {
            if (r.sourcePartition() != null) {
                store.put(r.sourcePartition(), r.sourceOffset());
            }
        }
        commitThread.call(name + ".commit()", () -> {
            t.commit();
            return null;
        }, callTimeout, () -> "commit() must return promptly.");
        return this;
    }

    /**
     * Stops the task as the runtime does: calls {@code stop()} from this (non-task) thread, then
     * waits up to the shutdown timeout for the task thread to finish what it is doing (a pending
     * {@link #pollAsync() poll}); if it does not, interrupts it and waits one more second. Records
     * polled but not committed are dropped. Does nothing unless running.
     *
     * @throws ContractViolationError when the task thread did not return in time, or returned only
     *     because of the interrupt (unless {@link #acceptStopByInterrupt()}); the message shows
     *     where the task thread is
     */
    public void stop() {
        if (state != State.RUNNING) {
            return;
        }
        state = State.STOPPED;
        boolean pollPending = taskThread.isBusy();
        Throwable stopFailure = null;
        try {
            task.stop();
        } catch (Throwable e) {
            stopFailure = e;
        }
        boolean idle = taskThread.awaitIdle(shutdownTimeout);
        String stuckAt = null;
        if (!idle) {
            stuckAt = taskThread.stackReport();
            taskThread.interrupt();
            idle = taskThread.awaitIdle(INTERRUPT_GRACE);
        }
        synchronized (this) {
            uncommitted.clear();
        }
        pendingPoll = null;
        shutdownThreads();
        String contract = "A SourceTask's stop() is called from another thread while poll() may block, and must make"
                + " that poll() return promptly (close the connection, or set a flag that poll() checks while it waits).";
        if (!idle) {
            throw new ContractViolationError("Expected " + name + "'s task thread to return " + (pollPending ? "from poll() " : "")
                    + "within " + Durations.format(shutdownTimeout) + " after stop(), but it was still running, and still was "
                    + Durations.format(INTERRUPT_GRACE) + " after an interrupt. " + contract + "\n" + stuckAt);
        }
        if (stuckAt != null && !stopMayRelyOnInterrupt) {
            throw new ContractViolationError("Expected " + name + "'s task thread to return " + (pollPending ? "from poll() " : "")
                    + "within " + Durations.format(shutdownTimeout) + " after stop(), but it returned only after the harness "
                    + "interrupted it. " + contract + " (Call acceptStopByInterrupt() to accept this.)\n" + stuckAt);
        }
        if (stopFailure != null) {
            throw TaskThread.rethrow(name + ".stop()", stopFailure);
        }
    }

    /**
     * Starts a {@link #pollAsync() poll}, waits until the task thread is inside it, then
     * {@link #stop()}s: the way to test that {@code stop()} unblocks a waiting {@code poll()}.
     *
     * @return the records that last poll returned (a runtime would drop them), never {@code null}
     * @throws ContractViolationError as {@link #stop()}
     */
    public List<SourceRecord> stopDuringPoll() {
        CompletableFuture<List<SourceRecord>> last = pollAsync();
        stop();
        try {
            List<SourceRecord> records = last.getNow(null);
            return records == null ? List.of() : records;
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof InterruptedException) {
                return List.of(); // the interrupt that stopped it
            }
            throw TaskThread.rethrow(name + ".poll()", e.getCause());
        }
    }

    /**
     * Stops the task ({@link #stop()}, dropping uncommitted records) and starts a new instance
     * that reads the committed offsets: simulates a worker restart.
     *
     * @return this harness
     */
    public SourceTaskHarness<T> restart() {
        requireRunning("restart()");
        stop();
        return start();
    }

    /**
     * Stops the task if it runs ({@link #stop()}) and releases the harness's threads. Idempotent.
     */
    @Override
    public void close() {
        if (state == State.CLOSED) {
            return;
        }
        try {
            stop();
        } finally {
            shutdownThreads();
            state = State.CLOSED;
        }
    }

    /** @return the current (or last) task instance; {@code null} before the first start */
    public T task() {
        return task;
    }

    /** @return whether the task is started and not stopped */
    public boolean isRunning() {
        return state == State.RUNNING;
    }

    /**
     * @return the committed offset of every source partition, as the task would read them: an
     *     unmodifiable snapshot
     */
    public Map<Map<String, Object>, Map<String, Object>> offsets() {
        return store.snapshot();
    }

    /**
     * @param partition a source partition, not {@code null}
     * @return its committed offset as the task would read it, or {@code null}
     */
    public Map<String, Object> offset(Map<String, ?> partition) {
        return store.offset(partition);
    }

    /** @return every record polled since the harness was created, across restarts; a snapshot */
    public synchronized List<SourceRecord> polledRecords() {
        return List.copyOf(polled);
    }

    /** @return records polled but not yet {@link #commit() committed}; a snapshot */
    public synchronized List<SourceRecord> uncommittedRecords() {
        return List.copyOf(uncommitted);
    }

    private synchronized List<SourceRecord> accept(List<SourceRecord> records, int gen) {
        if (records == null) {
            return List.of();
        }
        List<SourceRecord> copy = new ArrayList<>(records);
        for (int i = 0; i < copy.size(); i++) {
            String problem = problem(copy.get(i));
            if (problem != null) {
                throw new ContractViolationError("Expected every record returned by " + name + ".poll() to be well-formed,"
                        + " but record #" + i + " of " + copy.size() + " " + problem + ": " + copy.get(i));
            }
        }
        polled.addAll(copy);
        if (gen == generation && state == State.RUNNING) {
            uncommitted.addAll(copy);
        }
        return Collections.unmodifiableList(copy);
    }

    private static String problem(SourceRecord r) {
        if (r == null) {
            return "is null";
        }
        if (r.topic() == null) {
            return "has no topic";
        }
        String p = SourceOffsets.problem("partition", r.sourcePartition());
        if (p == null) {
            p = SourceOffsets.problem("offset", r.sourceOffset());
        }
        if (p != null) {
            return "cannot be committed: " + p;
        }
        try {
            if (r.keySchema() != null) {
                ConnectSchema.validateValue("key", r.keySchema(), r.key());
            }
            if (r.valueSchema() != null) {
                ConnectSchema.validateValue("value", r.valueSchema(), r.value());
            }
        } catch (DataException e) {
            return "does not match its schema (" + e.getMessage() + ")";
        }
        return null;
    }

    private static String describe(List<SourceRecord> records) {
        if (records.isEmpty()) {
            return ".";
        }
        StringBuilder sb = new StringBuilder(":");
        int shown = Math.min(records.size(), 10);
        for (int i = 0; i < shown; i++) {
            sb.append("\n  ").append(records.get(i));
        }
        if (records.size() > shown) {
            sb.append("\n  ... and ").append(records.size() - shown).append(" more");
        }
        return sb.toString();
    }

    private void requireRunning(String what) {
        if (state != State.RUNNING) {
            throw new IllegalStateException(what + ": the task is not running (call start() first); the harness is "
                    + state.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private void requireNotRunning(String what) {
        if (state == State.RUNNING || state == State.CLOSED) {
            throw new IllegalStateException(what + " is only allowed while the task is not running");
        }
    }

    private void requireNoPendingPoll(String what) {
        if (pendingPoll != null && !pendingPoll.isDone()) {
            throw new IllegalStateException(what + ": a poll started by pollAsync() is still running; wait for its future or stop()");
        }
    }

    private void shutdownThreads() {
        if (taskThread != null) {
            taskThread.shutdown();
        }
        if (commitThread != null) {
            commitThread.shutdown();
        }
    }

    private static final class Context implements SourceTaskContext {
        private final Map<String, String> configs;
        private final OffsetStorageReader reader;

        Context(Map<String, String> configs, OffsetStorageReader reader) {
            this.configs = configs;
            this.reader = reader;
        }

        @Override
        public Map<String, String> configs() {
            return configs;
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return reader;
        }
    }
}
