package io.connectsdk.api.connector;

import io.connectsdk.api.config.Config;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.plugin.Versioned;
import java.util.List;
import java.util.Map;

/**
 * A connector instance: it reads the connector's configuration, looks at the data source or
 * destination, and splits the work into task configurations. It does not move data itself; its
 * {@link Task tasks} do. Extend {@link io.connectsdk.api.source.SourceConnector} or
 * {@link io.connectsdk.api.sink.SinkConnector}, not this class.
 *
 * <p><b>Lifecycle.</b> The runtime creates the connector with its public no-argument
 * constructor, then calls {@link #initialize(ConnectorContext)}, {@link #start(Map)},
 * {@link #taskConfigs(int)} (once after start and again after every
 * {@link ConnectorContext#requestTaskReconfiguration()}), and finally {@link #stop()}.
 * {@link #config()}, {@link #validate(Map)} and {@link #version()} may also be called on an
 * instance that is never started (to validate a configuration or describe the plugin).
 *
 * <p><b>Threading.</b> Each connector instance runs on its own thread: {@code initialize},
 * {@code start}, {@code taskConfigs}, {@code reconfigure} and {@code stop} are called from it, one
 * at a time. The connector may start threads of its own (to watch the source); it must stop them
 * in {@code stop}.
 *
 * <p><b>Errors.</b> An exception thrown from {@code start} or {@code taskConfigs} marks the
 * connector {@code FAILED} with its trace; a {@link io.connectsdk.api.config.ConfigException}
 * should name the configuration key at fault.
 */
public abstract class Connector implements Versioned {
    /** The context given to {@link #initialize(ConnectorContext)}; {@code null} before it. */
    protected ConnectorContext context;

    /**
     * Gives the connector its context. Called once, before {@link #start(Map)}.
     *
     * @param ctx the context, never {@code null}
     */
    public void initialize(ConnectorContext ctx) {
        this.context = ctx;
    }

    /**
     * Gives the connector its context and the task configurations it produced last time it ran
     * (so it may pick up where it left off). The default ignores them.
     *
     * @param ctx the context, never {@code null}
     * @param taskConfigs the previous task configurations, never {@code null}, possibly empty
     */
    public void initialize(ConnectorContext ctx, List<Map<String, String>> taskConfigs) {
        initialize(ctx);
    }

    /** @return the context given to {@link #initialize(ConnectorContext)}; {@code null} before it */
    protected ConnectorContext context() {
        return context;
    }

    /**
     * Starts the connector with its configuration. Typical work: parse and check the
     * configuration (throw {@link io.connectsdk.api.config.ConfigException} naming the key), open
     * a connection to discover the work, start a monitoring thread.
     *
     * @param props the connector configuration (including {@code name}, {@code connector.class}
     *     and {@code tasks.max}), never {@code null}
     */
    public abstract void start(Map<String, String> props);

    /**
     * Applies a new configuration to a running connector. The default stops and starts it.
     *
     * @param props the new configuration, never {@code null}
     */
    public void reconfigure(Map<String, String> props) {
        stop();
        start(props);
    }

    /** @return the class of this connector's tasks; must have a public no-argument constructor */
    public abstract Class<? extends Task> taskClass();

    /**
     * Splits the work into at most {@code maxTasks} task configurations. Called after
     * {@link #start(Map)} and after every reconfiguration request. Should be deterministic: the
     * same input and the same state of the source give the same list, so that the runtime does
     * not restart tasks needlessly.
     *
     * @param maxTasks the connector's {@code tasks.max}, at least 1
     * @return between 1 and {@code maxTasks} configurations (an empty list runs no task); never
     *     {@code null}
     */
    public abstract List<Map<String, String>> taskConfigs(int maxTasks);

    /**
     * Stops the connector: stop monitoring threads, close connections. Called once; must be safe
     * to call even when {@link #start(Map)} threw or was never called.
     */
    public abstract void stop();

    /**
     * @return the definition of this connector's configuration: drives validation, the REST
     *     validate endpoint and generated documentation; never {@code null}
     */
    public abstract ConfigDef config();

    /**
     * Validates a configuration without starting the connector. The default checks every key of
     * {@link #config()} (types, required keys, validators, recommenders) and reports every error
     * at once. Override to add checks across keys; add errors to the returned values rather than
     * throwing.
     *
     * @param connectorConfigs the configuration to check, never {@code null}
     * @return one value per defined key with its errors; never {@code null}
     */
    public Config validate(Map<String, String> connectorConfigs) {
        ConfigDef def = config();
        if (def == null) {
            throw new IllegalStateException(getClass().getName() + ".config() returned null");
        }
        return new Config(def.validate(connectorConfigs));
    }
}
