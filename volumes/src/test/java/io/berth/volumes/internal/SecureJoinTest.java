package io.berth.volumes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureJoinTest {
    @TempDir
    Path root;

    @Test
    void plainPathsJoin() throws IOException {
        Files.createDirectories(root.resolve("var/lib"));
        assertEquals(root.resolve("var/lib/data"), SecureJoin.resolve(root, "/var/lib/data"));
        assertEquals(root.resolve("var"), SecureJoin.resolve(root, "/var/lib/../../../var"));
    }

    @Test
    void absoluteSymlinkStaysInTheRoot() throws IOException {
        Files.createDirectories(root.resolve("real/data"));
        Files.createDirectories(root.resolve("var"));
        Files.createSymbolicLink(root.resolve("var/lib"), Path.of("/real"));
        assertEquals(root.resolve("real/data"), SecureJoin.resolve(root, "/var/lib/data"));
        Files.createSymbolicLink(root.resolve("etc"), Path.of("/etc"));
        assertThrows(IOException.class, () -> SecureJoin.resolve(root, "/etc")); // a loop inside the root: ELOOP
        Files.createSymbolicLink(root.resolve("hosts"), Path.of("/etc/hosts"));
        assertThrows(IOException.class, () -> SecureJoin.resolve(root, "/hosts"));
    }

    @Test
    void dotDotSymlinkCannotClimbOut() throws IOException {
        Files.createSymbolicLink(root.resolve("up"), Path.of("../../../../.."));
        assertEquals(root, SecureJoin.resolve(root, "/up"));
        assertEquals(root.resolve("tmp"), SecureJoin.resolve(root, "/up/tmp"));
    }

    @Test
    void relativeSymlinkIsResolvedFromItsDirectory() throws IOException {
        Files.createDirectories(root.resolve("opt/app/v2"));
        Files.createSymbolicLink(root.resolve("opt/app/current"), Path.of("v2"));
        assertEquals(root.resolve("opt/app/v2/x"), SecureJoin.resolve(root, "opt/app/current/x"));
    }

    @Test
    void loopsEnd() throws IOException {
        Files.createSymbolicLink(root.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(root.resolve("b"), Path.of("a"));
        assertThrows(IOException.class, () -> SecureJoin.resolve(root, "/a"));
    }
}
