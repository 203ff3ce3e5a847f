package ${package};

import io.connectsdk.api.plugin.Versioned;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version every class of this plugin reports: the jar manifest's, else the build's. */
final class PluginVersion {
    /** The project version, from the filtered {@code version.properties}; used when there is no manifest. */
    static final String FALLBACK = load();

    private PluginVersion() {
    }

    /**
     * @param type a class of this plugin
     * @return the {@code Implementation-Version} of the jar holding {@code type}, else {@code FALLBACK}
     */
    static String of(Class<?> type) {
        return Versioned.manifestVersion(type, FALLBACK);
    }

    private static String load() {
        try (InputStream in = PluginVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties props = new Properties();
            props.load(in);
            String version = props.getProperty("version");
            return version == null || version.isBlank() || version.contains("{") ? "unknown" : version.trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
