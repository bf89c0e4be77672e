package io.berth.scheduler.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.compose.BerthException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootPathTest {
    @TempDir
    Path root;

    @Test
    void whenLinksPointOutOfTheRoot_thenTheyResolveInsideIt() throws IOException {
        Files.createDirectories(root.resolve("real/dir"));
        Files.createSymbolicLink(root.resolve("abs"), Path.of("/real"));
        Files.createSymbolicLink(root.resolve("up"), Path.of("../../../../real"));
        Files.createSymbolicLink(root.resolve("real/rel"), Path.of("dir"));
        assertEquals("/real/dir", RootPath.resolve(root, "/abs/dir", true).container());
        assertEquals(root.resolve("real").resolve("dir"), RootPath.resolve(root, "up/dir", false).host());
        assertEquals("/real/dir", RootPath.resolve(root, "/abs/rel", true).container());
        assertEquals("/etc", RootPath.resolve(root, "/../../../etc", true).container());
    }

    @Test
    void whenTheLastComponentIsALink_thenItIsFollowedOnlyWhenAsked() throws IOException {
        Files.createDirectories(root.resolve("target"));
        Files.createSymbolicLink(root.resolve("link"), Path.of("/target"));
        RootPath link = RootPath.resolve(root, "/link", false);
        assertEquals("/link", link.container());
        assertEquals("link", link.name());
        assertEquals("/target", RootPath.resolve(root, "/link", true).container());
        assertEquals("/", RootPath.resolve(root, "/", true).name());
    }

    @Test
    void whenLinksLoop_thenTheErrorSaysSo() throws IOException {
        Files.createSymbolicLink(root.resolve("a"), Path.of("/b"));
        Files.createSymbolicLink(root.resolve("b"), Path.of("/a"));
        BerthException e = assertThrows(BerthException.class, () -> RootPath.resolve(root, "/a/x", true));
        assertEquals("too many levels of symbolic links in /a/x", e.getMessage());
    }
}
