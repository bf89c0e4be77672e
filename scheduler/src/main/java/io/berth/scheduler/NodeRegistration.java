package io.berth.scheduler;

import com.hazelcast.core.HazelcastInstance;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import io.berth.scheduler.internal.HostFacts;
import io.berth.scheduler.internal.state.StateMap;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Registers this host in the {@code nodes} map, or updates its record when it restarts. */
final class NodeRegistration {
    private NodeRegistration() {
    }

    static NodeRecord register(StateMap<NodeRecord> nodes, String nodeId, HostFacts host,
                               HazelcastInstance hazelcast, Map<String, String> labels, Clock clock) {
        String now = clock.instant().toString();
        String address = hazelcast.getCluster().getLocalMember().getAddress().toString();
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<NodeRecord> existing = nodes.get(nodeId);
            try {
                if (existing.isEmpty()) {
                    NodeRecord created = new NodeRecord(1, nodeId, host.hostname(), host.cpus(), host.memoryBytes(),
                            labels, List.of("manager", "agent"), address, BerthVersion.current(), now, now);
                    nodes.create(nodeId, created);
                    return created;
                }
                NodeRecord next = existing.get().nextVersion(now, address, host.cpus(), host.memoryBytes(), labels);
                nodes.replace(nodeId, existing.get(), next);
                return next;
            } catch (BerthException e) {
                if (e.category() != ErrorCategory.CONFLICT && e.category() != ErrorCategory.ALREADY_EXISTS) {
                    throw e;
                }
            }
        }
        throw new BerthException(ErrorCategory.UNAVAILABLE, nodeId, "cannot register node " + nodeId
                + ": its record keeps changing (transient: restart berthd)");
    }
}
