package io.connectsdk.examples.datagen;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The time source of {@link DatagenSourceTask}; tests replace it to control time. */
interface Ticker {
    /** The system's monotonic clock; waits on the latch. */
    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public boolean await(CountDownLatch wakeUp, long nanos) throws InterruptedException {
            return wakeUp.await(nanos, TimeUnit.NANOSECONDS);
        }
    };

    /** @return monotonic nanoseconds, as {@link System#nanoTime()} */
    long nanoTime();

    /**
     * Waits until {@code nanos} have passed or {@code wakeUp} opens.
     *
     * @return {@code true} when {@code wakeUp} opened
     * @throws InterruptedException when interrupted
     */
    boolean await(CountDownLatch wakeUp, long nanos) throws InterruptedException;
}
