package io.connectsdk.testkit.harness;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.function.Supplier;

/** How harnesses create plugin instances, checking that the runtime could create them too. */
final class Plugins {
    private Plugins() {
    }

    /**
     * @return a factory that instantiates {@code type} with its public no-argument constructor,
     *     as the runtime does
     * @throws ContractViolationError when the runtime could not instantiate the class
     */
    static <T> Supplier<T> byConstructor(Class<T> type, String kind) {
        Objects.requireNonNull(type, "type");
        Constructor<T> constructor = publicNoArgConstructor(type, kind);
        return () -> {
            try {
                return constructor.newInstance();
            } catch (InvocationTargetException e) {
                throw TaskThread.rethrow("the constructor of " + type.getName(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new ContractViolationError("Expected the runtime to be able to instantiate " + kind + " "
                        + type.getName() + " with its public no-argument constructor, but it failed: " + e, e);
            }
        };
    }

    /**
     * @return a factory that returns {@code first} once, then new instances of its class made with
     *     the public no-argument constructor (for restarts)
     */
    @SuppressWarnings("unchecked")
    static <T> Supplier<T> firstThenNew(T first, String kind) {
        Objects.requireNonNull(first, kind);
        Class<T> type = (Class<T>) first.getClass();
        boolean[] used = {false};
        return () -> {
            if (!used[0]) {
                used[0] = true;
                return first;
            }
            try {
                return byConstructor(type, kind).get();
            } catch (ContractViolationError e) {
                throw new IllegalStateException("A restart needs a new " + kind + " instance, and " + type.getName()
                        + " cannot be created with a public no-argument constructor; create the harness with "
                        + "ofFactory(MyTask::new) instead of an instance", e);
            }
        };
    }

    private static <T> Constructor<T> publicNoArgConstructor(Class<T> type, String kind) {
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())
                || (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers()))) {
            throw new ContractViolationError("Expected " + kind + " " + type.getName()
                    + " to be a public, concrete, top-level or static nested class (the runtime creates it by"
                    + " reflection), but its modifiers are '" + Modifier.toString(type.getModifiers()) + "'"
                    + (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers()) ? " (an inner class)" : ""));
        }
        try {
            Constructor<T> c = type.getConstructor();
            return c;
        } catch (NoSuchMethodException e) {
            throw new ContractViolationError("Expected " + kind + " " + type.getName()
                    + " to have a public no-argument constructor (the runtime creates it with that), but it has none");
        }
    }

    /** @return the simple name of the plugin's class, for thread names and messages */
    static String simpleName(Class<?> type) {
        String n = type.getSimpleName();
        return n.isEmpty() ? type.getName() : n;
    }
}
