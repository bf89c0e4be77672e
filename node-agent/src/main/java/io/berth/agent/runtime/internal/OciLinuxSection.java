package io.berth.agent.runtime.internal;

import io.berth.agent.runtime.ContainerConfig;
import io.berth.agent.runtime.CpuLimits;
import io.berth.agent.runtime.NetworkMode;
import io.berth.agent.runtime.Resources;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code linux} section of a container's spec: namespaces (network per mode), cgroup resources with Docker's
 * rules and warnings, the device cgroup rules, sysctls (only namespaced ones, as Docker allows), masked and
 * read-only paths (none when privileged), seccomp.
 */
final class OciLinuxSection {
    static final long CPU_PERIOD = 100_000;
    static final String BLKIO_WARNING =
            "Your kernel does not support Block I/O weight or the cgroup is not mounted. Weight discarded.";
    static final String SWAP_WARNING = "Your kernel does not support swap limit capabilities or the cgroup is not "
            + "mounted. Memory limited without swap.";

    private final HostFacts facts;

    OciLinuxSection(HostFacts facts) {
        this.facts = facts;
    }

    OciSpec.Linux build(ContainerConfig config, List<String> caps, List<String> warnings, OciSpec.Seccomp seccomp,
                        String cgroupsPath) {
        boolean privileged = config.host().security().privileged();
        NetworkMode mode = config.host().network().mode();
        return new OciSpec.Linux(sysctls(config, mode), resources(config.host().resources(), privileged, warnings),
                cgroupsPath, namespaces(mode), privileged ? facts.hostDevices().get() : List.of(), seccomp,
                privileged ? List.of() : OciSpecWriter.MASKED_PATHS,
                privileged ? List.of() : OciSpecWriter.READONLY_PATHS);
    }

    static List<OciSpec.Namespace> namespaces(NetworkMode mode) {
        List<OciSpec.Namespace> ns = new ArrayList<>(List.of(new OciSpec.Namespace("pid", null),
                new OciSpec.Namespace("ipc", null), new OciSpec.Namespace("uts", null),
                new OciSpec.Namespace("mount", null), new OciSpec.Namespace("cgroup", null)));
        switch (mode) {
            case NetworkMode.None n -> ns.add(new OciSpec.Namespace("network", null));
            case NetworkMode.Namespace p -> ns.add(new OciSpec.Namespace("network", p.path().toString()));
            case NetworkMode.Host h -> { }
        }
        return ns;
    }

    private Map<String, String> sysctls(ContainerConfig config, NetworkMode mode) {
        Map<String, String> out = new LinkedHashMap<>();
        boolean ownNet = !(mode instanceof NetworkMode.Host);
        if (ownNet && facts.sysctlExists().test("net.ipv4.ping_group_range")) {
            out.put("net.ipv4.ping_group_range", "0 2147483647");
        }
        if (ownNet && facts.sysctlExists().test("net.ipv4.ip_unprivileged_port_start")) {
            out.put("net.ipv4.ip_unprivileged_port_start", "0");
        }
        for (var e : config.host().options().sysctls().entrySet()) {
            checkSysctl(e.getKey(), ownNet);
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** Docker's rule: only sysctls the container's own namespaces isolate; net.* needs its own network. */
    static void checkSysctl(String key, boolean ownNet) {
        boolean ipc = key.startsWith("fs.mqueue.") || key.startsWith("kernel.shm") || key.startsWith("kernel.msg")
                || key.equals("kernel.sem");
        boolean uts = key.equals("kernel.domainname") || key.equals("kernel.hostname");
        if (key.startsWith("net.")) {
            if (!ownNet) {
                throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "sysctl " + key,
                        "sysctl " + key + " is not allowed with host networking: it would change the host");
            }
            return;
        }
        if (!ipc && !uts) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "sysctl " + key,
                    "sysctl " + key + " is not namespaced and would change the host: only net.*, kernel.shm*, "
                            + "kernel.msg*, kernel.sem and fs.mqueue.* are allowed");
        }
    }

    private OciSpec.Resources resources(Resources r, boolean privileged, List<String> warnings) {
        OciSpec.Memory memory = null;
        if (r.memory() > 0 || r.memorySwap() != 0) {
            Long swap = null;
            if (r.memorySwap() == -1 || r.memorySwap() > 0) {
                swap = r.memorySwap();
            } else if (r.memory() > 0) {
                swap = r.memory() * 2;
            }
            if (swap != null && !facts.swapLimit()) {
                if (r.memorySwap() != 0) {
                    warnings.add(SWAP_WARNING);
                }
                swap = null;
            }
            memory = new OciSpec.Memory(r.memory() > 0 ? r.memory() : null, swap);
        }
        CpuLimits c = r.cpu();
        OciSpec.Cpu cpu = null;
        if (c.nanoCpus() > 0 || c.shares() > 0 || !c.cpusetCpus().isEmpty()) {
            cpu = new OciSpec.Cpu(c.shares() > 0 ? c.shares() : null,
                    c.nanoCpus() > 0 ? c.nanoCpus() * CPU_PERIOD / 1_000_000_000L : null,
                    c.nanoCpus() > 0 ? CPU_PERIOD : null, c.cpusetCpus().isEmpty() ? null : c.cpusetCpus());
        }
        OciSpec.Pids pids = r.pidsLimit() != 0 ? new OciSpec.Pids(r.pidsLimit() < 0 ? -1 : r.pidsLimit()) : null;
        OciSpec.BlockIo blkio = null;
        if (r.blkioWeight() > 0) {
            if (facts.blkioWeight()) {
                blkio = new OciSpec.BlockIo(r.blkioWeight());
            } else {
                warnings.add(BLKIO_WARNING);
            }
        }
        return new OciSpec.Resources(privileged ? List.of(new OciSpec.DeviceRule(true, null, null, null, "rwm"))
                : DEFAULT_DEVICE_RULES, memory, cpu, pids, blkio);
    }

    /** Docker's default device cgroup rules: deny all, then the usual character devices; deny tun's 10:229. */
    static final List<OciSpec.DeviceRule> DEFAULT_DEVICE_RULES = List.of(
            new OciSpec.DeviceRule(false, null, null, null, "rwm"),
            allow(1, 5), allow(1, 3), allow(1, 9), allow(1, 8), allow(5, 0), allow(5, 1),
            new OciSpec.DeviceRule(false, "c", 10L, 229L, "rwm"));

    private static OciSpec.DeviceRule allow(long major, long minor) {
        return new OciSpec.DeviceRule(true, "c", major, minor, "rwm");
    }
}
