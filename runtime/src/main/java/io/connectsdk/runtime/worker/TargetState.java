package io.connectsdk.runtime.worker;

/** What the user wants a connector and its tasks to do. */
public enum TargetState {
    /** Run: the connector is started and its tasks move data. */
    STARTED,
    /**
     * Paused: the connector instance is stopped, its tasks stay assigned but move no data (source
     * tasks are not polled; sink tasks' partitions are paused).
     */
    PAUSED
}
