package io.connectsdk.runtime.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectsdk.api.errors.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOffsetStoreTest {
    @TempDir
    Path dir;

    private FileOffsetStore started(Path file) {
        FileOffsetStore store = new FileOffsetStore(file);
        store.start();
        return store;
    }

    @Test
    void offsetsSurviveARestartAndPartitionsCompareByValue() {
        Path file = dir.resolve("sub/offsets.json");
        FileOffsetStore store = started(file);
        assertThat(store.offset("c", Map.of("p", 1))).isNull();
        store.put("c", Map.of(Map.of("p", 1), Map.of("pos", 10, "name", "a", "done", false)));
        store.put("other", Map.of(Map.of("p", 1), Map.of("pos", 99)));
        store.stop();

        FileOffsetStore reloaded = started(file);
        // an Integer 1 and a Long 1 are the same partition; numbers come back as Long
        assertThat(reloaded.offset("c", Map.of("p", 1L))).isEqualTo(Map.of("pos", 10L, "name", "a", "done", false));
        assertThat(reloaded.offset("other", Map.of("p", 1))).isEqualTo(Map.of("pos", 99L));
        assertThat(reloaded.offsets("c")).containsOnlyKeys(Map.of("p", 1L));
    }

    @Test
    void keyOrderOfAPartitionDoesNotMatter() {
        FileOffsetStore store = started(dir.resolve("o.json"));
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", "x");
        ab.put("b", 2);
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", 2L);
        ba.put("a", "x");
        store.put("c", Map.of(ab, Map.of("o", 1)));
        assertThat(store.offset("c", ba)).isEqualTo(Map.of("o", 1L));
    }

    @Test
    void aNullOffsetRemovesThePartition() {
        FileOffsetStore store = started(dir.resolve("o.json"));
        store.put("c", Map.of(Map.of("p", "a"), Map.of("o", 1)));
        Map<Map<String, ?>, Map<String, ?>> removal = new HashMap<>();
        removal.put(Map.of("p", "a"), null);
        store.put("c", removal);
        assertThat(store.offset("c", Map.of("p", "a"))).isNull();
        assertThat(started(dir.resolve("o.json")).offsets("c")).isEmpty();
    }

    @Test
    void unstorableValuesAreRefusedWholeNamingTheConnectorAndKey() {
        FileOffsetStore store = started(dir.resolve("o.json"));
        Map<Map<String, ?>, Map<String, ?>> offsets = new LinkedHashMap<>();
        offsets.put(Map.of("p", "good"), Map.of("o", 1));
        offsets.put(Map.of("p", "bad"), Map.of("when", List.of(1, 2)));
        assertThatThrownBy(() -> store.put("conn", offsets)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conn").hasMessageContaining("when").hasMessageContaining("java.util");
        assertThat(store.offset("conn", Map.of("p", "good"))).as("all or nothing").isNull();
        assertThat(Files.exists(dir.resolve("o.json"))).isFalse();
    }

    @Test
    void theFileIsDocumentedJsonAndNoTemporaryFileIsLeft() throws Exception {
        Path file = dir.resolve("o.json");
        FileOffsetStore store = started(file);
        for (int i = 0; i < 5; i++) {
            store.put("c", Map.of(Map.of("p", 0), Map.of("o", i)));
        }
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertThat(root.get("format").asText()).isEqualTo(FileOffsetStore.FORMAT);
        assertThat(root.get("version").asInt()).isEqualTo(1);
        assertThat(root.get("offsets")).hasSize(1);
        assertThat(root.get("offsets").get(0).get("connector").asText()).isEqualTo("c");
        assertThat(root.get("offsets").get(0).get("offset").get("o").asInt()).isEqualTo(4);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aCorruptFileFailsStartNamingItAndIsNotOverwritten() throws Exception {
        Path file = dir.resolve("o.json");
        Files.writeString(file, "{\"format\":\"connect-sdk-offsets\",\"version\":1,\"offsets\":[{\"conn");
        FileOffsetStore store = new FileOffsetStore(file);
        assertThatThrownBy(store::start).isInstanceOf(ConnectException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("offset.storage.file.filename");
        assertThat(Files.readString(file)).endsWith("\"conn");
    }

    @Test
    void aForeignFileIsRefused() throws Exception {
        Path file = dir.resolve("o.json");
        Files.writeString(file, "{\"something\":\"else\"}");
        assertThatThrownBy(() -> new FileOffsetStore(file).start()).isInstanceOf(ConnectException.class)
                .hasMessageContaining("not a connect-sdk offsets file");
    }

    @Test
    void anEmptyOrMissingFileMeansNoOffsets() throws Exception {
        assertThat(started(dir.resolve("missing.json")).offsets("c")).isEmpty();
        Path empty = Files.createFile(dir.resolve("empty.json"));
        assertThat(started(empty).offsets("c")).isEmpty();
    }
}
