package io.berth.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.compose.BerthException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real berthd in this JVM: Hazelcast member, clustered Vert.x, SQLite, the API on a unix socket. */
class BerthDaemonIT {
    @TempDir
    Path dir;

    private final Random random = new Random(7);

    private BerthDaemon daemon(Path root) {
        DaemonConfig config = DaemonConfig.defaults().withRoots(root.resolve("data"), root.resolve("run"));
        return new BerthDaemon(config, Clock.systemUTC(), () -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        });
    }

    @Test
    void whenStarted_thenTheApiAnswersOnAPrivateSocketAndTheNodeIsRegistered() throws IOException {
        try (BerthDaemon daemon = daemon(dir).start()) {
            Path socket = daemon.config().socket();
            assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
            assertTrue(get(socket, "/_ping").endsWith("OK"));
            String info = get(socket, "/info");
            assertTrue(info.contains("\"ID\":\"" + daemon.node().id() + "\""), info);
            assertTrue(info.contains("\"StateDb\""), info);
            String missing = get(socket, "/nope");
            assertTrue(missing.startsWith("HTTP/1.1 404"), missing);
            assertTrue(missing.contains("\"category\":\"NOT_FOUND\""), missing);
        }
    }

    @Test
    void whenRestarted_thenItIsTheSameNodeWithANewerRecord() {
        String id;
        long version;
        try (BerthDaemon daemon = daemon(dir).start()) {
            id = daemon.node().id();
            version = daemon.node().version();
        }
        try (BerthDaemon daemon = daemon(dir).start()) {
            assertEquals(id, daemon.node().id());
            assertEquals(version + 1, daemon.node().version());
        }
    }

    @Test
    void whenASecondDaemonUsesTheSameDataRoot_thenItIsRefusedAndTheFirstGoesOn() throws IOException {
        try (BerthDaemon first = daemon(dir).start()) {
            BerthException refused = assertThrows(BerthException.class, () -> daemon(dir).start());
            assertTrue(refused.getMessage().contains("another berthd"), refused.getMessage());
            assertTrue(get(first.config().socket(), "/_ping").endsWith("OK"));
        }
    }

    @Test
    void twoDaemonsOnOneMachineStayClustersOfOne() throws IOException {
        try (BerthDaemon a = daemon(dir.resolve("a")).start(); BerthDaemon b = daemon(dir.resolve("b")).start()) {
            assertNotEquals(a.node().id(), b.node().id());
            String info = get(a.config().socket(), "/info");
            assertEquals(1, info.split("this node").length - 1, info);
            assertTrue(!info.contains(b.node().id()), info);
        }
    }

    static String get(Path socket, String path) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: berth\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            StringBuilder out = new StringBuilder();
            while (channel.read(buffer) > 0) {
                buffer.flip();
                out.append(StandardCharsets.UTF_8.decode(buffer));
                buffer.clear();
            }
            return out.toString().strip();
        }
    }
}
