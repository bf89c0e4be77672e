package io.berth.agent.runtime.internal;

import io.berth.agent.runtime.CgroupLayout;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The cgroup mounts of this host, read from {@code /proc/self/mountinfo}: the layout (v1, hybrid, v2) and where
 * each v1 controller (or the v2 hierarchy) is mounted, so stats and the freezer state can be read without forking.
 */
record CgroupMounts(CgroupLayout layout, Map<String, Path> v1Controllers, Path v2Root) {

    static CgroupMounts parse(String mountinfo) {
        Map<String, Path> v1 = new HashMap<>();
        Path v2 = null;
        for (String line : mountinfo.split("\n")) {
            int sep = line.indexOf(" - ");
            if (sep < 0) {
                continue;
            }
            String[] left = line.substring(0, sep).split(" ");
            String[] right = line.substring(sep + 3).split(" ");
            if (left.length < 5 || right.length < 3) {
                continue;
            }
            Path mountPoint = Path.of(left[4]);
            if (right[0].equals("cgroup2")) {
                v2 = mountPoint;
            } else if (right[0].equals("cgroup")) {
                for (String opt : right[2].split(",")) {
                    if (!opt.equals("rw") && !opt.equals("ro") && !opt.startsWith("name=") && !opt.contains("=")
                            && !opt.equals("relatime") && !opt.equals("noexec") && !opt.equals("nosuid")
                            && !opt.equals("nodev") && !opt.equals("clone_children")) {
                        v1.put(opt, mountPoint);
                    }
                }
            }
        }
        CgroupLayout layout = v1.isEmpty() ? CgroupLayout.V2 : v2 != null ? CgroupLayout.HYBRID : CgroupLayout.V1;
        return new CgroupMounts(layout, Map.copyOf(v1), v2);
    }

    /** The directory of a container's cgroup for a v1 controller ({@code memory}, {@code cpuacct}...). */
    Optional<Path> v1Dir(String controller, String cgroupsPath) {
        Path mount = v1Controllers.get(controller);
        return mount == null ? Optional.empty() : Optional.of(mount.resolve(cgroupsPath.substring(1)));
    }

    /** The container's cgroup directory on a v2-only host. */
    Path v2Dir(String cgroupsPath) {
        return v2Root.resolve(cgroupsPath.substring(1));
    }
}
