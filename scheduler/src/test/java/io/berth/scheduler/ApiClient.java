package io.berth.scheduler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A minimal HTTP/1.1 client over berthd's unix socket for tests: one request per connection
 * ({@code Connection: close}), the whole answer read, chunked bodies decoded.
 */
final class ApiClient {
    private final Path socket;

    ApiClient(Path socket) {
        this.socket = socket;
    }

    record Response(int status, String headers, String body) {
        /** The body's bytes (it is kept as ISO-8859-1 text, one char per byte). */
        byte[] bytes() {
            return body.getBytes(StandardCharsets.ISO_8859_1);
        }

        /** A header's value, or null. */
        String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    Response get(String path) throws IOException {
        return send("GET", path, null);
    }

    Response post(String path, String json) throws IOException {
        return send("POST", path, json);
    }

    Response delete(String path) throws IOException {
        return send("DELETE", path, null);
    }

    Response send(String method, String path, String json) throws IOException {
        return send(method, path, java.util.Map.of(), json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                json == null ? null : "application/json");
    }

    /** A request with extra headers and a body of any bytes ({@code contentType} null: none). */
    Response send(String method, String path, java.util.Map<String, String> headers, byte[] content,
                  String contentType) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            byte[] body = content == null ? new byte[0] : content;
            StringBuilder extra = new StringBuilder();
            headers.forEach((k, v) -> extra.append(k).append(": ").append(v).append("\r\n"));
            String head = method + " " + path + " HTTP/1.1\r\nHost: berth\r\nConnection: close\r\n"
                    + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + extra
                    + "Content-Length: " + body.length + "\r\n\r\n";
            channel.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
            channel.write(ByteBuffer.wrap(body));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            while (channel.read(buffer) > 0) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return parse(out.toByteArray());
        }
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n");
        String headers = text.substring(0, split);
        int status = Integer.parseInt(headers.substring(9, 12));
        byte[] body = java.util.Arrays.copyOfRange(raw, split + 4, raw.length);
        if (headers.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.ISO_8859_1));
    }

    static byte[] dechunk(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length) {
            int lineEnd = indexOf(raw, i);
            int size = Integer.parseInt(new String(raw, i, lineEnd - i, StandardCharsets.US_ASCII).trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(raw, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] raw, int from) {
        for (int i = from; i + 1 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        return raw.length;
    }

    /** The payloads of Docker's multiplexed stream, concatenated ({@code stream} 1 = stdout, 2 = stderr). */
    static String demux(String body, int stream) {
        byte[] raw = body.getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i + 8 <= raw.length) {
            int size = ((raw[i + 4] & 0xff) << 24) | ((raw[i + 5] & 0xff) << 16) | ((raw[i + 6] & 0xff) << 8)
                    | (raw[i + 7] & 0xff);
            if (raw[i] == stream) {
                out.append(new String(raw, i + 8, size, StandardCharsets.ISO_8859_1));
            }
            i += 8 + size;
        }
        return out.toString();
    }
}
