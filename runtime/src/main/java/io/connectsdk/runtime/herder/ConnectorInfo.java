package io.connectsdk.runtime.herder;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A connector's definition: JSON of {@code GET /connectors/{name}}
 * ({@code {"name":..,"config":{..},"tasks":[{"connector":..,"task":0}],"type":"source"}}).
 *
 * @param name the connector's name
 * @param config its configuration
 * @param tasks its tasks, in task order
 * @param type source or sink
 */
public record ConnectorInfo(@JsonProperty("name") String name,
                            @JsonProperty("config") Map<String, String> config,
                            @JsonProperty("tasks") List<ConnectorTaskId> tasks,
                            @JsonProperty("type") ConnectorType type) {
}
