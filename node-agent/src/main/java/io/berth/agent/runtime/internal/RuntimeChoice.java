package io.berth.agent.runtime.internal;

import java.nio.file.Path;

/**
 * Picks the OCI runtime. crun starts containers faster than runc but refuses a hybrid cgroup layout in which a
 * controller sits on the v2 hierarchy ("cgroups in hybrid mode not supported, drop all controllers from
 * cgroupv2"), which is the case when {@code /sys/fs/cgroup/unified/cgroup.controllers} is not empty.
 */
record RuntimeChoice(String name, Path path, String reason) {

    /**
     * @param preference       auto, runc or crun
     * @param runc             runc's path, or null when not installed
     * @param crun             crun's path, or null when not installed
     * @param hybridV2Controllers the controllers on the v2 hierarchy of a hybrid host (empty otherwise)
     */
    static RuntimeChoice choose(String preference, Path runc, Path crun, String hybridV2Controllers) {
        String crunProblem = crun == null ? "crun is not installed"
                : !hybridV2Controllers.isBlank() ? "crun refuses hybrid cgroups while controllers ("
                        + hybridV2Controllers.strip() + ") sit on the v2 hierarchy /sys/fs/cgroup/unified"
                : null;
        switch (preference) {
            case "crun" -> {
                if (crunProblem != null) {
                    throw new IllegalStateException("runtime crun was asked for but cannot run here: " + crunProblem);
                }
                return new RuntimeChoice("crun", crun, "configured");
            }
            case "runc" -> {
                if (runc == null) {
                    throw new IllegalStateException("runtime runc was asked for but is not installed");
                }
                return new RuntimeChoice("runc", runc, "configured");
            }
            default -> {
                if (crunProblem == null) {
                    return new RuntimeChoice("crun", crun, "crun works here (preferred: a C runtime, quicker to start than runc)");
                }
                if (runc == null) {
                    throw new IllegalStateException("no usable OCI runtime: runc is not installed and " + crunProblem);
                }
                return new RuntimeChoice("runc", runc, "runc chosen: " + crunProblem);
            }
        }
    }
}
