package io.connectsdk.testkit.connect;

/** Where the plugin under test comes from when a {@link ConnectCluster} hosts it. */
public enum PluginSource {
    /**
     * The module's compiled classes ({@code target/classes}) plus its runtime dependencies from the
     * test classpath, assembled into a plugin location at test time: nothing has to be packaged
     * before {@code mvn test}. See {@link PluginUnderTest#exploded(Class)} for the rules.
     */
    EXPLODED,
    /**
     * A packaged plugin: a {@code -plugin.zip} archive or an exploded plugin directory (a directory
     * with {@code lib/*.jar}), as a {@code plugin.path} entry would hold it. Needs {@code package}
     * to have run, so it suits failsafe {@code *IT} tests.
     */
    ARCHIVE
}
