package io.connectsdk.runtime.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.connectsdk.runtime.plugin.PluginDesc;
import io.connectsdk.runtime.plugin.Plugins;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One installed plugin as {@code GET /connector-plugins} shows it:
 * {@code {"class":"com.acme.FileSource","type":"source","version":"1.2.0"}}. As in Kafka Connect,
 * {@code version} is left out when it is {@code null} or {@value #UNDEFINED_VERSION}.
 *
 * @param className the plugin's fully qualified class name, never {@code null}
 * @param type its kind, never {@code null}
 * @param version its version; may be {@code null}
 */
public record PluginInfo(@JsonProperty("class") String className,
                         @JsonProperty("type") Type type,
                         @JsonProperty("version") @JsonInclude(value = JsonInclude.Include.CUSTOM,
                                 valueFilter = NoVersion.class) String version) {

    /** The version a plugin without a usable version reports; omitted from the JSON. */
    public static final String UNDEFINED_VERSION = "undefined";

    /** Checks that the class name and type are present. */
    public PluginInfo {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(type, "type");
    }

    /**
     * @param plugins the plugins a worker found ({@code plugin.path} and the built-ins)
     * @return each as {@code GET /connector-plugins} shows it, in the order of {@link Plugins#plugins()}
     */
    public static List<PluginInfo> of(Plugins plugins) {
        List<PluginInfo> result = new ArrayList<>();
        for (PluginDesc d : plugins.plugins()) {
            result.add(new PluginInfo(d.className(), Type.fromName(d.type().name()), d.version()));
        }
        return result;
    }

    /** @return whether this is a source or sink connector */
    @JsonIgnore
    public boolean isConnector() {
        return type == Type.SOURCE || type == Type.SINK;
    }

    /** The kinds of plugin, with Kafka Connect's JSON names. */
    public enum Type {
        /** A source connector: {@code "source"}. */
        SOURCE("source"),
        /** A sink connector: {@code "sink"}. */
        SINK("sink"),
        /** A converter: {@code "converter"}. */
        CONVERTER("converter"),
        /** A header converter: {@code "header_converter"}. */
        HEADER_CONVERTER("header_converter"),
        /** A transform: {@code "transformation"}. */
        TRANSFORMATION("transformation"),
        /** A predicate: {@code "predicate"}. */
        PREDICATE("predicate");

        private final String json;

        Type(String json) {
            this.json = json;
        }

        /** @return the JSON name, e.g. {@code "header_converter"} */
        @JsonValue
        public String json() {
            return json;
        }

        /**
         * Maps a plugin kind's name to a type, so the launcher can convert the plugin registry's own
         * type: accepts the constant names and JSON names of this enum, case-insensitively, and
         * {@code TRANSFORM} for {@link #TRANSFORMATION}.
         *
         * @param name e.g. {@code "SOURCE"}, {@code "header_converter"}, {@code "TRANSFORM"}
         * @return the type
         * @throws IllegalArgumentException naming the value when it is no known kind
         */
        public static Type fromName(String name) {
            String n = String.valueOf(name).trim().toUpperCase(Locale.ROOT);
            if (n.equals("TRANSFORM")) {
                return TRANSFORMATION;
            }
            for (Type t : values()) {
                if (t.name().equals(n)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("Unknown plugin type '" + name + "'; expected one of source, sink, "
                    + "converter, header_converter, transformation (or transform), predicate");
        }
    }

    /** Jackson value filter: true (filter out) for a missing or undefined version. */
    static final class NoVersion {
        @Override
        public boolean equals(Object obj) {
            return obj == null || UNDEFINED_VERSION.equals(obj);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
