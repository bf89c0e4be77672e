package io.berth.agent.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes everything of one container: runtime state (and so its cgroups), exit file, socket link, directory. */
final class Cleaner {
    private final RuntimeContext ctx;

    Cleaner(RuntimeContext ctx) {
        this.ctx = ctx;
    }

    void removeAll(String id, String cgroupsPath) {
        if (Files.exists(ctx.paths().runtimeRoot().resolve(id))) {
            ctx.cli().run("delete", "--force", id);
        }
        deleteQuietly(ctx.paths().exitFile(id));
        deleteQuietly(ctx.paths().socketDir().resolve(id));
        deleteTree(ctx.paths().dir(id));
        removeCgroupDirs(cgroupsPath);
    }

    /**
     * Everything {@link #removeAll} removes except the container's log files ({@code ctr.log*}), so that the
     * container can be created again (a restart) with its log going on.
     */
    void removeAllButLogs(String id, String cgroupsPath) {
        if (Files.exists(ctx.paths().runtimeRoot().resolve(id))) {
            ctx.cli().run("delete", "--force", id);
        }
        deleteQuietly(ctx.paths().exitFile(id));
        deleteQuietly(ctx.paths().socketDir().resolve(id));
        try (Stream<Path> entries = Files.list(ctx.paths().dir(id))) {
            entries.filter(p -> !p.getFileName().toString().startsWith("ctr.log")).forEach(p -> {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    deleteTree(p);
                } else {
                    deleteQuietly(p);
                }
            });
        } catch (IOException e) {
            // nothing left to keep: the directory is gone
        }
        removeCgroupDirs(cgroupsPath);
    }

    /** rmdir of the container's cgroup directories (empty ones only; the kernel refuses others). */
    void removeCgroupDirs(String cgroupsPath) {
        for (Path d : new CgroupReader(ctx.cgroups()).dirs(cgroupsPath)) {
            deleteQuietly(d);
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: a busy cgroup or a file that is gone
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(Cleaner::deleteQuietly);
        } catch (NoSuchFileException e) {
            // gone already
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
