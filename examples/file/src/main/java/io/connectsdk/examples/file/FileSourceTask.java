package io.connectsdk.examples.file;

import io.connectsdk.api.data.Schema;
import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.errors.RetriableException;
import io.connectsdk.api.source.SourceRecord;
import io.connectsdk.api.source.SourceTask;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads the lines of one file; see {@link FileSourceConnector} and {@link FileSourceConfig}.
 *
 * <p>Semantics:
 * <ul>
 *   <li>Only complete lines (ending with {@code \n}) are emitted; a trailing {@code \r} is removed.
 *       A last line without its newline is held back until the newline arrives.</li>
 *   <li>At start the task resumes at the committed {@code position}; without one it reads the file
 *       from its beginning. When the committed position lies beyond the end of the file, the file
 *       was replaced or truncated while the task was down, and it is read from the beginning.</li>
 *   <li>At the end of the file, and while the file does not exist, {@link #poll()} waits up to
 *       {@code poll.wait.ms} for more and then returns {@code null}.</li>
 *   <li>When the file shrinks below the read position (truncation), is deleted, or is replaced by
 *       another file (rotation), reading restarts at the beginning of the file then at the path.</li>
 *   <li>{@link #stop()} makes a waiting {@code poll} return at once.</li>
 * </ul>
 */
public class FileSourceTask extends SourceTask {
    /** The key of the source partition map. */
    public static final String PARTITION_KEY = "filename";
    /** The key of the source offset map: the byte position after the last line read. */
    public static final String POSITION_KEY = "position";

    private static final System.Logger LOG = System.getLogger(FileSourceTask.class.getName());
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile boolean stopping;

    private Path path;
    private String topic;
    private int batchSize;
    private long pollWaitNanos;
    private Map<String, String> partition;

    /** Guards the file state below, which {@link #stop()} (another thread) also touches. */
    private final Object lock = new Object();
    private FileChannel channel;
    private Object fileKey;
    /** The byte position after the last emitted line: the offset to resume from. */
    private long position;
    /** The next byte to read; {@code position} plus the bytes of an incomplete line. */
    private long readPosition;
    private final ByteArrayOutputStream incompleteLine = new ByteArrayOutputStream();
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
    private boolean reportedMissing;

    /** Creates the task; the runtime calls {@link #initialize} and {@link #start(Map)} next. */
    public FileSourceTask() {
    }

    @Override
    public String version() {
        return PluginVersion.of(getClass());
    }

    /**
     * @throws io.connectsdk.api.config.ConfigException naming the key when the configuration is invalid
     * @throws ConnectException when the committed offset is not a byte position
     */
    @Override
    public void start(Map<String, String> props) {
        FileSourceConfig config = new FileSourceConfig(props);
        path = config.path();
        topic = config.topic();
        batchSize = config.batchSize();
        pollWaitNanos = TimeUnit.MILLISECONDS.toNanos(config.pollWaitMs());
        partition = Map.of(PARTITION_KEY, config.filename());
        Map<String, Object> offset = context.offsetStorageReader().offset(partition);
        long resumeAt = 0;
        if (offset != null && offset.get(POSITION_KEY) != null) {
            Object committed = offset.get(POSITION_KEY);
            if (!(committed instanceof Number) || ((Number) committed).longValue() < 0) {
                throw new ConnectException("The committed offset " + offset + " of source partition " + partition
                        + " has no valid \"" + POSITION_KEY + "\" (a byte position, 0 or more)");
            }
            resumeAt = ((Number) committed).longValue();
        }
        synchronized (lock) {
            position = resumeAt;
            readPosition = resumeAt;
        }
        LOG.log(Level.INFO, "Reading {0} into topic {1} from byte {2}", path, topic, String.valueOf(resumeAt));
    }

    /**
     * @return up to {@code batch.size} lines, or {@code null} when none arrived within
     *     {@code poll.wait.ms} or the task is stopping
     * @throws InterruptedException when the task thread is interrupted while waiting
     * @throws RetriableException when the file could not be read (it is reopened at the next poll)
     */
    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        long deadline = System.nanoTime() + pollWaitNanos;
        while (!stopping) {
            List<SourceRecord> records = readLines();
            if (!records.isEmpty()) {
                return records;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || stopSignal.await(Math.min(remaining, RECHECK_NANOS), TimeUnit.NANOSECONDS)) {
                return null;
            }
        }
        return null;
    }

    /** Makes a waiting {@link #poll()} return and closes the file. Thread-safe; may be called more than once. */
    @Override
    public void stop() {
        stopping = true;
        stopSignal.countDown();
        synchronized (lock) {
            closeQuietly();
        }
    }

    private List<SourceRecord> readLines() throws InterruptedException {
        synchronized (lock) {
            List<SourceRecord> records = new ArrayList<>();
            if (stopping) {
                return records;
            }
            try {
                if (channel == null && !open()) {
                    return records;
                }
                readInto(records);
                if (records.isEmpty()) {
                    checkForReplacement();
                }
            } catch (ClosedByInterruptException e) {
                closeQuietly();
                Thread.interrupted();
                throw new InterruptedException("Interrupted while reading " + path);
            } catch (IOException e) {
                closeQuietly();
                throw new RetriableException("Could not read " + path + " (configuration " + FileSourceConfig.FILE_CONFIG
                        + "): " + e, e);
            }
            return records;
        }
    }

    /** Opens the file at {@code position}; returns false when it does not exist (yet). */
    private boolean open() throws IOException {
        FileChannel opened;
        try {
            opened = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            if (!reportedMissing) {
                LOG.log(Level.INFO, "{0} does not exist yet; waiting for it", path);
                reportedMissing = true;
            }
            return false;
        }
        if (Files.isDirectory(path)) {
            opened.close();
            throw new ConnectException(path + " (configuration " + FileSourceConfig.FILE_CONFIG
                    + ") is a directory, not a file");
        }
        reportedMissing = false;
        channel = opened;
        fileKey = fileKey(path);
        long size = channel.size();
        if (position > size) {
            LOG.log(Level.WARNING, "{0} has {1} bytes, fewer than the resume position {2}: it was replaced or "
                    + "truncated; reading it from the beginning", path, String.valueOf(size), String.valueOf(position));
            position = 0;
        }
        readPosition = position;
        incompleteLine.reset();
        return true;
    }

    private void readInto(List<SourceRecord> records) throws IOException {
        while (records.size() < batchSize) {
            buffer.clear();
            int n = channel.read(buffer, readPosition);
            if (n <= 0) {
                return;
            }
            buffer.flip();
            while (buffer.hasRemaining() && records.size() < batchSize) {
                byte b = buffer.get();
                readPosition++;
                if (b == '\n') {
                    position = readPosition;
                    records.add(record(takeLine()));
                } else {
                    incompleteLine.write(b);
                }
            }
        }
    }

    private String takeLine() {
        String line = incompleteLine.toString(StandardCharsets.UTF_8);
        incompleteLine.reset();
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private SourceRecord record(String line) {
        return new SourceRecord(partition, Map.of(POSITION_KEY, position), topic, Schema.STRING_SCHEMA, line);
    }

    /** At the end of the file: notices truncation, deletion and replacement. */
    private void checkForReplacement() throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            LOG.log(Level.INFO, "{0} was deleted; waiting for a new file", path);
            restartFromBeginning();
            return;
        }
        Object key = attributes.fileKey();
        if (key != null && fileKey != null && !Objects.equals(key, fileKey)) {
            LOG.log(Level.INFO, "{0} was replaced by a new file; reading it from the beginning", path);
            restartFromBeginning();
        } else if (channel.size() < readPosition) {
            LOG.log(Level.INFO, "{0} was truncated; reading it from the beginning", path);
            restartFromBeginning();
        }
    }

    private void restartFromBeginning() {
        closeQuietly();
        position = 0;
        readPosition = 0;
        incompleteLine.reset();
    }

    private static Object fileKey(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private void closeQuietly() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "Closing " + path + " failed", e);
            }
            channel = null;
        }
    }
}
