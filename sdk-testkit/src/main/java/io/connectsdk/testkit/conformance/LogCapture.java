package io.connectsdk.testkit.conformance;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures what is logged while it is open, for the secret-leak scan:
 * <ul>
 *   <li>everything written to {@link System#out} and {@link System#err} (still passed through),
 *       which covers {@code printStackTrace()}, SLF4J's simple binding and console appenders that
 *       look the streams up when they write;</li>
 *   <li>every {@code java.util.logging} record at any level (the root logger's level is lowered to
 *       {@code ALL} meanwhile, its handlers keep their own levels), which covers
 *       {@link System.Logger} with the JDK's default backend: the message formatted with its
 *       parameters, the raw parameters and the thrown exception's stack trace.</li>
 * </ul>
 * Logging backends that write to files or keep a reference to the original console streams are
 * not seen. Not reentrant: one capture at a time.
 */
final class LogCapture implements AutoCloseable {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final StringBuilder jul = new StringBuilder();
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final Logger root = Logger.getLogger("");
    private final Level originalLevel = root.getLevel();
    private final Handler handler = new CapturingHandler();

    private LogCapture() {
    }

    /** @return a started capture */
    static LogCapture start() {
        LogCapture capture = new LogCapture();
        System.setOut(new PrintStream(capture.tee(capture.originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capture.tee(capture.originalErr), true, StandardCharsets.UTF_8));
        capture.root.addHandler(capture.handler);
        capture.root.setLevel(Level.ALL);
        return capture;
    }

    /** @return everything captured so far */
    String text() {
        synchronized (bytes) {
            synchronized (jul) {
                return bytes.toString(StandardCharsets.UTF_8) + "\n" + jul;
            }
        }
    }

    @Override
    public void close() {
        System.out.flush();
        System.err.flush();
        System.setOut(originalOut);
        System.setErr(originalErr);
        root.removeHandler(handler);
        root.setLevel(originalLevel);
    }

    private OutputStream tee(PrintStream original) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (bytes) {
                    bytes.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (bytes) {
                    bytes.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        };
    }

    private final class CapturingHandler extends Handler {
        private final SimpleFormatter formatter = new SimpleFormatter();

        CapturingHandler() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder();
            line.append(record.getLevel()).append(' ').append(record.getLoggerName()).append(": ");
            try {
                line.append(formatter.formatMessage(record));
            } catch (RuntimeException e) {
                line.append(record.getMessage());
            }
            Object[] params = record.getParameters();
            if (params != null) {
                for (Object p : params) {
                    line.append(" | ").append(p);
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            synchronized (jul) {
                jul.append(line).append('\n');
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
