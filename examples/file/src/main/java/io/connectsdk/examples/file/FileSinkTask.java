package io.connectsdk.examples.file;

import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.sink.SinkTask;
import io.connectsdk.api.sink.TopicPartition;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;

/**
 * Appends record values to a file, one UTF-8 line each; see {@link FileSinkConnector} and
 * {@link FileSinkConfig}.
 *
 * <p>{@link #put(Collection)} writes into a buffer; {@link #flush(Map)} (called by the default
 * {@code preCommit} before offsets are committed) writes the buffer out and forces it to the disk
 * ({@code fsync}), so that committed offsets only cover lines that are on disk. Delivery is
 * at-least-once: lines written after the last commit are written again after a crash.
 *
 * <p>Values: a {@code String} as it is; {@code byte[]}/{@code ByteBuffer} decoded as UTF-8; any
 * other value (a {@code Struct}, map, list, number...) as its {@code toString()}. A {@code null}
 * value (tombstone) is skipped.
 */
public class FileSinkTask extends SinkTask {
    private static final System.Logger LOG = System.getLogger(FileSinkTask.class.getName());

    private Path path;
    private FileChannel channel;
    private Writer writer;

    /** Creates the task; the runtime calls {@link #initialize} and {@link #start(Map)} next. */
    public FileSinkTask() {
    }

    @Override
    public String version() {
        return PluginVersion.of(getClass());
    }

    /**
     * @throws io.connectsdk.api.config.ConfigException naming the key when the configuration is invalid
     * @throws ConnectException when the file cannot be opened for appending
     */
    @Override
    public void start(Map<String, String> props) {
        path = new FileSinkConfig(props).path();
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new ConnectException("Cannot open " + path + " (configuration " + FileSinkConfig.FILE_CONFIG
                    + ") for appending: " + e, e);
        }
        writer = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8),
                64 * 1024);
        LOG.log(Level.INFO, "Appending records to {0}", path);
    }

    /** @throws ConnectException when writing fails */
    @Override
    public void put(Collection<SinkRecord> records) {
        try {
            for (SinkRecord record : records) {
                Object value = record.value();
                if (value == null) {
                    continue;
                }
                writer.write(format(value));
                writer.write('\n');
            }
        } catch (IOException e) {
            throw new ConnectException("Cannot write to " + path + ": " + e, e);
        }
    }

    /**
     * Writes out the buffered lines and forces them to the disk.
     *
     * @throws ConnectException when that fails
     */
    @Override
    public void flush(Map<TopicPartition, Long> currentOffsets) {
        try {
            writer.flush();
            channel.force(true);
        } catch (IOException e) {
            throw new ConnectException("Cannot flush " + path + ": " + e, e);
        }
    }

    /** Writes out what is buffered and closes the file. */
    @Override
    public void stop() {
        if (writer == null) {
            return;
        }
        try {
            writer.flush();
            channel.force(true);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Flushing " + path + " at stop failed", e);
        } finally {
            try {
                writer.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Closing " + path + " failed", e);
            }
            writer = null;
            channel = null;
        }
    }

    static String format(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof byte[]) {
            return new String((byte[]) value, StandardCharsets.UTF_8);
        }
        if (value instanceof ByteBuffer) {
            return StandardCharsets.UTF_8.decode(((ByteBuffer) value).duplicate()).toString();
        }
        return String.valueOf(value);
    }
}
