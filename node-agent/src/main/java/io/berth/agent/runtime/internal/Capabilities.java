package io.berth.agent.runtime.internal;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Linux capabilities by number, Docker's default set, and Docker's rule for {@code --cap-add}/{@code --cap-drop}
 * (with {@code ALL}), limited to the capabilities berthd itself holds in its bounding set.
 */
final class Capabilities {
    /** Index = capability number, as in linux/capability.h. */
    static final List<String> ALL = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER",
            "CAP_FSETID", "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE",
            "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK",
            "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT",
            "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG",
            "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE",
            "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON",
            "CAP_BPF", "CAP_CHECKPOINT_RESTORE");

    /** Docker's default set (moby oci/caps), in its order. */
    static final List<String> DOCKER_DEFAULT = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER",
            "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP",
            "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");

    private Capabilities() {
    }

    /** The capabilities in a {@code CapBnd:} hex mask of /proc/self/status. */
    static Set<String> fromMask(long mask) {
        Set<String> caps = new LinkedHashSet<>();
        for (int i = 0; i < ALL.size(); i++) {
            if ((mask & (1L << i)) != 0) {
                caps.add(ALL.get(i));
            }
        }
        return caps;
    }

    /** Reads the bounding set from the text of /proc/self/status. */
    static Set<String> boundingFromStatus(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("CapBnd:")) {
                return fromMask(Long.parseUnsignedLong(line.substring(7).trim(), 16));
            }
        }
        return new LinkedHashSet<>(ALL);
    }

    static String normalize(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("ALL")) {
            return upper;
        }
        String full = upper.startsWith("CAP_") ? upper : "CAP_" + upper;
        if (!ALL.contains(full)) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "capability " + name,
                    "unknown capability \"" + name + "\": use a Linux capability name such as NET_ADMIN, or ALL");
        }
        return full;
    }

    /**
     * The container's capabilities: privileged gets everything berthd holds; otherwise Docker's default set with
     * adds and drops applied ({@code ALL} in adds means every capability we hold, in drops means none but the
     * added ones). An explicit add of a capability berthd lacks is an error.
     */
    static List<String> compute(boolean privileged, List<String> capAdd, List<String> capDrop, Set<String> bounding) {
        List<String> adds = capAdd.stream().map(Capabilities::normalize).toList();
        List<String> drops = capDrop.stream().map(Capabilities::normalize).toList();
        Set<String> result = new LinkedHashSet<>();
        if (privileged || adds.contains("ALL")) {
            result.addAll(ALL);
        } else if (!drops.contains("ALL")) {
            result.addAll(DOCKER_DEFAULT);
        }
        for (String add : adds) {
            if (add.equals("ALL")) {
                continue;
            }
            if (!bounding.contains(add)) {
                throw new BerthException(ErrorCategory.FAILED_PRECONDITION, "capability " + add,
                        "cannot add " + add + ": berthd itself does not hold it (not in its bounding set), so no "
                                + "container on this host can get it; remove it from cap_add");
            }
            result.add(add);
        }
        if (!privileged) {
            for (String drop : drops) {
                if (!drop.equals("ALL") && !adds.contains(drop)) {
                    result.remove(drop);
                }
            }
        }
        result.retainAll(bounding);
        return new ArrayList<>(result);
    }
}
