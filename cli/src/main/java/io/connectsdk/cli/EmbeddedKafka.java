package io.connectsdk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The in-JVM Kafka broker of {@code connect-sdk standalone --embedded-kafka}: sdk-testkit-kafka's
 * {@code EmbeddedKafkaBroker}, loaded in a class loader of its own from the {@value #LIB_DIR}
 * directory next to the CLI's jar (the build puts the broker and its dependencies there, not in
 * {@code lib/}). So the broker's dependencies (Kafka's server, Scala, Log4j, ...) stay off the
 * CLI's class path, which {@code connect-sdk validate} takes for the runtime's when it looks for
 * packages a plugin shares with the runtime. When the broker class is already on the class path
 * (tests), that copy is used.
 *
 * <p>Calls into the broker run with its loader as the thread's context class loader, because Kafka
 * loads classes named in its configuration (e.g. group assignors) through it.
 */
final class EmbeddedKafka implements AutoCloseable {
    /** The broker class. */
    static final String BROKER_CLASS = "io.connectsdk.testkit.kafka.EmbeddedKafkaBroker";
    /** The directory, next to the CLI's jar (or classes), that holds the broker's jars. */
    static final String LIB_DIR = "kafka-lib";

    private final Object broker;
    private final ClassLoader loader;
    private final URLClassLoader ownedLoader;

    private EmbeddedKafka(Object broker, ClassLoader loader, URLClassLoader ownedLoader) {
        this.broker = broker;
        this.loader = loader;
        this.ownedLoader = ownedLoader;
    }

    /**
     * Starts a single-node broker on free 127.0.0.1 ports.
     *
     * @param logDir the broker's storage; created and formatted if needed, never deleted
     * @return the running broker
     * @throws IllegalStateException when the broker's libraries are missing or it cannot start
     */
    static EmbeddedKafka start(Path logDir) {
        ClassLoader cliLoader = EmbeddedKafka.class.getClassLoader();
        ClassLoader loader;
        URLClassLoader owned = null;
        try {
            Class.forName(BROKER_CLASS, false, cliLoader);
            loader = cliLoader;
        } catch (ClassNotFoundException e) {
            owned = libraryLoader(cliLoader);
            loader = owned;
        }
        try {
            Object b = withLoader(loader, () -> {
                Class<?> type = Class.forName(BROKER_CLASS, true, Thread.currentThread().getContextClassLoader());
                Object builder = type.getMethod("builder").invoke(null);
                builder = builder.getClass().getMethod("logDir", Path.class).invoke(builder, logDir);
                Object created = builder.getClass().getMethod("build").invoke(builder);
                type.getMethod("start").invoke(created);
                return created;
            });
            return new EmbeddedKafka(b, loader, owned);
        } catch (RuntimeException | Error e) {
            closeQuietly(owned);
            throw e;
        }
    }

    /** @return the address clients use, {@code 127.0.0.1:<port>} */
    String bootstrapServers() {
        return (String) call("bootstrapServers");
    }

    /** @return the broker's cluster id */
    String clusterId() {
        return (String) call("clusterId");
    }

    /** Stops the broker (waiting for it) and releases its class loader. Its storage is left in place. */
    @Override
    public void close() {
        try {
            call("close");
        } finally {
            closeQuietly(ownedLoader);
        }
    }

    private Object call(String method) {
        return withLoader(loader, () -> broker.getClass().getMethod(method).invoke(broker));
    }

    private interface Call {
        Object run() throws ReflectiveOperationException;
    }

    private static Object withLoader(ClassLoader loader, Call call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.run();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(String.valueOf(cause), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The embedded Kafka broker in " + LIB_DIR + " does not match this CLI: " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static URLClassLoader libraryLoader(ClassLoader parent) {
        Path dir = libraryDirectory();
        List<URL> urls = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(jar.toUri().toURL());
                }
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        if (urls.isEmpty()) {
            throw new IllegalStateException("its libraries are missing: " + dir + " holds no jars (build the CLI with"
                    + " 'mvn -B -q install -DskipTests', which puts them there)");
        }
        return new URLClassLoader("embedded-kafka", urls.toArray(new URL[0]), parent);
    }

    /** @return {@value #LIB_DIR} next to the jar (or class folder) this class was loaded from */
    static Path libraryDirectory() {
        try {
            Path location = Path.of(EmbeddedKafka.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toAbsolutePath().getParent().resolve(LIB_DIR);
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where the CLI is installed: " + e, e);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                // only open jar files are released; nothing to report
            }
        }
    }
}
