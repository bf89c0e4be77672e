package io.berth.agent.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.agent.runtime.ContainerState;
import io.berth.agent.runtime.ContainerStatus;
import io.berth.agent.runtime.RecoveryReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What berthd does at start: every container directory is a container of ours; its state comes from conmon's
 * files (running ones are adopted as they are, exited ones report their code). Leftovers of ours without a
 * directory are removed: the runtime's state under our runtime root, conmon processes writing to our exit
 * directory, exit files, socket links and cgroups under our cgroup parent. Nothing outside our roots is touched.
 */
final class Recovery {
    private final RuntimeContext ctx;
    private final StateReader states;
    private final Cleaner cleaner;

    Recovery(RuntimeContext ctx, StateReader states, Cleaner cleaner) {
        this.ctx = ctx;
        this.states = states;
        this.cleaner = cleaner;
    }

    Set<String> knownIds() {
        Set<String> ids = new HashSet<>();
        try (Stream<Path> dirs = Files.list(ctx.paths().containersDir())) {
            dirs.filter(Files::isDirectory).forEach(d -> ids.add(d.getFileName().toString()));
        } catch (IOException e) {
            // no containers directory yet
        }
        return ids;
    }

    RecoveryReport recover() {
        Set<String> known = knownIds();
        List<ContainerState> adopted = new ArrayList<>();
        List<ContainerState> exited = new ArrayList<>();
        for (String id : known.stream().sorted().toList()) {
            ContainerState s = states.state(id);
            if (s.status() == ContainerStatus.EXITED || s.status() == ContainerStatus.UNKNOWN) {
                exited.add(s);
            } else {
                adopted.add(s);
            }
        }
        List<String> removed = new ArrayList<>();
        removeConmons(known, removed);
        removeRuntimeState(known, removed);
        removeFiles(ctx.paths().exitsDir(), known, "exit file", removed);
        removeFiles(ctx.paths().socketDir(), known, "attach socket link", removed);
        removeCgroups(known, removed);
        return new RecoveryReport(adopted, exited, removed);
    }

    private void removeRuntimeState(Set<String> known, List<String> removed) {
        var out = ctx.cli().run("list", "--format", "json");
        if (out.exitCode() != 0 || out.stdout().isBlank()) {
            return;
        }
        try {
            JsonNode list = ctx.json().readTree(out.stdout());
            for (JsonNode c : list) {
                String id = c.path("id").asText();
                if (!id.isEmpty() && !known.contains(id)) {
                    ctx.cli().run("delete", "--force", id);
                    removed.add(ctx.info().name() + " container " + id + " (" + c.path("status").asText() + ")");
                }
            }
        } catch (IOException e) {
            removed.add("could not read " + ctx.info().name() + " list: " + e.getMessage());
        }
    }

    /** conmons of ours (they write to our exit directory) for containers we no longer have. */
    private void removeConmons(Set<String> known, List<String> removed) {
        String marker = "--exit-dir\0" + ctx.paths().exitsDir() + "\0";
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmd.contains("conmon") && cmd.contains(marker)) {
                        String id = argAfter(cmd, "-c");
                        if (id != null && !known.contains(id)) {
                            int pid = Integer.parseInt(p.getFileName().toString());
                            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                            removed.add("conmon pid " + pid + " of container " + id);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended while we looked
                }
            });
        } catch (IOException e) {
            removed.add("could not scan /proc for conmon processes: " + e.getMessage());
        }
    }

    private static String argAfter(String cmdline, String flag) {
        String[] args = cmdline.split("\0");
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(flag)) {
                return args[i + 1];
            }
        }
        return null;
    }

    private static void removeFiles(Path dir, Set<String> known, String what, List<String> removed) {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> !known.contains(f.getFileName().toString())).forEach(f -> {
                Cleaner.deleteQuietly(f);
                removed.add(what + " " + f);
            });
        } catch (IOException e) {
            // directory not made yet
        }
    }

    private void removeCgroups(Set<String> known, List<String> removed) {
        CgroupReader reader = new CgroupReader(ctx.cgroups());
        for (Path parent : reader.dirs("/" + ctx.settings().cgroupParent())) {
            try (Stream<Path> dirs = Files.list(parent)) {
                dirs.filter(Files::isDirectory).filter(d -> !known.contains(d.getFileName().toString())).forEach(d -> {
                    try {
                        Files.delete(d);
                        removed.add("cgroup " + d);
                    } catch (IOException e) {
                        removed.add("cgroup " + d + " is busy, left in place: " + e.getMessage());
                    }
                });
            } catch (IOException e) {
                // no cgroup parent on this hierarchy
            }
        }
    }
}
