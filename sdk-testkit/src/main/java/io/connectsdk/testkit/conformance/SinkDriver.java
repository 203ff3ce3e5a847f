package io.connectsdk.testkit.conformance;

import io.connectsdk.api.sink.SinkTask;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Drives one sink task on a thread of its own where the harness cannot: to abandon a task as a
 * crashed worker would (nothing more is called on it), and to interrupt a task blocked in
 * {@code put} as the runtime does when a task overruns its graceful shutdown. Calls run one at a
 * time on the task thread, with the task's class loader as context loader.
 */
final class SinkDriver {
    private final ExecutorService executor;
    private volatile Thread thread;
    final SinkTask task;
    final Contexts.SinkTaskCtx context;

    SinkDriver(SinkTask task, Contexts.SinkTaskCtx context, String name) {
        this.task = task;
        this.context = context;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "conformance-sink-task-" + name);
            t.setDaemon(true);
            t.setContextClassLoader(task.getClass().getClassLoader());
            thread = t;
            return t;
        });
    }

    /** Submits a call without waiting. */
    <V> Future<V> submit(Callable<V> call) {
        return executor.submit(call);
    }

    /**
     * Runs a call on the task thread and waits for it.
     *
     * @throws AssertionError when it does not return within {@code timeout}
     */
    <V> V call(String what, Callable<V> call, Duration timeout) {
        Future<V> f = submit(call);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("Expected " + what + " to return within " + timeout.toMillis() + " ms, but it was still"
                    + " running:" + stack());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(what + " threw " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    void interrupt() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** @return where the task thread is, for messages */
    String stack() {
        Thread t = thread;
        if (t == null) {
            return " (the task thread has not started)";
        }
        StringBuilder sb = new StringBuilder("\n  task thread '" + t.getName() + "' (" + t.getState() + ")");
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 12); i++) {
            sb.append("\n      at ").append(frames[i]);
        }
        return sb.toString();
    }

    /** Stops accepting calls; a stuck call is abandoned (a daemon thread). */
    void shutdown() {
        executor.shutdownNow();
    }
}
