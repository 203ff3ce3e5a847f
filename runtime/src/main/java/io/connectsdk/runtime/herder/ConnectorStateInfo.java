package io.connectsdk.runtime.herder;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A connector's status: JSON of {@code GET /connectors/{name}/status}, as Kafka Connect's
 * ({@code {"name":..,"connector":{"state":..,"worker_id":..},"tasks":[{"id":0,"state":..,"worker_id":..}],"type":..}};
 * a failed connector or task also has {@code "trace"}).
 *
 * @param name the connector's name
 * @param connector the connector instance's state
 * @param tasks the tasks' states, in task order
 * @param type source or sink
 */
public record ConnectorStateInfo(@JsonProperty("name") String name,
                                 @JsonProperty("connector") ConnectorState connector,
                                 @JsonProperty("tasks") List<TaskState> tasks,
                                 @JsonProperty("type") ConnectorType type) {

    /**
     * The state of a connector instance.
     *
     * @param state e.g. {@code RUNNING}
     * @param workerId the worker that runs it, {@code host:port}
     * @param trace the stack trace of a failure; {@code null} (omitted) otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConnectorState(@JsonProperty("state") State state,
                                 @JsonProperty("worker_id") String workerId,
                                 @JsonProperty("trace") String trace) {
    }

    /**
     * The state of a task: JSON of {@code GET /connectors/{name}/tasks/{id}/status}.
     *
     * @param id the task number
     * @param state e.g. {@code RUNNING}
     * @param workerId the worker that runs it, {@code host:port}
     * @param trace the stack trace of a failure; {@code null} (omitted) otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaskState(@JsonProperty("id") int id,
                            @JsonProperty("state") State state,
                            @JsonProperty("worker_id") String workerId,
                            @JsonProperty("trace") String trace) {
    }
}
