package io.berth.volumes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store on plain volumes (no mount options): files only, so no root needed. */
class VolumeStoreTest {
    @TempDir
    Path dataRoot;

    private final Map<String, List<String>> users = new HashMap<>();
    private final VolumeUsage usage = name -> users.getOrDefault(name, List.of());
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07.891Z"), ZoneId.of("UTC"));
    private VolumeStore store;

    @BeforeEach
    void open() {
        store = VolumeStore.local(dataRoot, usage, clock, new SplittableRandom(7));
    }

    @Test
    void createMakesTheDockerLayout() throws Exception {
        Volume v = store.create(new VolumeCreateRequest("web-data", "local", Map.of(), Map.of("app", "web")));
        assertEquals(dataRoot.resolve("volumes/web-data/_data"), v.mountpoint());
        assertTrue(Files.isDirectory(v.mountpoint()));
        assertTrue(Files.isRegularFile(dataRoot.resolve("volumes/web-data/volume.json")));
        assertEquals("rwxr-xr-x", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(v.mountpoint())));
        assertEquals(Instant.parse("2026-03-04T05:06:07.891Z"), v.createdAt());
        assertFalse(v.anonymous());
    }

    @Test
    void inspectJsonHasDockersFields() throws Exception {
        store.create(new VolumeCreateRequest("web-data", null, Map.of(), Map.of("app", "web")));
        Files.writeString(store.inspect("web-data").mountpoint().resolve("f"), "12345");
        users.put("web-data", List.of("c1"));
        String json = new ObjectMapper().writeValueAsString(store.inspectJson("web-data", true));
        assertEquals("{\"CreatedAt\":\"2026-03-04T05:06:07Z\",\"Driver\":\"local\",\"Labels\":{\"app\":\"web\"},"
                + "\"Mountpoint\":\"" + dataRoot.resolve("volumes/web-data/_data") + "\",\"Name\":\"web-data\","
                + "\"Options\":null,\"Scope\":\"local\",\"UsageData\":{\"Size\":5,\"RefCount\":1}}", json);
        String without = new ObjectMapper().writeValueAsString(store.inspectJson("web-data", false));
        assertFalse(without.contains("UsageData"), without);
    }

    @Test
    void anonymousVolumeGetsA64HexNameAndTheLabel() {
        Volume v = store.create(new VolumeCreateRequest(null, null, Map.of(), Map.of()));
        assertTrue(v.name().matches("[0-9a-f]{64}"), v.name());
        assertTrue(v.anonymous());
        assertEquals(Map.of(Volume.ANONYMOUS_LABEL, ""), v.labels());
    }

    @Test
    void badNamesAndDriversAndOptionsAreInvalid() {
        assertCategory(ErrorCategory.INVALID_ARGUMENT, () -> store.create(VolumeCreateRequest.named("a")));
        assertCategory(ErrorCategory.INVALID_ARGUMENT, () -> store.create(VolumeCreateRequest.named("../x")));
        assertCategory(ErrorCategory.INVALID_ARGUMENT, () -> store.create(VolumeCreateRequest.named("-ab")));
        BerthException driver = assertCategory(ErrorCategory.INVALID_ARGUMENT,
                () -> store.create(new VolumeCreateRequest("ok1", "nfs-plugin", Map.of(), Map.of())));
        assertTrue(driver.getMessage().contains("\"nfs-plugin\""), driver.getMessage());
        BerthException opt = assertCategory(ErrorCategory.INVALID_ARGUMENT,
                () -> store.create(new VolumeCreateRequest("ok1", null, Map.of("colour", "red"), Map.of())));
        assertTrue(opt.getMessage().contains("invalid option: \"colour\""), opt.getMessage());
        BerthException missing = assertCategory(ErrorCategory.INVALID_ARGUMENT,
                () -> store.create(new VolumeCreateRequest("ok1", null, Map.of("o", "size=1m"), Map.of())));
        assertTrue(missing.getMessage().contains("missing required option: \"device\""), missing.getMessage());
        assertCategory(ErrorCategory.INVALID_ARGUMENT,
                () -> store.create(new VolumeCreateRequest("ok1", null, Map.of("type", "tmpfs"), Map.of())));
        assertCategory(ErrorCategory.INVALID_ARGUMENT,
                () -> store.create(new VolumeCreateRequest("ok1", null, Map.of("size", "1g"), Map.of())));
        assertEquals(List.of(), store.list(Map.of()));
    }

    @Test
    void createOfAnExistingNameWithTheSameOptionsReturnsIt_otherOptionsAreRefused() {
        Map<String, String> opts = Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=1m");
        Volume first = store.create(new VolumeCreateRequest("same", null, opts, Map.of("a", "1")));
        Volume again = store.create(new VolumeCreateRequest("same", "local", opts, Map.of("b", "2")));
        assertSame(first, again);
        assertEquals(Map.of("a", "1"), again.labels());
        BerthException e = assertCategory(ErrorCategory.ALREADY_EXISTS, () -> store.create(
                new VolumeCreateRequest("same", null, Map.of("type", "tmpfs", "device", "tmpfs"), Map.of())));
        assertTrue(e.getMessage().contains("already exists with other options"), e.getMessage());
    }

    @Test
    void listFilters() {
        store.create(new VolumeCreateRequest("alpha", null, Map.of(), Map.of("tier", "db", "keep", "")));
        store.create(new VolumeCreateRequest("beta", null, Map.of(), Map.of("tier", "web")));
        store.create(VolumeCreateRequest.named("gamma"));
        users.put("beta", List.of("c1"));
        assertEquals(List.of("alpha", "beta", "gamma"), names(store.list(Map.of())));
        assertEquals(List.of("alpha", "gamma"), names(store.list(Map.of("dangling", List.of("true")))));
        assertEquals(List.of("beta"), names(store.list(Map.of("dangling", List.of("0")))));
        assertEquals(List.of("alpha", "gamma"), names(store.list(Map.of("name", List.of("^g", "lph")))));
        assertEquals(List.of("beta"), names(store.list(Map.of("name", List.of("bet")))));
        assertEquals(List.of("alpha", "beta"), names(store.list(Map.of("label", List.of("tier")))));
        assertEquals(List.of("alpha"), names(store.list(Map.of("label", List.of("tier=db", "keep")))));
        assertEquals(List.of("alpha", "beta", "gamma"), names(store.list(Map.of("driver", List.of("local")))));
        assertEquals(List.of(), names(store.list(Map.of("driver", List.of("other")))));
        assertCategory(ErrorCategory.INVALID_ARGUMENT, () -> store.list(Map.of("colour", List.of("x"))));
        assertCategory(ErrorCategory.INVALID_ARGUMENT, () -> store.list(Map.of("dangling", List.of("maybe"))));
        assertCategory(ErrorCategory.INVALID_ARGUMENT,
                () -> store.list(Map.of("dangling", List.of("true", "false"))));
    }

    @Test
    void removeRefusesAVolumeInUseEvenWithForce() {
        store.create(VolumeCreateRequest.named("busy"));
        users.put("busy", List.of("c2", "c1"));
        for (boolean force : new boolean[] {false, true}) {
            BerthException e = assertCategory(ErrorCategory.CONFLICT, () -> store.remove("busy", force));
            assertTrue(e.getMessage().startsWith("remove busy: volume is in use - [c1, c2]"), e.getMessage());
        }
        users.clear();
        store.acquire("busy", "c9");
        assertCategory(ErrorCategory.CONFLICT, () -> store.remove("busy", false));
        store.release("busy", "c9");
        store.remove("busy", false);
        assertFalse(Files.exists(dataRoot.resolve("volumes/busy")));
    }

    @Test
    void removeOfAMissingVolumeIsNotFoundUnlessForced() {
        BerthException e = assertCategory(ErrorCategory.NOT_FOUND, () -> store.remove("nope", false));
        assertEquals("get nope: no such volume", e.getMessage());
        store.remove("nope", true);
        assertCategory(ErrorCategory.NOT_FOUND, () -> store.inspect("nope"));
        assertCategory(ErrorCategory.NOT_FOUND, () -> store.acquire("nope", "c1"));
    }

    @Test
    void removeDeletesDataButNotWhatSymlinksPointAt() throws Exception {
        Path outside = Files.writeString(dataRoot.resolve("outside.txt"), "keep me");
        Volume v = store.create(VolumeCreateRequest.named("links"));
        Files.createSymbolicLink(v.mountpoint().resolve("link"), outside);
        Files.createDirectories(v.mountpoint().resolve("a/b"));
        store.remove("links", false);
        assertEquals("keep me", Files.readString(outside));
    }

    @Test
    void pruneRemovesUnusedAnonymousVolumesOnlyUnlessAll() throws Exception {
        Volume anon = store.create(new VolumeCreateRequest(null, null, Map.of(), Map.of()));
        Files.write(anon.mountpoint().resolve("blob"), new byte[1000]);
        Volume usedAnon = store.create(new VolumeCreateRequest(null, null, Map.of(), Map.of()));
        users.put(usedAnon.name(), List.of("c1"));
        store.create(VolumeCreateRequest.named("named1"));
        store.create(new VolumeCreateRequest("named2", null, Map.of(), Map.of("keep", "yes")));
        store.create(new VolumeCreateRequest("mounted", null, Map.of("type", "tmpfs", "device", "tmpfs"), Map.of()));

        PruneReport first = store.prune(Map.of());
        assertEquals(List.of(anon.name()), first.volumesDeleted());
        assertEquals(1000, first.spaceReclaimed());

        PruneReport labelled = store.prune(Map.of("all", List.of("true"), "label!", List.of("keep=yes")));
        assertEquals(List.of("named1"), labelled.volumesDeleted());
        PruneReport rest = store.prune(Map.of("all", List.of("1")));
        assertEquals(List.of("named2"), rest.volumesDeleted());
        assertEquals(Set.of(usedAnon.name(), "mounted"), Set.copyOf(names(store.list(Map.of()))));
        assertCategory(ErrorCategory.INVALID_ARGUMENT, () -> store.prune(Map.of("dangling", List.of("true"))));
    }

    @Test
    void aReopenedStoreHasTheSameVolumes_andCleansInterruptedWork() throws Exception {
        store.create(new VolumeCreateRequest("kept", null, Map.of(), Map.of("x", "y")));
        Files.writeString(store.inspect("kept").mountpoint().resolve("data"), "survives");
        Path halfMade = Files.createDirectories(dataRoot.resolve("volumes/half"));
        Path halfRemoved = Files.createDirectories(dataRoot.resolve("volumes/.removing-old-1/_data"));
        Path foreign = Files.createDirectories(dataRoot.resolve("volumes/from-docker/_data"));
        Files.writeString(foreign.resolve("f"), "docker's");

        VolumeStore reopened = VolumeStore.local(dataRoot, usage, clock, new SplittableRandom(1));
        assertEquals(List.of("from-docker", "kept"), names(reopened.list(Map.of())));
        assertEquals(Map.of("x", "y"), reopened.inspect("kept").labels());
        assertEquals("survives", Files.readString(reopened.inspect("kept").mountpoint().resolve("data")));
        assertFalse(Files.exists(halfMade));
        assertFalse(Files.exists(halfRemoved.getParent()));
    }

    @Test
    void acquireOfAPlainVolumeIsItsDataDirectory_andCountsAsUse() {
        Volume v = store.create(VolumeCreateRequest.named("plain"));
        assertEquals(v.mountpoint(), store.acquire("plain", "c1"));
        assertEquals(v.mountpoint(), store.acquire("plain", "c1"));
        assertEquals(Set.of("c1"), store.activeUsers("plain"));
        assertEquals(1, store.usage("plain").refCount());
        store.retainUsers(Set.of());
        assertEquals(Set.of(), store.activeUsers("plain"));
        store.release("plain", "c-never");
        store.release("gone", "c1");
    }

    private static List<String> names(List<Volume> volumes) {
        return volumes.stream().map(Volume::name).toList();
    }

    private static BerthException assertCategory(ErrorCategory category, org.junit.jupiter.api.function.Executable e) {
        BerthException ex = assertThrows(BerthException.class, e);
        assertEquals(category, ex.category(), ex.getMessage());
        return ex;
    }
}
