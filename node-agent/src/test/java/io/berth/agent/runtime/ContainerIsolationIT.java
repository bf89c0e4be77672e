package io.berth.agent.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Users, capabilities, seccomp, limits, init, network modes and adoption after a restart, as root. */
class ContainerIsolationIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private RuntimeFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new RuntimeFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.close();
    }

    private String runToEnd(ContainerConfig cfg) throws Exception {
        fx.awaitExit(fx.run(cfg));
        return fx.logs(cfg.id(), true, true);
    }

    @Test
    void userComesFromTheImagesPasswdWithSupplementaryGroups() throws Exception {
        String out = runToEnd(fx.config("id").user("tester").build());
        assertTrue(out.startsWith("uid=1234(tester) gid=1234(tester)"), out);
        assertTrue(out.contains("29(audio)") && out.contains("44(video)"), out);
        assertTrue(runToEnd(fx.config("id", "-u").user("4321").build()).startsWith("4321"));
        var e = assertThrows(BerthException.class, () -> fx.runtime.create(fx.config("id").user("nosuch").build()));
        assertEquals(ErrorCategory.INVALID_ARGUMENT, e.category());
        assertTrue(e.getMessage().contains("nosuch"));
    }

    @Test
    void readOnlyRootfsRefusesWrites() throws Exception {
        ContainerConfig cfg = fx.config("touch", "/newfile").readonlyRootfs(true).build();
        String out = runToEnd(cfg);
        assertNotEquals(0, fx.runtime.state(cfg.id()).exitCode());
        assertTrue(out.contains("Read-only file system"), out);
    }

    @Test
    void capDropAllPreventsChown() throws Exception {
        ContainerConfig allowed = fx.config("chown", "1234", "/data/owned-by-root").build();
        runToEnd(allowed);
        assertEquals(0, fx.runtime.state(allowed.id()).exitCode());
        ContainerConfig dropped = fx.config("chown", "1234", "/data/owned-by-root")
                .security(new SecurityConfig(false, List.of(), List.of("ALL"), false, SeccompMode.DEFAULT)).build();
        String out = runToEnd(dropped);
        assertNotEquals(0, fx.runtime.state(dropped.id()).exitCode());
        assertTrue(out.contains("Operation not permitted"), out);
    }

    @Test
    void defaultSeccompBlocksNamespaceAndMountCallsWithoutCapabilities() throws Exception {
        ContainerConfig unshare = fx.config("unshare", "-n", "true").build();
        String out = runToEnd(unshare);
        assertNotEquals(0, fx.runtime.state(unshare.id()).exitCode());
        assertTrue(out.contains("Operation not permitted"), out);
        ContainerConfig mount = fx.config("mount", "-t", "tmpfs", "none", "/tmp").build();
        runToEnd(mount);
        assertNotEquals(0, fx.runtime.state(mount.id()).exitCode());
        ContainerConfig withAdmin = fx.config("unshare", "-n", "true")
                .security(new SecurityConfig(false, List.of("SYS_ADMIN"), List.of(), false, SeccompMode.DEFAULT))
                .build();
        runToEnd(withAdmin);
        assertEquals(0, fx.runtime.state(withAdmin.id()).exitCode());
    }

    @Test
    void memoryAndPidsLimitsReachTheCgroupAndStats() throws Exception {
        long mem = 64L * 1024 * 1024;
        String id = fx.run(fx.config("sleep", "100")
                .resources(new Resources(mem, 0, new CpuLimits(500_000_000L, 512, ""), 50, 0)).build());
        Path memCg = Path.of("/sys/fs/cgroup/memory", fx.settings.cgroupParent(), id);
        assertEquals(mem, Long.parseLong(Files.readString(memCg.resolve("memory.limit_in_bytes")).strip()));
        Path pidsCg = Path.of("/sys/fs/cgroup/pids", fx.settings.cgroupParent(), id);
        assertEquals("50", Files.readString(pidsCg.resolve("pids.max")).strip());
        Path cpuCg = Path.of("/sys/fs/cgroup/cpu", fx.settings.cgroupParent(), id);
        assertEquals("50000", Files.readString(cpuCg.resolve("cpu.cfs_quota_us")).strip());
        assertEquals("512", Files.readString(cpuCg.resolve("cpu.shares")).strip());
        ContainerStats stats = fx.runtime.stats(id);
        assertEquals(mem, stats.memory().limit());
        assertTrue(stats.memory().usage() > 0);
        assertEquals(50, stats.pids().limit());
        // runc's helper processes may still be in the cgroup for a moment after start on a loaded machine.
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> fx.runtime.stats(id).pids().current() == 1);
        assertTrue(stats.cpuUsageNanos() > 0);
    }

    @Test
    void blkioWeightWithoutKernelSupportIsAWarningAsInDocker() {
        boolean supported = Files.exists(Path.of("/sys/fs/cgroup/blkio/blkio.weight"))
                || Files.exists(Path.of("/sys/fs/cgroup/blkio/blkio.bfq.weight"));
        CreatedContainer c = fx.runtime.create(fx.config("true")
                .resources(new Resources(0, 0, null, 0, 300)).build());
        assertEquals(supported, c.warnings().isEmpty(), c.warnings().toString());
    }

    @Test
    void ulimitAboveTheHardLimitIsAClearErrorAndOneBelowApplies() throws Exception {
        long hard = hardNofile();
        var e = assertThrows(BerthException.class, () -> fx.runtime.create(fx.config("true")
                .options(new RuntimeOptions(false, null, List.of(new Ulimit("nofile", hard + 1, hard + 1)), null,
                        null, null)).build()));
        assertEquals(ErrorCategory.INVALID_ARGUMENT, e.category());
        assertTrue(e.getMessage().contains("at most nofile=" + hard), e.getMessage());
        String out = runToEnd(fx.config("sh", "-c", "ulimit -n")
                .options(new RuntimeOptions(false, null, List.of(Ulimit.parse("nofile=1000:1000")), null, null, null))
                .build());
        assertEquals("1000\n", out);
    }

    private static long hardNofile() throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (l.startsWith("Max open files")) {
                return Long.parseLong(l.substring("Max open files".length()).trim().split("\\s+")[1]);
            }
        }
        throw new AssertionError("no open files limit");
    }

    @Test
    void initRunsAsPidOne() throws Exception {
        String out = runToEnd(fx.config("sh", "-c", "cat /proc/1/cmdline | tr '\\0' ' '; echo")
                .options(new RuntimeOptions(true, null, List.of(), null, null, null)).build());
        assertTrue(out.startsWith("/sbin/docker-init -- sh -c"), out);
    }

    @Test
    void networkNoneHasOnlyLoopbackAndHostSeesTheHostsDevices() throws Exception {
        String none = runToEnd(fx.config("cat", "/proc/net/dev").build());
        List<String> devices = none.lines().skip(2).map(l -> l.strip().split(":")[0]).toList();
        assertEquals(List.of("lo"), devices);
        String host = runToEnd(fx.config("cat", "/proc/net/dev")
                .network(new NetworkConfig(new NetworkMode.Host(), "", "", List.of())).build());
        long hostCount = Files.readAllLines(Path.of("/proc/net/dev")).size();
        assertEquals(hostCount, host.lines().count());
        assertTrue(hostCount > 3);
    }

    @Test
    void hostnameAndEtcFilesAreThoseOfTheContainer() throws Exception {
        String out = runToEnd(fx.config("sh", "-c", "hostname; cat /etc/hostname; grep -c ip6-allnodes /etc/hosts; "
                + "grep myhost /etc/hosts").network(new NetworkConfig(new NetworkMode.None(), "web1", "",
                List.of("myhost:10.1.2.3"))).build());
        assertEquals("web1\nweb1\n1\n10.1.2.3\tmyhost\n", out);
    }

    @Test
    void aRestartedRuntimeAdoptsRunningContainersAndReadsExitCodesOfThoseThatEnded() throws Exception {
        String running = fx.run(fx.config("sleep", "100").build());
        ContainerConfig ending = fx.config("sh", "-c", "read x; exit 9").openStdin(true).build();
        fx.runtime.create(ending);
        fx.runtime.start(ending.id());
        ContainerConfig orphan = fx.config("sleep", "100").build();
        fx.runtime.create(orphan);
        fx.runtime.close();
        // while no runtime watches: one container ends, one container's directory is lost
        try (AttachSession a = fx.runtime.attach(ending.id(), new Output())) {
            a.closeStdin();
            await().atMost(WAIT).until(() -> Files.exists(
                    fx.settings.dataRoot().resolve("containers").resolve(ending.id()).resolve("exit")));
        }
        Path orphanDir = fx.settings.dataRoot().resolve("containers").resolve(orphan.id());
        try (var walk = Files.walk(orphanDir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        ContainerRuntime restarted = fx.newRuntime();
        RecoveryReport report = restarted.recover();
        assertEquals(Map.of(running, ContainerStatus.RUNNING), report.adopted().stream()
                .collect(java.util.stream.Collectors.toMap(ContainerState::id, ContainerState::status)));
        assertEquals(1, report.exited().size());
        assertEquals(9, report.exited().getFirst().exitCode());
        assertTrue(report.removedOrphans().stream().anyMatch(s -> s.contains(orphan.id())), report.toString());
        assertFalse(Files.exists(fx.settings.runRoot().resolve(restarted.info().name()).resolve(orphan.id())));
        assertEquals(137, restarted.stop(running, Duration.ofMillis(200)).exitCode());
    }
}
