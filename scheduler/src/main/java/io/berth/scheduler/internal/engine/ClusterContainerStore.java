package io.berth.scheduler.internal.engine;

import io.berth.agent.engine.ContainerRecord;
import io.berth.agent.engine.ContainerStore;
import io.berth.scheduler.internal.state.StateMap;
import java.util.List;
import java.util.Optional;

/**
 * The engine's container records in the cluster's {@code containers} map (written through to SQLite). A node
 * sees only its own containers: the map is cluster-wide, each record names its node.
 */
public final class ClusterContainerStore implements ContainerStore {
    private final StateMap<ContainerRecord> map;
    private final String nodeId;

    public ClusterContainerStore(StateMap<ContainerRecord> map, String nodeId) {
        this.map = map;
        this.nodeId = nodeId;
    }

    @Override
    public Optional<ContainerRecord> get(String id) {
        return map.get(id).filter(r -> nodeId.equals(r.node()));
    }

    @Override
    public List<ContainerRecord> list() {
        return map.values().stream().filter(r -> nodeId.equals(r.node())).toList();
    }

    @Override
    public void create(ContainerRecord record) {
        map.create(record.id(), record);
    }

    @Override
    public void replace(ContainerRecord current, ContainerRecord next) {
        map.replace(current.id(), current, next);
    }

    @Override
    public void remove(ContainerRecord current) {
        map.remove(current.id(), current);
    }
}
