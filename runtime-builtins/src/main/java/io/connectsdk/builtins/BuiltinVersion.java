package io.connectsdk.builtins;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version every built-in plugin reports: the version of connect-sdk it ships with. */
public final class BuiltinVersion {
    /** The connect-sdk version, e.g. {@code 0.1.0-SNAPSHOT}; never {@code null}. */
    public static final String VERSION = load();

    private BuiltinVersion() {
    }

    private static String load() {
        Properties props = new Properties();
        try (InputStream in = BuiltinVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("io/connectsdk/builtins/version.properties is missing from the runtime-builtins jar");
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props.getProperty("version");
    }
}
