package io.connectsdk.runtime.config;

import io.connectsdk.api.config.ConfigException;

/**
 * Loads the classes a worker configuration names that come from the worker's own class path, not
 * from {@code plugin.path}: config providers and metric reporters (Kafka interfaces that plugins do
 * not implement). Every failure is a {@link ConfigException} naming the key and the class, in
 * words a user can act on.
 */
public final class WorkerClasses {
    private WorkerClasses() {
    }

    /**
     * @param key the configuration key that names the class, for errors
     * @param className the class name
     * @param type what the class must implement
     * @param what what such classes are, plural, for errors (e.g. {@code "metric reporters"})
     * @param <T> the type
     * @return the class, initialised, from the class path that loaded the runtime
     * @throws ConfigException naming {@code key} and the class when it is missing, cannot be loaded or
     *     is not a {@code type}
     */
    public static <T> Class<? extends T> load(String key, String className, Class<T> type, String what) {
        String name = className.trim();
        Class<?> loaded;
        try {
            loaded = Class.forName(name, true, WorkerClasses.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigException(key, name, "class not found on the worker's class path (" + what
                    + " are not loaded from plugin.path)");
        } catch (LinkageError e) {
            throw new ConfigException(key, name, "the class cannot be loaded: " + e.getMessage());
        }
        if (!type.isAssignableFrom(loaded)) {
            throw new ConfigException(key, name, "not a " + type.getName());
        }
        return loaded.asSubclass(type);
    }

    /**
     * @param key the configuration key that names the class, for errors
     * @param type the class
     * @param <T> the type
     * @return a new instance made by its public no-argument constructor
     * @throws ConfigException naming {@code key} and the class when that fails
     */
    public static <T> T instantiate(String key, Class<? extends T> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException && e.getCause() != null
                    ? e.getCause() : e;
            String why = cause instanceof NoSuchMethodException ? "it has no public no-argument constructor"
                    : "its constructor failed: " + (cause.getMessage() != null ? cause.getMessage()
                            : cause.getClass().getSimpleName());
            throw new ConfigException(key, type.getName(), "cannot be instantiated: " + why);
        }
    }
}
