package io.connectsdk.runtime.standalone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.runtime.config.ConnectorConfig;
import io.connectsdk.runtime.worker.TargetState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One connector file given to a standalone worker, in any of the three forms Kafka Connect's
 * {@code connect-standalone.sh} accepts (KIP-980):
 * <ul>
 *   <li>a Java properties file ({@code name=...}, {@code connector.class=...});</li>
 *   <li>a JSON object of the configuration, {@code {"name": "...", "connector.class": "...", ...}};</li>
 *   <li>the JSON body of {@code POST /connectors}, {@code {"name": "...", "config": {...},
 *       "initial_state": "RUNNING" | "PAUSED" | "STOPPED"}}, where {@code initial_state} (default
 *       {@code RUNNING}) says how the connector starts.</li>
 * </ul>
 * A file whose first non-blank character is <code>{</code> is read as JSON, any other as properties.
 * JSON values may be strings, numbers or booleans (they become their text).
 *
 * @param config the connector's configuration, with its {@code name}
 * @param initialState how it starts: {@link TargetState#STARTED} unless the file says otherwise
 */
public record ConnectorFile(Map<String, String> config, TargetState initialState) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> REQUEST_FIELDS = Set.of("name", "config", "initial_state");

    /**
     * @param file the file
     * @return its connector
     * @throws ConfigException naming the file (and the JSON field or line) when it is missing, cannot
     *     be read, or is malformed; a file without a {@code name} is not refused here (the launcher
     *     names that problem itself)
     */
    public static ConnectorFile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("Connector file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("Connector file " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (!text.strip().startsWith("{")) {
            return new ConnectorFile(Standalone.loadProperties(file), TargetState.STARTED);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException("Connector file " + file + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "): "
                    + e.getOriginalMessage());
        }
        JsonNode config = root.get("config");
        if (config == null || !config.isObject()) {
            return new ConnectorFile(strings(file, root, ""), TargetState.STARTED);
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!REQUEST_FIELDS.contains(field)) {
                throw new ConfigException("Connector file " + file + ": unknown field \"" + field + "\" next to "
                        + "\"config\"; the POST /connectors form has \"name\", \"config\" and \"initial_state\"");
            }
        }
        JsonNode name = root.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw new ConfigException("Connector file " + file + ": \"name\" must be the connector's name, a string");
        }
        Map<String, String> props = strings(file, config, "config.");
        String configName = props.get(ConnectorConfig.NAME_CONFIG);
        if (configName != null && !configName.trim().equals(name.asText().trim())) {
            throw new ConfigException("Connector file " + file + ": \"config\" has name " + configName
                    + ", which differs from \"name\": " + name.asText());
        }
        props.put(ConnectorConfig.NAME_CONFIG, name.asText().trim());
        return new ConnectorFile(props, initialState(file, root.get("initial_state")));
    }

    private static TargetState initialState(Path file, JsonNode state) {
        if (state == null || state.isNull()) {
            return TargetState.STARTED;
        }
        String s = state.isTextual() ? state.asText().trim().toUpperCase(Locale.ROOT) : "";
        switch (s) {
            case "RUNNING":
                return TargetState.STARTED;
            case "PAUSED":
                return TargetState.PAUSED;
            case "STOPPED":
                return TargetState.STOPPED;
            default:
                throw new ConfigException("Connector file " + file + ": \"initial_state\" is " + state
                        + "; it must be RUNNING, PAUSED or STOPPED");
        }
    }

    private static Map<String, String> strings(Path file, JsonNode object, String prefix) {
        Map<String, String> props = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isContainerNode()) {
                throw new ConfigException("Connector file " + file + ": \"" + prefix + e.getKey() + "\" is a JSON "
                        + (v.isArray() ? "array" : "object") + "; configuration values are strings, numbers or "
                        + "booleans" + (prefix.isEmpty() ? " (for the POST /connectors form, put them under \"config\")"
                                : ""));
            }
            if (v.isNull()) {
                throw new ConfigException("Connector file " + file + ": \"" + prefix + e.getKey() + "\" is null; give "
                        + "it a value or leave the key out");
            }
            props.put(e.getKey(), v.asText());
        }
        return props;
    }
}
