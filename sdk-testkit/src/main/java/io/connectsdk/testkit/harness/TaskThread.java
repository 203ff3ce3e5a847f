package io.connectsdk.testkit.harness;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One daemon thread on which a harness runs a plugin's calls, one at a time, each bounded by a
 * timeout. A call that overruns keeps running (a thread cannot be killed); the harness reports it
 * with the thread's stack, so the test shows where the plugin is stuck.
 */
final class TaskThread {
    private final String name;
    private final ExecutorService executor;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object idleLock = new Object();
    private volatile Thread thread;
    private volatile String currentCall;

    TaskThread(String name) {
        this.name = name;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    String name() {
        return name;
    }

    /** Submits a call; {@code entered} completes when the call begins on the task thread. */
    <V> Future<V> submit(String what, Callable<V> call, CompletableFuture<Void> entered) {
        inFlight.incrementAndGet();
        return executor.submit(() -> {
            currentCall = what;
            try {
                if (entered != null) {
                    entered.complete(null);
                }
                return call.call();
            } finally {
                currentCall = null;
                synchronized (idleLock) {
                    inFlight.decrementAndGet();
                    idleLock.notifyAll();
                }
            }
        });
    }

    /**
     * Runs a call on the task thread and waits for it.
     *
     * @param hint appended to the violation message when the call overruns
     * @throws ContractViolationError when the call does not return within {@code timeout}
     */
    <V> V call(String what, Callable<V> call, Duration timeout, Supplier<String> hint) {
        Future<V> future = submit(what, call, null);
        return await(future, what, timeout, hint);
    }

    <V> V await(Future<V> future, String what, Duration timeout, Supplier<String> hint) {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new ContractViolationError("Expected " + what + " to return within " + Durations.format(timeout)
                    + ", but it was still running after " + Durations.format(timeout) + ". " + hint.get()
                    + "\n" + stackReport());
        } catch (ExecutionException e) {
            throw rethrow(what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + what, e);
        }
    }

    /** @return whether no call is running or queued, after waiting up to {@code timeout} for that */
    boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idleLock) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(idleLock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    boolean isBusy() {
        return inFlight.get() > 0;
    }

    boolean isCurrentThread() {
        return Thread.currentThread() == thread;
    }

    void interrupt() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** @return where the task thread is, for messages */
    String stackReport() {
        Thread t = thread;
        String call = currentCall;
        if (t == null) {
            return "Task thread '" + name + "' has not started.";
        }
        StringBuilder sb = new StringBuilder("Task thread '").append(name).append("' (state ")
                .append(t.getState()).append(call == null ? "" : ", inside " + call).append(") is at:");
        for (StackTraceElement e : t.getStackTrace()) {
            sb.append("\n\tat ").append(e.getClassName()).append('.').append(e.getMethodName()).append('(')
                    .append(e.getFileName() == null ? "Unknown Source" : e.getFileName())
                    .append(e.getLineNumber() >= 0 ? ":" + e.getLineNumber() : "").append(')');
        }
        return sb.toString();
    }

    /** Stops accepting calls; a stuck call is abandoned (the thread is a daemon). */
    void shutdown() {
        executor.shutdownNow();
    }

    /** Unwraps a plugin's exception: runtime exceptions and errors unchanged, checked ones wrapped. */
    static RuntimeException rethrow(String what, Throwable cause) {
        if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        throw new IllegalStateException(what + " threw " + cause, cause);
    }
}
