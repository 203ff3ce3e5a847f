package io.connectsdk.runtime.herder;

/** The state of a connector or task, as Kafka Connect's status API reports it. */
public enum State {
    /** Not yet assigned to a worker, or not started. */
    UNASSIGNED,
    /** Running. */
    RUNNING,
    /** Paused by the user: it holds its resources but moves no data. */
    PAUSED,
    /** Stopped by the user: its tasks are shut down. */
    STOPPED,
    /** Failed; the status carries the trace. */
    FAILED,
    /** Being restarted. */
    RESTARTING
}
