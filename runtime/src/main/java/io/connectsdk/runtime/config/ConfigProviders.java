package io.connectsdk.runtime.config;

import io.connectsdk.api.config.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.ConfigTransformerResult;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's config providers ({@code config.providers}), which replace variables such as
 * {@code ${file:/etc/connect/secrets.properties:db.password}} in worker and connector
 * configurations with values read at start, so that secrets need not be written into them. The
 * keys are Kafka Connect's:
 * <pre>
 * config.providers=file,env
 * config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider
 * config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider
 * config.providers.env.param.allowlist.pattern=^DB_.*
 * </pre>
 * A provider is a Kafka {@link ConfigProvider} (kafka-clients' {@code FileConfigProvider},
 * {@code DirectoryConfigProvider} and {@code EnvVarConfigProvider}, or any other implementation),
 * loaded from the worker's class path (not from {@code plugin.path}) and configured with its
 * {@code config.providers.<name>.param.*} settings, prefix removed. Variables are
 * {@code ${<provider>:<path>:<key>}} or {@code ${<provider>:<key>}} and are resolved by Kafka's
 * {@link ConfigTransformer}.
 *
 * <p><b>Where values are resolved.</b> The worker configuration once, when it is parsed; a
 * connector's configuration each time the connector or one of its tasks starts (and when it is
 * validated), so that a restart reads the current value. The configuration a connector was given
 * keeps its variables: {@code GET /connectors/{name}/config} shows them, never the secrets. What
 * a connector returns from {@code taskConfigs} is what its tasks see (as in Kafka Connect, a
 * connector that copies its resolved configuration into its task configurations exposes the
 * values there). A provider may say how long its values stay valid (a time to live in its
 * {@code ConfigData}); {@link #resolveWithTtl} reports the shortest, so that the herder can restart
 * the connector when the values expire ({@code config.action.reload=restart}, the default). The
 * worker configuration is not reloaded: a worker restart reads it again.
 *
 * <p><b>Errors.</b> Kafka Connect leaves a variable that cannot be resolved as it is; connect-sdk
 * fails instead, naming the configuration key and the variable, when a configured provider fails
 * or has no such key. Variables that name no configured provider are left as they are (a value may
 * legitimately contain {@code ${...}}).
 *
 * <p><b>Threads.</b> {@link #resolve} is thread-safe if the providers are (kafka-clients' are);
 * {@link #close} closes every provider once.
 */
public final class ConfigProviders implements AutoCloseable {
    /** The names of the providers, comma-separated. */
    public static final String CONFIG_PROVIDERS_CONFIG = "config.providers";

    private static final Logger log = LoggerFactory.getLogger(ConfigProviders.class);
    /** Kafka's variable grammar ({@code ConfigTransformer}): {@code ${provider:[path:]key}}. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*?):(([^}]*?):)?([^}]*?)\\}");
    private static final ConfigProviders NONE = new ConfigProviders(Map.of());

    private final Map<String, ConfigProvider> providers;
    private final ConfigTransformer transformer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ConfigProviders(Map<String, ConfigProvider> providers) {
        this.providers = Collections.unmodifiableMap(providers);
        this.transformer = new ConfigTransformer(this.providers);
    }

    /** @return config providers that resolve nothing */
    public static ConfigProviders none() {
        return NONE;
    }

    /**
     * Creates and configures the providers a worker configuration declares.
     *
     * @param workerProps the worker configuration (values that are not strings are ignored)
     * @return the providers, possibly {@link #none()}; close them when the worker stops
     * @throws ConfigException naming the {@code config.providers.<name>.class} key of a provider
     *     that is missing, cannot be loaded, is not a {@link ConfigProvider} or fails to configure
     */
    public static ConfigProviders create(Map<String, ?> workerProps) {
        Object names = workerProps.get(CONFIG_PROVIDERS_CONFIG);
        if (names == null || names.toString().isBlank()) {
            return NONE;
        }
        Map<String, ConfigProvider> created = new LinkedHashMap<>();
        try {
            for (String raw : names.toString().split(",")) {
                String name = raw.trim();
                if (name.isEmpty() || created.containsKey(name)) {
                    continue;
                }
                created.put(name, createProvider(name, workerProps));
            }
        } catch (RuntimeException | Error e) {
            created.values().forEach(ConfigProviders::closeQuietly);
            throw e;
        }
        return new ConfigProviders(created);
    }

    private static ConfigProvider createProvider(String name, Map<String, ?> workerProps) {
        String classKey = CONFIG_PROVIDERS_CONFIG + "." + name + ".class";
        Object className = workerProps.get(classKey);
        if (className == null || className.toString().isBlank()) {
            throw new ConfigException(classKey, className, "config provider '" + name + "' is listed in "
                    + CONFIG_PROVIDERS_CONFIG + " but has no class; set it to a " + ConfigProvider.class.getName()
                    + " such as org.apache.kafka.common.config.provider.FileConfigProvider");
        }
        String cls = className.toString().trim();
        ConfigProvider provider = WorkerClasses.instantiate(classKey,
                WorkerClasses.load(classKey, cls, ConfigProvider.class, "config providers"));
        String paramPrefix = CONFIG_PROVIDERS_CONFIG + "." + name + ".param.";
        Map<String, Object> params = new LinkedHashMap<>();
        workerProps.forEach((k, v) -> {
            if (k.startsWith(paramPrefix)) {
                params.put(k.substring(paramPrefix.length()), v);
            }
        });
        try {
            provider.configure(params);
        } catch (RuntimeException e) {
            closeQuietly(provider);
            throw new ConfigException(classKey, cls, "config provider '" + name + "' rejected its settings "
                    + paramPrefix + "*: " + e.getMessage());
        }
        return provider;
    }

    /**
     * Resolves a worker configuration with the providers it declares itself, which are closed again
     * afterwards: what {@link WorkerConfig} does when it parses, for the other readers of worker
     * properties (the REST server, the CLI).
     *
     * @param workerProps the worker configuration
     * @return {@code workerProps} itself when it declares no providers, else a new map with the
     *     variables of its string values replaced
     * @throws ConfigException as {@link #create} and {@link #resolve}
     */
    public static Map<String, ?> resolveWorkerConfig(Map<String, ?> workerProps) {
        try (ConfigProviders providers = create(workerProps)) {
            return providers.names().isEmpty() ? workerProps : providers.resolveWorkerProps(workerProps);
        }
    }

    /** @return the names of the providers, in the order of {@code config.providers} */
    public List<String> names() {
        return new ArrayList<>(providers.keySet());
    }

    /**
     * Resolves the variables in a configuration.
     *
     * @param config the configuration; not modified
     * @return a new map with the variables replaced (the same keys, in the same order); {@code config}
     *     itself when there are no providers
     * @throws ConfigException naming every key whose variables could not be resolved, with the
     *     variable and why
     */
    public Map<String, String> resolve(Map<String, String> config) {
        return resolveWithTtl(config).config();
    }

    /**
     * A resolved configuration and how long its values stay valid.
     *
     * @param config the configuration with its variables replaced
     * @param ttlMs the shortest time to live, in milliseconds, that a provider gave for the values it
     *     supplied; empty when none gave one (the values do not expire)
     */
    public record Resolved(Map<String, String> config, OptionalLong ttlMs) {
    }

    /**
     * As {@link #resolve}, also reporting when the resolved values expire.
     *
     * @param config the configuration; not modified
     * @return the resolved configuration ({@code config} itself when there are no providers) and the
     *     shortest time to live the providers gave
     * @throws ConfigException as {@link #resolve}
     */
    public Resolved resolveWithTtl(Map<String, String> config) {
        if (providers.isEmpty()) {
            return new Resolved(config, OptionalLong.empty());
        }
        Map<String, String> out = new LinkedHashMap<>(config);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        long ttl = Long.MAX_VALUE;
        for (Map.Entry<String, String> e : config.entrySet()) {
            String value = e.getValue();
            if (value == null || !value.contains("${")) {
                continue;
            }
            List<String> variables = ownVariables(value);
            if (variables.isEmpty()) {
                continue;
            }
            String resolved;
            try {
                ConfigTransformerResult result = transformer.transform(Map.of(e.getKey(), value));
                resolved = result.data().get(e.getKey());
                for (Long t : result.ttls().values()) {
                    if (t != null && t >= 0) {
                        ttl = Math.min(ttl, t);
                    }
                }
            } catch (RuntimeException failure) {
                errors.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add("cannot resolve "
                        + String.join(", ", variables) + ": " + failure.getMessage());
                continue;
            }
            for (String variable : variables) {
                if (resolved != null && resolved.contains(variable)) {
                    errors.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add("cannot resolve " + variable
                            + ": " + missing(variable));
                }
            }
            out.put(e.getKey(), resolved);
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new Resolved(out, ttl == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(ttl));
    }

    /**
     * As {@link #resolve}, for the worker configuration itself, whose values need not be strings:
     * only string values are resolved.
     *
     * @param props the worker configuration
     * @return a new map with the variables of its string values replaced
     * @throws ConfigException as {@link #resolve}
     */
    public Map<String, Object> resolveWorkerProps(Map<String, ?> props) {
        Map<String, String> strings = new LinkedHashMap<>();
        props.forEach((k, v) -> {
            if (v instanceof String) {
                strings.put(k, (String) v);
            }
        });
        Map<String, String> resolved = resolve(strings);
        Map<String, Object> out = new LinkedHashMap<>(props);
        out.putAll(resolved);
        return out;
    }

    /** @return the variables in {@code value} that name one of these providers */
    private List<String> ownVariables(String value) {
        List<String> out = new ArrayList<>();
        Matcher m = VARIABLE.matcher(value);
        while (m.find()) {
            if (providers.containsKey(m.group(1)) && !out.contains(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }

    private static String missing(String variable) {
        Matcher m = VARIABLE.matcher(variable);
        if (!m.matches()) {
            return "no value";
        }
        String path = m.group(3);
        return "config provider '" + m.group(1) + "' has no key '" + m.group(4) + "'"
                + (path == null || path.isEmpty() ? "" : " at path '" + path + "'");
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            providers.values().forEach(ConfigProviders::closeQuietly);
        }
    }

    private static void closeQuietly(ConfigProvider provider) {
        try {
            provider.close();
        } catch (Exception e) {
            log.warn("Config provider {} failed to close: {}", provider.getClass().getName(), e.toString());
        }
    }
}
