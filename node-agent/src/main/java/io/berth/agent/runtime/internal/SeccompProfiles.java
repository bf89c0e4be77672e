package io.berth.agent.runtime.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds Berth's default seccomp filter for a container from the compact list in {@code seccomp-default.txt}:
 * an allow-list, default action ERRNO(EPERM), architectures x86_64/x86/x32, capability-gated system calls added
 * when the container holds the capability, and, without CAP_SYS_ADMIN, {@code clone} restricted to flags that
 * make no namespace and {@code clone3} answering ENOSYS (so libc falls back to the checkable {@code clone}).
 */
final class SeccompProfiles {
    /** CLONE_NEWNS|NEWCGROUP|NEWUTS|NEWIPC|NEWUSER|NEWPID|NEWNET. */
    static final long CLONE_NAMESPACE_FLAGS = 0x7E020000L;
    private static final int EPERM = 1;
    private static final int ENOSYS = 38;
    private static final String GOARCH = "amd64";

    private record Line(String condition, List<String> names) {
    }

    private final List<Line> lines;

    private SeccompProfiles(List<Line> lines) {
        this.lines = lines;
    }

    static SeccompProfiles load() {
        try (var in = SeccompProfiles.class.getResourceAsStream("seccomp-default.txt")) {
            if (in == null) {
                throw new IllegalStateException("seccomp-default.txt is missing from the node-agent jar");
            }
            List<Line> lines = new ArrayList<>();
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                String[] words = l.trim().split("\\s+");
                lines.add(new Line(words[0], Arrays.asList(words).subList(1, words.length)));
            }
            return new SeccompProfiles(List.copyOf(lines));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seccomp-default.txt", e);
        }
    }

    /** The filter for a container holding {@code caps}. */
    OciSpec.Seccomp forCapabilities(Collection<String> caps) {
        Set<String> allowed = new TreeSet<>();
        for (Line line : lines) {
            if (applies(line.condition(), caps)) {
                allowed.addAll(line.names());
            }
        }
        List<OciSpec.Syscall> rules = new ArrayList<>();
        rules.add(new OciSpec.Syscall(List.copyOf(allowed), "SCMP_ACT_ALLOW", null, null));
        // socket: every address family but AF_ALG (38) and AF_VSOCK (40), as Docker does
        rules.add(argRule("socket", 0, 38, "SCMP_CMP_LT"));
        rules.add(argRule("socket", 0, 39, "SCMP_CMP_EQ"));
        rules.add(argRule("socket", 0, 40, "SCMP_CMP_GT"));
        for (long persona : new long[] {0x0, 0x8, 0x20000, 0x20008, 0xffffffffL}) {
            rules.add(argRule("personality", 0, persona, "SCMP_CMP_EQ"));
        }
        if (!caps.contains("CAP_SYS_ADMIN")) {
            rules.add(new OciSpec.Syscall(List.of("clone"), "SCMP_ACT_ALLOW", null,
                    List.of(new OciSpec.Arg(0, CLONE_NAMESPACE_FLAGS, 0, "SCMP_CMP_MASKED_EQ"))));
            rules.add(new OciSpec.Syscall(List.of("clone3"), "SCMP_ACT_ERRNO", ENOSYS, null));
        }
        return new OciSpec.Seccomp("SCMP_ACT_ERRNO", EPERM,
                List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"), rules);
    }

    private static OciSpec.Syscall argRule(String name, int index, long value, String op) {
        return new OciSpec.Syscall(List.of(name), "SCMP_ACT_ALLOW", null,
                List.of(new OciSpec.Arg(index, value, 0, op)));
    }

    private static boolean applies(String condition, Collection<String> caps) {
        if (condition.equals("always")) {
            return true;
        }
        if (condition.startsWith("cap=")) {
            return Arrays.stream(condition.substring(4).split(",")).anyMatch(caps::contains);
        }
        if (condition.startsWith("arch=")) {
            return Arrays.asList(condition.substring(5).split(",")).contains(GOARCH);
        }
        throw new IllegalStateException("seccomp-default.txt: unknown condition " + condition);
    }
}
