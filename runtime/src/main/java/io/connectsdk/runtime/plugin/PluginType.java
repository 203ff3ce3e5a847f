package io.connectsdk.runtime.plugin;

import io.connectsdk.api.sink.SinkConnector;
import io.connectsdk.api.source.SourceConnector;
import io.connectsdk.api.storage.Converter;
import io.connectsdk.api.storage.HeaderConverter;
import io.connectsdk.api.transforms.Predicate;
import io.connectsdk.api.transforms.Transform;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of plugin the runtime discovers, each with the SPI type it is registered under
 * ({@code META-INF/services/<spi type name>}) and the suffixes dropped from its simple class name
 * to make its short alias ({@code FileSourceConnector} is also {@code FileSource}).
 *
 * <p>Aliases are unique per {@link #aliasGroup() alias group}: source and sink connectors share one
 * (both are named by {@code connector.class}); every other type has its own.
 */
public enum PluginType {
    /** {@link SourceConnector}, named by {@code connector.class}. */
    SOURCE(SourceConnector.class, "connector", "Connector"),
    /** {@link SinkConnector}, named by {@code connector.class}. */
    SINK(SinkConnector.class, "connector", "Connector"),
    /** {@link Converter}, named by {@code key.converter} / {@code value.converter}. */
    CONVERTER(Converter.class, "converter", "Converter"),
    /** {@link HeaderConverter}, named by {@code header.converter}. */
    HEADER_CONVERTER(HeaderConverter.class, "header converter", "HeaderConverter", "Converter"),
    /** {@link Transform}, named by {@code transforms.<alias>.type}. */
    TRANSFORM(Transform.class, "transform", "Transformation", "Transform"),
    /** {@link Predicate}, named by {@code predicates.<alias>.type}. */
    PREDICATE(Predicate.class, "predicate", "Predicate");

    private final Class<?> spi;
    private final String noun;
    private final List<String> suffixes;

    PluginType(Class<?> spi, String noun, String... suffixes) {
        this.spi = spi;
        this.noun = noun;
        this.suffixes = List.of(suffixes);
    }

    /** @return the SPI type plugins of this kind implement or extend, never {@code null} */
    public Class<?> spi() {
        return spi;
    }

    /** @return the resource that registers plugins of this kind, e.g. {@code META-INF/services/io.connectsdk.api.storage.Converter} */
    public String serviceResource() {
        return "META-INF/services/" + spi.getName();
    }

    /** @return what users call it in messages: "connector", "converter", "transform", ... */
    public String noun() {
        return noun;
    }

    /** @return the suffixes removed from simple class names to make short aliases, longest first */
    public List<String> aliasSuffixes() {
        return suffixes;
    }

    /**
     * @return the alias namespace: {@link #SOURCE} and {@link #SINK} share {@link #SOURCE}; every
     *     other type is its own group
     */
    public PluginType aliasGroup() {
        return this == SINK ? SOURCE : this;
    }

    /** @return the lower-case name used in reports, e.g. {@code "header_converter"} */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param spiName a fully qualified class name
     * @return the type registered under that SPI name, or {@code null}
     */
    public static PluginType forSpiName(String spiName) {
        for (PluginType t : values()) {
            if (t.spi.getName().equals(spiName)) {
                return t;
            }
        }
        return null;
    }
}
