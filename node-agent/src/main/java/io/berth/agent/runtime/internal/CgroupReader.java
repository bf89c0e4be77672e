package io.berth.agent.runtime.internal;

import io.berth.agent.runtime.CgroupLayout;
import io.berth.agent.runtime.ContainerStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a container's cgroup files directly (no fork): accounting for {@code stats} (v1: memory.usage_in_bytes,
 * memory.limit_in_bytes, cpuacct.usage, pids.current/max, blkio.throttle.io_service_bytes; v2: memory.current,
 * memory.max, cpu.stat, pids.*, io.stat), the freezer state, and the member processes.
 */
final class CgroupReader {
    private final CgroupMounts mounts;

    CgroupReader(CgroupMounts mounts) {
        this.mounts = mounts;
    }

    ContainerStats stats(String id, String cgroupsPath, Instant now) {
        if (mounts.layout() == CgroupLayout.V2) {
            Path dir = mounts.v2Dir(cgroupsPath);
            long[] io = ioStatV2(read(dir.resolve("io.stat")));
            return new ContainerStats(id, now,
                    new ContainerStats.Memory(number(dir.resolve("memory.current")), number(dir.resolve("memory.max"))),
                    keyed(read(dir.resolve("cpu.stat")), "usage_usec") * 1000,
                    new ContainerStats.Pids(number(dir.resolve("pids.current")), limit(dir.resolve("pids.max"))),
                    new ContainerStats.BlockIo(io[0], io[1]));
        }
        long[] io = blkioV1(read(v1(cgroupsPath, "blkio", "blkio.throttle.io_service_bytes")));
        return new ContainerStats(id, now,
                new ContainerStats.Memory(number(v1(cgroupsPath, "memory", "memory.usage_in_bytes")),
                        number(v1(cgroupsPath, "memory", "memory.limit_in_bytes"))),
                number(v1(cgroupsPath, "cpuacct", "cpuacct.usage")),
                new ContainerStats.Pids(number(v1(cgroupsPath, "pids", "pids.current")),
                        limit(v1(cgroupsPath, "pids", "pids.max"))),
                new ContainerStats.BlockIo(io[0], io[1]));
    }

    boolean frozen(String cgroupsPath) {
        if (mounts.layout() == CgroupLayout.V2) {
            return read(mounts.v2Dir(cgroupsPath).resolve("cgroup.freeze")).strip().equals("1");
        }
        String state = read(v1(cgroupsPath, "freezer", "freezer.state")).strip();
        return state.equals("FROZEN") || state.equals("FREEZING");
    }

    List<Integer> pids(String cgroupsPath) {
        Path procs = mounts.layout() == CgroupLayout.V2 ? mounts.v2Dir(cgroupsPath).resolve("cgroup.procs")
                : v1(cgroupsPath, "pids", "cgroup.procs");
        List<Integer> out = new ArrayList<>();
        for (String l : read(procs).split("\n")) {
            if (!l.isBlank()) {
                out.add(Integer.parseInt(l.strip()));
            }
        }
        return out;
    }

    /** The directories of this cgroup on every hierarchy (for cleanup). */
    List<Path> dirs(String cgroupsPath) {
        if (mounts.layout() == CgroupLayout.V2) {
            return List.of(mounts.v2Dir(cgroupsPath));
        }
        List<Path> out = new ArrayList<>();
        for (String c : mounts.v1Controllers().keySet()) {
            mounts.v1Dir(c, cgroupsPath).ifPresent(out::add);
        }
        return out;
    }

    private Path v1(String cgroupsPath, String controller, String file) {
        Optional<Path> dir = mounts.v1Dir(controller, cgroupsPath);
        return dir.map(d -> d.resolve(file)).orElse(Path.of("/nonexistent"));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    private static long number(Path p) {
        String s = read(p).strip();
        if (s.isEmpty()) {
            return 0;
        }
        if (s.equals("max")) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long limit(Path p) {
        long v = number(p);
        return v == Long.MAX_VALUE ? 0 : v;
    }

    private static long keyed(String text, String key) {
        for (String l : text.split("\n")) {
            String[] f = l.strip().split("\\s+");
            if (f.length == 2 && f[0].equals(key)) {
                return Long.parseLong(f[1]);
            }
        }
        return 0;
    }

    /** Sums "MAJ:MIN Read N" / "MAJ:MIN Write N" lines. */
    static long[] blkioV1(String text) {
        long[] rw = new long[2];
        for (String l : text.split("\n")) {
            String[] f = l.strip().split("\\s+");
            if (f.length == 3 && f[1].equals("Read")) {
                rw[0] += Long.parseLong(f[2]);
            } else if (f.length == 3 && f[1].equals("Write")) {
                rw[1] += Long.parseLong(f[2]);
            }
        }
        return rw;
    }

    /** Sums {@code rbytes=} and {@code wbytes=} of every device line of io.stat. */
    static long[] ioStatV2(String text) {
        long[] rw = new long[2];
        for (String l : text.split("\n")) {
            for (String kv : l.strip().split("\\s+")) {
                if (kv.startsWith("rbytes=")) {
                    rw[0] += Long.parseLong(kv.substring(7));
                } else if (kv.startsWith("wbytes=")) {
                    rw[1] += Long.parseLong(kv.substring(7));
                }
            }
        }
        return rw;
    }
}
