package io.connectsdk.testkit.kafka;

/**
 * Thrown, in place of terminating the JVM, when Kafka server code calls
 * {@code org.apache.kafka.common.utils.internals.Exit.exit} or {@code Exit.halt} while an
 * {@link EmbeddedKafkaBroker} is running in this JVM (for example from the broker's fatal-error
 * handler). It is thrown on the thread that asked for the exit, which is usually a broker thread;
 * the broker concerned should be considered broken and closed.
 */
public final class ExitPreventedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The exit status Kafka asked for. */
    private final int status;
    /** Whether Kafka asked for a halt rather than an exit. */
    private final boolean halt;

    ExitPreventedException(int status, boolean halt, String message) {
        super("Kafka asked to " + (halt ? "halt" : "exit") + " the JVM with status " + status
                + (message == null ? "" : " (" + message + ")")
                + "; prevented because an embedded Kafka broker is running in this JVM");
        this.status = status;
        this.halt = halt;
    }

    /** @return the exit status Kafka asked for */
    public int status() {
        return status;
    }

    /** @return {@code true} if Kafka asked for {@code Runtime.halt}, {@code false} for {@code System.exit} */
    public boolean isHalt() {
        return halt;
    }
}
