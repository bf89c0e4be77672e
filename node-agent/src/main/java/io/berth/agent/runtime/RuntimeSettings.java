package io.berth.agent.runtime;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how the runtime works. {@code dataRoot} keeps what must survive a reboot (container directories:
 * bundle, logs, exit code); {@code runRoot} keeps what must not ({@code runc}/{@code crun} state, exit files,
 * attach-socket links). {@code cgroupParent} is the cgroup every container goes under ({@code /<parent>/<id>}):
 * it marks what is ours when orphans are removed. {@code runtime} is {@code auto}, {@code runc} or {@code crun}.
 * {@code initBinary} is the static init bind-mounted for {@code --init} (catatonit or tini-static).
 */
public record RuntimeSettings(Path dataRoot, Path runRoot, String cgroupParent, String runtime, Path conmon,
                              Path initBinary) {
    public RuntimeSettings {
        Objects.requireNonNull(dataRoot, "dataRoot");
        Objects.requireNonNull(runRoot, "runRoot");
        if (cgroupParent == null || !cgroupParent.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("cgroup parent \"" + cgroupParent + "\" must be one plain name");
        }
        runtime = runtime == null ? "auto" : runtime;
        if (!runtime.equals("auto") && !runtime.equals("runc") && !runtime.equals("crun")) {
            throw new IllegalArgumentException("runtime \"" + runtime + "\" is not supported: use auto, runc or crun");
        }
        conmon = Objects.requireNonNullElse(conmon, Path.of("/usr/bin/conmon"));
        initBinary = Objects.requireNonNullElse(initBinary, Path.of("/usr/bin/catatonit"));
    }

    /** The production layout: {@code /var/lib/berth}, {@code /run/berth}, cgroup parent {@code berth}. */
    public static RuntimeSettings defaults() {
        return of(Path.of("/var/lib/berth"), Path.of("/run/berth"), "berth");
    }

    public static RuntimeSettings of(Path dataRoot, Path runRoot, String cgroupParent) {
        return new RuntimeSettings(dataRoot, runRoot, cgroupParent, "auto", null, null);
    }
}
