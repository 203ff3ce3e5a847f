package io.connectsdk.examples.http;

import io.connectsdk.api.config.Config;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigValue;
import io.connectsdk.api.connector.Task;
import io.connectsdk.api.sink.SinkConnector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sink connector that POSTs records to an HTTP endpoint as JSON arrays, in batches, with retries,
 * optional bearer-token authentication and extra headers; records the endpoint refuses (4xx) go to
 * the errant record reporter, i.e. the dead letter queue. See {@link HttpSinkTask} for the
 * behaviour and {@link HttpSinkConfig} for the keys ({@code http.url}, {@code http.headers},
 * {@code http.auth.token}, {@code http.timeout.ms}, {@code payload.format}, {@code batch.size},
 * {@code batch.linger.ms}, {@code max.retries}, {@code retry.backoff.ms}). Every task posts
 * independently, so {@code tasks.max} tasks are started.
 *
 * <pre>
 * name=http-sink
 * connector.class=io.connectsdk.examples.http.HttpSinkConnector
 * topics=orders
 * http.url=https://example.com/ingest
 * http.auth.token=<the token>
 * errors.tolerance=all
 * errors.deadletterqueue.topic.name=orders-refused
 * </pre>
 */
public class HttpSinkConnector extends SinkConnector {
    private Map<String, String> props;

    /** Creates the connector; the runtime calls {@link #start(Map)} next. */
    public HttpSinkConnector() {
    }

    @Override
    public String version() {
        return PluginVersion.of(getClass());
    }

    @Override
    public ConfigDef config() {
        return HttpSinkConfig.CONFIG_DEF;
    }

    /** @throws io.connectsdk.api.config.ConfigException naming the key when the configuration is invalid */
    @Override
    public void start(Map<String, String> props) {
        new HttpSinkConfig(props);
        this.props = Collections.unmodifiableMap(new LinkedHashMap<>(props));
    }

    @Override
    public Class<? extends Task> taskClass() {
        return HttpSinkTask.class;
    }

    /** @return {@code maxTasks} copies of the connector configuration */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        if (props == null) {
            throw new IllegalStateException("taskConfigs called before start");
        }
        return new ArrayList<>(Collections.nCopies(maxTasks, props));
    }

    @Override
    public void stop() {
        // Nothing to release.
    }

    /** Also reports an Authorization header in {@code http.headers} together with {@code http.auth.token}. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        ConfigValue headers = config.configValue(HttpSinkConfig.HEADERS_CONFIG).orElseThrow();
        ConfigValue token = config.configValue(HttpSinkConfig.AUTH_TOKEN_CONFIG).orElseThrow();
        if (headers.errorMessages().isEmpty() && headers.value() instanceof List) {
            @SuppressWarnings("unchecked")
            List<String> list = (List<String>) headers.value();
            String conflict = HttpSinkConfig.authorizationConflict(list, token.value() != null);
            if (conflict != null) {
                headers.addErrorMessage("Invalid value for configuration " + HttpSinkConfig.HEADERS_CONFIG + ": "
                        + conflict);
            }
        }
        return config;
    }
}
