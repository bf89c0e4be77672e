package io.berth.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.compose.BerthException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Auto-start with a real process: a stand-in "berthd" script that records it ran and stays up, while the test
 * plays the daemon's socket. The script is killed by its pid at the end.
 */
class DaemonStarterTest {
    private static Path script(Path dir, String body) throws IOException {
        Path s = dir.resolve("berthd");
        Files.writeString(s, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwx------"));
        return s;
    }

    @Test
    void whenNobodyAnswers_thenTheDaemonIsStartedDetachedAndAwaited(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("started");
        Path daemonScript = script(dir, "echo \"$BERTH_HOME\" > " + marker + "; echo log line; exec sleep 30");
        Path logs = dir.resolve("logs");
        try (FakeDaemon daemon = new FakeDaemon()) {
            daemon.json("GET /_ping", 200, "OK").json("GET /info", 200, "{\"ID\":\"x\"}");
            // the fake listens already; make the client's first connect fail by pointing at a missing socket,
            // which the "daemon" (this test) then creates as a link to the fake's socket once the script ran.
            Path socket = dir.resolve("berth.sock");
            DaemonAddress address = new DaemonAddress("unix://" + socket, socket, true);
            Thread linker = Thread.ofVirtual().start(() -> {
                try {
                    while (!Files.exists(marker)) {
                        Thread.onSpinWait();
                    }
                    Files.createSymbolicLink(socket, daemon.socket());
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            DaemonStarter starter = new DaemonStarter(Map.of("BERTH_DAEMON", daemonScript.toString(),
                    "BERTH_HOME", "/opt/berth"), List.of(logs), Duration.ofSeconds(20));
            StringWriter err = new StringWriter();
            EngineClient client = new EngineClient(address, "t",
                    c -> starter.start(new EngineClient(c.address(), "t"), new PrintWriter(err, true)));

            assertEquals(Map.of("ID", "x"), client.json(Request.get("/info")));
            linker.join();

            Matcher m = Pattern.compile("berth: started berthd \\(pid (\\d+)\\); log: (.*)\n").matcher(err.toString());
            assertTrue(m.matches(), err.toString());
            assertEquals(logs.resolve("berthd.log").toString(), m.group(2));
            ProcessHandle p = ProcessHandle.of(Long.parseLong(m.group(1))).orElseThrow();
            try {
                assertTrue(p.isAlive());
                assertEquals("/opt/berth\n", Files.readString(marker));
                assertEquals("log line\n", Files.readString(logs.resolve("berthd.log")));
            } finally {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void whenTheDaemonExitsEarly_thenTheErrorPointsAtItsLog(@TempDir Path dir) throws IOException {
        Path daemonScript = script(dir, "echo cannot bind >&2; exit 3");
        DaemonStarter starter = new DaemonStarter(Map.of("BERTH_DAEMON", daemonScript.toString()),
                List.of(dir.resolve("logs")), Duration.ofSeconds(20));
        Path socket = dir.resolve("none.sock");
        EngineClient client = new EngineClient(new DaemonAddress("unix://" + socket, socket, true), "t");

        BerthException e = assertThrows(BerthException.class,
                () -> starter.start(client, new PrintWriter(new StringWriter())));

        assertTrue(e.getMessage().startsWith("berthd exited with code 3 before it answered on unix://"), e.getMessage());
        assertTrue(e.getMessage().endsWith("see its log: " + dir.resolve("logs/berthd.log")), e.getMessage());
        assertEquals("cannot bind\n", Files.readString(dir.resolve("logs/berthd.log")));
    }

    @Test
    void whenTheDaemonIsMissing_thenTheMessageSaysWhereItLooked(@TempDir Path dir) {
        DaemonStarter starter = new DaemonStarter(Map.of("BERTH_HOME", dir.toString()), List.of(dir),
                Duration.ofSeconds(1));
        Path socket = dir.resolve("x.sock");
        EngineClient client = new EngineClient(new DaemonAddress("unix://" + socket, socket, true), "t");

        BerthException e = assertThrows(BerthException.class,
                () -> starter.start(client, new PrintWriter(new StringWriter())));

        assertTrue(e.getMessage().contains(dir.resolve("bin/berthd") + " does not exist"), e.getMessage());
    }
}
