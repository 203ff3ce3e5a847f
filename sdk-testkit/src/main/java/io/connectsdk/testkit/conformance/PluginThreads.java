package io.connectsdk.testkit.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the threads a plugin started and left running, for {@code LIFECYCLE-NO-LEAKED-THREADS}.
 *
 * <p>The suite calls the plugin with a fresh marker class loader as the thread context class
 * loader. A thread inherits its creator's context class loader, so every thread that plugin code
 * (or a harness thread that runs plugin code) starts carries the marker, while threads started by
 * anything else (a broker, JUnit, the JDK's common pool) do not. The threads of the test kit's own
 * harnesses are not counted.
 */
final class PluginThreads {
    /** Thread name prefixes of the test kit's harnesses and of this package. */
    private static final List<String> OWN_PREFIXES = List.of("source-task-", "source-offset-commit-", "sink-task-",
            "conformance-");

    private PluginThreads() {
    }

    /**
     * @param parent the plugin's class loader
     * @return a new marker loader that delegates everything to {@code parent}
     */
    static ClassLoader marker(ClassLoader parent) {
        return new ClassLoader("conformance-thread-marker", parent) {
        };
    }

    /**
     * @param marker the marker loader the plugin was called with
     * @param ignorable threads the suite was told to ignore
     * @param before the threads alive before the plugin was first called
     * @return the live threads that carry the marker, are not the suite's own and were not alive before
     */
    static List<Thread> leaked(ClassLoader marker, Predicate<Thread> ignorable, Set<Thread> before) {
        List<Thread> leaked = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!t.isAlive() || before.contains(t) || t == Thread.currentThread()) {
                continue;
            }
            if (t.getContextClassLoader() != marker) {
                continue;
            }
            if (OWN_PREFIXES.stream().anyMatch(p -> t.getName().startsWith(p)) || ignorable.test(t)) {
                continue;
            }
            leaked.add(t);
        }
        return leaked;
    }

    /**
     * The default of {@link ConnectorConformance#isIgnorableThread(Thread)}: daemon threads that the
     * JDK starts for its own shared facilities and ends on its own (the JDK HTTP client's selector
     * and worker threads, which live until the client is garbage collected and cannot be closed
     * on Java 17; the common fork-join pool; cleaners; keep-alive timers).
     *
     * @param t a thread
     * @return whether it is such a JDK daemon thread
     */
    static boolean isJdkDaemon(Thread t) {
        if (!t.isDaemon()) {
            return false;
        }
        String n = t.getName();
        return n.startsWith("HttpClient-") || n.startsWith("ForkJoinPool") || n.equals("Common-Cleaner")
                || n.startsWith("Keep-Alive-") || n.equals("process reaper") || n.startsWith("InnocuousThread-")
                || n.equals("Attach Listener");
    }

    /** @return each thread with its state and top stack frames, for a failure message */
    static String describe(List<Thread> threads) {
        StringBuilder sb = new StringBuilder();
        for (Thread t : threads) {
            sb.append("\n  '").append(t.getName()).append("' (").append(t.isDaemon() ? "daemon" : "non-daemon")
                    .append(", ").append(t.getState()).append(')');
            StackTraceElement[] stack = t.getStackTrace();
            for (int i = 0; i < Math.min(stack.length, 6); i++) {
                sb.append("\n      at ").append(stack[i]);
            }
        }
        return sb.toString();
    }
}
