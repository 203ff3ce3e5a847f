package io.connectsdk.runtime.inspect;

import io.connectsdk.runtime.plugin.LoaderSwap;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs calls into plugin code on a daemon worker thread, with the plugin's loader as context loader
 * and a time limit. A call that does not return in time is interrupted and abandoned together with
 * its thread (a daemon, so it cannot keep the JVM alive); later calls get a fresh thread.
 *
 * <p>Used by one inspection at a time; not thread-safe.
 */
final class PluginCalls implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** The outcome of a call: a value, a thrown error, or a time-out. */
    record Outcome<T>(T value, Throwable error, boolean timedOut) {
        boolean ok() {
            return error == null && !timedOut;
        }
    }

    private final Duration timeout;
    private ExecutorService executor;

    PluginCalls(Duration timeout) {
        this.timeout = timeout;
        this.executor = newExecutor();
    }

    @SuppressWarnings("try") // the swap is used for its scope
    <T> Outcome<T> call(ClassLoader loader, Callable<T> task) {
        Future<T> future = executor.submit(() -> {
            try (LoaderSwap swap = LoaderSwap.swap(loader)) {
                return task.call();
            }
        });
        try {
            return new Outcome<>(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS), null, false);
        } catch (ExecutionException e) {
            return new Outcome<>(null, e.getCause(), false);
        } catch (TimeoutException e) {
            future.cancel(true);
            executor.shutdownNow();
            executor = newExecutor();
            return new Outcome<>(null, null, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new Outcome<>(null, e, false);
        }
    }

    Duration timeout() {
        return timeout;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "connect-sdk-inspect-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
