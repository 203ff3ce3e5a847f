package io.connectsdk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.runtime.config.ConnectorConfig;
import io.connectsdk.runtime.herder.BadRequestException;
import io.connectsdk.runtime.herder.ConnectorOffsets;
import io.connectsdk.runtime.herder.Herder;
import io.connectsdk.runtime.standalone.ConnectorFile;
import io.connectsdk.runtime.standalone.Standalone;
import io.connectsdk.runtime.worker.TargetState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code connect-sdk offsets}: shows, alters or resets a standalone connector's offsets while its
 * worker is stopped, as Kafka Connect's offsets endpoints do (KIP-875), which a standalone worker's
 * read-only REST API refuses.
 */
@Command(name = "offsets",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Shows, alters or resets the offsets of one connector of a standalone worker, with the worker's files,"
                + " as Kafka Connect's GET, PATCH and DELETE /connectors/{name}/offsets do. Stop the worker first:"
                + " a running worker writes its own offsets at its next commit.",
            "",
            "The connector is loaded from plugin.path but not started. Before anything is written its"
                + " alterOffsets is asked, and it may refuse. A source connector's offsets are in the worker's"
                + " offset.storage.file.filename; a sink connector's are its consumer group's (connect-<name>), in"
                + " the Kafka cluster of bootstrap.servers, which must be reachable for either.",
            "",
            "<offsets.json> has the shape that showing them prints: {\"offsets\": [{\"partition\": {...},"
                + " \"offset\": {...}}]}; a null offset removes the partition's. A sink's partition is"
                + " {\"kafka_topic\": ..., \"kafka_partition\": ...} and its offset {\"kafka_offset\": ...}.",
            "",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:shown, altered or reset",
            "1:the connector refused the offsets, the offsets are malformed, or Kafka cannot be reached",
            "2:bad usage, a missing or unreadable file, or an invalid worker or connector configuration",
            "3:internal error of connect-sdk",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  connect-sdk offsets worker.properties orders-source.properties",
            "  connect-sdk offsets --alter rewind.json worker.properties orders-source.properties",
            "  connect-sdk offsets --reset worker.properties orders-sink.json",
        })
public final class OffsetsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<worker.properties>", description = "The standalone worker's properties file.")
    Path workerFile;

    @Parameters(index = "1", paramLabel = "<connector-file>",
            description = "The connector's file (properties or JSON, as for connect-sdk standalone).")
    Path connectorFile;

    @ArgGroup(exclusive = true)
    Change change;

    /** At most one change; none shows the offsets. */
    static final class Change {
        @Option(names = "--alter", paramLabel = "<offsets.json>", required = true,
                description = "Set the offsets of the partitions listed in this file (a null offset removes one).")
        Path alter;

        @Option(names = "--reset", required = true, description = "Remove every offset of the connector.")
        boolean reset;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> worker;
        ConnectorFile connector;
        ConnectorOffsets requested = null;
        try {
            worker = Standalone.loadProperties(workerFile);
            connector = ConnectorFile.read(connectorFile);
            if (change != null && change.alter != null) {
                requested = readOffsets(change.alter);
            }
        } catch (ConfigException e) {
            throw new Main.UsageError(e.getMessage());
        }
        String name = connector.config().get(ConnectorConfig.NAME_CONFIG);
        if (name == null || name.isBlank()) {
            throw new Main.UsageError(connectorFile + ": the connector has no name");
        }
        name = name.trim();
        Standalone.Handle handle;
        try {
            handle = Standalone.start(worker, List.of(connector.config()), Map.of(name, TargetState.STOPPED));
        } catch (ConfigException e) {
            throw new Main.UsageError(e.getMessage());
        } catch (ConnectException e) {
            spec.commandLine().getErr().println("connect-sdk offsets: " + e.getMessage());
            return Main.EXIT_PROBLEMS;
        }
        try (handle) {
            Herder herder = handle.herder();
            if (change == null) {
                out.println(JSON.writeValueAsString(herder.connectorOffsets(name)));
            } else if (change.reset) {
                out.println(herder.resetConnectorOffsets(name));
            } else {
                out.println(herder.alterConnectorOffsets(name, requested));
            }
            return 0;
        } catch (ConnectException e) {
            spec.commandLine().getErr().println("connect-sdk offsets: " + e.getMessage());
            return Main.EXIT_PROBLEMS;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the offsets of {@code --alter}'s file */
    private static ConnectorOffsets readOffsets(Path file) {
        try {
            return ConnectorOffsets.fromJson(JSON.readTree(file.toFile()), "Offsets file " + file);
        } catch (IOException e) {
            throw new ConfigException("Offsets file " + file + " cannot be read as JSON: " + e.getMessage());
        } catch (BadRequestException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
