package io.connectsdk.runtime.inspect;

/**
 * The checks of {@link PluginInspector}, each with a stable id (its {@link #name()}, used in reports
 * and by tools; never renamed) and a fixed severity.
 *
 * <p><b>The package rule</b> (which bundled classes are a problem): a plugin's classes load
 * child-first, except the parent-first packages of
 * {@link io.connectsdk.runtime.plugin.PluginClassLoader}. So a package the plugin shares with the
 * runtime is
 * <ul>
 *   <li>an {@link Severity#ERROR} when it is parent-first and not the JDK's ({@code io.connectsdk.api},
 *       {@code org.slf4j}): the plugin's copies are silently ignored, so the plugin runs against
 *       other code than it was built with ({@link #BUNDLED_SDK_API}, {@link #PARENT_FIRST_PACKAGE});</li>
 *   <li>a {@link Severity#WARNING} when it belongs to the JDK ({@link #JDK_PACKAGE}: ignored, usually
 *       an old API jar) or is child-first and also on the runtime's class path
 *       ({@link #SPLIT_PACKAGE}: e.g. the plugin's own Jackson; isolated, so it works, but classes the
 *       plugin's copy lacks would come from the runtime's version);</li>
 *   <li>nothing when the runtime does not have the package.</li>
 * </ul>
 * Kafka's own classes are judged separately ({@link #BUNDLED_KAFKA_CONNECT_API},
 * {@link #BUNDLED_KAFKA_CLIENTS}).
 */
public enum FindingId {
    /** A service entry names a class that is not in the plugin. */
    SERVICE_CLASS_MISSING(Severity.ERROR),
    /** A service entry names a class that cannot be loaded (a dependency is missing, a linkage error). */
    SERVICE_CLASS_NOT_LOADABLE(Severity.ERROR),
    /** A service entry names a class that is not of the file's SPI type. */
    SERVICE_CLASS_WRONG_TYPE(Severity.ERROR),
    /** A service entry names a class that is not public. */
    SERVICE_CLASS_NOT_PUBLIC(Severity.ERROR),
    /** A service entry names an abstract class or an interface. */
    SERVICE_CLASS_ABSTRACT(Severity.ERROR),
    /** A line of a service file is not a class name. */
    SERVICE_ENTRY_INVALID(Severity.ERROR),
    /** A plugin or task class has no public no-argument constructor (or is a non-static inner class). */
    NO_PUBLIC_NO_ARG_CONSTRUCTOR(Severity.ERROR),
    /** Constructing the plugin (or initializing its class) threw. */
    CONSTRUCTOR_THROWS(Severity.ERROR),
    /** A call into the plugin (constructor, {@code version()}, {@code config()}) did not return in time. */
    PLUGIN_CALL_TIMEOUT(Severity.ERROR),
    /** A public concrete plugin class is not registered in any {@code META-INF/services} file. */
    PLUGIN_NOT_REGISTERED(Severity.WARNING),
    /** {@code version()} returned {@code null}, a blank string or {@code "null"}. */
    VERSION_MISSING(Severity.ERROR),
    /** {@code version()} returned an unexpanded placeholder such as {@code ${project.version}}. */
    VERSION_UNEXPANDED(Severity.ERROR),
    /** {@code version()} threw. */
    VERSION_THROWS(Severity.ERROR),
    /** {@code config()} threw. */
    CONFIG_DEF_THROWS(Severity.ERROR),
    /** {@code config()} returned {@code null}. */
    CONFIG_DEF_NULL(Severity.ERROR),
    /** Configuration keys without documentation. */
    CONFIG_KEY_UNDOCUMENTED(Severity.WARNING),
    /** The plugin bundles {@code io.connectsdk.api} classes (they are always the runtime's). */
    BUNDLED_SDK_API(Severity.ERROR),
    /** The plugin bundles Apache Kafka Connect API classes ({@code org.apache.kafka.connect}). */
    BUNDLED_KAFKA_CONNECT_API(Severity.ERROR),
    /** The plugin bundles other Apache Kafka classes (kafka-clients). */
    BUNDLED_KAFKA_CLIENTS(Severity.WARNING),
    /** The plugin bundles classes of a non-JDK parent-first package ({@code org.slf4j}); they are ignored. */
    PARENT_FIRST_PACKAGE(Severity.ERROR),
    /** The plugin bundles classes of a JDK package; they are ignored. */
    JDK_PACKAGE(Severity.WARNING),
    /** The plugin and the runtime's class path share a (child-first) package. */
    SPLIT_PACKAGE(Severity.WARNING),
    /** The same class is in several jars of one location; the first on the class path wins. */
    DUPLICATE_CLASSES(Severity.WARNING),
    /** More than one SLF4J binding / provider in one location. */
    DUPLICATE_SLF4J_BINDINGS(Severity.WARNING),
    /** Class files newer than the target Java release. */
    CLASS_VERSION_TOO_NEW(Severity.ERROR),
    /** An alias names different classes in different locations (or on the runtime's class path). */
    AMBIGUOUS_ALIAS(Severity.WARNING),
    /** The same class and version is installed in several locations. */
    DUPLICATE_PLUGIN(Severity.WARNING),
    /** The location registers no connect-sdk plugin at all. */
    NO_PLUGINS(Severity.ERROR),
    /** A jar contains jars, which a class loader does not read. */
    NESTED_JARS(Severity.WARNING),
    /** The location registers Apache Kafka Connect plugins ({@code META-INF/services/org.apache.kafka.connect...}). */
    KAFKA_CONNECT_SERVICES(Severity.INFO);

    private final Severity severity;

    FindingId(Severity severity) {
        this.severity = severity;
    }

    /** @return the severity of every finding with this id */
    public Severity severity() {
        return severity;
    }
}
