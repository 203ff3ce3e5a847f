package io.connectsdk.runtime.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.runtime.worker.TargetState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorFileTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aPropertiesFileStartsRunning() throws Exception {
        ConnectorFile f = ConnectorFile.read(write("c.properties", "name=orders\nconnector.class=FileSource\n"));
        assertThat(f.config()).isEqualTo(Map.of("name", "orders", "connector.class", "FileSource"));
        assertThat(f.initialState()).isEqualTo(TargetState.STARTED);
    }

    @Test
    void aJsonObjectOfTheConfigurationIsReadWithItsScalarsAsText() throws Exception {
        ConnectorFile f = ConnectorFile.read(write("c.json",
                "\n  {\"name\": \"orders\", \"connector.class\": \"FileSource\", \"tasks.max\": 2, \"enabled\": true}"));
        assertThat(f.config()).containsExactly(Map.entry("name", "orders"), Map.entry("connector.class", "FileSource"),
                Map.entry("tasks.max", "2"), Map.entry("enabled", "true"));
        assertThat(f.initialState()).isEqualTo(TargetState.STARTED);
    }

    @Test
    void thePostConnectorsFormCarriesTheNameAndTheInitialState() throws Exception {
        ConnectorFile stopped = ConnectorFile.read(write("s.json",
                "{\"name\": \"orders\", \"config\": {\"connector.class\": \"FileSource\"}, \"initial_state\": \"STOPPED\"}"));
        assertThat(stopped.config()).isEqualTo(Map.of("name", "orders", "connector.class", "FileSource"));
        assertThat(stopped.initialState()).isEqualTo(TargetState.STOPPED);
        assertThat(ConnectorFile.read(write("p.json", "{\"name\": \"a\", \"config\": {\"name\": \"a\"}, "
                + "\"initial_state\": \"paused\"}")).initialState()).isEqualTo(TargetState.PAUSED);
        assertThat(ConnectorFile.read(write("r.json", "{\"name\": \"a\", \"config\": {}, \"initial_state\": \"RUNNING\"}"))
                .initialState()).isEqualTo(TargetState.STARTED);
        assertThat(ConnectorFile.read(write("d.json", "{\"name\": \"a\", \"config\": {}}")).initialState())
                .isEqualTo(TargetState.STARTED);
    }

    @Test
    void malformedFilesAreRefusedNamingTheFileAndTheField() throws Exception {
        Path broken = write("broken.json", "{\n  \"name\": \"orders\",\n  \"connector.class\" \"FileSource\"\n}");
        assertThatThrownBy(() -> ConnectorFile.read(broken)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(broken.toString()).hasMessageContaining("not valid JSON (line 3");
        Path state = write("state.json", "{\"name\": \"a\", \"config\": {}, \"initial_state\": \"FROZEN\"}");
        assertThatThrownBy(() -> ConnectorFile.read(state)).hasMessageContaining(state.toString())
                .hasMessageContaining("\"initial_state\" is \"FROZEN\"").hasMessageContaining("RUNNING, PAUSED or STOPPED");
        Path extra = write("extra.json", "{\"name\": \"a\", \"config\": {}, \"tasks\": []}");
        assertThatThrownBy(() -> ConnectorFile.read(extra)).hasMessageContaining("unknown field \"tasks\"");
        Path names = write("names.json", "{\"name\": \"a\", \"config\": {\"name\": \"b\"}}");
        assertThatThrownBy(() -> ConnectorFile.read(names)).hasMessageContaining("has name b, which differs");
        Path nested = write("nested.json", "{\"name\": \"a\", \"transforms\": {\"x\": 1}}");
        assertThatThrownBy(() -> ConnectorFile.read(nested)).hasMessageContaining("\"transforms\" is a JSON object");
        Path nulls = write("nulls.json", "{\"name\": \"a\", \"config\": {\"topic\": null}}");
        assertThatThrownBy(() -> ConnectorFile.read(nulls)).hasMessageContaining("\"config.topic\" is null");
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> ConnectorFile.read(missing)).hasMessageContaining(missing + " does not exist");
    }
}
