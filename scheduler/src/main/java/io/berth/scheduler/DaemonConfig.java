package io.berth.scheduler;

import io.berth.scheduler.internal.cluster.ClusterSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a berthd keeps its files and how it is reached: the data root ({@code state.db}, content, snapshots,
 * containers, volumes), the run root (sockets, runtime state), the API socket, cluster settings, this
 * node's labels, the cgroup parent of its containers, and the registries that may be spoken to without trusted
 * HTTPS ({@code --insecure-registry}: host, host:port or CIDR; loopback always may).
 */
public record DaemonConfig(Path dataRoot, Path runRoot, Path socket, ClusterSettings cluster,
                           Map<String, String> nodeLabels, String cgroupParent, List<String> insecureRegistries) {
    public static final Path DEFAULT_DATA_ROOT = Path.of("/var/lib/berth");
    public static final Path DEFAULT_RUN_ROOT = Path.of("/run/berth");

    public DaemonConfig {
        dataRoot = dataRoot.toAbsolutePath().normalize();
        runRoot = runRoot.toAbsolutePath().normalize();
        socket = socket.toAbsolutePath().normalize();
        nodeLabels = Map.copyOf(nodeLabels);
        insecureRegistries = insecureRegistries == null ? List.of() : List.copyOf(insecureRegistries);
    }

    /** Without insecure registries (loopback registries are allowed all the same). */
    public DaemonConfig(Path dataRoot, Path runRoot, Path socket, ClusterSettings cluster,
                        Map<String, String> nodeLabels, String cgroupParent) {
        this(dataRoot, runRoot, socket, cluster, nodeLabels, cgroupParent, List.of());
    }

    /** The defaults of a single host: /var/lib/berth, /run/berth, /run/berth/berth.sock, loopback cluster. */
    public static DaemonConfig defaults() {
        return new DaemonConfig(DEFAULT_DATA_ROOT, DEFAULT_RUN_ROOT, DEFAULT_RUN_ROOT.resolve("berth.sock"),
                ClusterSettings.loopback(), Map.of(), "berth");
    }

    public DaemonConfig withRoots(Path newDataRoot, Path newRunRoot) {
        return new DaemonConfig(newDataRoot, newRunRoot, newRunRoot.resolve("berth.sock"), cluster, nodeLabels,
                cgroupParent, insecureRegistries);
    }

    /** Containers go under {@code /<parent>/<id>} in every cgroup hierarchy; tests use a parent of their own. */
    public DaemonConfig withCgroupParent(String parent) {
        return new DaemonConfig(dataRoot, runRoot, socket, cluster, nodeLabels, parent, insecureRegistries);
    }

    /** Registries (host, host:port, CIDR) that may be spoken to over plain HTTP or unchecked HTTPS. */
    public DaemonConfig withInsecureRegistries(List<String> registries) {
        return new DaemonConfig(dataRoot, runRoot, socket, cluster, nodeLabels, cgroupParent, registries);
    }

    public Path stateDb() {
        return dataRoot.resolve("state.db");
    }
}
