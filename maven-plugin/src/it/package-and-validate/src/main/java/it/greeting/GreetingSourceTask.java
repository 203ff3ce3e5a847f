package it.greeting;

import io.connectsdk.api.source.SourceRecord;
import io.connectsdk.api.source.SourceTask;
import java.util.List;
import java.util.Map;

/** Emits nothing. */
public class GreetingSourceTask extends SourceTask {
    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public void start(Map<String, String> props) {
        picocli.CommandLine.Help.Ansi.OFF.string("uses the bundled library");
    }

    @Override
    public List<SourceRecord> poll() {
        return null;
    }

    @Override
    public void stop() {
    }
}
