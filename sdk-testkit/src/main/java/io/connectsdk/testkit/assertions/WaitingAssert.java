package io.connectsdk.testkit.assertions;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.assertj.core.api.AbstractAssert;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The base of assertions about things that change over time (a topic filling up; later, a
 * connector's state): each check is retried until it holds or a bound passes, and a failure shows
 * what was expected and the last state seen.
 *
 * <p>Subclasses implement checks with {@link #awaitVerdict}: a <em>probe</em> takes a snapshot of
 * the subject, a <em>judge</em> gives a {@link Verdict} on it, and a <em>describer</em> turns the
 * last snapshot into the "but ..." part of a failure message. Waiting uses Awaitility, polling in
 * the calling thread, bounded by {@link #within(Duration)} (default
 * {@link ConnectAssertions#defaultTimeout()}).
 *
 * <p>Not thread-safe, like every AssertJ assertion object.
 *
 * @param <SELF> the concrete assertion type, for fluent chaining
 * @param <ACTUAL> the subject
 */
public abstract class WaitingAssert<SELF extends WaitingAssert<SELF, ACTUAL>, ACTUAL> extends AbstractAssert<SELF, ACTUAL> {

    /** What a judge says about one snapshot. */
    public enum Verdict {
        /** The expectation holds: stop waiting, pass. */
        MATCH,
        /** Not yet: take another snapshot, until the bound. */
        NOT_YET,
        /** It can never hold any more (e.g. more records than expected): fail now. */
        NEVER
    }

    private Duration timeout = ConnectAssertions.defaultTimeout();
    private Duration pollInterval = Duration.ofMillis(50);

    /**
     * @param actual the subject, not {@code null}
     * @param selfType the concrete assertion class
     */
    protected WaitingAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * @param bound how long each following check may wait for its expectation, positive
     * @return this assertion
     */
    public SELF within(Duration bound) {
        Objects.requireNonNull(bound, "bound");
        if (bound.isNegative() || bound.isZero()) {
            throw new IllegalArgumentException("within(...) needs a positive duration, was " + bound);
        }
        this.timeout = bound;
        return myself;
    }

    /**
     * @param interval the pause between two snapshots (default 50 ms; a probe that blocks itself,
     *     like a Kafka poll, adds its own wait), positive
     * @return this assertion
     */
    public SELF pollInterval(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("pollInterval(...) needs a positive duration, was " + interval);
        }
        this.pollInterval = interval;
        return myself;
    }

    /** @return the bound of each check */
    protected Duration timeout() {
        return timeout;
    }

    /**
     * Takes snapshots until the judge says {@link Verdict#MATCH} (returns) or
     * {@link Verdict#NEVER} (fails at once), or the bound passes (fails).
     *
     * @param expectation what is expected, completing "Expecting ...", e.g. {@code "topic 'orders' to have 3 records"}
     * @param probe takes a snapshot of the subject; may block briefly
     * @param judge says whether the snapshot satisfies the expectation
     * @param describe the state seen, completing "but ...", e.g. {@code "it had 2 records: ..."}
     * @param <S> the snapshot type
     * @return the snapshot that matched
     * @throws AssertionError with the expectation, the bound and the last state seen
     */
    protected <S> S awaitVerdict(String expectation, Supplier<S> probe, Function<S, Verdict> judge,
                                 Function<S, String> describe) {
        isNotNull();
        AtomicReference<S> last = new AtomicReference<>();
        AtomicReference<Verdict> verdict = new AtomicReference<>(Verdict.NOT_YET);
        try {
            Awaitility.await().atMost(timeout).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(pollInterval)
                    .until(() -> {
                        S snapshot = probe.get();
                        last.set(snapshot);
                        verdict.set(judge.apply(snapshot));
                        return verdict.get() != Verdict.NOT_YET;
                    });
        } catch (ConditionTimeoutException e) {
            S snapshot = last.get();
            fail("Expecting " + expectation + " within " + format(timeout) + ",\nbut "
                    + (snapshot == null ? "no snapshot could be taken" : describe.apply(snapshot)));
        }
        if (verdict.get() == Verdict.NEVER) {
            fail("Expecting " + expectation + " (checked for up to " + format(timeout) + "),\nbut "
                    + describe.apply(last.get()));
        }
        return last.get();
    }

    /**
     * Takes snapshots for the whole of {@code period} and fails as soon as one does not satisfy
     * {@code holds}.
     *
     * @param expectation what is expected, completing "Expecting ..."
     * @param period how long the expectation must hold, positive
     * @param probe takes a snapshot of the subject
     * @param holds whether a snapshot satisfies the expectation
     * @param describe the state seen, completing "but ..."
     * @param <S> the snapshot type
     * @return the last snapshot
     */
    protected <S> S awaitHoldsFor(String expectation, Duration period, Supplier<S> probe,
                                  java.util.function.Predicate<S> holds, Function<S, String> describe) {
        isNotNull();
        AtomicReference<S> last = new AtomicReference<>();
        AtomicReference<Boolean> broken = new AtomicReference<>(false);
        try {
            Awaitility.await().during(period).atMost(period.plus(Duration.ofSeconds(5))).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(pollInterval)
                    .failFast(broken::get)
                    .until(() -> {
                        S snapshot = probe.get();
                        last.set(snapshot);
                        boolean ok = holds.test(snapshot);
                        broken.set(!ok);
                        return ok;
                    });
        } catch (ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            fail("Expecting " + expectation + " for " + format(period) + ",\nbut " + describe.apply(last.get()));
        }
        return last.get();
    }

    /**
     * Fails this assertion with the message (prefixed by a description given with {@code as(...)}).
     *
     * @param message the whole message
     */
    protected void fail(String message) {
        failWithMessage("%s", message);
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}
