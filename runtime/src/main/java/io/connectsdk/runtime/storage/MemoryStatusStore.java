package io.connectsdk.runtime.storage;

import io.connectsdk.runtime.herder.ConnectorTaskId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The standalone worker's {@link StatusStore}: statuses in memory only. Thread-safe. */
public class MemoryStatusStore implements StatusStore {
    private final Map<String, ConnectorStatus> connectors = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<ConnectorTaskId, TaskStatus> tasks = new ConcurrentSkipListMap<>();

    /** Creates an empty store. */
    public MemoryStatusStore() {
    }

    @Override
    public void putSafe(ConnectorStatus status) {
        connectors.merge(status.connector(), status,
                (old, neu) -> neu.generation() >= old.generation() ? neu : old);
    }

    @Override
    public void putSafe(TaskStatus status) {
        tasks.merge(status.id(), status, (old, neu) -> neu.generation() >= old.generation() ? neu : old);
    }

    @Override
    public ConnectorStatus get(String connector) {
        return connectors.get(connector);
    }

    @Override
    public TaskStatus get(ConnectorTaskId id) {
        return tasks.get(id);
    }

    @Override
    public List<TaskStatus> tasks(String connector) {
        return new ArrayList<>(tasks.subMap(new ConnectorTaskId(connector, Integer.MIN_VALUE), true,
                new ConnectorTaskId(connector, Integer.MAX_VALUE), true).values());
    }

    @Override
    public void remove(String connector) {
        connectors.remove(connector);
        tasks.subMap(new ConnectorTaskId(connector, Integer.MIN_VALUE), true,
                new ConnectorTaskId(connector, Integer.MAX_VALUE), true).clear();
    }

    @Override
    public void remove(ConnectorTaskId id) {
        tasks.remove(id);
    }
}
