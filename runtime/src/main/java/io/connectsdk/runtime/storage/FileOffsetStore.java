package io.connectsdk.runtime.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.api.errors.ConnectException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone worker's {@link OffsetStore}: offsets in a local JSON file
 * ({@code offset.storage.file.filename}), rewritten whole on every commit.
 *
 * <p><b>Crash safety.</b> Each write goes to a temporary file in the same directory, which is
 * flushed to disk ({@code fsync}) and then renamed over the offsets file with an atomic move; the
 * directory is then synced where the platform allows it. A crash therefore leaves either the old
 * or the new file, never a torn one. Leftover temporary files ({@code .<name>.*.tmp}) are ignored.
 *
 * <p><b>Format</b> (UTF-8 JSON; partitions and connectors sorted so that the file is stable):
 * <pre>{@code
 * {
 *   "format" : "connect-sdk-offsets",
 *   "version" : 1,
 *   "offsets" : [
 *     { "connector" : "my-source", "partition" : { "file" : "/var/log/a.log" }, "offset" : { "position" : 4711 } }
 *   ]
 * }
 * }</pre>
 * A missing or empty file means no offsets. A file that cannot be parsed makes {@link #start()}
 * fail with a message naming it (it is never silently replaced).
 *
 * <p>Thread-safe.
 */
public class FileOffsetStore extends MemoryOffsetStore {
    /** The value of the file's {@code format} field. */
    public static final String FORMAT = "connect-sdk-offsets";
    /** The current value of the file's {@code version} field. */
    public static final int VERSION = 1;

    private static final Logger log = LoggerFactory.getLogger(FileOffsetStore.class);

    private final Path file;

    /** @param file the offsets file; its directory is created when missing */
    public FileOffsetStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** @return the offsets file */
    public Path file() {
        return file;
    }

    @Override
    protected Map<String, Map<String, Stored>> load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            log.info("Offsets file {} does not exist yet; starting with no offsets", file);
            return Map.of();
        } catch (IOException e) {
            throw new ConnectException("Cannot read the offsets file " + file + " (offset.storage.file.filename): " + e, e);
        }
        if (bytes.length == 0) {
            return Map.of();
        }
        Map<String, Map<String, Stored>> state = new HashMap<>();
        try {
            JsonNode root = OffsetCodec.MAPPER.readTree(bytes);
            if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
                throw new IllegalArgumentException("it is not a connect-sdk offsets file (no \"format\":\"" + FORMAT + "\")");
            }
            int version = root.path("version").asInt(-1);
            if (version != VERSION) {
                throw new IllegalArgumentException("unsupported version " + root.path("version") + " (expected " + VERSION + ")");
            }
            for (JsonNode entry : root.path("offsets")) {
                String connector = entry.path("connector").asText(null);
                if (connector == null) {
                    throw new IllegalArgumentException("an entry has no connector: " + entry);
                }
                Map<String, Object> partition = OffsetCodec.fromJson(entry.get("partition"));
                Map<String, Object> offset = OffsetCodec.fromJson(entry.get("offset"));
                if (partition == null || offset == null) {
                    throw new IllegalArgumentException("an entry has no partition or offset: " + entry);
                }
                state.computeIfAbsent(connector, c -> new LinkedHashMap<>())
                        .put(OffsetCodec.canonical(partition), new Stored(partition, offset));
            }
        } catch (IOException | RuntimeException e) {
            throw new ConnectException("The offsets file " + file + " (offset.storage.file.filename) is not valid: "
                    + e.getMessage(), e);
        }
        state.replaceAll((c, m) -> Collections.unmodifiableMap(m));
        return state;
    }

    @Override
    protected void persist(Map<String, Map<String, Stored>> state) {
        byte[] bytes = serialize(state);
        Path dir = file.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
            // classic streams: not interruptible, so an interrupt of the committing thread cannot abort the write
            try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
                writeFully(out, bytes);
                out.getFD().sync();
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + dir + " cannot rename atomically", e);
            }
            tmp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new ConnectException("Cannot write the offsets file " + file + " (offset.storage.file.filename): " + e, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort; a leftover temporary file is ignored when loading
                }
            }
        }
    }

    private static void writeFully(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // not supported everywhere (e.g. Windows); the rename itself is atomic
            log.debug("Could not sync directory {}: {}", dir, e.toString());
        }
    }

    private static byte[] serialize(Map<String, Map<String, Stored>> state) {
        ObjectNode root = OffsetCodec.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode entries = root.putArray("offsets");
        for (Map.Entry<String, Map<String, Stored>> c : new TreeMap<>(state).entrySet()) {
            List<String> partitions = new ArrayList<>(c.getValue().keySet());
            Collections.sort(partitions);
            for (String p : partitions) {
                Stored s = c.getValue().get(p);
                ObjectNode entry = entries.addObject();
                entry.put("connector", c.getKey());
                entry.set("partition", OffsetCodec.toJson(s.partition()));
                entry.set("offset", OffsetCodec.toJson(s.offset()));
            }
        }
        try {
            return OffsetCodec.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new ConnectException("Cannot serialize offsets: " + e, e);
        }
    }
}
