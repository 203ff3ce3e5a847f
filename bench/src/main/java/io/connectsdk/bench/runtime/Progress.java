package io.connectsdk.bench.runtime;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a contender JVM counts delivered records: source tasks count in {@code commitRecord}
 * (called by both workers once the producer acknowledged the record), sink tasks in {@code put},
 * the raw clients in the producer callback / after {@code poll}. The benchmark connectors run on
 * the application classpath in the contender's own JVM, so these statics are shared with the
 * harness there. One workload per JVM.
 */
public final class Progress {
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
                    first = false;
                }
            }
        }
        long c = count.addAndGet(n);
        long t = target;
        if (c >= t && c - n < t) {
            lastNanos = System.nanoTime();
            lastCpuNanos = processCpuNanos();
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
