package io.connectsdk.runtime.worker;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.runtime.config.ConnectorConfig;
import io.connectsdk.runtime.config.WorkerConfig;
import io.connectsdk.runtime.herder.ConnectorTaskId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Builds the settings of the Kafka clients of tasks, as Kafka Connect does: the worker's defaults,
 * then the worker's {@code producer.*}/{@code consumer.*}/{@code admin.*} settings, then the
 * connector's {@code producer.override.*}/{@code consumer.override.*}/{@code admin.override.*}
 * settings as far as the worker's {@code connector.client.config.override.policy} allows.
 *
 * <p>Producer defaults (Kafka Connect's): {@code acks=all},
 * {@code max.in.flight.requests.per.connection=1}, {@code enable.idempotence=false},
 * {@code max.block.ms=Long.MAX_VALUE}, {@code delivery.timeout.ms=Integer.MAX_VALUE}, byte-array
 * serializers, {@code client.id=connector-producer-<connector>-<task>}. Consumer defaults:
 * {@code group.id=connect-<connector>}, {@code enable.auto.commit=false},
 * {@code auto.offset.reset=earliest}, byte-array deserializers,
 * {@code client.id=connector-consumer-<connector>-<task>}. A worker {@code client.id} is used as
 * the prefix of these ids instead of {@code connector}. Stateless.
 */
public final class ClientConfigs {
    /** What the {@code Principal} policy lets connectors override. */
    public static final Set<String> PRINCIPAL_OVERRIDES = Set.of("sasl.jaas.config", "sasl.mechanism",
            "security.protocol");

    private ClientConfigs() {
    }

    /**
     * @param worker the worker configuration
     * @param connector the connector configuration (for overrides)
     * @param id the task
     * @return the producer settings of a source task (also used by dead letter queue producers)
     */
    public static Map<String, Object> producer(WorkerConfig worker, ConnectorConfig connector, ConnectorTaskId id) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, worker.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(Long.MAX_VALUE));
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(Integer.MAX_VALUE));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientIdPrefix(worker) + "-producer-" + id);
        props.putAll(worker.originalsWithPrefix("producer."));
        props.putAll(overrides(worker, connector, ConnectorConfig.PRODUCER_OVERRIDE_PREFIX));
        return props;
    }

    /**
     * @param worker the worker configuration
     * @param connector the connector configuration (for overrides)
     * @param id the task
     * @return the consumer settings of a sink task
     */
    public static Map<String, Object> consumer(WorkerConfig worker, ConnectorConfig connector, ConnectorTaskId id) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "connect-" + id.connector());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, worker.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientIdPrefix(worker) + "-consumer-" + id);
        props.putAll(worker.originalsWithPrefix("consumer."));
        props.putAll(overrides(worker, connector, ConnectorConfig.CONSUMER_OVERRIDE_PREFIX));
        return props;
    }

    /**
     * @param worker the worker configuration
     * @param connector the connector configuration (for overrides)
     * @param id the task
     * @return the admin settings of a sink task's dead letter queue: the worker's unprefixed admin
     *     settings, its {@code admin.*} settings, then the connector's {@code admin.override.*}
     */
    public static Map<String, Object> admin(WorkerConfig worker, ConnectorConfig connector, ConnectorTaskId id) {
        Map<String, Object> props = new HashMap<>();
        Set<String> adminNames = AdminClientConfig.configNames();
        worker.originals().forEach((k, v) -> {
            if (adminNames.contains(k)) {
                props.put(k, v);
            }
        });
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, worker.bootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientIdPrefix(worker) + "-dlq-adminclient-" + id);
        props.putAll(worker.originalsWithPrefix("admin."));
        props.putAll(overrides(worker, connector, ConnectorConfig.ADMIN_OVERRIDE_PREFIX));
        return props;
    }

    private static String clientIdPrefix(WorkerConfig worker) {
        String configured = worker.getString(WorkerConfig.CLIENT_ID_CONFIG);
        return configured == null || configured.isEmpty() ? "connector" : configured;
    }

    private static Map<String, Object> overrides(WorkerConfig worker, ConnectorConfig connector, String prefix) {
        Map<String, Object> overrides = connector.originalsWithPrefix(prefix);
        checkPolicy(worker.clientOverridePolicy(), prefix, overrides);
        return overrides;
    }

    /**
     * Checks a connector's client overrides against the worker's policy, without throwing.
     *
     * @param policy {@code All}, {@code None} or {@code Principal}
     * @param connectorProps the connector configuration
     * @return error messages per connector key; empty when every override is allowed
     */
    public static Map<String, List<String>> policyErrors(String policy, Map<String, String> connectorProps) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (String prefix : List.of(ConnectorConfig.PRODUCER_OVERRIDE_PREFIX, ConnectorConfig.CONSUMER_OVERRIDE_PREFIX,
                ConnectorConfig.ADMIN_OVERRIDE_PREFIX)) {
            for (String key : connectorProps.keySet()) {
                if (key.startsWith(prefix) && key.length() > prefix.length()) {
                    String client = key.substring(prefix.length());
                    if (!allowed(policy, client)) {
                        errors.put(key, List.of("Invalid value " + connectorProps.get(key) + " for configuration " + key
                                + ": the worker's " + WorkerConfig.CONNECTOR_CLIENT_POLICY_CLASS_CONFIG + "=" + policy
                                + (policy.equals("None") ? " does not allow client overrides"
                                        : " allows only overrides of " + PRINCIPAL_OVERRIDES)));
                    }
                }
            }
        }
        return errors;
    }

    private static boolean allowed(String policy, String clientKey) {
        switch (policy) {
            case "All":
                return true;
            case "Principal":
                return PRINCIPAL_OVERRIDES.contains(clientKey);
            default:
                return false;
        }
    }

    private static void checkPolicy(String policy, String prefix, Map<String, Object> overrides) {
        Map<String, String> asProps = new LinkedHashMap<>();
        overrides.forEach((k, v) -> asProps.put(prefix + k, String.valueOf(v)));
        Map<String, List<String>> errors = policyErrors(policy, asProps);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }
}
