package io.berth.scheduler;

import java.util.List;
import java.util.Map;

/**
 * A node of the cluster as it registered itself: identity, capacity, labels, roles and the addresses
 * other members reach it on. Stored in the {@code nodes} map (desired state: what the cluster knows of
 * its members survives a restart of every process).
 */
public record NodeRecord(long version, String id, String hostname, int cpus, long memoryBytes,
                         Map<String, String> labels, List<String> roles, String clusterAddress,
                         String berthVersion, String registeredAt, String startedAt) {
    public NodeRecord {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public NodeRecord nextVersion(String newStartedAt, String newAddress, int newCpus, long newMemory,
                                  Map<String, String> newLabels) {
        return new NodeRecord(version + 1, id, hostname, newCpus, newMemory, newLabels, roles, newAddress,
                berthVersion, registeredAt, newStartedAt);
    }
}
