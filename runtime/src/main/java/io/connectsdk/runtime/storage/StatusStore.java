package io.connectsdk.runtime.storage;

import io.connectsdk.runtime.herder.ConnectorTaskId;
import io.connectsdk.runtime.herder.State;
import java.util.List;
import java.util.Objects;

/**
 * Where the states of connectors and tasks live: in memory in standalone mode
 * ({@link MemoryStatusStore}), in a compacted Kafka topic in distributed mode.
 *
 * <p>Every status carries a <em>generation</em>: each start of a connector or task gets a higher
 * one, and {@link #putSafe} ignores a status older than the stored one, so that a late report of
 * a stopped (or abandoned) instance cannot overwrite the state of its successor.
 *
 * <p>Thread-safe.
 */
public interface StatusStore {
    /**
     * The state of a connector instance.
     *
     * @param connector the connector's name, never {@code null}
     * @param state its state, never {@code null}
     * @param trace the stack trace of a failure, or {@code null}
     * @param workerId the worker that runs it, never {@code null}
     * @param generation the start it belongs to
     */
    record ConnectorStatus(String connector, State state, String trace, String workerId, long generation) {
        /** Checks that the name, state and worker id are present. */
        public ConnectorStatus {
            Objects.requireNonNull(connector, "connector");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(workerId, "workerId");
        }
    }

    /**
     * The state of a task.
     *
     * @param id the task, never {@code null}
     * @param state its state, never {@code null}
     * @param trace the stack trace of a failure, or {@code null}
     * @param workerId the worker that runs it, never {@code null}
     * @param generation the start it belongs to
     */
    record TaskStatus(ConnectorTaskId id, State state, String trace, String workerId, long generation) {
        /** Checks that the id, state and worker id are present. */
        public TaskStatus {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(workerId, "workerId");
        }
    }

    /** Stores a connector status unless a newer generation is stored. */
    void putSafe(ConnectorStatus status);

    /** Stores a task status unless a newer generation is stored. */
    void putSafe(TaskStatus status);

    /** @return the connector's status, or {@code null} when none is stored */
    ConnectorStatus get(String connector);

    /** @return the task's status, or {@code null} when none is stored */
    TaskStatus get(ConnectorTaskId id);

    /** @return the statuses of the connector's tasks, by task number; never {@code null} */
    List<TaskStatus> tasks(String connector);

    /** Forgets a connector and all its tasks (the connector was deleted). */
    void remove(String connector);

    /** Forgets one task (it no longer exists after a reconfiguration). */
    void remove(ConnectorTaskId id);
}
