package io.berth.agent.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.agent.runtime.CgroupLayout;
import io.berth.agent.runtime.NetworkConfig;
import io.berth.agent.runtime.NetworkMode;
import io.berth.agent.runtime.StdStream;
import io.berth.compose.BerthException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small pure parts: user lookup, safe paths, log lines, cgroup layout, runtime choice, /etc files. */
class RuntimeHelpersTest {
    @TempDir
    Path root;

    private void passwd() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\nweb:x:33:33::/var/www:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\nweb:x:33:\nstaff:x:50:web,bob\nops:x:60:web\n");
    }

    @Test
    void userSpecsResolveAsDockersDo() throws Exception {
        passwd();
        var web = UserResolver.resolve(root, "web");
        assertEquals(33, web.uid());
        assertEquals(33, web.gid());
        assertEquals(List.of(50L, 60L), web.additionalGids());
        assertEquals("/var/www", web.home());
        var numeric = UserResolver.resolve(root, "5000");
        assertEquals(5000, numeric.uid());
        assertEquals(0, numeric.gid());
        assertEquals("/", numeric.home());
        assertEquals(50, UserResolver.resolve(root, "web:staff").gid());
        assertEquals(777, UserResolver.resolve(root, "33:777").gid());
        assertEquals(0, UserResolver.resolve(root, "").uid());
        var e = assertThrows(BerthException.class, () -> UserResolver.resolve(root, "nobody"));
        assertTrue(e.getMessage().contains("nobody"));
        assertThrows(BerthException.class, () -> UserResolver.resolve(root, "web:nogroup"));
    }

    @Test
    void passwdSymlinkedOutOfTheRootStaysInside() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("fake"));
        Files.writeString(root.resolve("fake/passwd"), "evil:x:99:99::/:/bin/sh\n");
        Files.createSymbolicLink(root.resolve("etc/passwd"), Path.of("../../../../../../fake/passwd"));
        assertEquals(root.resolve("fake/passwd"), RootfsPaths.resolve(root, "/etc/passwd"));
        assertEquals(99, UserResolver.resolve(root, "evil").uid());
        Files.delete(root.resolve("etc/passwd"));
        Files.createSymbolicLink(root.resolve("etc/passwd"), Path.of("/etc/shadow"));
        assertEquals(root.resolve("etc/shadow"), RootfsPaths.resolve(root, "/etc/passwd"));
    }

    @Test
    void k8sLogLinesParse() {
        var l = K8sLogLine.parse("2026-11-23T21:40:01.123456789+00:00 stderr P half a li");
        assertEquals(StdStream.STDERR, l.stream());
        assertTrue(l.partial());
        assertEquals("half a li", l.text());
        assertEquals(123456789, l.time().getNano());
        assertEquals("", K8sLogLine.parse("2026-11-23T21:40:01.1+01:00 stdout F ").text());
        assertNull(K8sLogLine.parse("garbage"));
    }

    @Test
    void cgroupLayoutsAreDetectedFromMountinfo() {
        String hybrid = """
                32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
                35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
                40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
                41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
                """;
        var m = CgroupMounts.parse(hybrid);
        assertEquals(CgroupLayout.HYBRID, m.layout());
        assertEquals(Path.of("/sys/fs/cgroup/memory/berth/x"), m.v1Dir("memory", "/berth/x").orElseThrow());
        assertTrue(m.v1Dir("systemd", "/x").isEmpty());
        assertEquals(CgroupLayout.V2, CgroupMounts.parse("30 23 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n").layout());
    }

    @Test
    void crunIsRefusedWhileAControllerSitsOnTheHybridV2Hierarchy() {
        var c = RuntimeChoice.choose("auto", Path.of("/usr/bin/runc"), Path.of("/usr/bin/crun"), "hugetlb");
        assertEquals("runc", c.name());
        assertTrue(c.reason().contains("hugetlb"));
        assertEquals("crun", RuntimeChoice.choose("auto", Path.of("/r"), Path.of("/c"), "").name());
        assertThrows(IllegalStateException.class, () -> RuntimeChoice.choose("crun", null, Path.of("/c"), "hugetlb"));
    }

    @Test
    void resolvConfDropsLoopbackResolversAndNoneHasNoNameserver() {
        String host = "nameserver 127.0.0.53\nnameserver 10.0.0.2\nsearch example.org\noptions ndots:2\n";
        assertEquals("search example.org\noptions ndots:2\n", EtcFiles.resolvConf(new NetworkMode.None(), host));
        assertEquals("nameserver 10.0.0.2\nsearch example.org\noptions ndots:2\n",
                EtcFiles.resolvConf(NetworkMode.parse("/run/netns/x"), host));
        assertEquals(host, EtcFiles.resolvConf(new NetworkMode.Host(), host));
        assertTrue(EtcFiles.hosts(new NetworkConfig(new NetworkMode.None(), "", "", List.of("db:10.0.0.5")), "")
                .endsWith("10.0.0.5\tdb\n"));
    }

    @Test
    void cgroupIoCountersAreSummed() {
        assertEquals(30, CgroupReader.blkioV1("8:0 Read 10\n8:0 Write 5\n8:16 Read 20\nTotal 35\n")[0]);
        assertEquals(7, CgroupReader.ioStatV2("8:0 rbytes=1 wbytes=3 rios=1\n8:16 rbytes=2 wbytes=4\n")[1]);
    }
}
