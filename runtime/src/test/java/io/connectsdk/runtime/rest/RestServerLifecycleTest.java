package io.connectsdk.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.errors.ConnectException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Binding, advertised URL, worker threads and bounded shutdown. */
class RestServerLifecycleTest {
    final FakeHerder herder = new FakeHerder();

    @Test
    void advertisedUriDefaultsToTheBoundListenerAndCanBeOverridden() {
        try (RestServer server = new RestServer(Map.of("listeners", "http://127.0.0.1:0"), herder, List::of, true)) {
            assertThatThrownBy(server::advertisedUri).isInstanceOf(IllegalStateException.class);
            server.start();
            URI uri = server.uris().get(0);
            assertThat(uri.toString()).matches("http://127\\.0\\.0\\.1:[1-9][0-9]*/");
            assertThat(server.advertisedUri()).isEqualTo(uri);
            assertThat(server.workerId()).isEqualTo("127.0.0.1:" + uri.getPort());
            assertThat(server.readOnly()).isTrue();
        }
        Map<String, String> config = Map.of("listeners", "http://127.0.0.1:0",
                "rest.advertised.host.name", "worker1.example", "rest.advertised.port", "9999");
        try (RestServer server = new RestServer(config, herder, List::of, false)) {
            server.start();
            assertThat(server.advertisedUri()).hasToString("http://worker1.example:9999/");
            assertThat(server.workerId()).isEqualTo("worker1.example:9999");
        }
    }

    @Test
    void aBusyPortFailsStartNamingTheListenerAndReleasesTheOthers() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String listeners = "http://127.0.0.1:0,http://127.0.0.1:" + busy.getLocalPort();
            RestServer server = new RestServer(Map.of("listeners", listeners), herder, List::of, true);
            assertThatThrownBy(server::start)
                    .isInstanceOf(ConnectException.class)
                    .hasMessageContaining("http://127.0.0.1:" + busy.getLocalPort());
            assertThat(server.uris()).isEmpty();
            server.stop();
        }
    }

    @Test
    void requestsRunOnDaemonRestThreads() {
        try (RestServer server = new RestServer(Map.of("listeners", "http://127.0.0.1:0"), herder, List::of, true)) {
            server.start();
            assertThat(new RestClient(server.uris().get(0)).get("/connectors").status()).isEqualTo(200);
            assertThat(herder.lastThread.getName()).startsWith("connect-rest-");
            assertThat(herder.lastThread.isDaemon()).isTrue();
        }
    }

    @Test
    void stopWaitsForARequestInProgressThenRefusesConnections() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        herder.onConnectors = () -> {
            entered.countDown();
            sleep(300);
        };
        RestServer server = new RestServer(Map.of("listeners", "http://127.0.0.1:0"), herder, List::of, true);
        server.start();
        RestClient client = new RestClient(server.uris().get(0));
        CompletableFuture<RestClient.Reply> inProgress = CompletableFuture.supplyAsync(() -> client.get("/connectors"));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        server.stop(Duration.ofSeconds(5));
        assertThat(inProgress.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThatThrownBy(() -> new RestClient(server.uris().get(0)).get("/")).isInstanceOf(UncheckedIOException.class);
        server.stop();
    }

    @Test
    void stopIsBoundedWhenARequestHangs() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        herder.onConnectors = () -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        RestServer server = new RestServer(Map.of("listeners", "http://127.0.0.1:0"), herder, List::of, true);
        server.start();
        RestClient client = new RestClient(server.uris().get(0));
        CompletableFuture<?> hanging = CompletableFuture.runAsync(() -> {
            try {
                client.get("/connectors");
            } catch (RuntimeException expected) {
                // the connection is closed by stop
            }
        });
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        server.stop(Duration.ofMillis(200));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3000);
        release.countDown();
        hanging.get(5, TimeUnit.SECONDS);
    }

    @Test
    void startTwiceIsAnError() {
        try (RestServer server = new RestServer(Map.of("listeners", "http://127.0.0.1:0"), herder, List::of, true)) {
            server.start();
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
