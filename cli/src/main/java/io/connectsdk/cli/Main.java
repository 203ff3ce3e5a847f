package io.connectsdk.cli;

import io.connectsdk.api.errors.ConnectException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;

/**
 * The {@code connect-sdk} entry point. {@link #main} exits the JVM with the command's exit code;
 * {@link #execute} returns it, for tests and embedding.
 *
 * <p>Exit codes: {@code 0} success; {@code 1} the command ran and found problems (e.g. validation
 * errors); {@code 2} bad usage or unusable input (a one-line message on stderr, never a stack
 * trace); {@code 3} an internal error of the tool (one line too; set {@code -Dconnectsdk.debug=true}
 * to see the stack trace).
 */
public final class Main {
    /** Exit code: the command ran and found problems. */
    public static final int EXIT_PROBLEMS = 1;
    /** Exit code: bad usage or unusable input. */
    public static final int EXIT_USAGE = 2;
    /** Exit code: a bug in the tool. */
    public static final int EXIT_INTERNAL = 3;

    /** The slf4j-simple property of the default log level. */
    static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    /**
     * True when {@link #main} runs this JVM (the {@code connect-sdk} process), so that a command may
     * configure process-wide things such as logging; false when embedded (tests call {@link #execute}).
     */
    static volatile boolean ownsProcess;
    /** Whether the user chose the log level ({@code -Dorg.slf4j.simpleLogger.defaultLogLevel=...} in JAVA_OPTS). */
    static volatile boolean logLevelChosenByUser;

    private Main() {
    }

    /** @param args the command line */
    public static void main(String[] args) {
        ownsProcess = true;
        logLevelChosenByUser = System.getProperty(LOG_LEVEL_PROPERTY) != null;
        System.setProperty("org.slf4j.simpleLogger.logFile", System.getProperty("org.slf4j.simpleLogger.logFile", "System.err"));
        System.setProperty(LOG_LEVEL_PROPERTY, System.getProperty(LOG_LEVEL_PROPERTY, "error"));
        Charset charset = Charset.defaultCharset();
        int code = execute(new PrintWriter(System.out, true, charset), new PrintWriter(System.err, true, charset), args);
        System.exit(code);
    }

    /**
     * Runs a command line.
     *
     * @param out where reports go
     * @param err where messages about problems go
     * @param args the command line
     * @return the exit code
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * @param out where reports go
     * @param err where messages go
     * @return the configured command line of {@link ConnectSdkCommand}
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, CommandLine.defaultFactory());
    }

    /**
     * @param out where reports go
     * @param err where messages go
     * @param factory creates the command objects (tests pass one that wires in test doubles)
     * @return the configured command line of {@link ConnectSdkCommand}
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        CommandLine cl = new CommandLine(new ConnectSdkCommand(), factory);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Main::onBadUsage);
        cl.setExecutionExceptionHandler(Main::onFailure);
        return cl;
    }

    private static int onBadUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(cl.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return EXIT_USAGE;
    }

    private static int onFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String name = cl.getCommandSpec().qualifiedName();
        if (e instanceof ConnectException || e instanceof UsageError) {
            err.println(name + ": " + e.getMessage());
            err.flush();
            return EXIT_USAGE;
        }
        err.println(name + ": internal error: " + e + " (run with -Dconnectsdk.debug=true for the stack trace,"
                + " and please report it)");
        if (Boolean.getBoolean("connectsdk.debug")) {
            e.printStackTrace(err);
        }
        err.flush();
        return EXIT_INTERNAL;
    }

    /** Thrown by commands for input they cannot use; shown as one line, exit code {@link #EXIT_USAGE}. */
    static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }
}
