package io.connectsdk.bench.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Where a contender JVM counts delivered records: source tasks count in {@code commitRecord}
 * (called by both workers once the producer acknowledged the record), sink tasks in {@code put},
 * the raw clients in the producer callback / after {@code poll}. The benchmark connectors run on
 * the application classpath in the contender's own JVM, so these statics are shared with the
 * harness there. One workload per JVM.
 */
public final class Progress {
    /** USER_HZ of Linux, the unit of /proc/<pid>/task/<tid>/stat's utime and stime. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    /** The thread groups of {@link #threadGroup}, in the report's order. */
    static final List<String> THREAD_GROUPS = List.of("app", "io", "jit", "gc", "other");
    private static volatile long target = Long.MAX_VALUE;
    private static final AtomicLong count = new AtomicLong();
    private static final CountDownLatch done = new CountDownLatch(1);
    private static volatile long firstNanos;
    private static volatile long firstWallMs;
    private static volatile long firstBatch;
    private static volatile long lastNanos;
    private static volatile long firstCpuNanos;
    private static volatile long lastCpuNanos;
    private static volatile boolean first = true;
    /** Per-thread CPU at the first and the target-th record, from /proc/self/task (empty where there is none). */
    private static volatile Map<String, Long> firstThreads = Map.of();
    private static volatile Map<String, Long> lastThreads = Map.of();

    private Progress() {
    }

    static void target(long records) {
        target = records;
    }

    /**
     * Counts delivered records. Thread-safe; the first call stamps the first delivery, the call that
     * reaches the target stamps the last and releases {@link #await}.
     *
     * @param n records delivered by this call
     */
    public static void add(long n) {
        if (n <= 0) {
            return;
        }
        if (first) {
            synchronized (Progress.class) {
                if (first) {
                    firstNanos = System.nanoTime();
                    firstWallMs = System.currentTimeMillis();
                    firstBatch = n;
                    firstCpuNanos = processCpuNanos();
                    firstThreads = threadTicks();
                    first = false;
                }
            }
        }
        long c = count.addAndGet(n);
        long t = target;
        if (c >= t && c - n < t) {
            lastNanos = System.nanoTime();
            lastCpuNanos = processCpuNanos();
            lastThreads = threadTicks();
            done.countDown();
        }
    }

    /** @return the CPU time of this JVM (all threads), or 0 when unknown */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return 0;
    }

    /** @return the CPU time of this JVM between the first and the target-th record */
    static long windowCpuNanos() {
        return lastCpuNanos - firstCpuNanos;
    }

    /** @return clock ticks (utime + stime) per thread, keyed by {@code tid name} */
    private static Map<String, Long> threadTicks() {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(stat.indexOf('(') + 1, close);
                    String[] f = stat.substring(close + 2).split(" ");
                    out.put(t.getFileName() + " " + name, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (IOException | RuntimeException e) {
                    // thread gone
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** @return CPU (ms) of each thread between the first and the target-th record, keyed by {@code tid name} */
    static Map<String, Long> windowThreadCpuMs() {
        Map<String, Long> out = new TreeMap<>();
        for (Map.Entry<String, Long> e : lastThreads.entrySet()) {
            long ms = (e.getValue() - firstThreads.getOrDefault(e.getKey(), 0L)) * 1000 / CLOCK_TICKS_PER_SECOND;
            if (ms > 0) {
                out.put(e.getKey(), ms);
            }
        }
        return out;
    }

    /**
     * @param threadName a thread's name as /proc shows it (at most 15 characters)
     * @return the group the report sums it into: {@code app} (the task thread, the raw clients' loop or
     *     main thread), {@code io} (the clients' network / heartbeat threads), {@code jit} (compiler
     *     threads), {@code gc} (GC and VM threads), or {@code other} (REST, herder, offset commits...)
     */
    static String threadGroup(String threadName) {
        if (threadName.contains("CompilerThre")) {
            return "jit";
        }
        if (threadName.startsWith("VM Thread") || threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")
                || threadName.startsWith("VM Periodic")) {
            return "gc";
        }
        if (threadName.startsWith("kafka-producer-") || threadName.startsWith("consumer_backgr")
                || threadName.startsWith("kafka-coordinat")) {
            return "io";
        }
        if (threadName.startsWith("task-") || threadName.startsWith("raw-") || threadName.equals("java")) {
            return "app";
        }
        return "other";
    }

    static boolean await(long timeoutMs) throws InterruptedException {
        return done.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    static long count() {
        return count.get();
    }

    static long firstNanos() {
        return firstNanos;
    }

    static long firstWallMs() {
        return firstWallMs;
    }

    static long firstBatch() {
        return firstBatch;
    }

    static long lastNanos() {
        return lastNanos;
    }
}
