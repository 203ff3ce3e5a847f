package io.connectsdk.runtime.worker;

import io.connectsdk.runtime.herder.ConnectorTaskId;
import io.connectsdk.runtime.metrics.TaskMetrics;
import io.connectsdk.runtime.herder.State;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of one task on its own thread, {@code task-<connector>-<n>}: set up (plugins, clients,
 * {@code initialize}, {@code start}), run the pipeline until stopped or failed, tear down. The
 * thread's context classloader is the connector's loader for the whole run.
 *
 * <p><b>Stopping.</b> {@link #triggerStop()} (any thread) sets a flag, wakes the pipeline (a
 * source task's {@code stop()} is called right there, from the stopping thread; a sink task's
 * consumer is woken up) and interrupts the task thread while it is inside its pipeline loop. The
 * teardown (final offset commit, closing clients) runs with the interrupt cleared.
 * {@link #awaitStop(long)} waits for the thread to finish; a task that does not finish in time is
 * {@link #cancel() cancelled}: it will commit nothing more and its thread is abandoned (it is a
 * daemon thread).
 *
 * <p><b>States</b> written to the status store: {@code RUNNING} or {@code PAUSED} once started,
 * {@code FAILED} with the stack trace when anything throws, {@code UNASSIGNED} after a clean stop.
 */
abstract class WorkerTask implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(WorkerTask.class);

    protected final ConnectorTaskId id;
    protected final Worker worker;
    protected final long generation;
    protected final ClassLoader loader;
    protected volatile TargetState target;
    protected volatile boolean stopping;
    protected volatile boolean cancelled;
    /** The task's JMX metrics; closed when the task has stopped. */
    protected final TaskMetrics metrics;

    private final CountDownLatch exited = new CountDownLatch(1);
    private final Object interruptLock = new Object();
    private Thread thread;
    private boolean interruptible;
    private State reported;

    protected WorkerTask(ConnectorTaskId id, Worker worker, long generation, ClassLoader loader, TargetState target) {
        this.id = id;
        this.worker = worker;
        this.generation = generation;
        this.loader = loader;
        this.target = target;
        this.metrics = worker.taskMetrics(id, this instanceof WorkerSourceTask, this::metricsCount);
    }

    /**
     * @return for the task's metrics: a source task's records waiting for Kafka's acknowledgement, a
     *     sink task's assigned partitions; read from JMX threads
     */
    protected abstract int metricsCount();

    ConnectorTaskId id() {
        return id;
    }

    /** Creates plugins and clients and starts the plugin task; on the task thread. */
    protected abstract void initializeAndStart() throws Exception;

    /** The pipeline loop; returns when {@link #stopping} is set. On the task thread. */
    protected abstract void execute() throws Exception;

    /**
     * Tears down: final commit (unless failed or cancelled), plugin {@code stop}, clients, plugins.
     * On the task thread, with no interrupt pending.
     *
     * @param failed whether the task failed
     */
    protected abstract void close(boolean failed);

    /** Wakes the pipeline so that it notices {@link #stopping}; called on the stopping thread. */
    protected abstract void wake();

    /** @return whether {@link #triggerStop()} interrupts the task thread (source tasks: yes) */
    protected boolean interruptOnStop() {
        return true;
    }

    /** Releases what can be released from another thread when the task is abandoned. */
    protected void onCancel() {
    }

    /** Called when the target state changes, on the changing thread. */
    protected void onTargetStateChange() {
    }

    @Override
    public final void run() {
        synchronized (interruptLock) {
            thread = Thread.currentThread();
        }
        thread.setContextClassLoader(loader);
        Throwable failure = null;
        boolean started = false;
        try {
            initializeAndStart();
            started = true;
            worker.taskStartOutcome(true);
            if (!stopping) {
                reportTargetState();
                setInterruptible(true);
                execute();
            }
        } catch (Throwable t) {
            if (!started) {
                worker.taskStartOutcome(false);
            }
            if (!(stopping && isInterruption(t))) {
                failure = t;
            }
        } finally {
            setInterruptible(false);
            Thread.interrupted(); // teardown must not be cut short by our own interrupt
            try {
                close(failure != null);
            } catch (Throwable t) {
                log.error("Task {} failed while shutting down", id, t);
                if (failure == null) {
                    failure = t;
                }
            }
            if (failure != null) {
                log.error("Task {} failed; it will not run again until restarted", id, failure);
                status(State.FAILED, Worker.trace(failure));
            } else if (!cancelled) {
                status(State.UNASSIGNED, null);
            }
            worker.closeTaskMetrics(id, metrics);
            exited.countDown();
        }
    }

    private static boolean isInterruption(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InterruptedException || c instanceof InterruptException
                    || c instanceof org.apache.kafka.common.errors.WakeupException
                    || c instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    private void setInterruptible(boolean value) {
        synchronized (interruptLock) {
            interruptible = value;
        }
    }

    /** Asks the task to stop; returns at once. Idempotent. */
    void triggerStop() {
        if (stopping) {
            return;
        }
        stopping = true;
        try {
            wake();
        } catch (Throwable t) {
            log.warn("Task {}: waking it up to stop failed", id, t);
        }
        if (interruptOnStop()) {
            interruptIfInLoop();
        }
    }

    protected final void interruptIfInLoop() {
        synchronized (interruptLock) {
            if (interruptible && thread != null) {
                thread.interrupt();
            }
        }
    }

    /**
     * @param timeoutMs how long to wait
     * @return whether the task thread finished in time
     */
    boolean awaitStop(long timeoutMs) {
        try {
            return exited.await(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives up on a task that did not stop in time: it commits nothing more; its thread is abandoned. */
    void cancel() {
        cancelled = true;
        log.error("Task {} did not stop within the graceful timeout (task.shutdown.graceful.timeout.ms); "
                + "abandoning its thread {}", id, thread == null ? "(not started)" : thread.getName());
        interruptIfInLoop();
        try {
            onCancel();
        } catch (Throwable t) {
            log.warn("Task {}: releasing resources of the abandoned task failed", id, t);
        }
    }

    void transitionTo(TargetState state) {
        target = state;
        onTargetStateChange();
    }

    /** Writes RUNNING or PAUSED when it differs from what was last written; on the task thread. */
    protected final void reportTargetState() {
        State s = target == TargetState.PAUSED ? State.PAUSED : State.RUNNING;
        if (s != reported) {
            reported = s;
            status(s, null);
            log.info("Task {} is {}", id, s);
        }
    }

    private void status(State state, String trace) {
        worker.taskStatus(id, state, trace, generation);
        metrics.state(state.name().toLowerCase(Locale.ROOT));
    }
}
