package io.berth.volumes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OciMountConverterTest {
    private final OciMountConverter rro = new OciMountConverter(true);
    private final OciMountConverter plain = new OciMountConverter(false);
    private final MountSpecParser parser = new MountSpecParser();

    @Test
    void bindDefaultsToRbindRprivate() {
        OciMount m = rro.bind((BindMount) parser.parseVolume("/src:/dst"));
        assertEquals(new OciMount("/dst", "bind", "/src", List.of("rbind", "rprivate")), m);
    }

    @Test
    void readOnlyBindIsRecursivelyReadOnlyWhereTheRuntimeCan() {
        assertEquals(List.of("rbind", "rro", "rshared"),
                rro.bind((BindMount) parser.parseVolume("/src:/dst:ro,rshared")).options());
        assertEquals(List.of("rbind", "ro", "rshared"),
                plain.bind((BindMount) parser.parseVolume("/src:/dst:ro,rshared")).options());
    }

    @Test
    void bindRecursionChoosesBindAndRo() {
        BindMount disabled = new BindMount("/s", "/d", true, Propagation.PRIVATE, BindMount.Recursion.DISABLED, false);
        assertEquals(List.of("bind", "rro", "private"), rro.bind(disabled).options());
        BindMount writable = new BindMount("/s", "/d", true, Propagation.RPRIVATE, BindMount.Recursion.WRITABLE, false);
        assertEquals(List.of("rbind", "ro", "rprivate"), rro.bind(writable).options());
        BindMount forced = new BindMount("/s", "/d", true, Propagation.RPRIVATE, BindMount.Recursion.READONLY, false);
        assertEquals(List.of("rbind", "rro", "rprivate"), rro.bind(forced).options());
        BerthException e = assertThrows(BerthException.class, () -> plain.bind(forced));
        assertEquals(ErrorCategory.FAILED_PRECONDITION, e.category());
    }

    @Test
    void volumeIsAnRbindOfItsDataWithoutPropagation() {
        VolumeMount v = (VolumeMount) parser.parseVolume("data:/var/lib/data:ro");
        assertEquals(new OciMount("/var/lib/data", "bind", "/b/volumes/data/_data", List.of("rbind", "rro")),
                rro.volume(v, Path.of("/b/volumes/data/_data")));
        VolumeMount rw = (VolumeMount) parser.parseVolume("data:/d");
        assertEquals(List.of("rbind"), plain.volume(rw, Path.of("/x")).options());
    }

    @Test
    void tmpfsGetsDockersDefaultsAndNoSizeLimit() {
        OciMount m = rro.tmpfs(parser.parseTmpfs("/run"));
        assertEquals(new OciMount("/run", "tmpfs", "tmpfs", List.of("noexec", "nosuid", "nodev", "rprivate")), m);
    }

    @Test
    void tmpfsUserOptionsOverrideDefaults() {
        OciMount m = rro.tmpfs(parser.parseTmpfs("/run:exec,size=64m,mode=1777,ro,size=32m"));
        assertEquals(List.of("nosuid", "nodev", "rprivate", "exec", "mode=1777", "ro", "size=32m"), m.options());
        OciMount fromMount = rro.tmpfs((TmpfsMount) parser.parseMount("type=tmpfs,dst=/t,tmpfs-size=1m,tmpfs-mode=700"));
        assertEquals(List.of("noexec", "nosuid", "nodev", "rprivate", "mode=700", "size=1m"), fromMount.options());
    }

    @Test
    void sortedPutsParentsFirstAndKeepsOrderOtherwise() {
        List<OciMount> in = List.of(new OciMount("/a/b/c", "bind", "/1", List.of()),
                new OciMount("/z", "bind", "/2", List.of()), new OciMount("/a", "bind", "/3", List.of()),
                new OciMount("/a/b", "tmpfs", "tmpfs", List.of()));
        assertEquals(List.of("/z", "/a", "/a/b", "/a/b/c"),
                OciMountConverter.sorted(in).stream().map(OciMount::destination).toList());
    }

    @Test
    void volumeOptionsRecordIsImmutable() {
        VolumeOptions o = new VolumeOptions("local", new java.util.HashMap<>(Map.of("a", "b")), Map.of(), false, "");
        assertThrows(UnsupportedOperationException.class, () -> o.driverOptions().put("x", "y"));
    }
}
