package io.connectsdk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.runtime.plugin.PluginDesc;
import io.connectsdk.runtime.plugin.Plugins;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code connect-sdk plugins list}: every plugin a runtime with this plugin.path would find. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Lists the plugins a runtime would find: those of every location in --plugin-path (each directory, .jar"
                + " or .zip inside the listed directories) and the runtime's built-ins.",
            "",
            "A plugin is named in configurations by its class name or by one of its aliases; an alias that two"
                + " classes share is not listed (use the class name). Service entries that cannot be used are reported"
                + " on stderr; 'connect-sdk validate' explains them.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  connect-sdk plugins list --plugin-path /opt/connect/plugins",
            "  connect-sdk plugins list --plugin-path plugins,more-plugins --no-builtins --format json",
        })
public final class PluginsListCommand implements Callable<Integer> {
    /** Made on first use: picocli creates every command object at start-up, and Jackson takes ~0.1 s to load. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--plugin-path", paramLabel = "<dirs>",
            description = "Comma-separated directories whose children are plugin locations (the worker's plugin.path).")
    String pluginPath;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}). JSON: {plugins:[{class,type,version,aliases,location}],problems:[...]}.")
    OutputFormat format;

    @Option(names = "--no-builtins", description = "Leave out the runtime's built-in (classpath) plugins.")
    boolean noBuiltins;

    @Option(names = "--extract-to", paramLabel = "<dir>",
            description = "Where .zip plugin archives are extracted (default: ${java.io.tmpdir}/connect-sdk-plugins).")
    Path extractTo;

    @Override
    public Integer call() throws JsonProcessingException {
        List<PluginDesc> plugins;
        List<String> problems;
        try (Plugins registry = ValidateCommand.withStdoutOnStderr(
                () -> {
                    Plugins.Builder builder = Plugins.builder().pluginPath(pluginPath).includeClasspath(!noBuiltins);
                    if (extractTo != null) {
                        builder.extractionRoot(extractTo);
                    }
                    return builder.build();
                })) {
            plugins = registry.plugins().stream()
                    .sorted(Comparator.comparing((PluginDesc p) -> p.type().ordinal()).thenComparing(PluginDesc::className)
                            .thenComparing(PluginDesc::location))
                    .toList();
            problems = registry.problems();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            ArrayNode list = root.putArray("plugins");
            for (PluginDesc p : plugins) {
                ObjectNode n = list.addObject();
                n.put("class", p.className());
                n.put("type", p.type().displayName());
                n.put("version", p.version());
                ArrayNode aliases = n.putArray("aliases");
                p.aliases().forEach(aliases::add);
                n.put("location", p.location());
            }
            ArrayNode problemList = root.putArray("problems");
            problems.forEach(problemList::add);
            out.println(Json.MAPPER.writeValueAsString(root));
        } else {
            printTable(out, plugins);
            PrintWriter err = spec.commandLine().getErr();
            problems.forEach(p -> err.println("warning: " + p));
        }
        out.flush();
        return 0;
    }

    private static void printTable(PrintWriter out, List<PluginDesc> plugins) {
        if (plugins.isEmpty()) {
            out.println("No plugins found.");
            return;
        }
        String[] header = {"TYPE", "CLASS", "VERSION", "ALIASES", "LOCATION"};
        List<String[]> rows = plugins.stream().map(p -> new String[] {p.type().displayName(), p.className(), p.version(),
            p.aliases().isEmpty() ? "-" : String.join(",", p.aliases()), p.location()}).toList();
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = header[i].length();
            for (String[] r : rows) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        out.println(row(header, widths));
        rows.forEach(r -> out.println(row(r, widths)));
        out.println(plugins.size() + " plugin" + (plugins.size() == 1 ? "" : "s") + ".");
    }

    private static String row(String[] cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            sb.append(cells[i]);
            if (i < cells.length - 1) {
                sb.append(" ".repeat(widths[i] - cells[i].length() + 2));
            }
        }
        return sb.toString();
    }
}
