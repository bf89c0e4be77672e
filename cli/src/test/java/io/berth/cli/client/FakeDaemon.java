package io.berth.cli.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.URLDecoder;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A boundary fake of berthd for unit tests: a real unix socket and real HTTP/1.1 bytes, answering each
 * {@code METHOD /path} with what the test registered, and recording every request. Not a daemon: it knows nothing
 * of containers.
 */
public final class FakeDaemon implements AutoCloseable {
    /** One request as received. */
    public record Received(String method, String path, Map<String, String> query, Map<String, String> headers,
                           byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public Object json() {
            return Json.parse(text());
        }

        @Override
        public String toString() {
            return method + " " + path + (query.isEmpty() ? "" : "?" + query);
        }
    }

    /** Answers one request by writing raw bytes to {@code out}; {@code in} is the connection (after the body). */
    @FunctionalInterface
    public interface Handler {
        void handle(Received request, InputStream in, OutputStream out) throws IOException;
    }

    private final Path dir;
    private final Path socket;
    private final ServerSocketChannel server;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Thread acceptor;

    public FakeDaemon() throws IOException {
        dir = Files.createTempDirectory("bt-fake");
        socket = dir.resolve("berth.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    public Path socket() {
        return socket;
    }

    /** {@code unix://<socket>}. */
    public String host() {
        return "unix://" + socket;
    }

    /** Registers {@code handler} for {@code "GET /containers/json"} (path without the query). */
    public FakeDaemon on(String methodAndPath, Handler handler) {
        routes.put(methodAndPath, handler);
        return this;
    }

    /** Answers with {@code status} and a JSON body (Content-Length). */
    public FakeDaemon json(String methodAndPath, int status, String body) {
        return on(methodAndPath, (r, in, out) -> respond(out, status, "application/json", body));
    }

    /** Answers with {@code status} and no body. */
    public FakeDaemon status(String methodAndPath, int status) {
        return on(methodAndPath, (r, in, out) -> respond(out, status, null, ""));
    }

    /** Answers 200 with a chunked body made of {@code chunks}. */
    public FakeDaemon chunked(String methodAndPath, String contentType, String... chunks) {
        return on(methodAndPath, (r, in, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (String c : chunks) {
                chunk(out, c.getBytes(StandardCharsets.UTF_8));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        });
    }

    /** An error as berthd sends it. */
    public FakeDaemon error(String methodAndPath, int status, String category, String message) {
        return json(methodAndPath, status, "{\"category\":\"" + category + "\",\"message\":" + Json.write(message)
                + ",\"object\":\"x\"}");
    }

    public static void respond(OutputStream out, int status, String contentType, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (status != 204 && status != 304) {
            head.append("Content-Length: ").append(b.length).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }

    public static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A frame of docker's multiplexed stream. */
    public static byte[] frame(int stream, String payload) {
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        byte[] f = new byte[8 + p.length];
        f[0] = (byte) stream;
        f[4] = (byte) (p.length >>> 24);
        f[5] = (byte) (p.length >>> 16);
        f[6] = (byte) (p.length >>> 8);
        f[7] = (byte) p.length;
        System.arraycopy(p, 0, f, 8, p.length);
        return f;
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The requests as "METHOD /path", in order. */
    public List<String> calls() {
        return received().stream().map(r -> r.method() + " " + r.path()).toList();
    }

    /** The last request to {@code "METHOD /path"}. */
    public Received last(String methodAndPath) {
        List<Received> all = received();
        for (int i = all.size() - 1; i >= 0; i--) {
            if ((all.get(i).method() + " " + all.get(i).path()).equals(methodAndPath)) {
                return all.get(i);
            }
        }
        throw new AssertionError("no request " + methodAndPath + "; got " + calls());
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel ch = server.accept();
                Thread.ofVirtual().start(() -> serve(ch));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SocketChannel ch) {
        try (ch) {
            InputStream in = new BufferedInputStream(Channels.newInputStream(ch));
            OutputStream out = Channels.newOutputStream(ch);
            String line = readLine(in);
            if (line == null || line.isEmpty()) {
                return;
            }
            String[] parts = line.split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            String h;
            while ((h = readLine(in)) != null && !h.isEmpty()) {
                int c = h.indexOf(':');
                headers.put(h.substring(0, c).toLowerCase(Locale.ROOT), h.substring(c + 1).strip());
            }
            byte[] body = readBody(in, headers);
            String target = parts[1];
            int q = target.indexOf('?');
            String path = q < 0 ? target : target.substring(0, q);
            Map<String, String> query = new LinkedHashMap<>();
            if (q >= 0) {
                for (String kv : target.substring(q + 1).split("&")) {
                    int eq = kv.indexOf('=');
                    String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
                    String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
                    query.merge(k, v, (a, b) -> a + "," + b);
                }
            }
            Received r = new Received(parts[0], URLDecoder.decode(path, StandardCharsets.UTF_8), query, headers, body);
            received.add(r);
            Handler handler = routes.get(r.method() + " " + r.path());
            if (handler == null) {
                respond(out, 404, "application/json", "{\"category\":\"NOT_FOUND\",\"message\":\"page not found: "
                        + r.method() + " " + r.path() + "\"}");
                return;
            }
            handler.handle(r, in, out);
        } catch (IOException e) {
            // the client went away
        }
    }

    private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (true) {
                int size = Integer.parseInt(readLine(in).strip(), 16);
                if (size == 0) {
                    readLine(in);
                    return all.toByteArray();
                }
                all.write(in.readNBytes(size));
                readLine(in);
            }
        }
        String length = headers.get("content-length");
        return length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return c < 0 && b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            server.close();
            acceptor.join(2000);
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
