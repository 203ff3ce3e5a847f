package io.connectsdk.runtime.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.runtime.herder.BadRequestException;
import io.connectsdk.runtime.herder.Herder;
import io.connectsdk.runtime.herder.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's REST server: Kafka Connect's REST API (same paths and JSON shapes) on the
 * {@code listeners} of the worker configuration, answered from a {@link Herder}.
 *
 * <p>Configuration (Kafka Connect's keys): {@code listeners} (comma-separated
 * {@code http://host:port} / {@code https://host:port}, default {@code http://:8083}; an empty host
 * binds all interfaces, port 0 a free port); for https listeners {@code listeners.https.ssl.*}, or
 * when no key has that prefix the plain {@code ssl.*} keys (key store, trust store,
 * {@code ssl.client.auth}, protocols, cipher suites); {@code rest.advertised.listener},
 * {@code rest.advertised.host.name} and {@code rest.advertised.port} for {@link #advertisedUri()}.
 *
 * <p>When read-only (standalone mode) every request that would change a connector, including the
 * GET forms of pause, resume and restart, is refused with 405 and the herder is not called.
 *
 * <p>Usage: construct (checks the configuration and loads key stores), {@link #start()} (binds),
 * {@link #stop()}. Requests run on a small bounded pool of daemon threads named
 * {@code connect-rest-N}. Thread-safe.
 */
public final class RestServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RestServer.class);

    /** How long {@link #stop()} waits for requests in progress. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(5);

    private static final int THREADS = 8;
    private static final int QUEUE = 256;
    private static final String JSON_TYPE = "application/json";

    private final RestConfig config;
    private final ConnectApi api;
    private final boolean readOnly;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object idle = new Object();

    private ThreadPoolExecutor executor;
    private final List<HttpServer> servers = new ArrayList<>();
    private volatile List<URI> uris = List.of();
    private volatile URI advertisedUri;
    private volatile boolean stopping;
    private boolean started;

    /**
     * @param workerConfig the worker's configuration (values are used through {@code toString()})
     * @param herder answers the requests
     * @param plugins the installed plugins for {@code GET /connector-plugins}, asked on every such
     *     request; may return {@code null} for none
     * @param readOnly true in standalone mode: refuse every change with 405
     * @throws ConfigException naming the key when the REST configuration is invalid, including an
     *     https listener whose key store cannot be loaded
     */
    public RestServer(Map<String, ?> workerConfig, Herder herder, Supplier<? extends Collection<PluginInfo>> plugins,
            boolean readOnly) {
        Objects.requireNonNull(herder, "herder");
        Objects.requireNonNull(plugins, "plugins");
        this.config = RestConfig.parse(workerConfig);
        this.readOnly = readOnly;
        String[] build = buildInfo();
        this.api = new ConnectApi(herder, plugins, build[0], build[1], config.topicTracking());
    }

    /**
     * Binds every listener and starts serving. When one listener cannot be bound, the ones already
     * bound are closed again.
     *
     * @throws ConnectException naming the listener when it cannot be bound
     * @throws IllegalStateException when already started or stopped
     */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("The REST server was already started");
        }
        started = true;
        AtomicInteger threadCount = new AtomicInteger();
        executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE),
                r -> {
                    Thread t = new Thread(r, "connect-rest-" + threadCount.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        executor.allowCoreThreadTimeOut(true);
        List<URI> bound = new ArrayList<>();
        String localHost = null;
        try {
            for (RestConfig.Listener listener : config.listeners()) {
                HttpServer server = bind(listener);
                servers.add(server);
                server.createContext("/", this::handle);
                server.setExecutor(executor);
                server.start();
                String host = listener.host();
                if (listener.wildcard()) {
                    localHost = localHost == null ? localHostAddress() : localHost;
                    host = localHost;
                }
                bound.add(uri(listener.scheme(), host, server.getAddress().getPort()));
                log.info("REST server listening on {} ({})", bound.get(bound.size() - 1), listener);
            }
        } catch (RuntimeException e) {
            stopServers();
            executor.shutdownNow();
            throw e;
        }
        uris = List.copyOf(bound);
        advertisedUri = advertise(bound);
        log.info("REST server started{}; advertised URL {}", readOnly ? " (read-only)" : "", advertisedUri);
    }

    private HttpServer bind(RestConfig.Listener listener) {
        InetSocketAddress address;
        if (listener.wildcard()) {
            address = new InetSocketAddress(listener.port());
        } else {
            address = new InetSocketAddress(listener.host(), listener.port());
            if (address.isUnresolved()) {
                throw new ConfigException(RestConfig.LISTENERS, listener.toString(),
                        "host '" + listener.host() + "' cannot be resolved");
            }
        }
        try {
            if (!listener.https()) {
                return HttpServer.create(address, 0);
            }
            TlsSettings tls = config.tls();
            HttpsServer server = HttpsServer.create(address, 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls.context()) {
                @Override
                public void configure(HttpsParameters params) {
                    params.setSSLParameters(tls.parameters());
                }
            });
            return server;
        } catch (IOException e) {
            throw new ConnectException("Cannot bind REST listener " + listener + ": " + e.getMessage(), e);
        }
    }

    /** Stops serving, waiting up to {@link #DEFAULT_STOP_TIMEOUT} for requests in progress. */
    public void stop() {
        stop(DEFAULT_STOP_TIMEOUT);
    }

    /**
     * Stops serving: new requests get 503, requests in progress get up to {@code timeout} to finish,
     * then the listeners are closed. Idempotent; does nothing when never started.
     *
     * @param timeout how long to wait for requests in progress
     */
    public synchronized void stop(Duration timeout) {
        if (!started || executor == null || executor.isShutdown()) {
            return;
        }
        stopping = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("Stopping the REST server with {} request(s) still in progress", inFlight.get());
                    break;
                }
                try {
                    idle.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        stopServers();
        executor.shutdown();
        try {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!executor.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        log.info("REST server stopped");
    }

    private void stopServers() {
        for (HttpServer server : servers) {
            try {
                server.stop(0);
            } catch (RuntimeException e) {
                log.warn("Error closing REST listener {}", server.getAddress(), e);
            }
        }
        servers.clear();
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /**
     * @return the bound listeners' URIs, in {@code listeners} order, with the real port when port 0
     *     was configured, e.g. {@code http://127.0.0.1:40123/}; a listener on all interfaces shows this
     *     host's address. Empty before {@link #start()}
     */
    public List<URI> uris() {
        return uris;
    }

    /**
     * The URL other workers and clients should use: the listener named by
     * {@code rest.advertised.listener} (else the first http listener, else the first), with
     * {@code rest.advertised.host.name} and {@code rest.advertised.port} when set.
     *
     * @return e.g. {@code http://worker1:8083/}
     * @throws IllegalStateException before {@link #start()}
     */
    public URI advertisedUri() {
        URI uri = advertisedUri;
        if (uri == null) {
            throw new IllegalStateException("The REST server is not started, so its advertised URL is not known yet");
        }
        return uri;
    }

    /**
     * @return this worker's id as Kafka Connect forms it, {@code host:port} of {@link #advertisedUri()}
     * @throws IllegalStateException before {@link #start()}
     */
    public String workerId() {
        URI uri = advertisedUri();
        return uri.getHost() + ":" + uri.getPort();
    }

    /** @return whether changes are refused (standalone mode) */
    public boolean readOnly() {
        return readOnly;
    }

    /** @return the version {@code GET /} reports */
    public String version() {
        return api.version();
    }

    private URI advertise(List<URI> bound) {
        int index = 0;
        List<RestConfig.Listener> listeners = config.listeners();
        String wanted = config.advertisedListener();
        for (int i = 0; i < listeners.size(); i++) {
            if (wanted == null ? !listeners.get(i).https() : listeners.get(i).scheme().equals(wanted)) {
                index = i;
                break;
            }
        }
        URI base = bound.get(index);
        String host = config.advertisedHostName() != null ? config.advertisedHostName() : base.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = config.advertisedPort() != null ? config.advertisedPort() : base.getPort();
        return uri(base.getScheme(), host, port);
    }

    private static URI uri(String scheme, String host, int port) {
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create(scheme + "://" + h + ":" + port + "/");
    }

    private static String localHostAddress() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress().getHostAddress();
        }
    }

    // ---- request handling

    /** JSON of every error: {@code {"error_code":404,"message":"..."}}. */
    record ErrorMessage(@JsonProperty("error_code") int errorCode, @JsonProperty("message") String message) {
    }

    private void handle(HttpExchange exchange) {
        inFlight.incrementAndGet();
        long start = System.nanoTime();
        String method = exchange.getRequestMethod();
        URI requestUri = exchange.getRequestURI();
        int status = 500;
        try {
            Response response;
            try {
                response = stopping ? error(503, "The REST server is stopping") : dispatch(exchange);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                response = failure(t, method, requestUri);
            }
            byte[] body;
            try {
                body = response.body() == null ? null : ConnectApi.Json.MAPPER.writeValueAsBytes(response.body());
            } catch (IOException | RuntimeException e) {
                response = failure(e, method, requestUri);
                body = ConnectApi.Json.MAPPER.writeValueAsBytes(response.body());
            }
            status = response.status();
            write(exchange, response, body);
        } catch (IOException | RuntimeException e) {
            log.debug("Cannot send the response to {} {}: {}", method, requestUri, e.toString());
        } finally {
            exchange.close();
            if (inFlight.decrementAndGet() == 0) {
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
            if (log.isDebugEnabled()) {
                log.debug("{} {} -> {} in {} ms", method, requestUri, status,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
        }
    }

    private Response dispatch(HttpExchange exchange) throws Exception {
        String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        URI requestUri = exchange.getRequestURI();
        String rawPath = requestUri.getRawPath();
        Router.Match match = api.router().match(method, rawPath);
        if (!match.found()) {
            if (match.pathKnown()) {
                return error(405, "Method " + method + " is not allowed on " + rawPath + "; allowed: "
                        + String.join(", ", match.allowedMethods()))
                        .withHeader("Allow", String.join(", ", match.allowedMethods()));
            }
            return error(404, "No such endpoint: " + method + " " + rawPath);
        }
        InputStream body = exchange.getRequestBody();
        Request request = new Request(method, rawPath, match.variables(), requestUri.getRawQuery(), body);
        Router.Route route = match.route();
        if (route.change() && readOnly) {
            return error(405, readOnlyMessage(route, request))
                    .withHeader("Allow", String.join(", ", api.router().readMethods(rawPath)));
        }
        return route.handler().handle(request);
    }

    private static String readOnlyMessage(Router.Route route, Request request) {
        String name = ConnectApi.connectorName(request);
        String path = route.path();
        String action;
        if (path.equals("/connectors")) {
            action = "create";
        } else if (path.endsWith("/offsets")) {
            action = (route.method().equals("DELETE") ? "reset" : "alter") + " the offsets of";
        } else if (route.method().equals("DELETE")) {
            action = "delete";
        } else if (path.endsWith("/config")) {
            action = "change the configuration of";
        } else if (path.endsWith("/tasks/{task}/restart")) {
            action = "restart task " + request.variable("task") + " of";
        } else {
            action = path.substring(path.lastIndexOf('/') + 1);
        }
        String connector = name == null ? "a connector" : "connector " + name;
        return "Cannot " + action + " " + connector + ": this worker runs in standalone mode, where connectors "
                + "are configured only by the properties files given to the worker at startup, so its REST API is "
                + "read-only. To change " + (name == null ? "connectors" : "connector " + name)
                + ", restart the worker with a changed connector properties file, or run the workers in "
                + "distributed mode to manage connectors over REST.";
    }

    private static Response error(int status, String message) {
        return Response.of(status, new ErrorMessage(status, message));
    }

    private static Response failure(Throwable thrown, String method, URI uri) {
        Throwable t = thrown;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof RestException e) {
            return error(e.status(), e.getMessage());
        }
        if (t instanceof NotFoundException) {
            return error(404, t.getMessage());
        }
        if (t instanceof ConfigException || t instanceof BadRequestException) {
            return error(400, t.getMessage());
        }
        if (t.getClass().getSimpleName().equals("AlreadyExistsException")) {
            return error(409, t.getMessage());
        }
        log.error("Unexpected error answering {} {}", method, uri, t);
        String message = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getName() : t.getMessage();
        return error(500, message);
    }

    private static void write(HttpExchange exchange, Response response, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON_TYPE);
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean noBody = body == null || "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** @return {version, commit} from the runtime jar's manifest or Maven properties, else "unknown" */
    private static String[] buildInfo() {
        String version = null;
        Package pkg = RestServer.class.getPackage();
        if (pkg != null) {
            version = pkg.getImplementationVersion();
        }
        if (version == null || version.isBlank()) {
            try (InputStream in = RestServer.class.getResourceAsStream(
                    "/META-INF/maven/io.connectsdk/connect-sdk-runtime/pom.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    version = p.getProperty("version");
                }
            } catch (IOException e) {
                version = null;
            }
        }
        String commit = null;
        try (InputStream in = RestServer.class.getResourceAsStream("connect-sdk-build.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                commit = p.getProperty("commit");
                if (version == null || version.isBlank() || version.startsWith("${")) {
                    version = p.getProperty("version");
                }
            }
        } catch (IOException e) {
            commit = null;
        }
        return new String[] {
            version == null || version.isBlank() || version.startsWith("${") ? "unknown" : version,
            commit == null || commit.isBlank() || commit.startsWith("${") ? "unknown" : commit
        };
    }
}
