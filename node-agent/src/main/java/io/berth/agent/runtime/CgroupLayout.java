package io.berth.agent.runtime;

/** How the host mounts cgroups. */
public enum CgroupLayout {
    /** Only cgroup v1 hierarchies. */
    V1,
    /** v1 controllers plus a cgroup2 mount at {@code /sys/fs/cgroup/unified} (systemd's hybrid mode). */
    HYBRID,
    /** One cgroup2 hierarchy at {@code /sys/fs/cgroup}. */
    V2
}
