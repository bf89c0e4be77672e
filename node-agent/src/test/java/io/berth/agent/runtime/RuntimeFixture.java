package io.berth.agent.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Everything an integration test of the runtime needs, made fresh per test and removed afterwards even when the
 * test failed: temporary data and run roots, a cgroup parent {@code berth-test-<random>}, a busybox root file
 * system with {@code /etc/passwd} and {@code /etc/group} holding a test user, and the runtime itself.
 */
final class RuntimeFixture implements AutoCloseable {
    static final String[] APPLETS = {"sh", "echo", "cat", "sleep", "true", "false", "id", "ls", "chown", "touch",
        "unshare", "mount", "ip", "ps", "trap", "hostname", "ulimit", "printf", "kill", "stat", "tty", "stty", "wc"};

    final String prefix;
    final Path base;
    final Path rootfs;
    final RuntimeSettings settings;
    final List<ContainerRuntime> runtimes = new ArrayList<>();
    final ContainerRuntime runtime;
    private int counter;

    RuntimeFixture() throws IOException {
        prefix = "bt" + Long.toHexString(new Random().nextLong() & 0xffffffffL);
        base = Files.createTempDirectory(Path.of("/tmp"), prefix);
        rootfs = base.resolve("rootfs");
        makeBusyboxRootfs(rootfs);
        settings = new RuntimeSettings(base.resolve("data"), base.resolve("run"), "berth-test-" + prefix, "auto",
                null, null);
        runtime = newRuntime();
    }

    ContainerRuntime newRuntime() {
        ContainerRuntime r = ContainerRuntime.open(settings, Clock.systemUTC());
        runtimes.add(r);
        return r;
    }

    /** A fresh 64-hex container id, with the run's prefix at the front so leftovers are recognisable. */
    String newId() {
        String hex = String.format("%08x", ++counter);
        String id = (prefix + "0000000000000000000000000000000000000000000000000000000000").substring(0, 56) + hex;
        return id;
    }

    ContainerConfig.Builder config(String... args) {
        return ContainerConfig.builder(newId(), rootfs, List.of(args));
    }

    /** Creates and starts; returns the id. */
    String run(ContainerConfig config) {
        runtime.create(config);
        runtime.start(config.id());
        return config.id();
    }

    String logs(String id, boolean stdout, boolean stderr) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (LogStream s = runtime.logs(id, new LogQuery(false, -1, null, null, stdout, stderr))) {
            for (LogEntry e = s.next(); e != null; e = s.next()) {
                sb.append(e.text());
            }
        }
        return sb.toString();
    }

    ContainerState awaitExit(String id) {
        ContainerState s = runtime.waitForExit(id, Duration.ofSeconds(20));
        if (s.status() != ContainerStatus.EXITED) {
            throw new AssertionError("container " + id + " did not exit: " + s);
        }
        return s;
    }

    static void makeBusyboxRootfs(Path rootfs) throws IOException {
        Path bin = rootfs.resolve("bin");
        Files.createDirectories(bin);
        Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
        for (String a : APPLETS) {
            Files.createSymbolicLink(bin.resolve(a), Path.of("busybox"));
        }
        for (String d : List.of("etc", "tmp", "proc", "sys", "dev", "home/tester", "sbin", "data")) {
            Files.createDirectories(rootfs.resolve(d));
        }
        Files.writeString(rootfs.resolve("etc/passwd"), """
                root:x:0:0:root:/root:/bin/sh
                tester:x:1234:1234:Test User:/home/tester:/bin/sh
                """, StandardCharsets.UTF_8);
        Files.writeString(rootfs.resolve("etc/group"), """
                root:x:0:
                tester:x:1234:
                audio:x:29:tester
                video:x:44:tester,other
                """, StandardCharsets.UTF_8);
        Files.writeString(rootfs.resolve("data/owned-by-root"), "x");
    }

    @Override
    public void close() throws Exception {
        ContainerRuntime r = runtimes.getFirst();
        for (ContainerState s : r.list()) {
            try {
                r.delete(s.id(), true);
            } catch (RuntimeException e) {
                System.err.println("cleanup: " + e.getMessage());
            }
        }
        r.recover();
        runtimes.forEach(ContainerRuntime::close);
        for (String c : List.of("blkio", "cpu", "cpuacct", "cpuset", "devices", "freezer", "hugetlb", "memory",
                "pids", "systemd", "unified", "")) {
            Files.deleteIfExists(Path.of("/sys/fs/cgroup", c, settings.cgroupParent()));
        }
        try (Stream<Path> walk = Files.walk(base)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
