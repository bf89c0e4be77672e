package io.berth.agent.image.internal.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.agent.image.Digest;
import io.berth.agent.image.internal.fs.NativeFs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerUnpackerTest {
    private static final NativeFs FS = new NativeFs();
    @TempDir
    Path temp;
    Path target;
    Path outside;

    @BeforeEach
    void dirs() throws IOException {
        target = Files.createDirectory(temp.resolve("target"));
        outside = Files.createDirectory(temp.resolve("outside"));
    }

    private LayerUnpacker.Result unpack(byte[] tar) throws IOException {
        return new LayerUnpacker(FS).unpack(new ByteArrayInputStream(tar), target);
    }

    @Test
    void whenLayerIsPlainOrGzip_thenDiffIdIsTheDigestOfTheTar() throws IOException {
        byte[] tar = new TarBuilder().dir("etc", 0755).file("etc/hostname", "box\n").build();
        assertEquals(Digest.sha256(tar), unpack(tar).diffId());
        Files.delete(target.resolve("etc/hostname"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(tar);
        }
        LayerUnpacker.Result result = unpack(gz.toByteArray());
        assertEquals(Digest.sha256(tar), result.diffId());
        assertEquals(tar.length, result.size());
        assertEquals("box\n", Files.readString(target.resolve("etc/hostname")));
        assertEquals(4, result.contentSize());
    }

    @Test
    void whenNameIsAbsolute_thenItLandsInsideTheTarget() throws IOException {
        unpack(new TarBuilder().file(outside + "/abs", "x").build());
        assertFalse(Files.exists(outside.resolve("abs")));
        assertTrue(Files.exists(target.resolve(outside.toString().substring(1)).resolve("abs")));
    }

    @Test
    void whenNameClimbsWithDotDot_thenItStopsAtTheTarget() throws IOException {
        unpack(new TarBuilder().file("../outside/dotdot", "x").file("a/../../../outside/dotdot2", "y").build());
        assertFalse(Files.exists(outside.resolve("dotdot")));
        assertFalse(Files.exists(outside.resolve("dotdot2")));
        assertEquals("x", Files.readString(target.resolve("outside/dotdot")));
        assertEquals("y", Files.readString(target.resolve("outside/dotdot2")));
    }

    @Test
    void whenParentIsASymlinkToAnAbsolutePathOutside_thenTheWriteStaysInside() throws IOException {
        unpack(new TarBuilder().symlink("evil", outside.toString()).file("evil/pwned", "x").build());
        assertFalse(Files.exists(outside.resolve("pwned")));
        assertTrue(Files.isSymbolicLink(target.resolve("evil")));
        assertEquals("x", Files.readString(target.resolve(outside.toString().substring(1)).resolve("pwned")));
    }

    @Test
    void whenParentIsARelativeSymlinkClimbingOut_thenTheWriteStaysInside() throws IOException {
        unpack(new TarBuilder().dir("d", 0755).symlink("d/up", "../../../outside")
                .file("d/up/pwned", "x").build());
        assertFalse(Files.exists(outside.resolve("pwned")));
        assertEquals("x", Files.readString(target.resolve("outside/pwned")));
    }

    @Test
    void whenEntryReplacesASymlink_thenTheLinkIsReplacedNotFollowed() throws IOException {
        Files.writeString(outside.resolve("victim"), "safe");
        unpack(new TarBuilder().symlink("f", outside.resolve("victim").toString()).file("f", "overwritten").build());
        assertEquals("safe", Files.readString(outside.resolve("victim")));
        assertFalse(Files.isSymbolicLink(target.resolve("f")));
        assertEquals("overwritten", Files.readString(target.resolve("f")));
    }

    @Test
    void whenHardlinkPointsOutside_thenItIsConfinedToTheTarget() throws IOException {
        Files.writeString(outside.resolve("secret"), "secret");
        IOException e = assertThrows(IOException.class,
                () -> unpack(new TarBuilder().hardlink("link", "../outside/secret").build()));
        assertTrue(e.getMessage().contains("not in the layer"), e.getMessage());
        assertFalse(Files.exists(target.resolve("link")));
    }

    @Test
    void whenHardlinkGoesThroughASymlinkOut_thenItIsRefused() throws IOException {
        Files.writeString(outside.resolve("secret"), "secret");
        assertThrows(IOException.class, () -> unpack(new TarBuilder()
                .symlink("out", outside.toString()).hardlink("link", "out/secret").build()));
        assertFalse(Files.exists(target.resolve("link")));
    }

    @Test
    void whenHardlinkNamesALaterEntry_thenItIsRefused() throws IOException {
        assertThrows(IOException.class,
                () -> unpack(new TarBuilder().hardlink("link", "later").file("later", "x").build()));
    }

    @Test
    void whenHardlinkNamesAnEarlierFile_thenBothShareTheInode() throws IOException {
        unpack(new TarBuilder().file("a", "same").hardlink("b", "a").build());
        assertEquals(Files.getAttribute(target.resolve("a"), "unix:ino"),
                Files.getAttribute(target.resolve("b"), "unix:ino"));
    }

    @Test
    void whenEntriesHaveModes_thenModesAndTimesAreKept() throws IOException {
        unpack(new TarBuilder().dir("ro", 0555).file("ro/tool", "#!/bin/sh\n", 04755, 0, 0, java.util.Map.of())
                .symlink("ro/link", "tool").build());
        assertEquals(04755, (int) Files.getAttribute(target.resolve("ro/tool"), "unix:mode") & 07777);
        assertEquals("r-xr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("ro"))));
        assertEquals(java.time.Instant.parse("2024-02-03T04:05:06Z"),
                Files.getLastModifiedTime(target.resolve("ro"), LinkOption.NOFOLLOW_LINKS).toInstant());
        assertEquals(java.time.Instant.parse("2024-02-03T04:05:06Z"),
                Files.getLastModifiedTime(target.resolve("ro/link"), LinkOption.NOFOLLOW_LINKS).toInstant());
        assertEquals("tool", Files.readSymbolicLink(target.resolve("ro/link")).toString());
    }

    @Test
    void whenLayerIsBzip2_thenTheErrorSaysWhichCompressionsWork() {
        var e = assertThrows(io.berth.compose.BerthException.class,
                () -> unpack(new byte[] {'B', 'Z', 'h', '9', 0, 0}));
        assertTrue(e.getMessage().contains("gzip, zstd"), e.getMessage());
    }
}
