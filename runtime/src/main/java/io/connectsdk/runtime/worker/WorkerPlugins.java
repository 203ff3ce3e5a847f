package io.connectsdk.runtime.worker;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.connector.Connector;
import io.connectsdk.api.storage.Converter;
import io.connectsdk.api.storage.HeaderConverter;
import io.connectsdk.api.transforms.Predicate;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.builtins.chain.DefaultPluginResolver;
import io.connectsdk.builtins.chain.PluginResolver;
import io.connectsdk.runtime.plugin.LoaderSwap;
import io.connectsdk.runtime.plugin.PluginDesc;
import io.connectsdk.runtime.plugin.PluginType;
import io.connectsdk.runtime.plugin.Plugins;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Objects;

/**
 * How the worker finds and creates plugins (connectors, tasks, converters, transforms,
 * predicates) by class name or alias. The worker uses nothing else to load plugin classes:
 * {@link #of(Plugins)} is the production implementation over the plugin-isolation registry
 * ({@code plugin.path}); {@link #classpath(ClassLoader)} looks in a single classloader (tests).
 *
 * <p>{@link #resolve} returns a class defined by the plugin's own loader; the worker runs every
 * call into the plugin with that loader as the thread's context classloader. Implementations are
 * thread-safe.
 */
public interface WorkerPlugins extends PluginResolver {
    /**
     * Kafka Connect class names of converters mapped to the connect-sdk built-ins, so that existing
     * worker and connector properties files work unchanged.
     */
    Map<String, String> KAFKA_CONVERTER_NAMES = Map.ofEntries(
            Map.entry("org.apache.kafka.connect.storage.StringConverter", "io.connectsdk.builtins.converters.StringConverter"),
            Map.entry("org.apache.kafka.connect.storage.SimpleHeaderConverter",
                    "io.connectsdk.builtins.converters.SimpleHeaderConverter"),
            Map.entry("org.apache.kafka.connect.converters.ByteArrayConverter",
                    "io.connectsdk.builtins.converters.ByteArrayConverter"),
            Map.entry("org.apache.kafka.connect.converters.BooleanConverter",
                    "io.connectsdk.builtins.converters.BooleanConverter"),
            Map.entry("org.apache.kafka.connect.converters.DoubleConverter", "io.connectsdk.builtins.converters.DoubleConverter"),
            Map.entry("org.apache.kafka.connect.converters.FloatConverter", "io.connectsdk.builtins.converters.FloatConverter"),
            Map.entry("org.apache.kafka.connect.converters.IntegerConverter",
                    "io.connectsdk.builtins.converters.IntegerConverter"),
            Map.entry("org.apache.kafka.connect.converters.LongConverter", "io.connectsdk.builtins.converters.LongConverter"),
            Map.entry("org.apache.kafka.connect.converters.ShortConverter", "io.connectsdk.builtins.converters.ShortConverter"),
            Map.entry("org.apache.kafka.connect.json.JsonConverter", "io.connectsdk.builtins.json.JsonConverter"));

