package io.connectsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectSdkCommandTest {

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Usage: connect-sdk", "validate", "plugins", "Exit codes: 0 success, 1 problems found");
    }

    @Test
    void validateHelpTeachesPathsChecksAndExitCodes() {
        CliRun run = CliRun.of("validate", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("uber-jar", "lib/", "--strict", "--format", "Exit codes:",
                "2   bad usage, or a path that is missing", "connect-sdk validate target/acme-connector-1.0.0.zip",
                "unexpanded ${...}");
    }

    @Test
    void versionNamesTheReleaseAndTheJava() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("connect-sdk 0.1.0-SNAPSHOT").contains("Java " + Runtime.version().feature());
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("a command is required").contains("validate");
        assertThat(CliRun.of("plugins").exitCode()).isEqualTo(2);
    }

    @Test
    void badUsageIsOneMessageWithAPointerToHelpNeverAStackTrace() {
        CliRun unknown = CliRun.of("valdiate", "x.jar");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unmatched argument").contains("validate").contains("--help");

        CliRun badFormat = CliRun.of("validate", "--format", "xml", "x.jar");
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.err()).contains("connect-sdk validate:").contains("xml").doesNotContain("\tat ");

        CliRun noPath = CliRun.of("validate");
        assertThat(noPath.exitCode()).isEqualTo(2);
        assertThat(noPath.err()).contains("Missing <path>");

        CliRun badTimeout = CliRun.of("validate", "--timeout", "soon", "x.jar");
        assertThat(badTimeout.exitCode()).isEqualTo(2);
        assertThat(badTimeout.err()).contains("'soon' is not a positive time");
    }
}
