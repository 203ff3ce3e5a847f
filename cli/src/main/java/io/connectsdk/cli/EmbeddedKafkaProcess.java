package io.connectsdk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The embedded broker of {@code --embedded-kafka} in a process of its own, for the launcher's
 * class-data-sharing warm-up ({@link io.connectsdk.cli.warmup.ClassDataSharingWarmup}), whose archive
 * must hold the worker's classes but not the broker's.
 *
 * <p>Protocol: {@code main(<storage dir>)} starts the broker and prints one line,
 * {@value #READY_PREFIX}{@code <host:port>}, on stdout; it stops the broker and exits when its stdin
 * reaches end of file (the parent closed it, or died). Exit code 1 with a message on stderr when the
 * broker cannot start.
 */
public final class EmbeddedKafkaProcess {
    /** The prefix of the line that gives the bootstrap address. */
    public static final String READY_PREFIX = "embedded-kafka bootstrap.servers=";

    private EmbeddedKafkaProcess() {
    }

    /**
     * @param args the broker's storage directory (created and formatted if needed)
     * @throws IOException when stdin cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: EmbeddedKafkaProcess <storage directory>");
            System.exit(2);
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "error"));
        System.setProperty("org.slf4j.simpleLogger.logFile", System.getProperty("org.slf4j.simpleLogger.logFile", "System.err"));
        EmbeddedKafka broker;
        try {
            broker = EmbeddedKafka.start(Path.of(args[0]));
        } catch (RuntimeException e) {
            System.err.println("the embedded broker did not start: " + e);
            System.exit(1);
            return;
        }
        try {
            System.out.println(READY_PREFIX + broker.bootstrapServers());
            System.out.flush();
            InputStream in = System.in;
            while (in.read() >= 0) {
                // wait for end of file: the parent's signal to stop
            }
        } finally {
            broker.close();
        }
        System.exit(0);
    }
}
