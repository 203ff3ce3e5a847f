package io.connectsdk.runtime.config;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigDef.Importance;
import io.connectsdk.api.config.ConfigDef.Type;
import io.connectsdk.api.config.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration of a worker, with Kafka Connect's key names and defaults so that existing
 * worker properties files work. Standalone and distributed workers extend it with their own keys.
 *
 * <p>Keys used by the worker itself: {@value #BOOTSTRAP_SERVERS_CONFIG} (required),
 * {@value #KEY_CONVERTER_CLASS_CONFIG} and {@value #VALUE_CONVERTER_CLASS_CONFIG} (required; a
 * class name or alias), {@value #HEADER_CONVERTER_CLASS_CONFIG} (default
 * {@value #HEADER_CONVERTER_CLASS_DEFAULT}), {@value #OFFSET_COMMIT_INTERVAL_MS_CONFIG} (60000),
 * {@value #OFFSET_COMMIT_TIMEOUT_MS_CONFIG} (5000), {@value #TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_CONFIG}
 * (5000), {@value #SOURCE_MAX_OUTSTANDING_RECORDS_CONFIG} (10000; connect-sdk's own key, see its
 * constant), {@value #PLUGIN_PATH_CONFIG}, {@value #CLIENT_ID_CONFIG},
 * {@value #TOPIC_CREATION_ENABLE_CONFIG} (true; see {@link TopicCreationConfig}),
 * {@value #TOPIC_TRACKING_ENABLE_CONFIG} (true),
 * {@value #CONNECTOR_CLIENT_POLICY_CLASS_CONFIG} ({@code All}, {@code None} or {@code Principal};
 * default {@code All}: connectors may override any producer/consumer/admin setting with
 * {@code producer.override.*}, {@code consumer.override.*}, {@code admin.override.*}).
 *
 * <p>Prefixed keys pass through to components: {@code key.converter.*}, {@code value.converter.*},
 * {@code header.converter.*} to the converters (prefix removed); {@code producer.*} and
 * {@code consumer.*} to the tasks' Kafka clients (after the worker's defaults); {@code admin.*} and
 * unprefixed admin-client settings (such as {@code security.protocol}) to the admin client that
 * creates dead letter queue topics. As in Kafka Connect, unprefixed settings do not reach the
 * producers and consumers of tasks.
 *
 * <p>Config providers: {@code config.providers}, {@code config.providers.<name>.class} and
 * {@code config.providers.<name>.param.*}, as in Kafka Connect (see {@link ConfigProviders}); the
 * variables of this configuration's values are resolved when it is parsed, so {@link #originals()}
 * holds the values.
 *
 * <p>REST keys ({@value #LISTENERS_CONFIG}, {@code rest.advertised.*}, {@code admin.listeners},
 * {@code access.control.*}, {@code response.http.headers.config}) are defined here for the REST
 * layer; {@code listeners.https.ssl.*} settings are read from {@link #originals()}.
 *
 * <p>Immutable and thread-safe.
 */
public class WorkerConfig extends AbstractConfig {
    /** Kafka brokers to connect to, {@code host:port,...}. Required. */
    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    /** Class name or alias of the worker's default key converter. Required. */
    public static final String KEY_CONVERTER_CLASS_CONFIG = "key.converter";
    /** Class name or alias of the worker's default value converter. Required. */
    public static final String VALUE_CONVERTER_CLASS_CONFIG = "value.converter";
    /** Class name or alias of the worker's default header converter. */
    public static final String HEADER_CONVERTER_CLASS_CONFIG = "header.converter";
    /** The default header converter: the built-in {@code SimpleHeaderConverter}. */
    public static final String HEADER_CONVERTER_CLASS_DEFAULT = "io.connectsdk.builtins.converters.SimpleHeaderConverter";
    /** How often source offsets are committed and sink tasks flushed. */
    public static final String OFFSET_COMMIT_INTERVAL_MS_CONFIG = "offset.flush.interval.ms";
    /** How long to wait for records to be acknowledged and offsets stored before giving up a commit. */
    public static final String OFFSET_COMMIT_TIMEOUT_MS_CONFIG = "offset.flush.timeout.ms";
    /**
     * connect-sdk's own key (Kafka Connect has none): how many records one source task may have
     * handed to its producer without an acknowledgement yet. At the limit the task is not polled
     * until acknowledgements bring it below, so a fast source keeps a bounded number of records
     * (and their {@code SourceRecord}s, values and offsets) alive instead of as many as fit in the
     * producer's {@code buffer.memory}. {@code 0} means no limit, as in Kafka Connect. Records
     * dropped by transforms or skipped by error tolerance do not count.
     */
    public static final String SOURCE_MAX_OUTSTANDING_RECORDS_CONFIG = "source.max.outstanding.records";
    /** Whether the worker keeps each connector's active topics ({@code GET /connectors/{name}/topics}). */
    public static final String TOPIC_TRACKING_ENABLE_CONFIG = "topic.tracking.enable";
    /** Kafka Connect's switch for resetting active topics over REST; accepted, no reset is offered. */
    public static final String TOPIC_TRACKING_ALLOW_RESET_CONFIG = "topic.tracking.allow.reset";
    /** Whether source connectors' {@code topic.creation.*} settings make the worker create topics. */
    public static final String TOPIC_CREATION_ENABLE_CONFIG = "topic.creation.enable";
    /** The default of {@value #SOURCE_MAX_OUTSTANDING_RECORDS_CONFIG}. */
    public static final int SOURCE_MAX_OUTSTANDING_RECORDS_DEFAULT = 10_000;
    /** How long to wait for a task to stop before abandoning its thread. */
    public static final String TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_CONFIG = "task.shutdown.graceful.timeout.ms";
    /** Directories holding plugin locations. */
    public static final String PLUGIN_PATH_CONFIG = "plugin.path";
    /** Prefix of the client ids; empty means the defaults ({@code connector-producer-<task>}...). */
    public static final String CLIENT_ID_CONFIG = "client.id";
    /** The consumer group of a distributed worker cluster; not used in standalone mode. */
    public static final String GROUP_ID_CONFIG = "group.id";
    /** Which client settings connectors may override: {@code All}, {@code None} or {@code Principal}. */
    public static final String CONNECTOR_CLIENT_POLICY_CLASS_CONFIG = "connector.client.config.override.policy";
    /** REST listeners, {@code http://host:port,https://host:port}. */
    public static final String LISTENERS_CONFIG = "listeners";
    /** The default REST listener. */
    public static final String LISTENERS_DEFAULT = "http://:8083";
    /** The host name other workers and clients use to reach this worker's REST API. */
    public static final String REST_ADVERTISED_HOST_NAME_CONFIG = "rest.advertised.host.name";
    /** The port other workers and clients use to reach this worker's REST API. */
    public static final String REST_ADVERTISED_PORT_CONFIG = "rest.advertised.port";
    /** The advertised listener protocol, {@code http} or {@code https}. */
    public static final String REST_ADVERTISED_LISTENER_CONFIG = "rest.advertised.listener";
    /** Listeners of the admin endpoints; empty disables them, unset uses {@code listeners}. */
    public static final String ADMIN_LISTENERS_CONFIG = "admin.listeners";
    /** CORS allowed origins. */
    public static final String ACCESS_CONTROL_ALLOW_ORIGIN_CONFIG = "access.control.allow.origin";
    /** CORS allowed methods. */
    public static final String ACCESS_CONTROL_ALLOW_METHODS_CONFIG = "access.control.allow.methods";
    /** Extra HTTP response headers. */
    public static final String RESPONSE_HTTP_HEADERS_CONFIG = "response.http.headers.config";

    /** Kafka {@code MetricsReporter} classes the worker's metrics are reported to. */
    public static final String METRIC_REPORTER_CLASSES_CONFIG = "metric.reporters";
    /** The default reporter: JMX, as in Kafka 4 (a list without it turns JMX off). */
    public static final String METRIC_REPORTER_CLASSES_DEFAULT = "org.apache.kafka.common.metrics.JmxReporter";
    /** How many samples a windowed metric (rates, averages, maxima) keeps. */
    public static final String METRICS_NUM_SAMPLES_CONFIG = "metrics.num.samples";
    /** How long one sample of a windowed metric lasts. */
    public static final String METRICS_SAMPLE_WINDOW_MS_CONFIG = "metrics.sample.window.ms";
    /** The highest recording level of the metrics recorded: {@code INFO}, {@code DEBUG} or {@code TRACE}. */
    public static final String METRICS_RECORDING_LEVEL_CONFIG = "metrics.recording.level";
    /** Prefix of labels added to the metrics context that reporters see ({@code metrics.context.<label>}). */
    public static final String METRICS_CONTEXT_PREFIX = "metrics.context.";

    /** The client-override policies a worker accepts. */
    public static final List<String> CLIENT_POLICIES = List.of("All", "None", "Principal");

    /** Key prefixes that belong to other components and are not reported as unknown. */
    private static final Set<String> PASS_THROUGH_PREFIXES = Set.of("key.converter.", "value.converter.",
            "header.converter.", "producer.", "consumer.", "admin.", "listeners.", "ssl.", "sasl.", "security.",
            "config.providers.", "metric.", "metrics.", "rest.", "client.", "offset.", "status.", "config.",
            "plugin.", "topic.", "exactly.once.", "scheduled.", "heartbeat.", "session.", "rebalance.",
            "worker.", "inter.worker.", "request.", "retry.", "reconnect.", "connections.", "receive.",
            "send.", "socket.");

    /** @param props the worker properties; not {@code null} */
    public WorkerConfig(Map<String, ?> props) {
        this(baseConfigDef(), props);
    }

    /**
     * For subclasses that add keys.
     *
     * @param definition the complete definition (usually {@link #baseConfigDef()} plus own keys)
     * @param props the worker properties
     * @throws ConfigException naming every bad key
     */
    protected WorkerConfig(ConfigDef definition, Map<String, ?> props) {
        super(definition, ConfigProviders.resolveWorkerConfig(props));
    }

    /** @return a new definition of the keys every worker understands */
    public static ConfigDef baseConfigDef() {
        return new ConfigDef()
                .define(BOOTSTRAP_SERVERS_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE,
                        ConfigDef.LambdaValidator.with((name, value) -> {
                            if (value == null || ((List<?>) value).isEmpty()) {
                                throw new ConfigException(name, value, "at least one host:port is required");
                            }
                        }, () -> "non-empty list of host:port"),
                        Importance.HIGH, "Kafka brokers to connect to first, host:port pairs separated by commas.")
                .define(KEY_CONVERTER_CLASS_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "Converter class (name or alias) for record keys, unless a connector sets its own.")
                .define(VALUE_CONVERTER_CLASS_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "Converter class (name or alias) for record values, unless a connector sets its own.")
                .define(HEADER_CONVERTER_CLASS_CONFIG, Type.STRING, HEADER_CONVERTER_CLASS_DEFAULT,
                        new ConfigDef.NonEmptyString(), Importance.LOW,
                        "HeaderConverter class (name or alias) for record headers, unless a connector sets its own.")
                .define(TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_CONFIG, Type.LONG, 5000L, ConfigDef.Range.atLeast(0),
                        Importance.LOW, "How long to wait for tasks to stop before their threads are abandoned. "
                                + "This is a total for all tasks stopped together, not per task.")
                .define(OFFSET_COMMIT_INTERVAL_MS_CONFIG, Type.LONG, 60000L, ConfigDef.Range.atLeast(1),
                        Importance.LOW, "Interval at which source offsets are committed and sink tasks flush and commit.")
                .define(OFFSET_COMMIT_TIMEOUT_MS_CONFIG, Type.LONG, 5000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                        "How long to wait for records to be acknowledged and offsets to be stored during a commit "
                                + "before giving it up until the next one.")
                .define(TOPIC_TRACKING_ENABLE_CONFIG, Type.BOOLEAN, true, Importance.LOW,
                        "Whether the worker keeps the topics each connector's tasks produced to or consumed from "
                                + "since it started, for GET /connectors/{name}/topics (403 when false).")
                .define(TOPIC_TRACKING_ALLOW_RESET_CONFIG, Type.BOOLEAN, true, Importance.LOW,
                        "Accepted for Kafka Connect compatibility; this runtime offers no reset of active topics.")
                .define(TOPIC_CREATION_ENABLE_CONFIG, Type.BOOLEAN, true, Importance.LOW,
                        "Whether the worker creates the topics a source task writes to that do not exist yet, with "
                                + "the connector's topic.creation.* settings (connectors without them leave topic "
                                + "creation to the broker's auto.create.topics.enable).")
                .define(SOURCE_MAX_OUTSTANDING_RECORDS_CONFIG, Type.INT, SOURCE_MAX_OUTSTANDING_RECORDS_DEFAULT,
                        ConfigDef.Range.atLeast(0), Importance.LOW,
                        "How many records a source task may have sent without an acknowledgement from Kafka; at "
                                + "the limit the task is not polled until acknowledgements arrive. Bounds the memory "
                                + "a fast source uses and what each young garbage collection copies; it also caps a "
                                + "task at this many records per round trip to the broker (10000 over a 50 ms round "
                                + "trip: 200k records/s). 0 means no limit (Kafka Connect's behaviour).")
                .define(PLUGIN_PATH_CONFIG, Type.LIST, null, Importance.LOW,
                        "Directories (separated by commas) whose children are plugin locations.")
                .define(CLIENT_ID_CONFIG, Type.STRING, "", Importance.LOW,
                        "Prefix of the client ids of the worker's Kafka clients; empty uses Kafka Connect's defaults.")
                .define(GROUP_ID_CONFIG, Type.STRING, null, Importance.HIGH,
                        "Consumer group that a distributed worker joins; not used in standalone mode.")
                .define(CONNECTOR_CLIENT_POLICY_CLASS_CONFIG, Type.STRING, "All",
                        ConfigDef.ValidString.in(CLIENT_POLICIES.toArray(new String[0])), Importance.MEDIUM,
                        "Which Kafka client settings connectors may override with producer.override.*, "
                                + "consumer.override.* and admin.override.*: All, None, or Principal "
                                + "(security.protocol, sasl.jaas.config and sasl.mechanism only).")
                .define(LISTENERS_CONFIG, Type.LIST, LISTENERS_DEFAULT, Importance.LOW,
                        "REST listeners, protocol://host:port separated by commas (http or https).")
                .define(REST_ADVERTISED_HOST_NAME_CONFIG, Type.STRING, null, Importance.LOW,
                        "Host name given to other workers to reach this one.")
                .define(REST_ADVERTISED_PORT_CONFIG, Type.INT, null, Importance.LOW,
                        "Port given to other workers to reach this one.")
                .define(REST_ADVERTISED_LISTENER_CONFIG, Type.STRING, null, Importance.LOW,
                        "Protocol given to other workers to reach this one (http or https).")
                .define(ADMIN_LISTENERS_CONFIG, Type.LIST, null, Importance.LOW,
                        "Listeners of the admin REST endpoints; empty disables them, unset serves them on listeners.")
                .define(ACCESS_CONTROL_ALLOW_ORIGIN_CONFIG, Type.STRING, "", Importance.LOW,
                        "Value of the Access-Control-Allow-Origin header of REST responses; empty disables CORS.")
                .define(ACCESS_CONTROL_ALLOW_METHODS_CONFIG, Type.STRING, "", Importance.LOW,
                        "Methods allowed by CORS; empty means GET, POST and HEAD.")
                .define(RESPONSE_HTTP_HEADERS_CONFIG, Type.STRING, "", Importance.LOW,
                        "Rules for HTTP headers added to REST responses.")
                .define(METRIC_REPORTER_CLASSES_CONFIG, Type.LIST, METRIC_REPORTER_CLASSES_DEFAULT, Importance.LOW,
                        "Kafka MetricsReporter classes (on the worker's class path) that receive the worker's "
                                + "connector and task metrics, each configured with the worker's settings. List "
                                + METRIC_REPORTER_CLASSES_DEFAULT + " to keep the JMX MBeans.")
                .define(METRICS_NUM_SAMPLES_CONFIG, Type.INT, 2, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "How many samples windowed metrics (rates, averages, maxima) are computed over.")
                .define(METRICS_SAMPLE_WINDOW_MS_CONFIG, Type.LONG, 30000L, ConfigDef.Range.atLeast(1),
                        Importance.LOW, "How long one sample of a windowed metric lasts, in milliseconds.")
                .define(METRICS_RECORDING_LEVEL_CONFIG, Type.STRING, "INFO",
                        ConfigDef.ValidString.in("INFO", "DEBUG", "TRACE"), Importance.LOW,
                        "The highest recording level of the metrics that are recorded.");
    }

    /** @return {@value #BOOTSTRAP_SERVERS_CONFIG} as one comma-separated string */
    public String bootstrapServers() {
        return String.join(",", getList(BOOTSTRAP_SERVERS_CONFIG));
    }

    /** @return {@value #METRIC_REPORTER_CLASSES_CONFIG}, class names in order; never {@code null} */
    public List<String> metricReporterClasses() {
        List<String> classes = getList(METRIC_REPORTER_CLASSES_CONFIG);
        return classes == null ? List.of() : classes;
    }

    /** @return {@value #METRICS_NUM_SAMPLES_CONFIG} */
    public int metricsNumSamples() {
        return getInt(METRICS_NUM_SAMPLES_CONFIG);
    }

    /** @return {@value #METRICS_SAMPLE_WINDOW_MS_CONFIG} */
    public long metricsSampleWindowMs() {
        return getLong(METRICS_SAMPLE_WINDOW_MS_CONFIG);
    }

    /** @return {@value #METRICS_RECORDING_LEVEL_CONFIG} */
    public String metricsRecordingLevel() {
        return getString(METRICS_RECORDING_LEVEL_CONFIG);
    }

    /** @return {@value #OFFSET_COMMIT_INTERVAL_MS_CONFIG} */
    public long offsetCommitIntervalMs() {
        return getLong(OFFSET_COMMIT_INTERVAL_MS_CONFIG);
    }

    /** @return {@value #OFFSET_COMMIT_TIMEOUT_MS_CONFIG} */
    public long offsetCommitTimeoutMs() {
        return getLong(OFFSET_COMMIT_TIMEOUT_MS_CONFIG);
    }

    /** @return {@value #TOPIC_TRACKING_ENABLE_CONFIG} */
    public boolean topicTrackingEnabled() {
        return getBoolean(TOPIC_TRACKING_ENABLE_CONFIG);
    }

    /** @return {@value #TOPIC_CREATION_ENABLE_CONFIG} */
    public boolean topicCreationEnabled() {
        return getBoolean(TOPIC_CREATION_ENABLE_CONFIG);
    }

    /** @return {@value #SOURCE_MAX_OUTSTANDING_RECORDS_CONFIG}; 0 means no limit */
    public int sourceMaxOutstandingRecords() {
        return getInt(SOURCE_MAX_OUTSTANDING_RECORDS_CONFIG);
    }

    /** @return {@value #TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_CONFIG} */
    public long taskShutdownGracefulTimeoutMs() {
        return getLong(TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_CONFIG);
    }

    /** @return the client-override policy: {@code All}, {@code None} or {@code Principal} */
    public String clientOverridePolicy() {
        return getString(CONNECTOR_CLIENT_POLICY_CLASS_CONFIG);
    }

    /**
     * @return the keys of {@link #originals()} that neither this definition nor a known prefix of
     *     another component claims; the worker logs them as probably misspelt
     */
    public Set<String> unknownKeys() {
        return definition().unknownKeys(originals(), PASS_THROUGH_PREFIXES.toArray(new String[0]));
    }
}
