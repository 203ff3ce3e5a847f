package io.connectsdk.examples.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.connectsdk.testkit.conformance.SinkConnectorConformance;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The sink conformance suite for {@link HttpSinkConnector}, against a JDK {@link HttpServer} on
 * 127.0.0.1 and a free port, fresh for every check: it stores the elements of every JSON array
 * posted to it (the record values, with {@code payload.format=value}), and can be made to hang.
 */
class HttpSinkConnectorConformanceTest extends SinkConnectorConformance<HttpSinkConnector> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch hang;
    private HttpServer server;
    private ExecutorService handlers;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "conformance-test-http-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(handlers);
        server.createContext("/records", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                CountDownLatch gate = hang;
                if (gate != null) {
                    try {
                        gate.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                List<?> values = JSON.readValue(body, List.class);
                for (Object v : values) {
                    received.add(String.valueOf(v));
                }
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        CountDownLatch gate = hang;
        if (gate != null) {
            gate.countDown();
        }
        server.stop(0);
        handlers.shutdownNow();
    }

    @Override
    protected Class<HttpSinkConnector> connectorClass() {
        return HttpSinkConnector.class;
    }

    @Override
    protected Map<String, String> validConfig() {
        return Map.of(HttpSinkConfig.URL_CONFIG, "http://127.0.0.1:" + server.getAddress().getPort() + "/records",
                "topics", "orders", HttpSinkConfig.MAX_RETRIES_CONFIG, "1", HttpSinkConfig.RETRY_BACKOFF_MS_CONFIG, "100");
    }

    /** The values the server received, one per array element. */
    @Override
    protected Collection<?> readBack() {
        return new ArrayList<>(received);
    }

    /** Makes the server hold every request (without answering) until the returned handle is closed. */
    @Override
    protected AutoCloseable blockDestination() {
        CountDownLatch gate = new CountDownLatch(1);
        hang = gate;
        return () -> {
            hang = null;
            gate.countDown();
        };
    }
}
