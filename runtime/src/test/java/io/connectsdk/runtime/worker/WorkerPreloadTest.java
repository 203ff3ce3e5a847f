package io.connectsdk.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The preload list names classes that exist: a Kafka upgrade that renames one must show up here. */
class WorkerPreloadTest {
    @Test
    void everyClassToPreloadExists() throws Exception {
        ClassLoader loader = Worker.class.getClassLoader();
        for (String name : Worker.TASK_CLASSES) {
            assertThat(Class.forName(name, false, loader)).as(name).isNotNull();
        }
    }
}
