package io.connectsdk.testkit.connect;

import io.connectsdk.runtime.worker.WorkerPlugins;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The worker's plugins: the registry's, refusing plugin classes that only the test class path
 * has (a deployed worker would not find them either), and remembering which classes the worker
 * instantiated (for {@link ConnectCluster#connectorClassLoader(String)}). Thread-safe.
 */
final class RecordingPlugins implements WorkerPlugins {
    private final WorkerPlugins delegate;
    private final HidingClassLoader runtimeView;
    private final Set<Class<?>> instantiated = ConcurrentHashMap.newKeySet();

    RecordingPlugins(WorkerPlugins delegate, HidingClassLoader runtimeView) {
        this.delegate = delegate;
        this.runtimeView = runtimeView;
    }

    @Override
    public <T> Class<? extends T> resolve(String nameOrAlias, Class<T> spiType) {
        Class<? extends T> c = delegate.resolve(nameOrAlias, spiType);
        if (runtimeView.isHidden(c)) {
            throw new IllegalArgumentException(c.getName() + " is on the test class path but the plugin under test does "
                    + "not register it in META-INF/services/" + spiType.getName()
                    + ", so a deployed worker would not find it either");
        }
        return c;
    }

    @Override
    public <T> T newInstance(Class<? extends T> type) {
        T instance = WorkerPlugins.super.newInstance(type);
        instantiated.add(type);
        return instance;
    }

    /** @return whether the worker created an instance of exactly this class */
    boolean instantiated(Class<?> type) {
        return instantiated.contains(type);
    }

    /** @return the classes the worker instantiated, a snapshot */
    Set<Class<?>> instantiatedClasses() {
        return Set.copyOf(instantiated);
    }

    @Override
    public String toString() {
        return "connect-sdk test kit plugins over " + delegate;
    }
}
