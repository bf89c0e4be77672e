package io.berth.agent.runtime.internal;

import io.berth.agent.runtime.ContainerState;
import io.berth.agent.runtime.ContainerStatus;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Works out a container's state from files alone, without forking the runtime: conmon's persisted exit file
 * (exited, with code and time), conmon's pid (alive: still watched), the runtime's {@code exec.fifo} (created, not
 * started), the cgroup freezer (paused). A container whose conmon is gone without an exit file is UNKNOWN (it died
 * with its monitor, for example at a reboot).
 */
final class StateReader {
    private final RuntimeContext ctx;
    private final CgroupReader cgroups;

    StateReader(RuntimeContext ctx) {
        this.ctx = ctx;
        this.cgroups = new CgroupReader(ctx.cgroups());
    }

    ContainerState state(String id) {
        ContainerPaths p = ctx.paths();
        if (!Files.isDirectory(p.dir(id))) {
            throw new BerthException(ErrorCategory.NOT_FOUND, "container " + id,
                    "no such container: " + id + " (the runtime has no directory for it)");
        }
        Instant started = mtime(p.started(id));
        Integer exit = readInt(p.persistedExit(id));
        if (exit != null) {
            return new ContainerState(id, ContainerStatus.EXITED, 0, exit, started, mtime(p.persistedExit(id)));
        }
        Integer conmon = readInt(p.conmonPid(id));
        if (conmon == null || !isConmon(conmon, id)) {
            // conmon may have just written the exit file and gone
            Integer late = readInt(p.persistedExit(id));
            if (late != null) {
                return new ContainerState(id, ContainerStatus.EXITED, 0, late, started, mtime(p.persistedExit(id)));
            }
            return new ContainerState(id, ContainerStatus.UNKNOWN, 0, -1, started, null);
        }
        Integer pid = readInt(p.containerPid(id));
        if (pid == null || Files.exists(p.runtimeRoot().resolve(id).resolve("exec.fifo"))) {
            return new ContainerState(id, ContainerStatus.CREATED, pid == null ? 0 : pid, -1, null, null);
        }
        ContainerStatus status = cgroups.frozen(ctx.cgroupsPath(id)) ? ContainerStatus.PAUSED : ContainerStatus.RUNNING;
        return new ContainerState(id, status, pid, -1, started, null);
    }

    /** Whether {@code pid} is the conmon of container {@code id} (guards against pid reuse). */
    static boolean isConmon(int pid, String id) {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Integer.toString(pid), "cmdline"));
            String s = new String(cmdline, StandardCharsets.UTF_8).replace('\0', ' ');
            return s.contains("conmon") && s.contains(" -c " + id + " ");
        } catch (IOException e) {
            return false;
        }
    }

    static Integer readInt(Path file) {
        try {
            String s = Files.readString(file).strip();
            return s.isEmpty() ? null : Integer.valueOf(s);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    static Instant mtime(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return null;
        }
    }
}
