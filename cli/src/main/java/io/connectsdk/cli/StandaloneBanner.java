package io.connectsdk.cli;

import io.connectsdk.runtime.herder.ConnectorStateInfo;
import io.connectsdk.runtime.herder.Herder;
import io.connectsdk.runtime.herder.State;
import io.connectsdk.runtime.standalone.Standalone;
import io.connectsdk.runtime.standalone.StandaloneConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code connect-sdk standalone} prints once everything runs: where Kafka, the REST API and the
 * offsets are, each connector with its topics and files, and commands to look at them. The first
 * line is always {@value #RUNNING}.
 */
final class StandaloneBanner {
    /** The first line of the banner. */
    static final String RUNNING = "connect-sdk standalone is running.";
    /** Connector keys shown as topics. */
    private static final List<String> TOPIC_KEYS = List.of("topic", "topics", "topics.regex");
    /** Connector keys shown as files (the example file connectors' key, and common spellings). */
    private static final List<String> FILE_KEYS = List.of("file", "file.path", "filename");

    private StandaloneBanner() {
    }

    /**
     * @param workerFile the worker properties file
     * @param config the worker configuration in use
     * @param connectorFiles the connector files, in order
     * @param worker the running worker
     * @param restUris the bound REST listeners
     * @param embeddedBootstrap the embedded broker's address, or {@code null} without one
     * @param replacedBootstrap the worker file's {@code bootstrap.servers} the embedded broker replaced, or {@code null}
     * @param brokerDir the embedded broker's data directory, or {@code null}
     * @param brokerDirTemporary whether that directory is deleted at the stop
     * @return the banner text, lines ending with a line separator
     */
    static String render(Path workerFile, StandaloneConfig config, List<Path> connectorFiles, Standalone.Handle worker,
                         List<URI> restUris, String embeddedBootstrap, String replacedBootstrap, Path brokerDir,
                         boolean brokerDirTemporary) {
        String rest = restUris.isEmpty() ? "http://localhost:8083" : restUris.get(0).toString().replaceAll("/$", "");
        String bootstrap = embeddedBootstrap != null ? embeddedBootstrap : config.bootstrapServers();
        Herder herder = worker.herder();
        StringBuilder b = new StringBuilder();
        line(b, "");
        line(b, RUNNING);
        line(b, "");
        row(b, "Worker", worker.workerId() + " (standalone, " + workerFile + ")");
        if (embeddedBootstrap != null) {
            row(b, "Kafka", embeddedBootstrap + " (embedded broker, cluster " + herder.kafkaClusterId() + "; "
                    + (brokerDirTemporary ? "temporary data" : "data in " + brokerDir)
                    + (replacedBootstrap == null ? "" : "; replaces bootstrap.servers=" + replacedBootstrap) + ")");
        } else {
            row(b, "Kafka", bootstrap + " (cluster " + herder.kafkaClusterId() + ")");
        }
        for (int i = 0; i < restUris.size(); i++) {
            row(b, i == 0 ? "REST API" : "", restUris.get(i) + (i == 0 ? " (read-only: connectors are changed by"
                    + " editing their files and restarting)" : ""));
        }
        row(b, "Offsets", config.offsetsFile() + " (source offsets, committed every "
                + config.offsetCommitIntervalMs() + " ms and at the stop)");
        line(b, "");

        Set<String> topics = new LinkedHashSet<>();
        List<String> files = new ArrayList<>();
        String firstConnector = null;
        List<String> names = new ArrayList<>(herder.connectors());
        if (names.isEmpty()) {
            line(b, "No connectors: name connector properties files after " + workerFile + ".");
        } else {
            line(b, "Connectors:");
            int width = names.stream().mapToInt(String::length).max().orElse(0);
            for (String name : names) {
                firstConnector = firstConnector == null ? name : firstConnector;
                Map<String, String> c = herder.connectorConfig(name);
                ConnectorStateInfo status = herder.connectorStatus(name);
                List<String> details = new ArrayList<>();
                for (String key : TOPIC_KEYS) {
                    String v = c.get(key);
                    if (v != null && !v.isBlank()) {
                        details.add(key + " " + v.trim());
                        if (!key.equals("topics.regex")) {
                            for (String t : v.split(",")) {
                                topics.add(t.trim());
                            }
                        }
                    }
                }
                for (String key : FILE_KEYS) {
                    String v = c.get(key);
                    if (v != null && !v.isBlank()) {
                        details.add(key + " " + v.trim());
                        files.add(v.trim());
                    }
                }
                line(b, String.format("  %-" + width + "s  %-6s  %-7s  %-16s%s", name,
                        status.type().name().toLowerCase(Locale.ROOT), status.connector().state(), tasks(status),
                        details.isEmpty() ? "" : "  " + String.join(", ", details)));
            }
        }
        line(b, "");
        line(b, "Look at it:");
        line(b, "  curl -s '" + rest + "/connectors?expand=status'");
        if (firstConnector != null) {
            line(b, "  curl -s " + rest + "/connectors/" + firstConnector + "/status");
        }
        line(b, "  curl -s " + rest + "/connector-plugins");
        for (String f : files) {
            line(b, "  tail -f " + f);
        }
        for (String t : topics) {
            line(b, "  kafka-console-consumer.sh --bootstrap-server " + bootstrap + " --topic " + t
                    + " --from-beginning   (with Kafka's tools)");
        }
        line(b, "");
        line(b, "Press Ctrl-C to stop (connectors stop and commit their offsets"
                + (embeddedBootstrap != null ? ", then the embedded broker stops" : "") + ").");
        return b.toString();
    }

    /** @return e.g. {@code 1 task RUNNING}, {@code 3 tasks: 2 RUNNING, 1 FAILED}, {@code 0 tasks} */
    private static String tasks(ConnectorStateInfo status) {
        int n = status.tasks().size();
        Map<State, Long> byState = new EnumMap<>(State.class);
        status.tasks().forEach(t -> byState.merge(t.state(), 1L, Long::sum));
        if (n == 0) {
            return "0 tasks";
        }
        if (byState.size() == 1) {
            return n + (n == 1 ? " task " : " tasks ") + byState.keySet().iterator().next();
        }
        List<String> parts = new ArrayList<>();
        byState.forEach((state, count) -> parts.add(count + " " + state));
        return n + " tasks: " + String.join(", ", parts);
    }

    private static void row(StringBuilder b, String label, String value) {
        line(b, String.format("  %-9s %s", label, value));
    }

    private static void line(StringBuilder b, String text) {
        b.append(text).append(System.lineSeparator());
    }
}
