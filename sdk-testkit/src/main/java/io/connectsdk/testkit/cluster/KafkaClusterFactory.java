package io.connectsdk.testkit.cluster;

import java.util.function.Function;

/**
 * Chooses and creates the {@link KafkaCluster} for a test run.
 *
 * <p>The mode: an explicit argument, else the system property {@value #MODE_PROPERTY}, else the
 * environment variable {@value #MODE_ENV}, else {@link KafkaMode#EMBEDDED}. For
 * {@link KafkaMode#EXTERNAL} the bootstrap address comes from the system property
 * {@value #BOOTSTRAP_PROPERTY}, else the environment variable {@value #BOOTSTRAP_ENV}. For
 * {@link KafkaMode#CONTAINER} the image from {@value #IMAGE_PROPERTY}, else
 * {@link ContainerKafkaCluster#DEFAULT_IMAGE}.
 *
 * <pre>{@code
 * mvn verify                                                    # embedded broker
 * mvn verify -Dconnectsdk.kafka=container                       # Testcontainers (needs Docker)
 * mvn verify -Dconnectsdk.kafka=external -Dconnectsdk.kafka.bootstrap=127.0.0.1:9092
 * }</pre>
 * (Maven Surefire passes {@code -D} properties to forked test JVMs only through its
 * {@code systemPropertyVariables} or {@code argLine}; the environment variables always reach them.)
 *
 * <p>Stateless and thread-safe; the clusters it returns are not started.
 */
public final class KafkaClusterFactory {
    /** System property naming the mode: {@code embedded}, {@code container} or {@code external}. */
    public static final String MODE_PROPERTY = "connectsdk.kafka";
    /** Environment variable naming the mode, used when the system property is not set. */
    public static final String MODE_ENV = "CONNECTSDK_KAFKA_MODE";
    /** System property with the bootstrap address of an external cluster. */
    public static final String BOOTSTRAP_PROPERTY = "connectsdk.kafka.bootstrap";
    /** Environment variable with the bootstrap address, used when the system property is not set. */
    public static final String BOOTSTRAP_ENV = "CONNECTSDK_KAFKA_BOOTSTRAP";
    /** System property with the Docker image of the container mode. */
    public static final String IMAGE_PROPERTY = "connectsdk.kafka.image";

    private KafkaClusterFactory() {
    }

    /** @return an unstarted cluster of the mode {@link #resolveMode(KafkaMode) resolveMode(null)} gives */
    public static KafkaCluster create() {
        return create(null);
    }

    /**
     * @param explicit the mode to use, or {@code null} to take it from the system property,
     *     environment variable or default
     * @return an unstarted cluster of that mode
     * @throws IllegalArgumentException when the property or variable names no mode
     */
    public static KafkaCluster create(KafkaMode explicit) {
        switch (resolveMode(explicit)) {
            case CONTAINER:
                return new ContainerKafkaCluster();
            case EXTERNAL:
                return new ExternalKafkaCluster(externalBootstrap());
            case EMBEDDED:
            default:
                return new EmbeddedKafkaCluster();
        }
    }

    /**
     * @param explicit a mode that wins over everything, or {@code null}
     * @return the mode to use
     * @throws IllegalArgumentException when the property or variable names no mode
     */
    public static KafkaMode resolveMode(KafkaMode explicit) {
        return resolveMode(explicit, System::getProperty, System::getenv);
    }

    static KafkaMode resolveMode(KafkaMode explicit, Function<String, String> properties, Function<String, String> env) {
        if (explicit != null) {
            return explicit;
        }
        String fromProperty = properties.apply(MODE_PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return parse(fromProperty, "-D" + MODE_PROPERTY);
        }
        String fromEnv = env.apply(MODE_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return parse(fromEnv, "environment variable " + MODE_ENV);
        }
        return KafkaMode.EMBEDDED;
    }

    /** @return the external bootstrap address from the property or variable, or {@code null} */
    public static String externalBootstrap() {
        return externalBootstrap(System::getProperty, System::getenv);
    }

    static String externalBootstrap(Function<String, String> properties, Function<String, String> env) {
        String p = properties.apply(BOOTSTRAP_PROPERTY);
        if (p != null && !p.isBlank()) {
            return p.trim();
        }
        String e = env.apply(BOOTSTRAP_ENV);
        return e == null || e.isBlank() ? null : e.trim();
    }

    private static KafkaMode parse(String text, String source) {
        try {
            return KafkaMode.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (from " + source + ")", e);
        }
    }
}
