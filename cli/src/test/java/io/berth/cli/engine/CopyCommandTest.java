package io.berth.cli.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.cli.CliHarness;
import io.berth.cli.client.FakeDaemon;
import io.berth.compose.BerthException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyCommandTest {
    private final EngineHarness h = new EngineHarness();

    CopyCommandTest() throws IOException {
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static byte[] tarOf(Path src, String name) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Tar.write(src, name, false, b);
        return b.toByteArray();
    }

    @Test
    void whenATreeIsWrittenAndExtracted_thenContentModesAndLinksSurvive(@TempDir Path dir) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.createDirectories(src.resolve("sub"));
        Files.writeString(src.resolve("a.txt"), "alpha");
        String longName = "n".repeat(150);
        Files.writeString(src.resolve(longName), "long");
        Files.createSymbolicLink(src.resolve("link"), Path.of("sub/../a.txt"));
        Files.setPosixFilePermissions(src.resolve("a.txt"), java.nio.file.attribute.PosixFilePermissions
                .fromString("rwxr-x---"));

        Path out = Files.createDirectories(dir.resolve("out"));
        long bytes = Tar.extract(new ByteArrayInputStream(tarOf(dir.resolve("src"), "copy")), out, n -> n, false);

        assertEquals(9, bytes);
        assertEquals("alpha", Files.readString(out.resolve("copy/a.txt")));
        assertEquals("long", Files.readString(out.resolve("copy/" + longName)));
        assertEquals(Path.of("sub/../a.txt"), Files.readSymbolicLink(out.resolve("copy/link")));
        assertTrue(Files.isDirectory(out.resolve("copy/sub")));
        assertEquals("rwxr-x---", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out.resolve("copy/a.txt"))));
    }

    @Test
    void whenAnEntryWouldLeaveTheTarget_thenExtractionRefusesIt(@TempDir Path dir) throws IOException {
        Path src = Files.writeString(dir.resolve("f"), "x");
        byte[] tar = tarOf(src, "../escape");
        assertThrows(BerthException.class, () -> Tar.extract(new ByteArrayInputStream(tar),
                Files.createDirectories(dir.resolve("t")), n -> n, false));
        assertTrue(Files.notExists(dir.resolve("escape")));
    }

    @Test
    void whenCopyingOutOfAContainer_thenTheFileTakesTheDestinationName(@TempDir Path dir) throws IOException {
        Path src = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
        byte[] tar = tarOf(src, "hosts");
        String stat = Base64.getEncoder().encodeToString("{\"name\":\"hosts\",\"size\":20,\"mode\":420}"
                .getBytes(StandardCharsets.UTF_8));
        h.daemon.on("GET /containers/web/archive", (req, in, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\nX-Docker-Container-Path-Stat: " + stat
                    + "\r\nContent-Length: " + tar.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(tar);
            out.flush();
        });

        CliHarness.Result r = h.berth("cp", "web:/etc/hosts", dir.resolve("copied").toString());

        assertEquals(0, r.code(), r.err());
        assertEquals("127.0.0.1 localhost\n", Files.readString(dir.resolve("copied")));
        assertEquals("Successfully copied 20B to " + dir.resolve("copied") + "\n", r.err());
        assertEquals(Map.of("path", "/etc/hosts"), h.daemon.last("GET /containers/web/archive").query());
    }

    @Test
    void whenCopyingIntoAContainerDirectory_thenTheTarKeepsTheSourceName(@TempDir Path dir) throws IOException {
        Path src = Files.writeString(dir.resolve("app.conf"), "port=80\n");
        String stat = Base64.getEncoder().encodeToString(("{\"name\":\"etc\",\"size\":4096,\"mode\":"
                + ((1L << 31) | 0755) + "}").getBytes(StandardCharsets.UTF_8));
        h.daemon.on("HEAD /containers/web/archive", (req, in, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nX-Docker-Container-Path-Stat: " + stat + "\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        });
        h.daemon.status("PUT /containers/web/archive", 200);

        CliHarness.Result r = h.berth("cp", src.toString(), "web:/etc");

        assertEquals(0, r.code(), r.err());
        FakeDaemon.Received put = h.daemon.last("PUT /containers/web/archive");
        assertEquals(Map.of("path", "/etc", "noOverwriteDirNonDir", "1"), put.query());
        Path out = Files.createDirectories(dir.resolve("x"));
        Tar.extract(new ByteArrayInputStream(put.body()), out, n -> n, false);
        assertEquals("port=80\n", Files.readString(out.resolve("app.conf")));
        assertArrayEquals(tarOf(src, "app.conf"), put.body());
    }

    @Test
    void whenArgumentsAreSplit_thenPathsAndContainersAreToldApart() {
        assertArrayEquals(new String[] {"web", "/etc/hosts"}, CopyCommand.split("web:/etc/hosts"));
        assertArrayEquals(new String[] {null, "./a:b"}, CopyCommand.split("./a:b"));
        assertArrayEquals(new String[] {null, "/abs:x"}, CopyCommand.split("/abs:x"));
        assertArrayEquals(new String[] {null, "-"}, CopyCommand.split("-"));
    }
}
