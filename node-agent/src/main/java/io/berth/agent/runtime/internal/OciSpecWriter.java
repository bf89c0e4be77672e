package io.berth.agent.runtime.internal;

import io.berth.agent.runtime.ContainerConfig;
import io.berth.agent.runtime.FilesystemConfig;
import io.berth.agent.runtime.MountEntry;
import io.berth.agent.runtime.NetworkMode;
import io.berth.agent.runtime.ProcessConfig;
import io.berth.agent.runtime.SeccompMode;
import io.berth.agent.runtime.SecurityConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a {@link ContainerConfig} into a runtime-spec {@code config.json} with Docker's defaults: namespaces,
 * the standard mounts, masked and read-only paths, Docker's capability set, the default seccomp filter, devices,
 * cgroup resources and rlimits. Pure: every fact about the host comes in through {@link SpecInputs}.
 */
final class OciSpecWriter {
    static final String OCI_VERSION = "1.0.2";
    static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    static final String INIT_PATH = "/sbin/docker-init";
    static final List<String> MASKED_PATHS = List.of("/proc/asound", "/proc/acpi", "/proc/interrupts", "/proc/kcore",
            "/proc/keys", "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug",
            "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap");
    static final List<String> READONLY_PATHS = List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
            "/proc/sysrq-trigger");

    /** The spec and the warnings for the user (limits the kernel cannot apply). */
    record Result(OciSpec spec, List<String> warnings) {
    }

    private final SeccompProfiles seccomp;

    OciSpecWriter(SeccompProfiles seccomp) {
        this.seccomp = seccomp;
    }

    Result write(ContainerConfig config, UserResolver.ResolvedUser user, SpecInputs in) {
        SecurityConfig sec = config.host().security();
        List<String> caps = Capabilities.compute(sec.privileged(), sec.capAdd(), sec.capDrop(),
                in.facts().boundingCaps());
        String hostname = hostname(config, in);
        List<String> warnings = new ArrayList<>();
        var linux = new OciLinuxSection(in.facts()).build(config, caps, warnings,
                sec.privileged() || sec.seccomp() == SeccompMode.UNCONFINED ? null : seccomp.forCapabilities(caps),
                "/" + in.cgroupParent() + "/" + config.id());
        OciSpec spec = new OciSpec(OCI_VERSION, process(config, user, caps, hostname, in),
                new OciSpec.Root(config.filesystem().rootfs().toString(), config.filesystem().readonlyRootfs()),
                hostname, config.host().network().domainname(), mounts(config, in), config.labels(), linux);
        return new Result(spec, List.copyOf(warnings));
    }

    static String hostname(ContainerConfig config, SpecInputs in) {
        String configured = config.host().network().hostname();
        if (!configured.isEmpty()) {
            return configured;
        }
        if (config.host().network().mode() instanceof NetworkMode.Host) {
            return in.facts().hostname();
        }
        return config.id().length() > 12 ? config.id().substring(0, 12) : config.id();
    }

    private OciSpec.Process process(ContainerConfig config, UserResolver.ResolvedUser user, List<String> caps,
                                    String hostname, SpecInputs in) {
        ProcessConfig p = config.process();
        List<String> args = new ArrayList<>();
        if (config.host().options().init()) {
            args.add(INIT_PATH);
            args.add("--");
        }
        args.addAll(p.args());
        var rlimits = in.facts().limits().toRlimits(config.host().options().ulimits());
        var capabilities = new OciSpec.Capabilities(caps, caps, caps);
        return new OciSpec.Process(p.tty(),
                new OciSpec.User(user.uid(), user.gid(), user.additionalGids().isEmpty() ? null : user.additionalGids()),
                args, env(p, user, hostname), p.workingDir(), capabilities, rlimits,
                config.host().security().noNewPrivileges(), config.host().options().oomScoreAdj());
    }

    static List<String> env(ProcessConfig p, UserResolver.ResolvedUser user, String hostname) {
        List<String> env = new ArrayList<>();
        if (p.env().stream().noneMatch(e -> e.startsWith("PATH="))) {
            env.add(DEFAULT_PATH);
        }
        env.add("HOSTNAME=" + hostname);
        env.addAll(p.env());
        if (p.tty() && p.env().stream().noneMatch(e -> e.startsWith("TERM="))) {
            env.add("TERM=xterm");
        }
        if (p.env().stream().noneMatch(e -> e.startsWith("HOME="))) {
            env.add("HOME=" + user.home());
        }
        return env;
    }

    private static List<OciSpec.Mount> mounts(ContainerConfig config, SpecInputs in) {
        FilesystemConfig fs = config.filesystem();
        boolean privileged = config.host().security().privileged();
        Set<String> taken = new HashSet<>();
        fs.mounts().forEach(m -> taken.add(m.destination()));
        taken.addAll(fs.tmpfs().keySet());
        List<OciSpec.Mount> out = new ArrayList<>();
        for (OciSpec.Mount m : defaultMounts(fs.shmSize(), privileged)) {
            if (!taken.contains(m.destination())) {
                out.add(m);
            }
        }
        fs.tmpfs().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> {
            List<String> opts = new ArrayList<>(List.of("nosuid", "nodev", "noexec"));
            if (!e.getValue().isBlank()) {
                opts.addAll(Arrays.asList(e.getValue().split(",")));
            }
            out.add(new OciSpec.Mount(e.getKey(), "tmpfs", "tmpfs", opts));
        });
        fs.mounts().stream().sorted((a, b) -> Long.compare(depth(a), depth(b)))
                .forEach(m -> out.add(new OciSpec.Mount(m.destination(), m.type(), m.source(), m.options())));
        for (String file : List.of("resolv.conf", "hostname", "hosts")) {
            String dest = "/etc/" + file;
            if (!taken.contains(dest)) {
                out.add(new OciSpec.Mount(dest, "bind", in.containerDir().resolve(file).toString(),
                        fs.readonlyRootfs() ? List.of("rbind", "rprivate", "ro") : List.of("rbind", "rprivate")));
            }
        }
        if (config.host().options().init()) {
            out.add(new OciSpec.Mount(INIT_PATH, "bind", in.initBinary().toString(), List.of("bind", "ro")));
        }
        return out;
    }

    private static long depth(MountEntry m) {
        return m.destination().chars().filter(c -> c == '/').count();
    }

    static List<OciSpec.Mount> defaultMounts(long shmSize, boolean privileged) {
        return List.of(
                new OciSpec.Mount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")),
                new OciSpec.Mount("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")),
                new OciSpec.Mount("/dev/pts", "devpts", "devpts",
                        List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")),
                new OciSpec.Mount("/sys", "sysfs", "sysfs",
                        privileged ? List.of("nosuid", "noexec", "nodev") : List.of("nosuid", "noexec", "nodev", "ro")),
                new OciSpec.Mount("/sys/fs/cgroup", "cgroup", "cgroup",
                        List.of(privileged ? "rw" : "ro", "nosuid", "noexec", "nodev")),
                new OciSpec.Mount("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")),
                new OciSpec.Mount("/dev/shm", "tmpfs", "shm",
                        List.of("nosuid", "noexec", "nodev", "mode=1777", "size=" + shmSize)));
    }
}
