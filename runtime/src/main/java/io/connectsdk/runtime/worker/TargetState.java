package io.connectsdk.runtime.worker;

/** What the user wants a connector and its tasks to do. */
public enum TargetState {
    /** Run: the connector is started and its tasks move data. */
    STARTED,
    /**
     * Paused: the connector instance is stopped, its tasks stay assigned but move no data (source
     * tasks are not polled; sink tasks' partitions are paused).
     */
    PAUSED,
    /**
     * Stopped (Kafka Connect's {@code PUT /connectors/{name}/stop}): the connector instance and its
     * tasks are shut down and its task configurations dropped; only a herder holds this target, the
     * worker never runs anything in it. The connector's offsets can be altered or reset while it is
     * stopped; resuming starts it again.
     */
    STOPPED
}
