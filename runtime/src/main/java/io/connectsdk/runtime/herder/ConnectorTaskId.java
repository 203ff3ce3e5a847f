package io.connectsdk.runtime.herder;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Identifies one task of one connector; JSON {@code {"connector":"name","task":0}} as in Kafka
 * Connect's REST API.
 *
 * @param connector the connector's name, never {@code null}
 * @param task the task number, from 0
 */
public record ConnectorTaskId(@JsonProperty("connector") String connector, @JsonProperty("task") int task)
        implements Comparable<ConnectorTaskId> {
    /** @throws NullPointerException when {@code connector} is null */
    public ConnectorTaskId {
        Objects.requireNonNull(connector, "connector");
    }

    @Override
    public int compareTo(ConnectorTaskId o) {
        int c = connector.compareTo(o.connector);
        return c != 0 ? c : Integer.compare(task, o.task);
    }

    /** @return {@code connector-task}, as Kafka Connect names task threads and logs */
    @Override
    public String toString() {
        return connector + "-" + task;
    }
}