    /**
     * Creates an instance with the public no-argument constructor, with the class's own loader as
     * the context classloader.
     *
     * @param type a plugin class, usually from {@link #resolve}
     * @param <T> the plugin type
     * @return a new instance
     * @throws IllegalArgumentException when the class cannot be instantiated; the message says why
     */
    @SuppressWarnings("try") // LoaderSwap works by its scope
    default <T> T newInstance(Class<? extends T> type) {
        Objects.requireNonNull(type, "type");
        if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            throw new IllegalArgumentException(type.getName() + " is abstract and cannot be instantiated");
        }
        ClassLoader loader = type.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : type.getClassLoader();
        try (LoaderSwap swap = LoaderSwap.swap(loader)) {
            Constructor<? extends T> constructor = type.getConstructor();
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " has no public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("The constructor of " + type.getName() + " failed: " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException("Cannot instantiate " + type.getName() + ": " + e, e);
        }
    }

    @Override
    default <T> T newInstance(String nameOrAlias, Class<T> spiType) {
        return newInstance(resolve(nameOrAlias, spiType));
    }

    @Override
    default <T> T newInstance(String nameOrAlias, Class<T> spiType, String version) {
        return newInstance(resolve(nameOrAlias, spiType, version));
    }

    /**
     * Kafka Connect package prefixes of built-in transforms and predicates, mapped to connect-sdk's.
     */
    Map<String, String> KAFKA_TRANSFORM_PACKAGES = Map.of(
            "org.apache.kafka.connect.transforms.predicates.", "io.connectsdk.builtins.predicates.",
            "org.apache.kafka.connect.transforms.", "io.connectsdk.builtins.transforms.");

    /**
     * The plugins of the plugin-isolation registry. Names are looked up as the registry does (full
     * class name, then alias), after mapping Kafka Connect's built-in class names to connect-sdk's;
     * a full class name the registry does not list is also accepted when the runtime's own
     * classloader can load it as a public, concrete class of the right type (a plugin on the
     * classpath without a service registration, as Kafka Connect also accepts).
     *
     * @param plugins the registry; not closed by this object
     * @return the adapter
     */
    static WorkerPlugins of(Plugins plugins) {
        Objects.requireNonNull(plugins, "plugins");
        ClassLoader runtimeLoader = Plugins.class.getClassLoader();
        return new WorkerPlugins() {
            @Override
            public <T> Class<? extends T> resolve(String nameOrAlias, Class<T> spiType) {
                return resolve(nameOrAlias, spiType, null);
            }

            @Override
            public <T> Class<? extends T> resolve(String nameOrAlias, Class<T> spiType, String version) {
                String wanted = version == null || version.isBlank() ? null : version.trim();
                String name = nameOrAlias == null ? "" : nameOrAlias.trim();
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("no " + spiType.getSimpleName() + " class or alias given");
                }
                PluginType type = typeOf(spiType);
                String mapped = mapKafkaName(name);
                try {
                    PluginDesc desc = plugins.resolve(type, mapped, wanted);
                    if (!spiType.isAssignableFrom(desc.pluginClass())) {
                        throw new IllegalArgumentException(desc.className() + " is not a " + spiType.getName());
                    }
                    return desc.pluginClass().asSubclass(spiType);
                } catch (ConfigException e) {
                    Class<? extends T> fallback = wanted == null ? loadPublicConcrete(runtimeLoader, mapped, spiType) : null;
                    if (fallback != null) {
                        return fallback;
                    }
                    throw new IllegalArgumentException("'" + name + "' is neither the class name nor an alias ("
                            + String.join(", ", Plugins.candidateAliases(mapped, type)) + ") of an installed "
                            + type.noun() + ": " + e.getMessage(), e);
                }
            }

            @Override
            public String toString() {
                return "WorkerPlugins.of(" + plugins + ")";
            }
        };
    }

    private static PluginType typeOf(Class<?> spiType) {
        if (Connector.class.isAssignableFrom(spiType)) {
            return PluginType.SOURCE; // source and sink share connector names
        }
        if (spiType == Converter.class) {
            return PluginType.CONVERTER;
        }
        if (spiType == HeaderConverter.class) {
            return PluginType.HEADER_CONVERTER;
        }
        if (spiType == Transform.class) {
            return PluginType.TRANSFORM;
        }
        if (spiType == Predicate.class) {
            return PluginType.PREDICATE;
        }
        throw new IllegalArgumentException("not a plugin type: " + spiType.getName());
    }

    private static String mapKafkaName(String name) {
        String converter = KAFKA_CONVERTER_NAMES.get(name);
        if (converter != null) {
            return converter;
        }
        for (String prefix : new String[] {"org.apache.kafka.connect.transforms.predicates.",
                "org.apache.kafka.connect.transforms."}) {
            if (name.startsWith(prefix)) {
                String rest = name.substring(prefix.length());
                if (!rest.isEmpty() && rest.indexOf('.') < 0) {
                    return KAFKA_TRANSFORM_PACKAGES.get(prefix) + rest;
                }
            }
        }
        return name;
    }

    private static <T> Class<? extends T> loadPublicConcrete(ClassLoader loader, String name, Class<T> spiType) {
        if (name.indexOf('.') < 0) {
            return null;
        }
        try {
            Class<?> c = Class.forName(name, false, loader);
            if (spiType.isAssignableFrom(c) && Modifier.isPublic(c.getModifiers())
                    && !Modifier.isAbstract(c.getModifiers()) && !c.isInterface()) {
                return c.asSubclass(spiType);
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // not there
        }
        return null;
    }

    /**
     * @param loader where plugins are looked up (service registrations, then class names)
     * @return plugins of one classloader, with Kafka Connect's built-in class names mapped to
     *     connect-sdk's
     */
    static WorkerPlugins classpath(ClassLoader loader) {
        DefaultPluginResolver resolver = new DefaultPluginResolver(loader, KAFKA_CONVERTER_NAMES);
        return new WorkerPlugins() {
            @Override
            public <T> Class<? extends T> resolve(String nameOrAlias, Class<T> spiType) {
                return resolver.resolve(nameOrAlias, spiType);
            }

            @Override
            public String toString() {
                return "WorkerPlugins.classpath(" + loader + ")";
            }
        };
    }
}
