package io.berth.cli.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request to the daemon: method, path, query parameters (encoded here), headers and an optional body —
 * JSON, bytes, or a stream of unknown length sent chunked. Built fluently:
 * {@code Request.post("/containers/create").query("name", "web").json(body)}.
 */
public final class Request {
    /** Writes a streamed body; called once, while the connection is open. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private final String method;
    private final String path;
    private final List<String[]> query = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;
    private BodyWriter stream;

    private Request(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public static Request get(String path) {
        return new Request("GET", path);
    }

    public static Request post(String path) {
        return new Request("POST", path);
    }

    public static Request put(String path) {
        return new Request("PUT", path);
    }

    public static Request delete(String path) {
        return new Request("DELETE", path);
    }

    public static Request head(String path) {
        return new Request("HEAD", path);
    }

    /** A path segment (a container name, an image reference with '/' and ':'), escaped for the path. */
    public static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/")
                .replace("%3A", ":").replace("%40", "@");
    }

    /** Adds {@code name=value}; a null value adds nothing. */
    public Request query(String name, Object value) {
        if (value != null) {
            query.add(new String[] {name, value.toString()});
        }
        return this;
    }

    /** Adds {@code name=1} when {@code on}. */
    public Request flag(String name, boolean on) {
        return on ? query(name, "1") : this;
    }

    public Request header(String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
        return this;
    }

    /** A JSON body. */
    public Request json(Object value) {
        return body(Json.write(value).getBytes(StandardCharsets.UTF_8), "application/json");
    }

    public Request body(byte[] content, String contentType) {
        this.body = content;
        this.stream = null;
        headers.put("Content-Type", contentType);
        return this;
    }

    /** A body of unknown length, sent chunked. */
    public Request stream(BodyWriter writer, String contentType) {
        this.stream = writer;
        this.body = null;
        headers.put("Content-Type", contentType);
        return this;
    }

    /** A body copied from {@code in} to its end. */
    public Request stream(InputStream in, String contentType) {
        return stream(out -> in.transferTo(out), contentType);
    }

    public String method() {
        return method;
    }

    /** The path with its query string, as sent. */
    public String target() {
        if (query.isEmpty()) {
            return path;
        }
        StringBuilder sb = new StringBuilder(path);
        char sep = '?';
        for (String[] q : query) {
            sb.append(sep).append(encode(q[0])).append('=').append(encode(q[1]));
            sep = '&';
        }
        return sb.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Writes the request head and body to {@code out}. */
    void writeTo(OutputStream out, String userAgent) throws IOException {
        StringBuilder head = new StringBuilder(256);
        head.append(method).append(' ').append(target()).append(" HTTP/1.1\r\n");
        head.append("Host: berth\r\n");
        head.append("User-Agent: ").append(userAgent).append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (stream != null) {
            head.append("Transfer-Encoding: chunked\r\n");
        } else if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        } else if (method.equals("POST") || method.equals("PUT")) {
            head.append("Content-Length: 0\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        if (stream != null) {
            out.flush();
            ChunkedOutputStream chunked = new ChunkedOutputStream(out);
            stream.writeTo(chunked);
            chunked.finish();
        } else if (body != null) {
            out.write(body);
        }
        out.flush();
    }

    @Override
    public String toString() {
        return method + " " + target();
    }
}
