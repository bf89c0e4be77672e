package io.berth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/berth}, the bash launcher: finding itself, finding a Java, and its start-up cache. */
class LauncherIT {

    @Test
    void whenRunWithACleanEnvironment_thenItFindsAJavaAndPrintsItsVersion(@TempDir Path dir) {
        // No daemon on that socket: docker prints the client part, says it cannot connect, and exits 1.
        BerthProcess.Result r = BerthProcess.berth().env("BERTH_HOST", "unix://" + dir.resolve("none.sock"))
                .run("version");

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().startsWith("Client:\n Version:"), r::toString);
        assertTrue(r.err().contains("Cannot connect to the Berth daemon"), r::toString);
    }

    @Test
    void whenCalledThroughASymbolicLink_thenItFindsItsLibraries(@TempDir Path dir) throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("berth"), BerthProcess.dist().resolve("bin/berth"));
        Path link2 = Files.createSymbolicLink(dir.resolve("b2"), link.getFileName());

        BerthProcess.Result r = new BerthProcess(link2).in(dir).run("--version");
        // JUnit warns when it deletes a link that points outside its directory: remove them first.
        Files.delete(link2);
        Files.delete(link);

        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("Berth version "), r::toString);
    }

    @Test
    void whenTheStartUpCacheDoesNotMatch_thenBerthStillRunsWithoutNoise(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("berth");
        copyTree(BerthProcess.dist(), copy);
        // A jar changed since the cache was made: the JVM must ignore the cache, silently.
        Path jar = copy.resolve("lib/berth-cli.jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));

        BerthProcess.Result r = new BerthProcess(copy.resolve("bin/berth")).run("compose", "version");

        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("Berth Compose version "), r::toString);
        assertEquals("", r.err());
    }

    @Test
    void whenNoJava21IsFound_thenItSaysWhatToInstall(@TempDir Path dir) throws IOException {
        // Only a JDK 17 anywhere the launcher looks: BERTH_JAVA_HOME, the JVM directory, PATH.
        Path jdk17 = Files.createDirectories(dir.resolve("jvm/jdk17"));
        Files.createDirectories(jdk17.resolve("bin"));
        Files.writeString(jdk17.resolve("release"), "JAVA_VERSION=\"17.0.2\"\n");
        Files.writeString(jdk17.resolve("bin/java"), "#!/bin/sh\nexit 99\n");
        assertTrue(jdk17.resolve("bin/java").toFile().setExecutable(true));
        Path copy = dir.resolve("berth");
        copyTree(BerthProcess.dist(), copy);
        Files.deleteIfExists(copy.resolve("lib/jdk"));

        BerthProcess.Result r = new BerthProcess(copy.resolve("bin/berth"))
                .env("BERTH_JAVA_HOME", jdk17.toString())
                .env("BERTH_JVM_DIR", dir.resolve("jvm").toString())
                .env("PATH", jdk17.resolve("bin") + ":/usr/bin:/bin")
                .run("version");

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().startsWith("berth: needs Java 21 or newer"), r::toString);
        assertEquals("", r.out());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
