package io.connectsdk.runtime.herder;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A task and its configuration: an element of {@code GET /connectors/{name}/tasks}
 * ({@code {"id":{"connector":..,"task":0},"config":{..}}}).
 *
 * @param id the task
 * @param config the task's configuration as the connector produced it
 */
public record TaskInfo(@JsonProperty("id") ConnectorTaskId id, @JsonProperty("config") Map<String, String> config) {
}
