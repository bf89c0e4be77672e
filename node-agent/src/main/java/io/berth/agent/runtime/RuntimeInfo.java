package io.berth.agent.runtime;

import java.nio.file.Path;

/**
 * Which OCI runtime runs containers on this node and why, for {@code berth info}: name ({@code runc} or
 * {@code crun}), path, version line, the cgroup layout, the conmon version, and the reason for the choice (for
 * example "crun refuses hybrid cgroups while hugetlb is on the v2 hierarchy").
 */
public record RuntimeInfo(String name, Path path, String version, CgroupLayout cgroupLayout, String conmonVersion,
                          String reason) {
}
