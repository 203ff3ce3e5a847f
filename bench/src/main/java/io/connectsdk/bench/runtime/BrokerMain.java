package io.connectsdk.bench.runtime;

import io.connectsdk.testkit.kafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.InputStream;

/**
 * The broker JVM of the runtime benchmark: starts one {@link EmbeddedKafkaBroker}, prints
 * {@code BOOTSTRAP <host:port>} on stdout, and runs until its stdin is closed (the harness closes it,
 * or dies), then stops the broker and deletes its storage.
 */
public final class BrokerMain {
    static final String READY_PREFIX = "BOOTSTRAP ";

    private BrokerMain() {
    }

    /**
     * @param args none
     * @throws IOException when stdin cannot be read
     */
    public static void main(String[] args) throws IOException {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                .autoCreateTopics(false)
                .brokerProperty("num.partitions", "1")
                .build()
                .start();
        System.out.println(READY_PREFIX + broker.bootstrapServers());
        System.out.flush();
        InputStream in = System.in;
        byte[] buf = new byte[256];
        while (in.read(buf) >= 0) {
            // wait for end of input
        }
        try {
            broker.close();
        } finally {
            Runtime.getRuntime().halt(0);
        }
    }
}
