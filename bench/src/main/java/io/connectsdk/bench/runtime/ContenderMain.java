package io.connectsdk.bench.runtime;

import io.connectsdk.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;

/**
 * One contender of the runtime benchmark, in a JVM of its own (started by {@link RuntimeBench}):
 * moves {@code records} records through one of
 * <ul>
 *   <li>{@code ours}: connect-sdk's standalone worker, started in this JVM exactly as
 *       {@code connect-sdk standalone worker.properties connector.properties} does
 *       ({@link Main#execute}: REST, plugin discovery, cluster id lookup, worker), hosting
 *       {@link SdkBenchSourceConnector} / {@link SdkBenchSinkConnector};</li>
 *   <li>{@code connect}: Apache Kafka Connect 4.4's standalone worker, started in this JVM exactly
 *       as {@code connect-standalone.sh worker.properties connector.properties} does
 *       ({@link ConnectStandalone}: {@code startConnect}, then {@code processExtraArgs}), with
 *       {@code plugin.discovery=service_load}, hosting {@link KafkaBenchSourceConnector} /
 *       {@link KafkaBenchSinkConnector};</li>
 *   <li>{@code raw}: a {@link KafkaProducer} sending the same bytes / a {@link KafkaConsumer}
 *       polling them, with the same client settings;</li>
 *   <li>{@code rawdecode} (sinks only, a reference): the raw consumer, also decoding each value as
 *       the sink task gets it (a {@code String}, or a map parsed by Jackson's {@code ObjectMapper});</li>
 * </ul>
 * then prints one {@code RESULT key=value ...} line on stdout and halts (shutdown is not measured).
 *
 * <p>Arguments are {@code key=value}: {@code contender, mode (source|sink), format (string|json),
 * settings (defaults|tuned), bootstrap, topic, records, size, name, workdir, timeoutMs}.
 */
public final class ContenderMain {
    static final String RESULT_PREFIX = "RESULT ";

    private ContenderMain() {
    }

