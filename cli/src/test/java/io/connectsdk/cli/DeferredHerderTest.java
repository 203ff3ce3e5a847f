package io.connectsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.runtime.herder.Herder;
import io.connectsdk.runtime.herder.WorkerHealth;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class DeferredHerderTest {
    @Test
    void healthIsStartingUntilTheWorkersHerderAnswersThenItsHealth() {
        DeferredHerder deferred = new DeferredHerder(() -> "127.0.0.1:8083");
        WorkerHealth starting = deferred.health();
        assertThat(starting.status()).isEqualTo("starting");
        assertThat(starting.httpStatus()).isEqualTo(503);
        assertThat(starting.message()).startsWith("Worker is still starting up.");

        WorkerHealth unhealthy = WorkerHealth.unhealthy("stuck");
        deferred.ready((Herder) Proxy.newProxyInstance(Herder.class.getClassLoader(), new Class<?>[] {Herder.class},
                (proxy, method, args) -> method.getName().equals("health") ? unhealthy : null));
        assertThat(deferred.health()).isSameAs(unhealthy);
        assertThat(deferred.health().httpStatus()).isEqualTo(500);
    }
}
