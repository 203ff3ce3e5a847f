package io.connectsdk.testkit.assertions.connector;

import io.connectsdk.runtime.herder.ConnectorStateInfo;
import io.connectsdk.runtime.herder.ConnectorStateInfo.TaskState;
import io.connectsdk.runtime.herder.NotFoundException;
import io.connectsdk.runtime.herder.State;
import io.connectsdk.testkit.assertions.WaitingAssert;
import io.connectsdk.testkit.connect.ConnectorRef;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Assertions on a connector of a {@link io.connectsdk.testkit.connect.ConnectCluster} and its
 * tasks, each waiting up to {@link #within(Duration) a bound} for the status to match.
 *
 * <pre>{@code
 * assertThat(connect.connector("orders")).within(Duration.ofSeconds(30))
 *         .isRunning().hasTaskCount(2).allTasksRunning();
 * assertThat(connect.connector("broken")).taskIsFailed(0).withTraceContaining("Connection refused");
 * assertThat(connect.connector("bad-config")).isFailed().withTraceContaining("topic");
 * }</pre>
 *
 * <p>A check that cannot hold any more fails at once instead of waiting out the bound: waiting for
 * {@code RUNNING} stops at a {@code FAILED} connector or task (only a restart would change that).
 * Every failure message shows the expectation, the bound and the whole status seen last, in the
 * JSON shape of {@code GET /connectors/{name}/status} with failure traces written out.
 *
 * <p>Not thread-safe, like every AssertJ assertion.
 */
public class ConnectorAssert extends WaitingAssert<ConnectorAssert, ConnectorRef> {
    private static final int NO_TASK = -1;

    /** What {@link #withTraceContaining} looks at: the connector, or a task. */
    private Integer focus;

    /**
     * @param connector the connector, not {@code null}
     */
    public ConnectorAssert(ConnectorRef connector) {
        super(Objects.requireNonNull(connector, "connector"), ConnectorAssert.class);
    }

    /** One look at the connector: its status, or why there is none. */
    record Snapshot(ConnectorStateInfo status, String absent) {
        List<TaskState> tasks() {
            return status == null ? List.of() : status.tasks();
        }

        State state() {
            return status == null ? null : status.connector().state();
        }

        TaskState task(int id) {
            for (TaskState t : tasks()) {
                if (t.id() == id) {
                    return t;
                }
            }
            return null;
        }
    }

    /**
     * Waits until the connector exists.
     *
     * @return this assertion
     */
    public ConnectorAssert exists() {
        return check("to exist", s -> s.status() != null ? Verdict.MATCH : Verdict.NOT_YET);
    }

    /**
     * Waits until the connector does not exist (e.g. after a delete).
     *
     * @return this assertion
     */
    public ConnectorAssert doesNotExist() {
        return check("not to exist", s -> s.status() == null ? Verdict.MATCH : Verdict.NOT_YET);
    }

    /**
     * Waits until the connector instance is {@code RUNNING}; fails at once when it is {@code FAILED}.
     *
     * @return this assertion
     */
    public ConnectorAssert isRunning() {
        return check("to be RUNNING", s -> s.state() == State.RUNNING ? Verdict.MATCH
                : s.state() == State.FAILED ? Verdict.NEVER : Verdict.NOT_YET);
    }

    /**
     * Waits until the connector instance is {@code PAUSED}.
     *
     * @return this assertion
     */
    public ConnectorAssert isPaused() {
        return isInState(State.PAUSED);
    }

    /**
     * Waits until the connector is {@code STOPPED} ({@code ConnectCluster.stopConnector}).
     *
     * @return this assertion
     */
    public ConnectorAssert isStopped() {
        return isInState(State.STOPPED);
    }

    /**
     * Waits until the connector instance is {@code FAILED}; then {@link #withTraceContaining}
     * checks its trace.
     *
     * @return this assertion
     */
    public ConnectorAssert isFailed() {
        isInState(State.FAILED);
        focus = NO_TASK;
        return myself;
    }

    /**
     * Waits until the connector instance is in the state.
     *
     * @param state the expected state
     * @return this assertion
     */
    public ConnectorAssert isInState(State state) {
        Objects.requireNonNull(state, "state");
        return check("to be " + state, s -> s.state() == state ? Verdict.MATCH : Verdict.NOT_YET);
    }

    /**
     * Waits until the connector has exactly this many tasks.
     *
     * @param count the expected number of tasks
     * @return this assertion
     */
    public ConnectorAssert hasTaskCount(int count) {
        return check("to have " + count + " task(s)", s -> s.status() != null && s.tasks().size() == count
                ? Verdict.MATCH : Verdict.NOT_YET);
    }

    /**
     * Waits until the connector has at least one task and all its tasks are {@code RUNNING}; fails at
     * once when a task is {@code FAILED}.
     *
     * @return this assertion
     */
    public ConnectorAssert allTasksRunning() {
        return check("to have all its tasks RUNNING (at least one)", s -> {
            if (s.tasks().stream().anyMatch(t -> t.state() == State.FAILED)) {
                return Verdict.NEVER;
            }
            return !s.tasks().isEmpty() && s.tasks().stream().allMatch(t -> t.state() == State.RUNNING)
                    ? Verdict.MATCH : Verdict.NOT_YET;
        });
    }

    /**
     * Waits until the connector has at least one task and all its tasks are in the state.
     *
     * @param state the expected state, e.g. {@code PAUSED}
     * @return this assertion
     */
    public ConnectorAssert allTasksInState(State state) {
        Objects.requireNonNull(state, "state");
        return check("to have all its tasks " + state + " (at least one)", s -> !s.tasks().isEmpty()
                && s.tasks().stream().allMatch(t -> t.state() == state) ? Verdict.MATCH : Verdict.NOT_YET);
    }

    /**
     * Waits until task {@code id} is {@code RUNNING}; fails at once when it is {@code FAILED}.
     *
     * @param id the task number, from 0
     * @return this assertion
     */
    public ConnectorAssert taskIsRunning(int id) {
        return check("to have task " + id + " RUNNING", s -> {
            TaskState t = s.task(id);
            return t == null ? Verdict.NOT_YET : t.state() == State.RUNNING ? Verdict.MATCH
                    : t.state() == State.FAILED ? Verdict.NEVER : Verdict.NOT_YET;
        });
    }

    /**
     * Waits until task {@code id} is {@code FAILED}; then {@link #withTraceContaining} checks its trace.
     *
     * @param id the task number, from 0
     * @return this assertion
     */
    public ConnectorAssert taskIsFailed(int id) {
        taskIsInState(id, State.FAILED);
        focus = id;
        return myself;
    }

    /**
     * Waits until task {@code id} is in the state.
     *
     * @param id the task number, from 0
     * @param state the expected state
     * @return this assertion
     */
    public ConnectorAssert taskIsInState(int id, State state) {
        Objects.requireNonNull(state, "state");
        return check("to have task " + id + " " + state, s -> {
            TaskState t = s.task(id);
            return t != null && t.state() == state ? Verdict.MATCH : Verdict.NOT_YET;
        });
    }

    /**
     * Checks the failure trace of what the previous {@link #isFailed()} or {@link #taskIsFailed(int)}
     * found failed.
     *
     * @param text expected somewhere in the trace (the exception's class, message and stack)
     * @return this assertion
     * @throws IllegalStateException when neither was called before
     */
    public ConnectorAssert withTraceContaining(String text) {
        Objects.requireNonNull(text, "text");
        if (focus == null) {
            throw new IllegalStateException("withTraceContaining(...) follows isFailed() or taskIsFailed(n)");
        }
        int f = focus;
        String subject = f == NO_TASK ? "its connector instance" : "task " + f;
        return check("to have " + subject + " FAILED with a trace containing \"" + text + "\"", s -> {
            String trace = f == NO_TASK ? (s.status() == null ? null : s.status().connector().trace())
                    : (s.task(f) == null ? null : s.task(f).trace());
            return trace == null ? Verdict.NOT_YET : trace.contains(text) ? Verdict.MATCH : Verdict.NEVER;
        });
    }

    /**
     * Checks, for the whole period, that the connector and all its tasks (at least one) stay
     * {@code RUNNING}; fails as soon as they are not (first waiting, within the bound, until they are).
     *
     * @param period how long they must keep running
     * @return this assertion
     */
    public ConnectorAssert staysRunningFor(Duration period) {
        Objects.requireNonNull(period, "period");
        isRunning().allTasksRunning();
        awaitHoldsFor(actual + " and all its tasks to stay RUNNING", period, this::probe,
                s -> s.state() == State.RUNNING && !s.tasks().isEmpty()
                        && s.tasks().stream().allMatch(t -> t.state() == State.RUNNING),
                this::describe);
        return myself;
    }

    /**
     * Runs a waiting check on the connector's status.
     *
     * @param expectation completes "Expecting connector 'x' ..."
     * @param judge the verdict on a snapshot
     * @return this assertion
     */
    private ConnectorAssert check(String expectation, java.util.function.Function<Snapshot, Verdict> judge) {
        awaitVerdict(actual + " " + expectation, this::probe, judge, this::describe);
        return myself;
    }

    private Snapshot probe() {
        try {
            return new Snapshot(actual.cluster().connectorStatus(actual.name()), null);
        } catch (NotFoundException e) {
            Set<String> names;
            try {
                names = actual.cluster().connectors();
            } catch (RuntimeException other) {
                names = Set.of();
            }
            return new Snapshot(null, actual + " does not exist (the cluster's connectors: " + names + ")");
        } catch (IllegalStateException e) {
            return new Snapshot(null, e.getMessage());
        }
    }

    private String describe(Snapshot s) {
        return s.status() == null ? s.absent() : "its status was:\n" + StatusFormat.format(s.status());
    }
}
