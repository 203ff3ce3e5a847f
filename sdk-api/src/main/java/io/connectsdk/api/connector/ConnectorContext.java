package io.connectsdk.api.connector;

/**
 * What a {@link Connector} can ask of the runtime that hosts it.
 *
 * <p>Provided by the runtime through {@link Connector#initialize(ConnectorContext)} before
 * {@link Connector#start(java.util.Map)}. Both methods are thread-safe and may be called from any
 * thread the connector owns (for example a thread that watches the data source), at any time
 * between {@code start} and the return of {@code stop}.
 */
public interface ConnectorContext {
    /**
     * Asks the runtime to call {@link Connector#taskConfigs(int)} again and, if the result differs
     * from the running tasks' configurations, to stop the tasks and start them with the new ones.
     * Use it when the connector notices that the work has changed shape (a table was added, a
     * partition appeared). Returns at once; reconfiguration happens asynchronously.
     */
    void requestTaskReconfiguration();

    /**
     * Reports an unrecoverable error found outside a runtime call (for example on a monitoring
     * thread). The runtime marks the connector {@code FAILED} with this exception's trace and
     * stops it. Returns at once.
     *
     * @param e the cause; must not be {@code null}
     */
    void raiseError(Exception e);
}
