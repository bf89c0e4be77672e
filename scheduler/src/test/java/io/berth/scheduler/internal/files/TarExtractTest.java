package io.berth.scheduler.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.compose.BerthException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction into a root: nothing leaves it; a round trip through {@link TarExport} keeps files and links. */
class TarExtractTest {
    @TempDir
    Path dir;

    private final TarExtract.Options keepOwners = new TarExtract.Options(false, -1, -1);

    private Path root() throws IOException {
        return Files.createDirectories(dir.resolve("root"));
    }

    private static byte[] tar(Entry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Entry e : entries) {
                TarArchiveEntry entry = new TarArchiveEntry(e.name, e.type, true);
                byte[] content = e.content == null ? new byte[0] : e.content.getBytes(StandardCharsets.UTF_8);
                if (e.link != null) {
                    entry.setLinkName(e.link);
                }
                entry.setSize(e.type == TarConstants.LF_NORMAL ? content.length : 0);
                entry.setMode(e.type == TarConstants.LF_DIR ? 040755 : 0100644);
                tar.putArchiveEntry(entry);
                if (e.type == TarConstants.LF_NORMAL) {
                    tar.write(content);
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private record Entry(String name, byte type, String content, String link) {
        static Entry file(String name, String content) {
            return new Entry(name, TarConstants.LF_NORMAL, content, null);
        }
    }

    private void extract(Path root, String destination, byte[] tar) throws IOException {
        new TarExtract(root, destination, keepOwners, null).extract(new ByteArrayInputStream(tar));
    }

    @Test
    void whenANameClimbsOutOfTheDestination_thenItIsRefused() throws IOException {
        Path root = root();
        BerthException e = assertThrows(BerthException.class,
                () -> extract(root, "/", tar(Entry.file("a/../../outside", "x"))));
        assertTrue(e.getMessage().contains("outside /"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("outside")));
    }

    @Test
    void whenAParentIsALinkOutOfTheRoot_thenTheFileLandsInsideTheRoot() throws IOException {
        Path root = root();
        Files.createSymbolicLink(root.resolve("evil"), dir);
        extract(root, "/", tar(Entry.file("evil/planted", "x")));
        assertFalse(Files.exists(dir.resolve("planted")), "the host directory the link names is untouched");
        assertEquals("x", Files.readString(root.resolve(dir.toString().substring(1)).resolve("planted")));
    }

    @Test
    void whenAFileReplacesALink_thenTheLinkIsReplacedNotFollowed() throws IOException {
        Path root = root();
        Path victim = Files.writeString(dir.resolve("victim"), "original");
        Files.createSymbolicLink(root.resolve("f"), victim);
        extract(root, "/", tar(Entry.file("f", "new")));
        assertEquals("original", Files.readString(victim));
        assertFalse(Files.isSymbolicLink(root.resolve("f")));
        assertEquals("new", Files.readString(root.resolve("f")));
    }

    @Test
    void whenAHardLinkPointsOutside_thenItIsRefused() throws IOException {
        Path root = root();
        Files.writeString(dir.resolve("secret"), "s");
        assertThrows(BerthException.class, () -> extract(root, "/", tar(
                new Entry("h", TarConstants.LF_LINK, null, "../secret"))));
        extract(root, "/", tar(Entry.file("a", "shared"), new Entry("b", TarConstants.LF_LINK, null, "a")));
        assertEquals(Files.getAttribute(root.resolve("a"), "unix:ino"), Files.getAttribute(root.resolve("b"), "unix:ino"));
    }

    @Test
    void whenNoOverwriteDirNonDir_thenADirectoryIsNotReplacedByAFile() throws IOException {
        Path root = root();
        Files.createDirectories(root.resolve("d"));
        BerthException e = assertThrows(BerthException.class, () -> new TarExtract(root, "/",
                new TarExtract.Options(true, -1, -1), null).extract(new ByteArrayInputStream(tar(Entry.file("d", "x")))));
        assertEquals("cannot overwrite directory \"/d\" with non-directory \"d\"", e.getMessage());
        extract(root, "/", tar(Entry.file("d", "x")));
        assertTrue(Files.isRegularFile(root.resolve("d")), "without the option Docker replaces it");
    }

    @Test
    void whenATreeIsExportedAndExtracted_thenFilesLinksAndModesAreKept() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/tree/sub"));
        Files.writeString(src.resolve("f"), "content");
        Files.setAttribute(src.resolve("f"), "unix:mode", 04750);
        Files.createSymbolicLink(src.resolve("l"), Path.of("../f"));
        Files.createLink(src.resolve("hard"), src.resolve("f"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long bytes = TarExport.write(dir.resolve("src/tree"), "tree", Set.of(), out);
        assertEquals(7, bytes, "the hard link is stored once");
        Path root = root();
        extract(root, "/", out.toByteArray());
        Path copy = root.resolve("tree/sub");
        assertEquals("content", Files.readString(copy.resolve("f")));
        assertEquals(04750, (Integer) Files.getAttribute(copy.resolve("f"), "unix:mode") & 07777);
        assertEquals(Path.of("../f"), Files.readSymbolicLink(copy.resolve("l")));
        assertEquals(Files.getAttribute(copy.resolve("f"), "unix:ino"), Files.getAttribute(copy.resolve("hard"), "unix:ino"));
        Set<String> names = new HashSet<>();
        try (var walk = Files.walk(root)) {
            walk.forEach(p -> names.add(root.relativize(p).toString()));
        }
        assertEquals(Set.of("", "tree", "tree/sub", "tree/sub/f", "tree/sub/l", "tree/sub/hard"), names);
        assertTrue(Files.isSymbolicLink(copy.resolve("l")) && !Files.exists(copy.resolve("l").resolveSibling("x"),
                LinkOption.NOFOLLOW_LINKS));
    }
}
