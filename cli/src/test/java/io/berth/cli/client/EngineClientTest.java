package io.berth.cli.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineClientTest {
    private final FakeDaemon daemon;
    private final EngineClient client;

    EngineClientTest() throws IOException {
        daemon = new FakeDaemon();
        client = new EngineClient(DaemonAddress.parse(daemon.host()), "test");
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    @Test
    void whenAJsonBodyIsSent_thenTheDaemonGetsItWithLengthAndQuery() {
        daemon.json("POST /containers/create", 201, "{\"Id\":\"abc\",\"Warnings\":[]}");

        Object answer = client.json(Request.post("/containers/create").query("name", "web 1")
                .json(Map.of("Image", "busybox")));

        assertEquals("abc", Json.map(answer).get("Id"));
        FakeDaemon.Received r = daemon.last("POST /containers/create");
        assertEquals(Map.of("name", "web 1"), r.query());
        assertEquals("{\"Image\":\"busybox\"}", r.text());
        assertEquals("application/json", r.headers().get("content-type"));
        assertEquals("berth-cli/test", r.headers().get("user-agent"));
    }

    @Test
    void whenTheAnswerIsChunked_thenItIsReadAsItComes() throws IOException {
        daemon.chunked("GET /events", "application/json", "{\"a\":1}\n", "{\"a\":2}\n{\"a\"", ":3}\n");

        try (Response r = client.call(Request.get("/events"))) {
            assertEquals("{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n", new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void whenTheDaemonAnswersAnError_thenItsMessageAndCategoryAreKept() {
        daemon.error("POST /containers/web/start", 404, "NOT_FOUND", "No such container: web");

        DaemonError e = assertThrows(DaemonError.class,
                () -> client.exec(Request.post("/containers/web/start")));

        assertEquals("No such container: web", e.getMessage());
        assertEquals(ErrorCategory.NOT_FOUND, e.category());
        assertTrue(e.notFound());
    }

    @Test
    void whenAnErrorHasNoJsonBody_thenTheStatusGivesTheCategory() {
        daemon.on("GET /x", (r, in, out) -> FakeDaemon.respond(out, 409, "text/plain", "in use\n"));

        DaemonError e = assertThrows(DaemonError.class, () -> client.json(Request.get("/x")));

        assertEquals("in use", e.getMessage());
        assertEquals(ErrorCategory.CONFLICT, e.category());
    }

    @Test
    void whenABodyIsStreamed_thenItIsSentChunked() {
        daemon.json("POST /images/load", 200, "{\"stream\":\"Loaded image: a:b\\n\"}");
        byte[] tar = new byte[200_000];
        for (int i = 0; i < tar.length; i++) {
            tar[i] = (byte) i;
        }

        client.json(Request.post("/images/load").stream(new ByteArrayInputStream(tar), "application/x-tar"));

        FakeDaemon.Received r = daemon.last("POST /images/load");
        assertEquals("chunked", r.headers().get("transfer-encoding"));
        assertArrayEquals(tar, r.body());
    }

    @Test
    void whenTheConnectionIsUpgraded_thenStdinGoesUpAndTheMultiplexedOutputComesBack() throws IOException {
        daemon.on("GET /containers/web/attach", (r, in, out) -> {
            out.write("HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(FakeDaemon.frame(1, "ready\n"));
            out.flush();
            // Framed stdin: [0,0,0,0,size] + payload per write, an empty frame at the end.
            ByteArrayOutputStream stdin = new ByteArrayOutputStream();
            while (true) {
                byte[] header = in.readNBytes(8);
                int size = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8)
                        | (header[7] & 0xff);
                if (size == 0) {
                    break;
                }
                stdin.write(in.readNBytes(size));
            }
            out.write(FakeDaemon.frame(1, "got " + stdin.toString(StandardCharsets.UTF_8)));
            out.write(FakeDaemon.frame(2, "bye\n"));
            out.flush();
        });

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try (Hijacked h = client.upgrade(Request.get("/containers/web/attach").flag("stream", true))) {
            h.output().write("hello".getBytes(StandardCharsets.UTF_8));
            h.closeOutput();
            StreamDemux.copy(h.input(), stdout, stderr);
        }

        assertEquals("ready\ngot hello", stdout.toString(StandardCharsets.UTF_8));
        assertEquals("bye\n", stderr.toString(StandardCharsets.UTF_8));
        FakeDaemon.Received r = daemon.last("GET /containers/web/attach");
        assertEquals("tcp", r.headers().get("upgrade"));
        assertEquals("Upgrade", r.headers().get("connection"));
        assertEquals("framed", r.headers().get("x-berth-stdin"));
    }

    @Test
    void whenAnUpgradeIsRefused_thenTheDaemonsErrorIsRaised() {
        daemon.error("POST /exec/e1/start", 409, "CONFLICT", "Container web is not running");

        DaemonError e = assertThrows(DaemonError.class, () -> client.upgrade(Request.post("/exec/e1/start")));

        assertEquals("Container web is not running", e.getMessage());
    }

    @Test
    void whenNobodyListens_thenDockersCannotConnectMessage() {
        EngineClient none = new EngineClient(DaemonAddress.parse("unix:///tmp/bt-none/x.sock"), "t");

        BerthException e = assertThrows(BerthException.class, () -> none.json(Request.get("/info")));

        assertEquals("Cannot connect to the Berth daemon at unix:///tmp/bt-none/x.sock. Is berthd running?",
                e.getMessage());
        assertFalse(none.ping());
    }

    @Test
    void whenA204Comes_thenTheBodyIsEmptyAndTheNextCallWorks() throws IOException {
        daemon.status("POST /containers/web/stop", 204).json("GET /_ping", 200, "OK");

        client.exec(Request.post("/containers/web/stop").query("t", 3));

        assertTrue(client.ping());
        assertEquals(List.of("POST /containers/web/stop", "GET /_ping"), daemon.calls());
        assertEquals(Map.of("t", "3"), daemon.received().get(0).query());
    }

    @Test
    void whenTheMultiplexedStreamIsRead_thenFramesGoToTheirStreams() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.write(FakeDaemon.frame(1, "out1\n"));
        raw.write(FakeDaemon.frame(2, "err1\n"));
        raw.write(FakeDaemon.frame(1, ""));
        raw.write(FakeDaemon.frame(1, "out2\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        StreamDemux.copy(new ByteArrayInputStream(raw.toByteArray()), out, err);

        assertEquals("out1\nout2\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("err1\n", err.toString(StandardCharsets.UTF_8));
        InputStream truncated = new ByteArrayInputStream(new byte[] {1, 0, 0, 0, 0, 0, 0, 9, 'x'});
        assertThrows(IOException.class, () -> StreamDemux.copy(truncated, out, err));
    }

    @Test
    void whenHostsAreParsed_thenOnlyUnixSocketsAreAccepted() {
        assertEquals(Path.of("/run/berth/berth.sock"), DaemonAddress.resolve(null, Map.of()).socket());
        assertTrue(DaemonAddress.resolve(null, Map.of()).isDefault());
        assertEquals(Path.of("/tmp/b.sock"), DaemonAddress.resolve(null, Map.of("BERTH_HOST", "unix:///tmp/b.sock"))
                .socket());
        assertEquals(Path.of("/x.sock"), DaemonAddress.resolve("unix:///x.sock", Map.of("BERTH_HOST", "unix:///y"))
                .socket());
        assertFalse(DaemonAddress.parse("unix:///x.sock").isDefault());
        assertThrows(BerthException.class, () -> DaemonAddress.parse("tcp://1.2.3.4:2375"));
    }
}