    /**
     * @param args {@code key=value} arguments, see the class documentation
     */
    public static void main(String[] args) {
        long mainMs = System.currentTimeMillis();
        Map<String, String> a = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Map<String, String> out = new LinkedHashMap<>();
        long records = Long.parseLong(a.get("records"));
        Progress.target(records);
        long startedMs = 0;
        long cpuAtStart = 0;
        String error = null;
        boolean done = false;
        try {
            String contender = a.get("contender");
            String mode = a.get("mode");
            Path workdir = Path.of(a.get("workdir"));
            Files.createDirectories(workdir);
            long timeoutMs = Long.parseLong(a.getOrDefault("timeoutMs", "120000"));
            if (("raw".equals(contender) || "rawdecode".equals(contender)) && "sink".equals(mode)) {
                startedMs = System.currentTimeMillis();
                cpuAtStart = cpuNanos();
                done = rawSink(a, records, timeoutMs, "rawdecode".equals(contender));
            } else {
                if ("raw".equals(contender)) {
                    startRawSource(a, records);
                } else if ("ours".equals(contender)) {
                    startOurs(a, workdir);
                } else if ("connect".equals(contender)) {
                    startConnect(a, workdir);
                } else {
                    throw new IllegalArgumentException("unknown contender " + contender);
                }
                startedMs = System.currentTimeMillis();
                cpuAtStart = cpuNanos();
                done = Progress.await(timeoutMs);
            }
            if (!done) {
                error = "timeout: " + Progress.count() + " of " + records + " records delivered";
            }
        } catch (Throwable t) {
            error = t.toString();
            t.printStackTrace();
        }
        long cpuEnd = cpuNanos();
        Map<String, Long> windowThreads = Progress.windowThreadCpuMs();
        Map<String, Long> groups = new LinkedHashMap<>();
        for (String g : Progress.THREAD_GROUPS) {
            groups.put(g, 0L);
        }
        StringBuilder threadLines = new StringBuilder();
        windowThreads.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).forEach(e -> {
            String name = e.getKey().substring(e.getKey().indexOf(' ') + 1);
            groups.merge(Progress.threadGroup(name), e.getValue(), Long::sum);
            threadLines.append(String.format("  %6d ms  %s%n", e.getValue(), e.getKey()));
        });
        System.err.print("CPU per thread in the records/s window (tid name):\n" + threadLines);
        out.put("ok", Boolean.toString(error == null));
        if (error != null) {
            out.put("error", error.replace(' ', '_').replace('\n', '_'));
        }
        out.put("jvmStartMs", Long.toString(ManagementFactory.getRuntimeMXBean().getStartTime()));
        out.put("mainMs", Long.toString(mainMs));
        out.put("startedMs", Long.toString(startedMs));
        out.put("firstMs", Long.toString(Progress.firstWallMs()));
        out.put("count", Long.toString(Progress.count()));
        out.put("firstBatch", Long.toString(Progress.firstBatch()));
        out.put("spanNs", Long.toString(done ? Progress.lastNanos() - Progress.firstNanos() : 0));
        out.put("cpuMs", Long.toString(cpuEnd / 1_000_000));
        out.put("cpuRunMs", Long.toString((cpuEnd - cpuAtStart) / 1_000_000));
        out.put("cpuWindowUs", Long.toString(done ? Progress.windowCpuNanos() / 1000 : 0));
        for (Map.Entry<String, Long> g : groups.entrySet()) {
            out.put("threadCpuMs." + g.getKey(), Long.toString(done ? g.getValue() : 0));
        }
        long gcCount = 0;
        long gcMs = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMs += Math.max(0, gc.getCollectionTime());
        }
        out.put("gcCount", Long.toString(gcCount));
        out.put("gcMs", Long.toString(gcMs));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        out.put("heapCommittedMb", Long.toString(memory.getHeapMemoryUsage().getCommitted() >> 20));
        out.put("nonHeapCommittedMb", Long.toString(memory.getNonHeapMemoryUsage().getCommitted() >> 20));
        out.put("classes", Long.toString(ManagementFactory.getClassLoadingMXBean().getLoadedClassCount()));
        Map<String, Long> status = procStatus();
        out.put("hwmKb", Long.toString(status.getOrDefault("VmHWM", -1L)));
        out.put("rssKb", Long.toString(status.getOrDefault("VmRSS", -1L)));
        out.put("threads", Long.toString(status.getOrDefault("Threads", -1L)));
        dumpFlightRecordings(Path.of(a.getOrDefault("workdir", ".")));
        printThreadCpu();
        StringBuilder line = new StringBuilder(RESULT_PREFIX);
        out.forEach((k, v) -> line.append(k).append('=').append(v).append(' '));
        System.out.println(line.toString().trim());
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(0);
    }

    static Map<String, String> workerProps(Map<String, String> a, Path workdir, boolean kafkaConnect) {
        boolean json = Workload.JSON.equals(a.get("format"));
        Map<String, String> w = new LinkedHashMap<>();
        w.put("bootstrap.servers", a.get("bootstrap"));
        String stringConverter = kafkaConnect ? "org.apache.kafka.connect.storage.StringConverter"
                : "io.connectsdk.builtins.converters.StringConverter";
        String jsonConverter = kafkaConnect ? "org.apache.kafka.connect.json.JsonConverter"
                : "io.connectsdk.builtins.json.JsonConverter";
        w.put("key.converter", stringConverter);
        w.put("value.converter", json ? jsonConverter : stringConverter);
        w.put("key.converter.schemas.enable", "false");
        w.put("value.converter.schemas.enable", "false");
        w.put("offset.storage.file.filename", workdir.resolve("offsets").toString());
        w.put("offset.flush.interval.ms", "10000");
        w.put("listeners", "http://127.0.0.1:0");
        if (kafkaConnect) {
            w.put("plugin.discovery", "service_load");
        }
        Workload.producerSettings(a.get("settings")).forEach((k, v) -> w.put("producer." + k, v));
        Workload.consumerSettings().forEach((k, v) -> w.put("consumer." + k, v));
        // experiments: -Dbench.worker.<key>=<value> (through --jvm-args) sets a worker property of either worker
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(WORKER_PROPERTY_PREFIX)).sorted()
                .forEach(k -> w.put(k.substring(WORKER_PROPERTY_PREFIX.length()), System.getProperty(k)));
        return w;
    }

    /** The system property prefix of worker property overrides (experiments only). */
    static final String WORKER_PROPERTY_PREFIX = "bench.worker.";

    static Map<String, String> connectorProps(Map<String, String> a, boolean kafkaConnect) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("name", a.get("name"));
        c.put("tasks.max", "1");
        if ("source".equals(a.get("mode"))) {
            c.put("connector.class", (kafkaConnect ? KafkaBenchSourceConnector.class : SdkBenchSourceConnector.class).getName());
            c.put("topic", a.get("topic"));
            c.put("bench.records", a.get("records"));
            c.put("bench.record.size", a.get("size"));
            c.put("bench.format", a.get("format"));
            c.put("bench.batch", Integer.toString(Workload.POLL_BATCH));
            c.put("bench.max.outstanding", a.getOrDefault("maxOutstanding", "0"));
        } else {
            c.put("connector.class", (kafkaConnect ? KafkaBenchSinkConnector.class : SdkBenchSinkConnector.class).getName());
            c.put("topics", a.get("topic"));
        }
        return c;
    }

    /**
     * Runs {@code connect-sdk standalone worker.properties connector.properties} in this JVM (the CLI's
     * own code path: REST, plugin discovery, cluster id lookup, worker) and returns once it printed its
     * banner, i.e. once it considers the worker started.
     */
    private static void startOurs(Map<String, String> a, Path workdir) throws IOException, InterruptedException {
        Path workerFile = workdir.resolve("worker.properties");
        Path connectorFile = workdir.resolve("connector.properties");
        store(workerProps(a, workdir, false), workerFile);
        store(connectorProps(a, false), connectorFile);
        CountDownLatch started = new CountDownLatch(1);
        StringBuilder printed = new StringBuilder();
        Writer banner = new Writer() {
            @Override
            public synchronized void write(char[] buf, int off, int len) {
                printed.append(buf, off, len);
                System.out.write(new String(buf, off, len).getBytes(StandardCharsets.UTF_8), 0,
                        new String(buf, off, len).getBytes(StandardCharsets.UTF_8).length);
                if (printed.indexOf("REST API") >= 0) {
                    started.countDown();
                }
            }

            @Override
            public void flush() {
                System.out.flush();
            }

            @Override
            public void close() {
            }
        };
        int[] exit = {-1};
        Thread cli = new Thread(() -> {
            exit[0] = Main.execute(new PrintWriter(banner, true), new PrintWriter(System.err, true),
                    "standalone", workerFile.toString(), connectorFile.toString());
            started.countDown();
        }, "connect-sdk-standalone");
        cli.setDaemon(true);
        cli.start();
        if (!started.await(60, TimeUnit.SECONDS) || exit[0] >= 0) {
            throw new IllegalStateException("connect-sdk standalone did not start (exit code " + exit[0] + "): " + printed);
        }
    }

    private static void startConnect(Map<String, String> a, Path workdir) throws IOException {
        Path workerFile = workdir.resolve("worker.properties");
        Path connectorFile = workdir.resolve("connector.properties");
        store(workerProps(a, workdir, true), workerFile);
        store(connectorProps(a, true), connectorFile);
        // what ConnectStandalone.run() does, minus its Exit on failure and the final awaitStop
        ConnectStandalone cli = new ConnectStandalone(workerFile.toString(), connectorFile.toString());
        Map<String, String> props = Utils.propsToStringMap(Utils.loadProps(workerFile.toString()));
        Connect<StandaloneHerder> connect = cli.startConnect(props);
        cli.processExtraArgs(connect, new String[] {connectorFile.toString()});
    }

    private static void store(Map<String, String> props, Path file) throws IOException {
        Properties p = new Properties();
        p.putAll(props);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "runtime benchmark");
        }
    }

    static Map<String, Object> rawProducerProps(Map<String, String> a) {
        Map<String, Object> p = Workload.rawProducerConfig(a.get("settings"), a.get("bootstrap"));
        p.put("client.id", "raw-producer-" + a.get("name"));
        return p;
    }

    private static void startRawSource(Map<String, String> a, long records) {
        String topic = a.get("topic");
        int size = Integer.parseInt(a.get("size"));
        String format = a.get("format");
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(rawProducerProps(a));
        AtomicReference<Exception> failure = new AtomicReference<>();
        Callback callback = (md, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            } else {
                Progress.add(1);
            }
        };
        long maxOutstanding = Long.parseLong(a.getOrDefault("maxOutstanding", "0"));
        Thread sender = new Thread(() -> {
            for (long i = 0; i < records && failure.get() == null; i++) {
                while (maxOutstanding > 0 && i - Progress.count() >= maxOutstanding && failure.get() == null) {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                producer.send(new ProducerRecord<>(topic, null, Workload.valueBytes(format, i, size)), callback);
            }
            producer.flush();
            if (failure.get() != null) {
                failure.get().printStackTrace();
            }
        }, "raw-producer-loop");
        sender.setDaemon(true);
        sender.start();
    }

    /**
     * The raw consumer loop. With {@code decode}, each value is also decoded as a sink task gets it:
     * a {@code String} (StringConverter's scenario) or a map parsed by Jackson's {@code ObjectMapper}
     * (JsonConverter's, {@code schemas.enable=false}), as an application would.
     */
    private static boolean rawSink(Map<String, String> a, long records, long timeoutMs, boolean decode) {
        Map<String, Object> c = Workload.rawConsumerConfig(a.get("bootstrap"), a.get("name"));
        c.put("client.id", "raw-consumer-" + a.get("name"));
        long deadline = System.currentTimeMillis() + timeoutMs;
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c);
        boolean json = Workload.JSON.equals(a.get("format"));
        consumer.subscribe(List.of(a.get("topic")));
        long bytes = 0;
        while (Progress.count() < records && System.currentTimeMillis() < deadline) {
            ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(500));
            for (ConsumerRecord<byte[], byte[]> r : polled) {
                byte[] v = r.value();
                bytes += v == null ? 0 : decode ? decodedSize(json, v) : v.length;
            }
            Progress.add(polled.count());
        }
        System.err.println("raw consumer read " + bytes + " value bytes");
        return Progress.count() >= records;
    }

    /** @return the decoded value's size (chars of the string, entries of the map), so that the work is used */
    private static long decodedSize(boolean json, byte[] value) {
        if (value == null) {
            return 0;
        }
        if (!json) {
            return new String(value, StandardCharsets.UTF_8).length();
        }
        try {
            return Decoding.MAPPER.readValue(value, Map.class).size();
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + e.getMessage(), e);
        }
    }

    /** Created on first use: only the {@code rawdecode} contender needs Jackson's databind. */
    private static final class Decoding {
        static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
    }

    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return 0;
    }

    /** @return numeric fields of /proc/self/status (kB for memory fields) */
    static Map<String, Long> procStatus() {
        Map<String, Long> result = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String[] parts = line.substring(colon + 1).trim().split("\\s+");
                try {
                    result.put(line.substring(0, colon), Long.parseLong(parts[0]));
                } catch (NumberFormatException e) {
                    // not numeric
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return result;
    }

    /** Prints the CPU time of the busiest threads of this JVM (from /proc/self/task) to stderr, for the logs. */
    private static void printThreadCpu() {
        List<String[]> rows = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
                    rows.add(new String[] {Long.toString(ticks * 10), comm});
                } catch (IOException | RuntimeException e) {
                    // thread gone
                }
            }
        } catch (IOException e) {
            return;
        }
        rows.sort((x, y) -> Long.compare(Long.parseLong(y[0]), Long.parseLong(x[0])));
        StringBuilder b = new StringBuilder("thread CPU ms:");
        for (int i = 0; i < Math.min(12, rows.size()); i++) {
            b.append(' ').append(rows.get(i)[1].replace(' ', '_')).append('=').append(rows.get(i)[0]);
        }
        System.err.println(b);
    }

    private static void dumpFlightRecordings(Path dir) {
        try {
            if (!FlightRecorder.isInitialized()) {
                return;
            }
            for (Recording r : FlightRecorder.getFlightRecorder().getRecordings()) {
                Path file = dir.resolve("recording-" + r.getId() + ".jfr");
                r.dump(file);
                System.err.println("JFR recording written to " + file);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not dump the flight recording: " + e);
        }
    }
}
