package io.connectsdk.examples.datagen;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A clock that only moves when the test says so; waiting returns at once and is recorded. */
final class FakeTicker implements Ticker {
    private long nanos = 1_000_000_000_000L;
    final List<Long> waits = new ArrayList<>();

    void advanceMillis(long millis) {
        nanos += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public boolean await(CountDownLatch wakeUp, long waitNanos) {
        waits.add(waitNanos);
        return wakeUp.getCount() == 0;
    }

    long lastWaitMillis() {
        return TimeUnit.NANOSECONDS.toMillis(waits.get(waits.size() - 1));
    }
}
