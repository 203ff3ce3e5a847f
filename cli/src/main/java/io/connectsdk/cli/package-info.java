/**
 * The {@code connect-sdk} command line: {@link io.connectsdk.cli.Main} is the entry point,
 * {@link io.connectsdk.cli.ConnectSdkCommand} the top-level command, and each subcommand is one class
 * ({@link io.connectsdk.cli.ValidateCommand}, {@link io.connectsdk.cli.PluginsCommand} /
 * {@link io.connectsdk.cli.PluginsListCommand}, {@link io.connectsdk.cli.StandaloneCommand}).
 */
package io.connectsdk.cli;
