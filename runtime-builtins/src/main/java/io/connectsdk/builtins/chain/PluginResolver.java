package io.connectsdk.builtins.chain;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/**
 * Finds a plugin class by the name a user wrote in a configuration ({@code transforms.x.type},
 * {@code predicates.p.type}, ...) and creates instances of it. {@link TransformChain} goes through
 * this interface so that the runtime's plugin-isolation layer can supply its own lookup (one
 * classloader per plugin location); {@link DefaultPluginResolver} looks in one classloader.
 *
 * <p>Implementations must be thread-safe.
 */
public interface PluginResolver {

    /**
     * @param nameOrAlias what the user wrote: a fully qualified class name, or an alias the
     *     implementation understands; not {@code null}
     * @param spiType the SPI the plugin must implement, e.g.
     *     {@code io.connectsdk.api.transforms.Transform}
     * @param <T> the SPI type
     * @return a public, concrete class implementing {@code spiType}
     * @throws IllegalArgumentException when no such plugin is found, the name is ambiguous, or the
     *     class found does not implement {@code spiType}; the message says which and why, and is
     *     shown to the user
     */
    <T> Class<? extends T> resolve(String nameOrAlias, Class<T> spiType);

    /**
     * Resolves a plugin, asking for one installed version of it ({@code transforms.<alias>.plugin.version},
     * {@code predicates.<name>.plugin.version}). The default accepts only {@code null} (any version:
     * the highest installed) because a single classloader holds one version of a class; the
     * runtime's isolating resolver, which knows every installed version, overrides it.
     *
     * @param version the exact version wanted, or {@code null} for the highest installed
     * @throws IllegalArgumentException as {@link #resolve(String, Class)}, or when that version is
     *     not installed (the message lists the installed ones)
     */
    default <T> Class<? extends T> resolve(String nameOrAlias, Class<T> spiType, String version) {
        if (version == null || version.isBlank()) {
            return resolve(nameOrAlias, spiType);
        }
        throw new IllegalArgumentException("version " + version + " of " + nameOrAlias
                + " was asked for, but this plugin resolver knows a single version of each plugin; remove the plugin.version key");
    }

    /**
     * Same as {@link #newInstance(String, Class)} for one installed version of the plugin.
     *
     * @param version the exact version wanted, or {@code null} for the highest installed
     */
    default <T> T newInstance(String nameOrAlias, Class<T> spiType, String version) {
        if (version == null || version.isBlank()) {
            return newInstance(nameOrAlias, spiType);
        }
        return instantiate(resolve(nameOrAlias, spiType, version));
    }

    /**
     * Resolves a plugin and creates an instance with its public no-argument constructor. The
     * default implementation calls {@link #resolve} and the constructor; an isolating
     * implementation may override it (for example to switch the thread's context classloader).
     *
     * @return a new, unconfigured instance
     * @throws IllegalArgumentException as {@link #resolve}, or when the class cannot be instantiated
     *     (no public no-argument constructor, abstract, constructor failed)
     */
    default <T> T newInstance(String nameOrAlias, Class<T> spiType) {
        return instantiate(resolve(nameOrAlias, spiType));
    }

    /**
     * Creates an instance of a resolved class with its public no-argument constructor.
     *
     * @throws IllegalArgumentException when the class cannot be instantiated; the message says why
     */
    private static <T> T instantiate(Class<? extends T> type) {
        if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            throw new IllegalArgumentException(type.getName() + " is abstract and cannot be instantiated");
        }
        try {
            Constructor<? extends T> constructor = type.getConstructor();
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " has no public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("The constructor of " + type.getName() + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException("Cannot instantiate " + type.getName() + ": " + e, e);
        }
    }
}
