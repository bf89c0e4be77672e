package io.berth.agent.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import jnr.posix.FileStat;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/** Gathers the host facts once, at start-up: files under /proc and /sys, the runtimes' paths and versions. */
final class HostProbe {
    private HostProbe() {
    }

    static String readOr(Path p, String fallback) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return fallback;
        }
    }

    static CgroupMounts cgroups() {
        return CgroupMounts.parse(readOr(Path.of("/proc/self/mountinfo"), ""));
    }

    static HostFacts facts(CgroupMounts cgroups) {
        Set<String> bounding = Capabilities.boundingFromStatus(readOr(Path.of("/proc/self/status"), ""));
        HostLimits limits = HostLimits.parse(readOr(Path.of("/proc/self/limits"), ""));
        boolean blkio = cgroups.layout() == io.berth.agent.runtime.CgroupLayout.V2
                ? cgroups.v2Root() != null && readOr(cgroups.v2Root().resolve("cgroup.controllers"), "").contains("io")
                : cgroups.v1Controllers().containsKey("blkio") && (
                        Files.exists(cgroups.v1Controllers().get("blkio").resolve("blkio.weight"))
                        || Files.exists(cgroups.v1Controllers().get("blkio").resolve("blkio.bfq.weight")));
        boolean swap = cgroups.layout() == io.berth.agent.runtime.CgroupLayout.V2
                || (cgroups.v1Controllers().containsKey("memory")
                && Files.exists(cgroups.v1Controllers().get("memory").resolve("memory.memsw.limit_in_bytes")));
        String hostname = readOr(Path.of("/proc/sys/kernel/hostname"), "localhost").strip();
        return new HostFacts(bounding, limits, blkio, swap, hostname, HostProbe::hostDevices,
                key -> Files.exists(Path.of("/proc/sys").resolve(key.replace('.', '/'))));
    }

    /** Controllers on the v2 hierarchy of a hybrid host (what makes crun refuse). */
    static String hybridV2Controllers(CgroupMounts cgroups) {
        if (cgroups.layout() != io.berth.agent.runtime.CgroupLayout.HYBRID || cgroups.v2Root() == null) {
            return "";
        }
        return readOr(cgroups.v2Root().resolve("cgroup.controllers"), "").strip();
    }

    static Path which(String name) {
        for (String dir : List.of("/usr/local/bin", "/usr/bin", "/usr/sbin", "/bin", "/sbin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static String version(Path binary) {
        var out = OciCli.exec(List.of(binary.toString(), "--version"));
        String first = out.stdout().isBlank() ? out.stderr() : out.stdout();
        return first.lines().findFirst().orElse("").strip();
    }

    /** The host's device nodes, for privileged containers (as Docker's HostDevices), without pts/shm/mqueue. */
    static List<OciSpec.Device> hostDevices() {
        POSIX posix = POSIXFactory.getNativePOSIX();
        List<OciSpec.Device> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("/dev"))) {
            walk.filter(p -> !p.startsWith("/dev/pts") && !p.startsWith("/dev/shm") && !p.startsWith("/dev/mqueue")
                            && !p.toString().equals("/dev/console"))
                    .forEach(p -> {
                        FileStat st = posix.lstat(p.toString());
                        if (st != null && (st.isCharDev() || st.isBlockDev())) {
                            long rdev = st.rdev();
                            long major = ((rdev >> 8) & 0xfff) | ((rdev >> 32) & ~0xfffL);
                            long minor = (rdev & 0xff) | ((rdev >> 12) & ~0xffL);
                            out.add(new OciSpec.Device(p.toString(), st.isCharDev() ? "c" : "b", major, minor,
                                    st.mode() & 07777, (long) st.uid(), (long) st.gid()));
                        }
                    });
        } catch (IOException | RuntimeException e) {
            // a device that vanished while walking; what was found is enough
        }
        return out;
    }
}
