package io.connectsdk.cli;

/**
 * Where a long-running command registers what SIGINT (Ctrl-C) and SIGTERM must run. The process
 * uses {@link #JVM} (the JVM's shutdown hooks); tests pass their own and call the registered hook
 * themselves, so that they exercise exactly the stop path a signal takes.
 */
interface ShutdownHooks {
    /** The JVM's shutdown hooks: run on SIGINT, SIGTERM and {@code System.exit}. */
    ShutdownHooks JVM = (name, hook) -> {
        Thread thread = new Thread(hook, name);
        Runtime.getRuntime().addShutdownHook(thread);
        return () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(thread);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running or has run
            }
        };
    };

    /**
     * @param name a name for the hook (the JVM's hook thread is named so)
     * @param hook what to run; must be bounded in time
     * @return unregisters the hook; does nothing when it is running or has run
     */
    Runnable register(String name, Runnable hook);
}
