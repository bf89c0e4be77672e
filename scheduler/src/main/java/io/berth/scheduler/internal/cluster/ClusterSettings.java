package io.berth.scheduler.internal.cluster;

import java.util.List;

/**
 * How this berthd joins the cluster: the address Hazelcast and the event bus bind to, the port, and the
 * members to contact (empty: a cluster of one). Multicast is never used.
 */
public record ClusterSettings(String clusterName, String bindAddress, int port, List<String> members) {
    public ClusterSettings {
        members = List.copyOf(members);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("cluster port out of range: " + port);
        }
    }

    public ClusterSettings withName(String name) {
        return new ClusterSettings(name, bindAddress, port, members);
    }

    /** A cluster of one bound to loopback (port 0: Hazelcast picks from 5701 up). */
    public static ClusterSettings loopback() {
        return new ClusterSettings("berth", "127.0.0.1", 0, List.of());
    }
}
