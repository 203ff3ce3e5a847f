package io.connectsdk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code connect-sdk} command. Each subcommand is its own class, listed in
 * {@code subcommands}; later ones ({@code distributed}, {@code new}) are added the same way.
 */
@Command(name = "connect-sdk",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {ValidateCommand.class, PluginsCommand.class, StandaloneCommand.class, OffsetsCommand.class,
            HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        description = {
            "Tools for Kafka Connect-style plugins written with connect-sdk.",
            "",
            "Check a plugin before deploying it:%n  connect-sdk validate target/my-plugin.zip",
            "See what a plugin.path holds:%n  connect-sdk plugins list --plugin-path /opt/connect/plugins",
            "Run connectors in this process, on an embedded Kafka broker:%n"
                + "  connect-sdk standalone --embedded-kafka worker.properties connector.properties",
        },
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = {"Run 'connect-sdk COMMAND --help' for a command's options.",
            "Exit codes: 0 success, 1 problems found, 2 bad usage or unusable input,",
            "3 internal error."})
public final class ConnectSdkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("connect-sdk: a command is required.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.EXIT_USAGE;
    }
}
