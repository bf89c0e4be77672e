package io.berth.agent.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.agent.image.internal.fs.NativeFs;
import io.berth.agent.image.internal.layer.TarBuilder;
import io.berth.agent.image.internal.layer.TreeDelete;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Container root filesystems on real overlayfs, as root: whiteouts, opaque dirs, metadata, diff/commit/export. */
class RootFsIT {
    private static final NativeFs FS = new NativeFs();
    Path dataRoot;
    Images images;

    @BeforeEach
    void open() throws IOException {
        dataRoot = ImagesFixture.newDataRoot();
        images = Images.open(new ImagesConfig(dataRoot, ImageUsage.NONE, ReferenceNormalizer.DOCKER,
                Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC), 2));
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            for (RootFs r : images.rootfs().list()) {
                images.rootfs().remove(r.containerKey());
            }
            images.close();
        } finally {
            ImagesFixture.destroy(dataRoot);
        }
    }

    private Image base() throws IOException {
        byte[] tar = new TarBuilder().dir("d", 0755).file("d/a", "a").file("d/b", "b").file("gone", "bye")
                .file("keep", "kept").build();
        return images.archives().importImage(new ByteArrayInputStream(tar), NewImage.named("base:1"));
    }

    @Test
    void whenFilesAreDeletedAndDirsReplaced_thenDiffCommitAndANewMountAgree() throws Exception {
        Image base = base();
        RootFs c1 = images.rootfs().mount("c1", base.id());
        Path m = c1.merged();
        assertEquals("kept", Files.readString(m.resolve("keep")));
        Files.delete(m.resolve("gone"));
        TreeDelete.delete(m.resolve("d"));
        Files.createDirectory(m.resolve("d"));
        Files.writeString(m.resolve("d/c"), "c");
        Files.writeString(m.resolve("new"), "new");
        Files.writeString(m.resolve("keep"), "changed");

        assertEquals(List.of("C /d", "D /d/a", "D /d/b", "A /d/c", "D /gone", "C /keep", "A /new"),
                images.rootfs().diff("c1").stream().map(Change::toString).toList());

        Image committed = images.rootfs().commit("c1", new NewImage(List.of("CMD [\"sh\"]"), "me", "msg", "sh",
                List.of("committed:1")));
        assertEquals(2, committed.layers().size());
        List<String> names = layerEntries(committed.layers().get(1).digest());
        assertTrue(names.contains("d/.wh..wh..opq"), names.toString());
        assertTrue(names.contains(".wh.gone"), names.toString());
        assertEquals(names.stream().sorted().toList().size(), names.size());

        Image again = images.rootfs().commit("c1", NewImage.named("committed:2"));
        assertEquals(committed.layers().get(1).digest(), again.layers().get(1).digest(), "commit is deterministic");

        Path m2 = images.rootfs().mount("c2", committed.id()).merged();
        assertFalse(Files.exists(m2.resolve("gone"), LinkOption.NOFOLLOW_LINKS));
        try (var list = Files.list(m2.resolve("d"))) {
            assertEquals(List.of("c"), list.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals("changed", Files.readString(m2.resolve("keep")));
        assertEquals("new", Files.readString(m2.resolve("new")));
        assertEquals(List.of(), images.rootfs().diff("c2"));

        ByteArrayOutputStream export = new ByteArrayOutputStream();
        images.rootfs().export("c2", export);
        List<String> exported = entries(new ByteArrayInputStream(export.toByteArray()));
        assertEquals(List.of("d/", "d/c", "keep", "new"), exported);

        Image imported = images.archives().importImage(new ByteArrayInputStream(export.toByteArray()),
                NewImage.named("roundtrip"));
        Path m3 = images.rootfs().mount("c3", imported.id()).merged();
        assertEquals("changed", Files.readString(m3.resolve("keep")));
        assertEquals(List.of(), images.rootfs().diff("c3"));
    }

    @Test
    void whenLayerHasOwnersXattrsDevicesAndLinks_thenTheMergedViewKeepsThem() throws Exception {
        byte[] tar = new TarBuilder().dir("bin", 0755)
                .file("bin/tool", "#!/bin/sh\n", 04755, 1000, 2000, Map.of("user.berth", "yes"))
                .hardlink("bin/tool2", "bin/tool")
                .symlink("bin/link", "tool")
                .dir("dev", 0755)
                .device("dev/null", TarConstants.LF_CHR, 1, 3)
                .device("dev/fifo", TarConstants.LF_FIFO, 0, 0)
                .build();
        Image image = images.archives().importImage(new ByteArrayInputStream(tar), NewImage.named("meta"));
        Path m = images.rootfs().mount("meta", image.id()).merged();
        Path tool = m.resolve("bin/tool");
        assertEquals(1000, Files.getAttribute(tool, "unix:uid"));
        assertEquals(2000, Files.getAttribute(tool, "unix:gid"));
        assertEquals(04755, (int) Files.getAttribute(tool, "unix:mode") & 07777);
        assertArrayEquals("yes".getBytes(StandardCharsets.UTF_8), FS.lgetxattr(tool, "user.berth").orElseThrow());
        assertEquals(Files.getAttribute(tool, "unix:ino"), Files.getAttribute(m.resolve("bin/tool2"), "unix:ino"));
        assertEquals("tool", Files.readSymbolicLink(m.resolve("bin/link")).toString());
        int nullMode = (int) Files.getAttribute(m.resolve("dev/null"), "unix:mode", LinkOption.NOFOLLOW_LINKS);
        assertEquals(NativeFs.S_IFCHR, nullMode & 0170000);
        assertEquals((1L << 8) | 3, Files.getAttribute(m.resolve("dev/null"), "unix:rdev", LinkOption.NOFOLLOW_LINKS));
        int fifoMode = (int) Files.getAttribute(m.resolve("dev/fifo"), "unix:mode", LinkOption.NOFOLLOW_LINKS);
        assertEquals(NativeFs.S_IFIFO, fifoMode & 0170000);
        Files.writeString(m.resolve("dev/extra"), "x");
        assertEquals(List.of("C /dev", "A /dev/extra"), images.rootfs().diff("meta").stream().map(Change::toString).toList());
        Image committed = images.rootfs().commit("meta", NewImage.named("meta2"));
        assertEquals(List.of("dev/", "dev/extra"), layerEntries(committed.layers().get(1).digest()));
    }

    @Test
    void whenImageHasNoLayers_thenTheRootIsAnEmptyMount() throws Exception {
        Image image = images.archives().importImage(new ByteArrayInputStream(new TarBuilder().build()),
                NewImage.named("scratchy"));
        RootFs r = images.rootfs().mount("empty", image.id());
        assertTrue(r.mounted());
        images.rootfs().unmount("empty");
        assertFalse(images.rootfs().get("empty").orElseThrow().mounted());
        images.rootfs().remove("empty");
        assertTrue(images.rootfs().get("empty").isEmpty());
        assertFalse(Files.exists(r.upper()));
    }

    @Test
    void whenAContainerRootExists_thenItsSnapshotsOutliveAForcedRmi() throws Exception {
        Image base = base();
        Path m = images.rootfs().mount("c1", base.id()).merged();
        images.store().remove("base:1", true);
        assertEquals("kept", Files.readString(m.resolve("keep")));
        images.rootfs().unmount("c1");
        images.rootfs().mount("c1", base.id());
        assertEquals("kept", Files.readString(m.resolve("keep")));
        images.rootfs().remove("c1");
        try (var s = Files.list(dataRoot.resolve("snapshots"))) {
            assertEquals(0, s.count(), "the snapshot goes with the last user");
        }
    }

    private List<String> layerEntries(Digest blob) throws IOException {
        try (InputStream in = new GZIPInputStream(images.content().open(blob))) {
            return entries(in);
        }
    }

    private static List<String> entries(InputStream in) throws IOException {
        List<String> names = new ArrayList<>();
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
            names.add(e.getName());
        }
        return names;
    }
}
