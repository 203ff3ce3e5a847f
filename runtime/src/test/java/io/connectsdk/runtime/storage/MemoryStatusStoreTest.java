package io.connectsdk.runtime.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.runtime.herder.ConnectorTaskId;
import io.connectsdk.runtime.herder.State;
import org.junit.jupiter.api.Test;

class MemoryStatusStoreTest {
    @Test
    void anOlderGenerationNeverOverwritesANewerOne() {
        MemoryStatusStore store = new MemoryStatusStore();
        ConnectorTaskId id = new ConnectorTaskId("c", 0);
        store.putSafe(new StatusStore.TaskStatus(id, State.RUNNING, null, "w", 2));
        store.putSafe(new StatusStore.TaskStatus(id, State.UNASSIGNED, null, "w", 1));
        assertThat(store.get(id).state()).isEqualTo(State.RUNNING);
        store.putSafe(new StatusStore.TaskStatus(id, State.FAILED, "trace", "w", 2));
        assertThat(store.get(id).state()).isEqualTo(State.FAILED);
        store.putSafe(new StatusStore.ConnectorStatus("c", State.RUNNING, null, "w", 5));
        store.putSafe(new StatusStore.ConnectorStatus("c", State.UNASSIGNED, null, "w", 4));
        assertThat(store.get("c").state()).isEqualTo(State.RUNNING);
    }

    @Test
    void tasksAreListedPerConnectorInOrderAndRemovedWithIt() {
        MemoryStatusStore store = new MemoryStatusStore();
        for (int i : new int[] {2, 0, 1}) {
            store.putSafe(new StatusStore.TaskStatus(new ConnectorTaskId("a", i), State.RUNNING, null, "w", 1));
        }
        store.putSafe(new StatusStore.TaskStatus(new ConnectorTaskId("ab", 0), State.RUNNING, null, "w", 1));
        store.putSafe(new StatusStore.ConnectorStatus("a", State.RUNNING, null, "w", 1));
        assertThat(store.tasks("a")).extracting(s -> s.id().task()).containsExactly(0, 1, 2);
        store.remove("a");
        assertThat(store.tasks("a")).isEmpty();
        assertThat(store.get("a")).isNull();
        assertThat(store.tasks("ab")).hasSize(1);
    }
}
