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
     * Resolves a plugin and creates an instance with its public no-argument constructor. The
     * default implementation calls {@link #resolve} and the constructor; an isolating
     * implementation may override it (for example to switch the thread's context classloader).
     *
     * @return a new, unconfigured instance
     * @throws IllegalArgumentException as {@link #resolve}, or when the class cannot be instantiated
     *     (no public no-argument constructor, abstract, constructor failed)
     */
    default <T> T newInstance(String nameOrAlias, Class<T> spiType) {
        Class<? extends T> type = resolve(nameOrAlias, spiType);
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
