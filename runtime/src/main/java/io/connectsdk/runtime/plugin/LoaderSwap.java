package io.connectsdk.runtime.plugin;

import java.util.Objects;

/**
 * Sets the current thread's context class loader for the duration of a {@code try} block and
 * restores the previous one on {@link #close()}. Every call into plugin code runs inside one, with
 * the plugin's loader, so that libraries that look at the context loader (JDBC's
 * {@code DriverManager}, {@code ServiceLoader.load(Class)}, JAXB, logging back-ends, ...) see the
 * plugin's classes:
 * <pre>{@code
 * try (LoaderSwap swap = LoaderSwap.forPlugin(connector)) {
 *     connector.start(props);
 * }
 * }</pre>
 *
 * <p><b>Threading.</b> Affects only the thread that created it; close it on that same thread (a
 * {@code try}-with-resources block does). Not reusable: {@link #close()} restores once, later calls
 * do nothing.
 */
public final class LoaderSwap implements AutoCloseable {
    private final Thread thread;
    private final ClassLoader previous;
    private boolean closed;

    private LoaderSwap(ClassLoader loader) {
        this.thread = Thread.currentThread();
        this.previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
    }

    /**
     * @param loader the loader to make current, never {@code null}
     * @return a swap to close when the plugin call returns
     */
    public static LoaderSwap swap(ClassLoader loader) {
        return new LoaderSwap(Objects.requireNonNull(loader, "loader"));
    }

    /**
     * @param plugin a plugin instance (connector, task, converter, ...), never {@code null}
     * @return a swap to the loader that defined the plugin's class (the system loader for
     *     JDK-defined classes)
     */
    public static LoaderSwap forPlugin(Object plugin) {
        ClassLoader loader = Objects.requireNonNull(plugin, "plugin").getClass().getClassLoader();
        return swap(loader != null ? loader : ClassLoader.getSystemClassLoader());
    }

    /** @return the context loader that was current before this swap; may be {@code null} */
    public ClassLoader previous() {
        return previous;
    }

    /** Restores the previous context class loader. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (Thread.currentThread() != thread) {
                throw new IllegalStateException("LoaderSwap closed on " + Thread.currentThread().getName()
                        + " but opened on " + thread.getName());
            }
            thread.setContextClassLoader(previous);
        }
    }
}
