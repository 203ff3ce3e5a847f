package io.connectsdk.runtime.worker;

import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.storage.Converter;
import io.connectsdk.api.storage.HeaderConverter;
import io.connectsdk.runtime.config.ConnectorConfig;
import java.util.Map;

/**
 * A task's key, value and header converters and its transform chain, made from its connector's
 * configuration (the connector's own converter settings, else the worker's) when the task starts and
 * closed with it. The converters' classes are kept for the error context of every record. Used by
 * the task thread only.
 *
 * @param <R> the record type the transforms work on
 */
final class TaskConverters<R extends ConnectRecord<R>> implements AutoCloseable {
    final Converter key;
    final Class<?> keyClass;
    final Converter value;
    final Class<?> valueClass;
    final HeaderConverter header;
    final Class<?> headerClass;
    final TransformStages<R> transforms;
    private final String owner;

    private TaskConverters(Converter key, Converter value, HeaderConverter header, TransformStages<R> transforms,
                           String owner) {
        this.key = key;
        this.keyClass = key.getClass();
        this.value = value;
        this.valueClass = value.getClass();
        this.header = header;
        this.headerClass = header.getClass();
        this.transforms = transforms;
        this.owner = owner;
    }

    /**
     * @param worker creates the plugins
     * @param config the connector's configuration
     * @param connectorProps the connector's properties (for its transforms)
     * @param owner the task, for messages
     * @return the task's converters and transforms; on a failure, those already made are closed
     */
    static <R extends ConnectRecord<R>> TaskConverters<R> create(Worker worker, ConnectorConfig config,
                                                                 Map<String, String> connectorProps, Object owner) {
        Converter key = null;
        Converter value = null;
        HeaderConverter header = null;
        try {
            key = worker.newConverter(config, ConnectorConfig.KEY_CONVERTER_CLASS_CONFIG, true);
            value = worker.newConverter(config, ConnectorConfig.VALUE_CONVERTER_CLASS_CONFIG, false);
            header = worker.newHeaderConverter(config);
            TransformStages<R> transforms = new TransformStages<>(worker.<R>newTransformChain(connectorProps));
            return new TaskConverters<>(key, value, header, transforms, String.valueOf(owner));
        } catch (RuntimeException | Error e) {
            Worker.closeQuietly(key, "key converter of " + owner);
            Worker.closeQuietly(value, "value converter of " + owner);
            Worker.closeQuietly(header, "header converter of " + owner);
            throw e;
        }
    }

    /** Closes the transforms and the converters, logging (not throwing) what fails. */
    @Override
    public void close() {
        Worker.closeQuietly(transforms, "transforms of " + owner);
        Worker.closeQuietly(key, "key converter of " + owner);
        Worker.closeQuietly(value, "value converter of " + owner);
        Worker.closeQuietly(header, "header converter of " + owner);
    }
}
