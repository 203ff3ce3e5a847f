package io.connectsdk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code connect-sdk plugins}: the group of plugin-registry commands. */
@Command(name = "plugins",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {PluginsListCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        description = "Inspect the plugins a runtime would find.",
        commandListHeading = "%nCommands:%n")
public final class PluginsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("connect-sdk plugins: a command is required.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.EXIT_USAGE;
    }
}
