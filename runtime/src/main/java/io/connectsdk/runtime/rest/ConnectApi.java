package io.connectsdk.runtime.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.connectsdk.runtime.herder.ConnectorInfo;
import io.connectsdk.runtime.herder.ConnectorOffsets;
import io.connectsdk.runtime.herder.ConnectorStateInfo;
import io.connectsdk.runtime.herder.ConnectorStateInfo.ConnectorState;
import io.connectsdk.runtime.herder.ConnectorStateInfo.TaskState;
import io.connectsdk.runtime.herder.ConnectorTaskId;
import io.connectsdk.runtime.herder.ConnectorType;
import io.connectsdk.runtime.herder.Herder;
import io.connectsdk.runtime.herder.NotFoundException;
import io.connectsdk.runtime.herder.State;
import io.connectsdk.runtime.herder.WorkerHealth;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The endpoints of Kafka Connect's REST API, with its paths and JSON shapes, answered from a
 * {@link Herder}; plus the GET forms of pause, resume and restart that the seed's table lists.
 */
final class ConnectApi {
    /**
     * The REST API's JSON mapper, made on the first request rather than when the server starts:
     * loading Jackson takes ~0.1 s of a worker's start, which the first records need more.
     */
    static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();

        private Json() {
        }
    }

    private static final Set<String> CREATE_FIELDS = Set.of("name", "config", "initial_state");
    private static final String CONNECTOR_CLASS = "connector.class";

    /** JSON of {@code GET /}. */
    record ServerInfo(@JsonProperty("version") String version,
                      @JsonProperty("commit") String commit,
                      @JsonProperty("kafka_cluster_id") String kafkaClusterId) {
    }

    private final Herder herder;
    private final Supplier<? extends Collection<PluginInfo>> plugins;
    private final String version;
    private final String commit;
    private final Router router = new Router();
    private final boolean topicTracking;

    ConnectApi(Herder herder, Supplier<? extends Collection<PluginInfo>> plugins, String version, String commit,
               boolean topicTracking) {
        this.topicTracking = topicTracking;
        this.herder = herder;
        this.plugins = plugins;
        this.version = version;
        this.commit = commit;
        router.get("/", r -> Response.ok(new ServerInfo(version, commit, herder.kafkaClusterId())))
                .get("/health", r -> {
                    WorkerHealth health = herder.health();
                    return Response.of(health.httpStatus(), health);
                })
                .get("/connectors", this::listConnectors)
                .change("POST", "/connectors", this::createConnector)
                .get("/connectors/{name}", r -> Response.ok(herder.connectorInfo(r.variable("name"))))
                .change("DELETE", "/connectors/{name}", this::deleteConnector)
                .get("/connectors/{name}/config", r -> Response.ok(herder.connectorConfig(r.variable("name"))))
                .change("PUT", "/connectors/{name}/config", this::putConfig)
                .change("PATCH", "/connectors/{name}/config", this::patchConfig)
                .get("/connectors/{name}/status", r -> Response.ok(herder.connectorStatus(r.variable("name"))))
                .get("/connectors/{name}/tasks", r -> Response.ok(herder.taskConfigs(r.variable("name"))))
                .get("/connectors/{name}/offsets", r -> Response.ok(herder.connectorOffsets(r.variable("name"))))
                .change("PATCH", "/connectors/{name}/offsets", this::alterOffsets)
                .change("DELETE", "/connectors/{name}/offsets", this::resetOffsets)
                .get("/connectors/{name}/tasks/{task}/status", r -> Response.ok(herder.taskStatus(taskId(r))))
                .get("/connectors/{name}/topics", this::activeTopics)
                .change("PUT", "/connectors/{name}/topics/reset", this::resetActiveTopics)
                .change("PUT", "/connectors/{name}/stop", this::stop)
                .change("PUT", "/connectors/{name}/pause", this::pause)
                .change("GET", "/connectors/{name}/pause", this::pause)
                .change("PUT", "/connectors/{name}/resume", this::resume)
                .change("GET", "/connectors/{name}/resume", this::resume)
                .change("POST", "/connectors/{name}/restart", this::restart)
                .change("GET", "/connectors/{name}/restart", this::restart)
                .change("POST", "/connectors/{name}/tasks/{task}/restart", this::restartTask)
                .change("GET", "/connectors/{name}/tasks/{task}/restart", this::restartTask)
                .get("/connector-plugins", this::listPlugins)
                .get("/connector-plugins/{plugin}/config", r -> Response.ok(herder.pluginConfig(r.variable("plugin"))))
                .read("PUT", "/connector-plugins/{plugin}/config/validate", this::validateConfig);
    }

    Router router() {
        return router;
    }

    String version() {
        return version;
    }

    String commit() {
        return commit;
    }

    // ---- reads

    private Response listConnectors(Request r) {
        Set<String> expand = new LinkedHashSet<>();
        for (String value : r.queryValues("expand")) {
            for (String part : value.split(",")) {
                String e = part.trim();
                if (e.isEmpty()) {
                    continue;
                }
                if (!e.equals("status") && !e.equals("info")) {
                    throw RestException.badRequest("Query parameter expand=" + e
                            + " is not supported; use expand=status and/or expand=info");
                }
                expand.add(e);
            }
        }
        Collection<String> names = herder.connectors();
        if (expand.isEmpty()) {
            return Response.ok(List.copyOf(names));
        }
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (String name : names) {
            Map<String, Object> entry = new LinkedHashMap<>();
            try {
                for (String e : expand) {
                    entry.put(e, e.equals("status") ? herder.connectorStatus(name) : herder.connectorInfo(name));
                }
            } catch (NotFoundException deletedMeanwhile) {
                continue;
            }
            result.put(name, entry);
        }
        return Response.ok(result);
    }

    /** {@code {"<name>":{"topics":[...]}}}, as Kafka Connect answers; 403 when topic tracking is off. */
    private Response activeTopics(Request r) {
        if (!topicTracking) {
            throw new RestException(403, "Topic tracking is disabled.");
        }
        String name = r.variable("name");
        return Response.ok(Map.of(name, Map.of("topics", List.copyOf(herder.connectorActiveTopics(name)))));
    }

    /** Not kept by any worker of this runtime yet: the topics are those seen since the worker started. */
    private Response resetActiveTopics(Request r) {
        if (!topicTracking) {
            throw new RestException(403, "Topic tracking is disabled.");
        }
        throw new RestException(501, "Resetting the active topics of connector " + r.variable("name") + " is not "
                + "supported; they are the topics its tasks used since the worker started");
    }

    private Response listPlugins(Request r) {
        boolean connectorsOnly = r.booleanQuery("connectorsOnly", true);
        Collection<PluginInfo> all = plugins == null ? null : plugins.get();
        Set<PluginInfo> result = new LinkedHashSet<>();
        if (all != null) {
            for (PluginInfo p : all) {
                if (p != null && (!connectorsOnly || p.isConnector())) {
                    result.add(p);
                }
            }
        }
        return Response.ok(List.copyOf(result));
    }

    /**
     * Validates a connector configuration against the plugin in the path, as Kafka Connect does:
     * the body's {@code connector.class}, when given, must be that plugin (the path may omit the
     * package and the {@code Connector} suffix); when absent, the path's plugin is used.
     */
    private Response validateConfig(Request r) {
        String plugin = r.variable("plugin").trim();
        JsonNode body = parseObject(r, "a JSON object of connector configuration");
        Map<String, String> config = configMap(body, true);
        String included = config.get(CONNECTOR_CLASS);
        if (included == null) {
            config.put(CONNECTOR_CLASS, plugin);
        } else if (!withoutConnectorSuffix(included.trim()).endsWith(withoutConnectorSuffix(plugin))) {
            throw RestException.badRequest(CONNECTOR_CLASS + " " + included + " in the request body does not match "
                    + "the connector plugin " + plugin + " of the path");
        }
        return Response.ok(herder.validateConnectorConfig(config));
    }

    private static String withoutConnectorSuffix(String name) {
        String suffix = "Connector";
        return name.endsWith(suffix) && name.length() > suffix.length()
                ? name.substring(0, name.length() - suffix.length()) : name;
    }

    // ---- changes

    private Response createConnector(Request r) {
        JsonNode body = parseObject(r, "a JSON object {\"name\": ..., \"config\": {...}}");
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!CREATE_FIELDS.contains(field)) {
                throw RestException.badRequest("Unknown field '" + field + "' in the request body; "
                        + "expected \"name\", \"config\" and optionally \"initial_state\"");
            }
        }
        JsonNode nameNode = body.get("name");
        if (nameNode == null || nameNode.isNull()) {
            throw RestException.badRequest("The request body has no \"name\"; expected {\"name\": ..., \"config\": {...}}");
        }
        if (!nameNode.isTextual()) {
            throw RestException.badRequest("\"name\" must be a string, but is " + describe(nameNode));
        }
        String name = nameNode.asText().trim();
        checkName(name);
        JsonNode initialState = body.get("initial_state");
        if (initialState != null && !initialState.isNull()
                && !(initialState.isTextual() && initialState.asText().equalsIgnoreCase("RUNNING"))) {
            throw RestException.badRequest("\"initial_state\" " + initialState + " is not supported; "
                    + "connectors are created RUNNING (pause it afterwards with PUT /connectors/" + name + "/pause)");
        }
        JsonNode configNode = body.get("config");
        if (configNode == null || configNode.isNull()) {
            throw RestException.badRequest("The request body has no \"config\" for connector " + name);
        }
        if (!configNode.isObject()) {
            throw RestException.badRequest("\"config\" must be a JSON object, but is " + describe(configNode));
        }
        Map<String, String> config = configMap(configNode, false);
        checkConfigName(name, config);
        if (herder.connectors().contains(name)) {
            throw new RestException(409, "Connector " + name + " already exists");
        }
        herder.putConnectorConfig(name, config, false);
        return Response.of(201, infoAfterWrite(name, config)).withHeader("Location", location(name));
    }

    private Response putConfig(Request r) {
        String name = r.variable("name");
        JsonNode body = parseObject(r, "a JSON object of the connector's configuration");
        Map<String, String> config = configMap(body, false);
        checkConfigName(name, config);
        boolean created = herder.putConnectorConfig(name, config, true);
        ConnectorInfo info = infoAfterWrite(name, config);
        return created ? Response.of(201, info).withHeader("Location", location(name)) : Response.ok(info);
    }

    private Response patchConfig(Request r) {
        String name = r.variable("name");
        JsonNode body = parseObject(r, "a JSON object of configuration changes (null removes a key)");
        Map<String, String> patch = configMap(body, true);
        Map<String, String> config = new LinkedHashMap<>(herder.connectorConfig(name));
        patch.forEach((k, v) -> {
            if (v == null) {
                config.remove(k);
            } else {
                config.put(k, v);
            }
        });
        checkConfigName(name, config);
        herder.putConnectorConfig(name, config, true);
        return Response.ok(infoAfterWrite(name, config));
    }

    private Response deleteConnector(Request r) {
        herder.deleteConnector(r.variable("name"));
        return Response.empty(204);
    }

    private Response pause(Request r) {
        herder.pauseConnector(r.variable("name"));
        return Response.empty(202);
    }

    private Response resume(Request r) {
        herder.resumeConnector(r.variable("name"));
        return Response.empty(202);
    }

    /**
     * Without parameters restarts the connector instance only (204). With {@code includeTasks=true}
     * and/or {@code onlyFailed=true} restarts the chosen instances (tasks too, or only the failed
     * ones) and answers 202 with the status, the restarted instances shown as {@code RESTARTING}.
     */
    private Response restart(Request r) {
        String name = r.variable("name");
        boolean includeTasks = r.booleanQuery("includeTasks", false);
        boolean onlyFailed = r.booleanQuery("onlyFailed", false);
        if (!includeTasks && !onlyFailed) {
            herder.restartConnector(name);
            return Response.empty(204);
        }
        ConnectorStateInfo status = herder.connectorStatus(name);
        ConnectorState connector = status.connector();
        if (!onlyFailed || connector != null && connector.state() == State.FAILED) {
            herder.restartConnector(name);
            connector = new ConnectorState(State.RESTARTING, connector == null ? null : connector.workerId(), null);
        }
        List<TaskState> tasks = new ArrayList<>();
        for (TaskState task : status.tasks() == null ? List.<TaskState>of() : status.tasks()) {
            if (includeTasks && (!onlyFailed || task.state() == State.FAILED)) {
                herder.restartTask(new ConnectorTaskId(name, task.id()));
                task = new TaskState(task.id(), State.RESTARTING, task.workerId(), null);
            }
            tasks.add(task);
        }
        return Response.of(202, new ConnectorStateInfo(status.name(), connector, tasks, status.type()));
    }

    private Response stop(Request r) {
        herder.stopConnector(r.variable("name"));
        return Response.empty(202);
    }

    /** {@code {"offsets":[{"partition":{...},"offset":{...} or null}]}}, as GET answers it. */
    private Response alterOffsets(Request r) {
        JsonNode body = parseObject(r, "{\"offsets\":[{\"partition\":{...},\"offset\":{...}}]}");
        ConnectorOffsets offsets = ConnectorOffsets.fromJson(body, "The request body");
        return Response.ok(Map.of("message", herder.alterConnectorOffsets(r.variable("name"), offsets)));
    }

    private Response resetOffsets(Request r) {
        return Response.ok(Map.of("message", herder.resetConnectorOffsets(r.variable("name"))));
    }

    private Response restartTask(Request r) {
        herder.restartTask(taskId(r));
        return Response.empty(204);
    }

    // ---- helpers

    /**
     * Best effort: the connector a change request is about, for the read-only refusal message.
     *
     * @return the name from the path, or from a POSTed body; {@code null} when unknown
     */
    static String connectorName(Request r) {
        String name = r.variable("name");
        if (name != null) {
            return name;
        }
        try {
            JsonNode body = Json.MAPPER.readTree(r.body());
            JsonNode n = body == null ? null : body.get("name");
            return n != null && n.isTextual() && !n.asText().isBlank() ? n.asText().trim() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private ConnectorInfo infoAfterWrite(String name, Map<String, String> config) {
        try {
            return herder.connectorInfo(name);
        } catch (NotFoundException notYetVisible) {
            // A herder that applies writes asynchronously may not show the connector yet.
            return new ConnectorInfo(name, config, List.of(), ConnectorType.UNKNOWN);
        }
    }

    private static ConnectorTaskId taskId(Request r) {
        String task = r.variable("task");
        if (!task.matches("[0-9]{1,9}")) {
            throw RestException.badRequest("Task id '" + task + "' of connector " + r.variable("name")
                    + " is not a task number (0, 1, ...)");
        }
        return new ConnectorTaskId(r.variable("name"), Integer.parseInt(task));
    }

    private static String location(String name) {
        return "/connectors/" + Router.encode(name);
    }

    private static void checkName(String name) {
        if (name.isEmpty()) {
            throw RestException.badRequest("Connector name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw RestException.badRequest("Connector name '" + name.replaceAll("\\p{Cntrl}", "?")
                        + "' contains a control character at position " + i);
            }
        }
    }

    /** The config's {@code name}, when present, must equal the connector's; when absent it is added. */
    private static void checkConfigName(String name, Map<String, String> config) {
        String configName = config.get("name");
        if (configName == null) {
            config.put("name", name);
        } else if (!configName.trim().equals(name)) {
            throw RestException.badRequest("Connector name in the configuration (" + configName
                    + ") does not match the connector name " + name);
        }
    }

    private static JsonNode parseObject(Request r, String expected) {
        byte[] body = r.body();
        if (body.length == 0) {
            throw RestException.badRequest("The request body is empty; expected " + expected);
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw RestException.badRequest("Invalid JSON in the request body" + location(e.getLocation()) + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw RestException.badRequest("Cannot read the request body: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw RestException.badRequest("The request body is empty; expected " + expected);
        }
        if (!node.isObject()) {
            throw RestException.badRequest("The request body must be " + expected + ", but is " + describe(node));
        }
        return node;
    }

    private static String location(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 0) {
            return "";
        }
        return " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /** Config values are strings; numbers and booleans are taken as their text, as Kafka Connect does. */
    private static Map<String, String> configMap(JsonNode object, boolean nullAllowed) {
        Map<String, String> config = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                if (!nullAllowed) {
                    throw RestException.badRequest("Configuration key '" + e.getKey() + "' has a null value; "
                            + "give it a string value or leave the key out");
                }
                config.put(e.getKey(), null);
            } else if (v.isValueNode()) {
                config.put(e.getKey(), v.asText());
            } else {
                throw RestException.badRequest("Configuration key '" + e.getKey() + "' must have a string value, "
                        + "but has " + describe(v));
            }
        }
        return config;
    }

    private static String describe(JsonNode node) {
        JsonNodeType t = node.getNodeType();
        return switch (t) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> t.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
