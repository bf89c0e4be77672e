package io.berth.agent.runtime.internal;

import io.berth.agent.runtime.Ulimit;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * berthd's own hard resource limits (from {@code /proc/self/limits}), against which container ulimits are
 * checked: without CAP_SYS_RESOURCE the runtime cannot raise a hard limit, and a container asking for more would
 * fail deep inside runc with a bare "operation not permitted".
 */
final class HostLimits {
    private static final Map<String, String> PROC_NAMES = Map.ofEntries(
            Map.entry("cpu", "Max cpu time"), Map.entry("fsize", "Max file size"),
            Map.entry("data", "Max data size"), Map.entry("stack", "Max stack size"),
            Map.entry("core", "Max core file size"), Map.entry("rss", "Max resident set"),
            Map.entry("nproc", "Max processes"), Map.entry("nofile", "Max open files"),
            Map.entry("memlock", "Max locked memory"), Map.entry("as", "Max address space"),
            Map.entry("locks", "Max file locks"), Map.entry("sigpending", "Max pending signals"),
            Map.entry("msgqueue", "Max msgqueue size"), Map.entry("nice", "Max nice priority"),
            Map.entry("rtprio", "Max realtime priority"), Map.entry("rttime", "Max realtime timeout"));

    /** Hard limit by Docker name; -1 = unlimited. */
    private final Map<String, Long> hard;

    HostLimits(Map<String, Long> hard) {
        this.hard = Map.copyOf(hard);
    }

    /** Parses the text of /proc/self/limits. */
    static HostLimits parse(String procLimits) {
        Map<String, Long> hard = new HashMap<>();
        for (String line : procLimits.split("\n")) {
            for (Map.Entry<String, String> e : PROC_NAMES.entrySet()) {
                if (line.startsWith(e.getValue() + " ")) {
                    String[] cols = line.substring(e.getValue().length()).trim().split("\\s+");
                    if (cols.length >= 2) {
                        hard.put(e.getKey(), cols[1].equals("unlimited") ? -1L : Long.parseLong(cols[1]));
                    }
                }
            }
        }
        return new HostLimits(hard);
    }

    long hard(String name) {
        return hard.getOrDefault(name, -1L);
    }

    static String ociType(String name) {
        return "RLIMIT_" + name.toUpperCase(Locale.ROOT);
    }

    /** Checks the ulimits and returns them as OCI rlimits. */
    List<OciSpec.Rlimit> toRlimits(List<Ulimit> ulimits) {
        return ulimits.stream().map(this::check).toList();
    }

    private OciSpec.Rlimit check(Ulimit u) {
        if (!PROC_NAMES.containsKey(u.name())) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "ulimit " + u.name(),
                    "unknown ulimit \"" + u.name() + "\": use one of " + PROC_NAMES.keySet().stream().sorted().toList());
        }
        long max = hard(u.name());
        if (max != -1 && (u.hard() == -1 || u.hard() > max || u.soft() == -1 || u.soft() > max)) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "ulimit " + u.name(),
                    "ulimit " + u.name() + "=" + show(u.soft()) + ":" + show(u.hard())
                            + " is above this host's hard limit " + max
                            + " (berthd cannot raise hard limits): ask for at most " + u.name() + "=" + max + ":" + max);
        }
        return new OciSpec.Rlimit(ociType(u.name()), unsigned(u.hard()), unsigned(u.soft()));
    }

    /** RLIM_INFINITY is the all-ones uint64, which runc reads from JSON as an unsigned number. */
    private static BigInteger unsigned(long v) {
        return v == -1 ? BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE) : BigInteger.valueOf(v);
    }

    private static String show(long v) {
        return v == -1 ? "unlimited" : Long.toString(v);
    }
}
