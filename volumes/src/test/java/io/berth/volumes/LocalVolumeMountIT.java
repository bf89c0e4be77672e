package io.berth.volumes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Local volumes with mount options against the real kernel (root): mount on first use, unmount after the last. */
class LocalVolumeMountIT {
    private KernelFixture fx;
    private Path dataRoot;
    private VolumeStore store;
    private final java.util.Map<String, List<String>> refs = new java.util.HashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        fx = new KernelFixture();
        dataRoot = Files.createDirectory(fx.base.resolve("root"));
        store = open();
    }

    private VolumeStore open() {
        return VolumeStore.local(dataRoot, name -> refs.getOrDefault(name, List.of()), Clock.systemUTC(),
                new SplittableRandom());
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.close();
    }

    private Volume tmpfsVolume(String name) {
        return store.create(new VolumeCreateRequest(fx.prefix + name, null,
                Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=10m,uid=1000,mode=0750"), Map.of()));
    }

    @Test
    void tmpfsVolumeIsMountedWhileUsed_andUnmountedAfterTheLastUser() throws Exception {
        Volume v = tmpfsVolume("tmp");
        assertNull(fx.fsType(v.mountpoint()));
        Path path = store.acquire(v.name(), "c1");
        assertEquals(v.mountpoint(), path);
        assertEquals("tmpfs", fx.fsType(path));
        assertEquals(1000, Files.getAttribute(path, "unix:uid"));
        assertEquals(0750, (Integer) Files.getAttribute(path, "unix:mode") & 07777);
        Files.writeString(path.resolve("shared"), "from c1");
        store.acquire(v.name(), "c2");
        assertEquals(1, fx.mountsUnder().size());
        store.release(v.name(), "c1");
        assertEquals("tmpfs", fx.fsType(path));
        assertEquals("from c1", Files.readString(path.resolve("shared")));
        store.release(v.name(), "c2");
        assertNull(fx.fsType(path));
        assertFalse(Files.exists(path.resolve("shared")));
    }

    @Test
    void bindTypeVolumeShowsTheDeviceDirectory_andItsDataOutlivesTheVolume() throws Exception {
        Path device = Files.createDirectory(fx.base.resolve("device"));
        Files.writeString(device.resolve("existing"), "on the host");
        Volume v = store.create(new VolumeCreateRequest(fx.prefix + "bind", null,
                Map.of("type", "none", "o", "bind", "device", device.toString()), Map.of("k", "v")));
        Path path = store.acquire(v.name(), "c1");
        assertEquals("on the host", Files.readString(path.resolve("existing")));
        Files.writeString(path.resolve("written"), "by the container");
        store.release(v.name(), "c1");
        assertNull(fx.fsType(path));
        store.remove(v.name(), false);
        assertEquals("by the container", Files.readString(device.resolve("written")));
        assertEquals("on the host", Files.readString(device.resolve("existing")));
    }

    @Test
    void readOnlyBindTypeVolumeIsRemountedReadOnly() throws Exception {
        Path device = Files.createDirectory(fx.base.resolve("rodevice"));
        Volume v = store.create(new VolumeCreateRequest(fx.prefix + "robind", null,
                Map.of("type", "none", "o", "bind,ro", "device", device.toString()), Map.of()));
        Path path = store.acquire(v.name(), "c1");
        assertThrows(java.nio.file.FileSystemException.class, () -> Files.writeString(path.resolve("x"), "no"));
        store.release(v.name(), "c1");
    }

    @Test
    void aBadDeviceFailsClearly_andLeavesNothingMounted() throws Exception {
        Volume v = store.create(new VolumeCreateRequest(fx.prefix + "bad", null,
                Map.of("type", "none", "o", "bind", "device", fx.base.resolve("missing").toString()), Map.of()));
        BerthException e = assertThrows(BerthException.class, () -> store.acquire(v.name(), "c1"));
        assertEquals(ErrorCategory.FAILED_PRECONDITION, e.category());
        assertTrue(e.getMessage().contains("failed to mount local volume"), e.getMessage());
        assertEquals(List.of(), fx.mountsUnder());
        assertEquals(Set.of(), store.activeUsers(v.name()));
    }

    @Test
    void inUseVolumeCannotBeRemoved_untilReleased() throws Exception {
        Volume v = tmpfsVolume("busy");
        store.acquire(v.name(), "c1");
        BerthException e = assertThrows(BerthException.class, () -> store.remove(v.name(), true));
        assertEquals(ErrorCategory.CONFLICT, e.category());
        assertTrue(e.getMessage().contains("[c1]"), e.getMessage());
        assertEquals("tmpfs", fx.fsType(v.mountpoint()));
        store.release(v.name(), "c1");
        store.remove(v.name(), false);
        assertFalse(Files.exists(v.mountpoint().getParent(), LinkOption.NOFOLLOW_LINKS));
        assertEquals(List.of(), fx.mountsUnder());
    }

    @Test
    void usersSurviveARestart_andTheLastReleaseAfterItUnmounts() throws Exception {
        Volume v = tmpfsVolume("restart");
        store.acquire(v.name(), "c1");
        store.acquire(v.name(), "c2");
        VolumeStore restarted = open();
        assertEquals(Set.of("c1", "c2"), restarted.activeUsers(v.name()));
        restarted.retainUsers(Set.of("c2", "c3"));
        assertEquals(Set.of("c2"), restarted.activeUsers(v.name()));
        assertEquals("tmpfs", fx.fsType(v.mountpoint()));
        restarted.acquire(v.name(), "c4");
        assertEquals(1, fx.mountsUnder().size(), "acquire after a restart must not mount twice");
        restarted.release(v.name(), "c2");
        restarted.release(v.name(), "c4");
        assertNull(fx.fsType(v.mountpoint()));
    }

    @Test
    void aMountNobodyHoldsIsUnmountedAtOpen() throws Exception {
        Volume v = tmpfsVolume("orphan");
        store.acquire(v.name(), "c1");
        store.retainUsers(Set.of("c1")); // nothing changes
        Path meta = v.mountpoint().resolveSibling("volume.json");
        Files.writeString(meta, Files.readString(meta).replace("\"c1\"", "").replace("[ ]", "[]"));
        open();
        assertNull(fx.fsType(v.mountpoint()));
    }

    @Test
    void pruneLeavesMountOptionVolumesAndUsedOnes() throws Exception {
        Volume t = tmpfsVolume("keepopts");
        Volume used = store.create(VolumeCreateRequest.named(fx.prefix + "used"));
        Volume unused = store.create(VolumeCreateRequest.named(fx.prefix + "unused"));
        refs.put(used.name(), List.of("c7"));
        PruneReport r = store.prune(Map.of("all", List.of("true")));
        assertEquals(List.of(unused.name()), r.volumesDeleted());
        assertEquals(Set.of(t.name(), used.name()),
                Set.copyOf(store.list(Map.of()).stream().map(Volume::name).toList()));
    }

    @Test
    void dataOfAPlainVolumeSurvivesItsUsers() throws Exception {
        Volume v = store.create(VolumeCreateRequest.named(fx.prefix + "plain"));
        Files.writeString(store.acquire(v.name(), "c1").resolve("db"), "rows");
        store.release(v.name(), "c1");
        VolumeStore restarted = open();
        assertEquals("rows", Files.readString(restarted.acquire(v.name(), "c2").resolve("db")));
        restarted.release(v.name(), "c2");
    }
    @Test
    void concurrentUsersShareOneMount() throws Exception {
        Volume v = tmpfsVolume("many");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String id = "c" + i;
                results.add(pool.submit(() -> {
                    Path p = store.acquire(v.name(), id);
                    try {
                        Files.writeString(p.resolve(id), id);
                        return fx.mountsUnder().size();
                    } finally {
                        store.release(v.name(), id);
                    }
                }));
            }
            for (var r : results) {
                assertEquals(1, r.get(), "one mount while in use, however many users");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Set.of(), store.activeUsers(v.name()));
        assertEquals(List.of(), fx.mountsUnder());
    }
}
