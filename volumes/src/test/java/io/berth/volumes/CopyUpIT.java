package io.berth.volumes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.volumes.internal.Native;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Copy-up of image content into a volume, as root: owners, modes, symlinks, hard links, xattrs, times, nodes. */
class CopyUpIT {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private KernelFixture fx;
    private Native nativ;
    private VolumeStore store;
    private Path rootfs;
    private Path outside;

    @BeforeEach
    void setUp() throws Exception {
        fx = new KernelFixture();
        nativ = Native.load();
        store = VolumeStore.local(Files.createDirectory(fx.base.resolve("root")), VolumeUsage.NONE,
                Clock.systemUTC(), new SplittableRandom());
        rootfs = Files.createDirectory(fx.base.resolve("rootfs"));
        outside = Files.createDirectory(fx.base.resolve("host-secret"));
        Files.writeString(outside.resolve("secret"), "host only");
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.close();
    }

    /** An image directory /var/lib/app with everything copy-up must keep. */
    private Path imageDir() throws Exception {
        Path app = Files.createDirectories(rootfs.resolve("var/lib/app"));
        Path conf = Files.writeString(app.resolve("app.conf"), "port=8080\n");
        nativ.lchown(conf.toString(), 1234, 5678);
        nativ.chmod(conf.toString(), 0640);
        nativ.setXattr(conf.toString(), "user.origin", "image".getBytes(StandardCharsets.UTF_8));
        nativ.setXattr(conf.toString(), "trusted.berth", new byte[] {1, 2, 3});
        Path tool = Files.writeString(app.resolve("tool"), "#!/bin/sh\n");
        nativ.lchown(tool.toString(), 0, 0);
        nativ.chmod(tool.toString(), 04755);
        Files.createLink(app.resolve("tool-again"), tool);
        Path sub = Files.createDirectory(app.resolve("private"));
        Files.writeString(sub.resolve("key"), "k");
        nativ.lchown(sub.toString(), 1000, 1000);
        nativ.chmod(sub.toString(), 0700);
        Files.createSymbolicLink(app.resolve("passwd"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(app.resolve("escape"), outside);
        nativ.lchown(app.resolve("passwd").toString(), 42, 43);
        nativ.mknod(app.resolve("fifo").toString(), 0010644, 0);
        nativ.mknod(app.resolve("null").toString(), 0020666, (1L << 8) | 3);
        nativ.setTimes(conf.toString(), 1_000_000_000L, 123_456_789L, 1_500_000_000L, 987_654_321L);
        nativ.setTimes(sub.toString(), 1_100_000_000L, 0, 1_200_000_000L, 5L);
        nativ.lchown(app.toString(), 999, 998);
        nativ.chmod(app.toString(), 01770);
        return app;
    }

    @Test
    void copyUpKeepsOwnersModesSymlinksXattrsAndTimes() throws Exception {
        imageDir();
        Volume v = store.create(VolumeCreateRequest.named(fx.prefix + "data"));
        assertTrue(store.copyUp(v.name(), rootfs, "/var/lib/app"));
        Path d = v.mountpoint();

        assertEquals(999, attr(d, "uid"));
        assertEquals(998, attr(d, "gid"));
        assertEquals(01770, attr(d, "mode") & 07777);

        Path conf = d.resolve("app.conf");
        // atime first: reading the content below would update it (relatime)
        assertEquals(Instant.ofEpochSecond(1_000_000_000L, 123_456_789L),
                ((FileTime) Files.getAttribute(conf, "lastAccessTime", NOFOLLOW)).toInstant());
        assertEquals("port=8080\n", Files.readString(conf));
        assertEquals(1234, attr(conf, "uid"));
        assertEquals(5678, attr(conf, "gid"));
        assertEquals(0640, attr(conf, "mode") & 07777);
        assertArrayEquals("image".getBytes(StandardCharsets.UTF_8), nativ.getXattr(conf.toString(), "user.origin"));
        assertArrayEquals(new byte[] {1, 2, 3}, nativ.getXattr(conf.toString(), "trusted.berth"));
        assertEquals(Instant.ofEpochSecond(1_500_000_000L, 987_654_321L),
                ((FileTime) Files.getAttribute(conf, "lastModifiedTime", NOFOLLOW)).toInstant());

        assertEquals(04755, attr(d.resolve("tool"), "mode") & 07777, "set-uid survives the chown");
        assertEquals(attr(d.resolve("tool"), "ino"), attr(d.resolve("tool-again"), "ino"));

        Path sub = d.resolve("private");
        assertEquals(0700, attr(sub, "mode") & 07777);
        assertEquals(1000, attr(sub, "uid"));
        assertEquals(Instant.ofEpochSecond(1_200_000_000L, 5L),
                ((FileTime) Files.getAttribute(sub, "lastModifiedTime", NOFOLLOW)).toInstant());

        assertEquals(Path.of("/etc/passwd"), Files.readSymbolicLink(d.resolve("passwd")));
        assertEquals(42, attr(d.resolve("passwd"), "uid"));
        assertEquals(outside, Files.readSymbolicLink(d.resolve("escape")));
        assertFalse(Files.exists(d.resolve("escape").resolveSibling("secret")));

        assertEquals(0010000, attr(d.resolve("fifo"), "mode") & 0170000);
        assertEquals(0020000, attr(d.resolve("null"), "mode") & 0170000);
        assertEquals((1L << 8) | 3, ((Number) Files.getAttribute(d.resolve("null"), "unix:rdev", NOFOLLOW)).longValue());
        assertEquals("host only", Files.readString(outside.resolve("secret")));
    }

    @Test
    void aSymlinkOnTheWayIsResolvedInsideTheRootfs() throws Exception {
        Files.createDirectories(rootfs.resolve("srv"));
        Files.writeString(Files.createDirectories(rootfs.resolve("real/data")).resolve("inside"), "image file");
        Files.createSymbolicLink(rootfs.resolve("srv/data"), Path.of("/real/data"));
        Files.createSymbolicLink(rootfs.resolve("evil"), outside);
        Volume v = store.create(VolumeCreateRequest.named(fx.prefix + "via"));
        assertTrue(store.copyUp(v.name(), rootfs, "/srv/data"));
        assertEquals("image file", Files.readString(v.mountpoint().resolve("inside")));

        Volume evil = store.create(VolumeCreateRequest.named(fx.prefix + "evil"));
        assertFalse(store.copyUp(evil.name(), rootfs, "/evil"), "the host directory must not be copied");
        try (var s = Files.list(evil.mountpoint())) {
            assertEquals(List.of(), s.toList());
        }
    }

    @Test
    void copyUpHappensOnlyIntoAnEmptyVolume_andOnlyOnce() throws Exception {
        imageDir();
        Volume full = store.create(VolumeCreateRequest.named(fx.prefix + "full"));
        Files.writeString(full.mountpoint().resolve("mine"), "user data");
        assertFalse(store.copyUp(full.name(), rootfs, "/var/lib/app"));
        assertFalse(Files.exists(full.mountpoint().resolve("app.conf")));

        Volume once = store.create(VolumeCreateRequest.named(fx.prefix + "once"));
        assertTrue(store.copyUp(once.name(), rootfs, "/var/lib/app"));
        try (var s = Files.list(once.mountpoint())) {
            for (Path p : s.toList()) {
                if (Files.isDirectory(p, NOFOLLOW)) {
                    try (var inner = Files.list(p)) {
                        for (Path q : inner.toList()) {
                            Files.delete(q);
                        }
                    }
                }
                Files.delete(p);
            }
        }
        assertFalse(store.copyUp(once.name(), rootfs, "/var/lib/app"), "a populated volume is not copied again");
        assertFalse(store.copyUp(once.name(), rootfs, "/nothing/here"));
    }

    @Test
    void copyUpIntoATmpfsVolumeMountsIt_andTheContainerSeesTheContent() throws Exception {
        imageDir();
        Volume v = store.create(new VolumeCreateRequest(fx.prefix + "tmpcopy", null,
                Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=5m"), Map.of()));
        Path data = store.acquire(v.name(), "c1");
        assertTrue(store.copyUp(v.name(), rootfs, "/var/lib/app"));
        assertEquals("port=8080\n", Files.readString(data.resolve("app.conf")));
        assertEquals("tmpfs", fx.fsType(data));
        store.release(v.name(), "c1");
        assertEquals(List.of(), fx.mountsUnder());
    }

    private static long attr(Path p, String name) throws Exception {
        return ((Number) Files.getAttribute(p, "unix:" + name, NOFOLLOW)).longValue();
    }
}
