package io.connectsdk.examples.file;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Accepts a non-blank path that the platform can represent and that is not an existing directory
 * (the file itself need not exist yet). Accepts {@code null}, so that a missing required key is
 * reported once, as missing.
 */
final class FilePathValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            return;
        }
        if (!(value instanceof String) || ((String) value).isBlank()) {
            throw new ConfigException(name, value, "Expected the path of a file");
        }
        Path path;
        try {
            path = Path.of((String) value);
        } catch (InvalidPathException e) {
            throw new ConfigException(name, value, "Not a valid path: " + e.getMessage());
        }
        if (Files.isDirectory(path)) {
            throw new ConfigException(name, value, "Is a directory; expected a file (which need not exist yet)");
        }
    }

    @Override
    public String toString() {
        return "path of a file (not a directory)";
    }
}
