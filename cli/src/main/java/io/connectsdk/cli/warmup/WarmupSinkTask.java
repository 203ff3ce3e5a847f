package io.connectsdk.cli.warmup;

import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.sink.SinkTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/** Counts records; creates the marker file once all of them arrived. */
public class WarmupSinkTask extends SinkTask {
    private int expected;
    private Path marker;
    private int seen;

    @Override
    public String version() {
        return "1";
    }

    @Override
    public void start(Map<String, String> props) {
        expected = Integer.parseInt(props.get(WarmupSinkConnector.RECORDS));
        marker = Path.of(props.get(WarmupSinkConnector.MARKER));
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        for (SinkRecord record : records) {
            if (record.value() == null) {
                throw new ConnectException("warm-up record without a value at offset " + record.kafkaOffset());
            }
            seen++;
        }
        if (seen >= expected && !Files.exists(marker)) {
            try {
                Files.writeString(marker, Integer.toString(seen));
            } catch (IOException e) {
                throw new ConnectException("cannot write the warm-up marker " + marker, e);
            }
        }
    }

    @Override
    public void stop() {
    }
}
