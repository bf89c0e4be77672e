package io.berth.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A real {@code bin/berthd} of the distribution on private roots (a temp directory), with a cgroup parent of its
 * own, reached with {@code berth -H unix://<root>/r/berth.sock}. {@link #close} removes every container it
 * ran (they outlive berthd by design), stops berthd, and removes its mounts, cgroups and files.
 */
final class Berthd implements AutoCloseable {
    private final Path root;
    private final String cgroupParent;
    private Process process;

    Berthd(Path root) {
        this.root = root;
        this.cgroupParent = "berth-e2e-" + ProcessHandle.current().pid() + "-" + Math.abs(root.hashCode() % 10000);
    }

    Path socket() {
        return root.resolve("r/berth.sock");
    }

    String host() {
        return "unix://" + socket();
    }

    long pid() {
        return process.pid();
    }

    Berthd start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(BerthProcess.dist().resolve("bin/berthd").toString(),
                "--data-root", root.resolve("d").toString(), "--run-root", root.resolve("r").toString(),
                "--cgroup-parent", cgroupParent);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("berthd.log").toFile()));
        Files.createDirectories(root);
        process = pb.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("berthd exited with " + process.exitValue() + ":\n" + log());
            }
            return berth().run("version").out().contains("Server:");
        });
        return this;
    }

    /** {@code bin/berth -H <this daemon>}. */
    BerthProcess.Result run(String... args) {
        return berth().run(args);
    }

    BerthProcess berth() {
        return BerthProcess.berth().env("BERTH_HOST", host());
    }

    String log() throws IOException {
        return Files.readString(root.resolve("berthd.log"));
    }

    /** SIGKILL, as a crash: nothing of berthd's shutdown runs. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (process != null && process.isAlive()) {
                String ids = run("ps", "-aq").out().trim();
                if (!ids.isEmpty()) {
                    String[] args = ("rm -f -v " + ids.replace('\n', ' ')).split(" ");
                    run(args);
                }
                stop();
            }
        } finally {
            unmountUnder(root);
            removeCgroups();
            deleteTree(root);
        }
    }

    private static void unmountUnder(Path root) throws IOException, InterruptedException {
        List<String> mounts = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .map(line -> line.split(" ")[4]).filter(p -> p.startsWith(root.toString()))
                .sorted(Comparator.reverseOrder()).toList();
        for (String mount : mounts) {
            new ProcessBuilder("umount", "-l", mount).inheritIO().start().waitFor();
        }
    }

    private void removeCgroups() throws IOException {
        try (Stream<Path> hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path hierarchy : hierarchies.toList()) {
                Path parent = hierarchy.resolve(cgroupParent);
                if (Files.isDirectory(parent)) {
                    try (Stream<Path> children = Files.list(parent)) {
                        for (Path child : children.filter(Files::isDirectory).toList()) {
                            Files.deleteIfExists(child);
                        }
                    }
                    Files.deleteIfExists(parent);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
