package io.connectsdk.testkit.connect;

import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.runtime.herder.Herder;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A {@link Herder} that forwards to the herder of the worker running now, so that one REST server
 * (one URL) outlives worker restarts. Thread-safe.
 */
final class SwitchableHerder implements InvocationHandler {
    private volatile Herder target;
    private final Herder proxy;

    SwitchableHerder() {
        proxy = (Herder) Proxy.newProxyInstance(Herder.class.getClassLoader(), new Class<?>[] {Herder.class}, this);
    }

    /** @return the herder to give the REST server */
    Herder proxy() {
        return proxy;
    }

    /** @param herder the herder of the running worker, or {@code null} while none runs */
    void target(Herder herder) {
        this.target = herder;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            switch (method.getName()) {
                case "equals":
                    return self == args[0];
                case "hashCode":
                    return System.identityHashCode(self);
                default:
                    return "SwitchableHerder[" + target + "]";
            }
        }
        Herder h = target;
        if (h == null) {
            throw new ConnectException("The Connect worker of this test is not running (stopped or restarting)");
        }
        try {
            return method.invoke(h, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
