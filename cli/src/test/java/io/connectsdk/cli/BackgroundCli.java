package io.connectsdk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * Runs a long-running command of the real CLI entry point on its own thread, with output captured
 * and readable while it runs, and with its stop path registered in {@link #hooks} instead of the
 * JVM's shutdown hooks, so that a test can "send SIGINT" by running that same path.
 */
final class BackgroundCli {
    /** Collects what the command registers for SIGINT/SIGTERM. */
    static final class TestHooks implements ShutdownHooks {
        private volatile Runnable hook;
        private volatile boolean unregistered;

        @Override
        public Runnable register(String name, Runnable stop) {
            this.hook = stop;
            return () -> unregistered = true;
        }

        /** @return the registered stop path, as the JVM would run it on SIGINT */
        Runnable hook() {
            if (hook == null) {
                throw new IllegalStateException("no shutdown hook registered");
            }
            return hook;
        }

        boolean registered() {
            return hook != null;
        }

        boolean unregistered() {
            return unregistered;
        }
    }

    final TestHooks hooks = new TestHooks();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Integer> exit;

    private BackgroundCli(String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == StandaloneCommand.class) {
                    return type.cast(new StandaloneCommand(hooks, StandaloneRun.STOP_DEADLINE));
                }
                return defaults.create(type);
            }
        };
        exit = CompletableFuture.supplyAsync(() -> {
            int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), factory).execute(args);
            return code;
        }, r -> {
            Thread t = new Thread(r, "cli-under-test");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Starts the command line on a new thread. */
    static BackgroundCli start(String... args) {
        return new BackgroundCli(args);
    }

    /** Runs the command line to completion on a new thread, e.g. for commands that fail at start. */
    static CliRun run(Duration max, String... args) throws Exception {
        BackgroundCli cli = start(args);
        int code = cli.exit.get(max.toMillis(), TimeUnit.MILLISECONDS);
        return new CliRun(code, cli.out(), cli.err());
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    CompletableFuture<Integer> exit() {
        return exit;
    }

    @Override
    public String toString() {
        return (exit.isDone() ? "exit " + exit.join() : "running") + "\n--- out\n" + out() + "--- err\n" + err();
    }
}
