package io.connectsdk.api.plugin;

/**
 * Something with a version: every plugin (connector, task, converter, header converter,
 * transform, predicate) is one.
 *
 * <p>The version is shown by {@code GET /connector-plugins}, recorded in connector status, used to
 * pick between several installed versions of one plugin ({@code connector.plugin.version} and
 * friends), and checked by {@code connect-sdk validate}: it must be non-null, non-blank and not an
 * unexpanded placeholder such as {@code ${project.version}}.
 *
 * <p>Called on any thread, possibly before the plugin is started or configured; it must be cheap and
 * must not throw.
 */
public interface Versioned {
    /** @return the plugin's version, for example {@code "1.4.2"}; never {@code null} or blank */
    String version();

    /**
     * A helper for {@link #version()} implementations: the {@code Implementation-Version} of the jar
     * manifest that holds {@code type}, as written by connect-sdk's packaging and by the Maven jar
     * plugin's {@code addDefaultImplementationEntries}.
     *
     * @param type a class of the plugin
     * @param fallback returned when the manifest has no version (classes run from a folder, as in
     *     tests); may be {@code null}
     * @return the manifest's version, or {@code fallback}
     */
    static String manifestVersion(Class<?> type, String fallback) {
        Package pkg = type.getPackage();
        String version = pkg == null ? null : pkg.getImplementationVersion();
        return version == null || version.isBlank() ? fallback : version;
    }
}
