package io.berth.volumes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.compose.BerthException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container-side flow on plain volumes and binds (no mount options: no root needed). */
class ContainerMountsTest {
    @TempDir
    Path dataRoot;
    @TempDir
    Path host;

    private VolumeStore store;
    private ContainerMounts mounts;
    private final MountSpecParser parser = new MountSpecParser();

    @BeforeEach
    void open() {
        store = VolumeStore.local(dataRoot, VolumeUsage.NONE, Clock.systemUTC(), new SplittableRandom(3));
        mounts = new ContainerMounts(store, new OciMountConverter(true));
    }

    @Test
    void resolveAddsImageVolumesNotCoveredAndNamesAnonymousOnes() {
        List<MountRequest> requests = parser.parseAll(List.of("db1:/var/lib/db", "/cache"), List.of(), List.of());
        List<MountRequest> resolved = mounts.resolve(requests, List.of("/var/lib/db/", "/logs"));
        assertEquals(List.of("/var/lib/db", "/cache", "/logs"), resolved.stream().map(MountRequest::target).toList());
        assertEquals("db1", ((VolumeMount) resolved.get(0)).name());
        VolumeMount cache = (VolumeMount) resolved.get(1);
        VolumeMount logs = (VolumeMount) resolved.get(2);
        assertTrue(cache.anonymous() && logs.anonymous());
        assertNotNull(store.inspect(cache.name()));
        assertTrue(store.inspect(logs.name()).anonymous());
        assertEquals(3, store.list(Map.of()).size());
    }

    @Test
    void resolveUndoesAnonymousVolumesWhenALaterOneFails() {
        store.create(new VolumeCreateRequest("taken", null, Map.of("type", "tmpfs", "device", "tmpfs"), Map.of()));
        List<MountRequest> requests = List.of(VolumeMount.anonymous("/a"), parser.parseMount(
                "type=volume,src=taken,dst=/b,volume-opt=type=tmpfs,volume-opt=device=tmpfs,volume-opt=o=size=1m"));
        assertThrows(BerthException.class, () -> mounts.resolve(requests, List.of()));
        assertEquals(List.of("taken"), store.list(Map.of()).stream().map(Volume::name).toList());
    }

    @Test
    void mountGivesSortedOciEntriesAndCreatesMissingVolumeBindSources() {
        Path missing = host.resolve("made/by/start");
        List<MountRequest> resolved = mounts.resolve(parser.parseAll(
                List.of(missing + ":/srv/www/static:ro", "web:/srv/www"), List.of(), List.of("/run:size=1m")),
                List.of());
        List<OciMount> oci = mounts.mount("c1", resolved);
        assertTrue(Files.isDirectory(missing));
        assertEquals(List.of("/run", "/srv/www", "/srv/www/static"), oci.stream().map(OciMount::destination).toList());
        assertEquals(new OciMount("/srv/www", "bind", store.inspect("web").mountpoint().toString(), List.of("rbind")),
                oci.get(1));
        assertEquals(List.of("rbind", "rro", "rprivate"), oci.get(2).options());
        assertEquals(Set.of("c1"), store.activeUsers("web"));
        mounts.unmount("c1", resolved);
        assertEquals(Set.of(), store.activeUsers("web"));
    }

    @Test
    void mountReleasesWhatItAcquiredWhenABindSourceVanished() throws Exception {
        Path src = Files.createDirectory(host.resolve("src"));
        List<MountRequest> resolved = mounts.resolve(List.of(parser.parseVolume("v1:/a"),
                parser.parseMount("type=bind,src=" + src + ",dst=/b")), List.of());
        Files.delete(src);
        BerthException e = assertThrows(BerthException.class, () -> mounts.mount("c1", resolved));
        assertTrue(e.getMessage().contains("bind source path does not exist"), e.getMessage());
        assertEquals(Set.of(), store.activeUsers("v1"));
    }

    @Test
    void volumeSubpathMustExistInTheVolume() throws Exception {
        List<MountRequest> resolved = mounts.resolve(List.of(
                parser.parseMount("type=volume,src=v2,dst=/a,volume-subpath=sub/dir")), List.of());
        assertThrows(BerthException.class, () -> mounts.mount("c1", resolved));
        assertEquals(Set.of(), store.activeUsers("v2"));
        Files.createDirectories(store.inspect("v2").mountpoint().resolve("sub/dir"));
        OciMount m = mounts.mount("c1", resolved).getFirst();
        assertEquals(store.inspect("v2").mountpoint().resolve("sub/dir").toString(), m.source());
    }

    @Test
    void removeAnonymousKeepsNamedVolumesAndData() throws Exception {
        List<MountRequest> resolved = mounts.resolve(parser.parseAll(List.of("keep1:/k", "/anon"), List.of(),
                List.of()), List.of());
        Files.writeString(store.acquire("keep1", "c1").resolve("note"), "still here");
        store.release("keep1", "c1");
        List<String> removed = mounts.removeAnonymous(resolved);
        assertEquals(List.of(((VolumeMount) resolved.get(1)).name()), removed);
        assertEquals("still here", Files.readString(store.inspect("keep1").mountpoint().resolve("note")));
        assertFalse(store.list(Map.of()).stream().anyMatch(Volume::anonymous));
    }

    @Test
    void populateSkipsNocopy() throws Exception {
        Path rootfs = Files.createDirectories(host.resolve("rootfs/etc/app"));
        Files.writeString(rootfs.resolve("conf"), "x=1");
        List<MountRequest> resolved = mounts.resolve(parser.parseAll(List.of("cfg1:/etc/app", "cfg2:/etc/app2:nocopy"),
                List.of("type=volume,src=cfg3,dst=/etc/other"), List.of()), List.of());
        assertInstanceOf(VolumeMount.class, resolved.get(1));
        assertEquals(List.of("cfg1"), mounts.populate(resolved, host.resolve("rootfs")));
        assertEquals("x=1", Files.readString(store.inspect("cfg1").mountpoint().resolve("conf")));
    }
}
