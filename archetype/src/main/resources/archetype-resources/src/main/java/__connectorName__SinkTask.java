package ${package};

import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.errors.RetriableException;
import io.connectsdk.api.sink.ErrantRecordReporter;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.sink.SinkTask;
import io.connectsdk.api.sink.TopicPartition;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * Appends the value of every record to the configured file, one line per record; see
 * {@link ${connectorName}SinkConnector}.
 *
 * <p><b>Delivery.</b> {@code put} only writes into a buffer; {@code flush} writes the buffer out and
 * forces it to the disk. The runtime commits a partition's consumer offsets only after
 * {@code flush} returned, so records put but not yet flushed when the worker dies are consumed and
 * put again by the next task: nothing is lost, and what is repeated is what came after the last
 * flush (at-least-once, as in Kafka Connect).
 *
 * <p><b>Bad records.</b> A value that spans several lines cannot be one line of the file: it goes to
 * the errant-record reporter (the dead letter queue and log, as the connector's {@code errors.*}
 * keys say) and the task goes on; without a reporter it fails the task. Tombstones (null values) are
 * skipped.
 *
 * <p><b>Threads.</b> Every method runs on the task's thread, {@code stop} included.
 */
public class ${connectorName}SinkTask extends SinkTask {
    private static final System.Logger LOG = System.getLogger(${connectorName}SinkTask.class.getName());

    private Path file;
    private FileOutputStream out;
    private Writer writer;

    /** Creates the task; the runtime calls {@code initialize} and {@code start} next. */
    public ${connectorName}SinkTask() {
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
        file = Path.of(new ${connectorName}SinkConfig(props).file());
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            out = new FileOutputStream(file.toFile(), true);
            writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConnectException("Cannot open " + file + " for appending: " + e, e);
        }
        LOG.log(Level.INFO, "Appending record values to {0}", file);
    }

    /** Partitions assigned to this task: open per-partition resources here (this sink needs none). */
    @Override
    public void open(Collection<TopicPartition> partitions) {
        LOG.log(Level.DEBUG, "Assigned {0}", partitions);
    }

    /**
     * @throws RetriableException when the file cannot be written: the runtime hands the same records
     *     to {@code put} again after a pause
     */
    @Override
    public void put(Collection<SinkRecord> records) {
        for (SinkRecord record : records) {
            if (record.value() == null) {
                continue; // a tombstone: nothing to append
            }
            String line = String.valueOf(record.value());
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                DataException error = new DataException("The value of record " + record.topic() + "-"
                        + record.kafkaPartition() + " at offset " + record.kafkaOffset()
                        + " spans several lines, so it cannot be one line of " + file);
                ErrantRecordReporter reporter = context.errantRecordReporter();
                if (reporter == null) {
                    throw error;
                }
                reporter.report(record, error);
                continue;
            }
            try {
                writer.write(line);
                writer.write('\n');
            } catch (IOException e) {
                throw new RetriableException("Cannot write to " + file + ": " + e, e);
            }
        }
    }

    /** Writes the buffered lines out and forces them to the disk, before the runtime commits the offsets. */
    @Override
    public void flush(Map<TopicPartition, Long> currentOffsets) {
        try {
            writer.flush();
            out.getChannel().force(false);
        } catch (IOException e) {
            throw new ConnectException("Cannot flush " + file + ": " + e, e);
        }
    }

    /** Partitions taken from this task: release per-partition resources here. */
    @Override
    public void close(Collection<TopicPartition> partitions) {
        LOG.log(Level.DEBUG, "Revoked {0}", partitions);
    }

    /** Closes the file; the runtime called {@code flush} before, for everything it will commit. */
    @Override
    public void stop() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Closing " + file + " failed", e);
            }
        }
    }
}
