package io.berth.cli.client;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A response whose body is read as it arrives (logs, events and pull progress are long streams). Closing it closes
 * the connection.
 */
public final class Response implements Closeable {
    private final HttpHead head;
    private final InputStream body;
    private final Closeable connection;

    Response(HttpHead head, InputStream body, Closeable connection) {
        this.head = head;
        this.body = body;
        this.connection = connection;
    }

    /** A response made in memory (tests, fakes). */
    public static Response of(int status, String body) {
        return new Response(new HttpHead(status, "", java.util.Map.of()),
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), () -> { });
    }

    public int status() {
        return head.status();
    }

    /** A header, case-insensitively; null when absent. */
    public String header(String name) {
        return head.header(name);
    }

    /** The body as a stream, ending where the body ends. */
    public InputStream body() {
        return body;
    }

    /** The whole body as text. */
    public String text() {
        try {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the daemon's answer: " + e.getMessage(), e);
        }
    }

    /** The whole body as JSON (null when empty). */
    public Object json() {
        String text = text();
        return text.isBlank() ? null : Json.parse(text);
    }

    /** True for 2xx and 304 (docker's "nothing to do" for start/stop). */
    public boolean ok() {
        return head.status() / 100 == 2 || head.status() == 304;
    }

    /** This response when it is a success, else a {@link DaemonError} from its body (and the response is closed). */
    public Response check() {
        if (ok()) {
            return this;
        }
        try (this) {
            String text = text();
            Object decoded = null;
            if (text.startsWith("{")) {
                try {
                    decoded = Json.parse(text);
                } catch (RuntimeException e) {
                    decoded = null;
                }
            }
            throw DaemonError.of(head.status(), decoded, text);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            // the answer has been read or abandoned; nothing to do about a failed close
        }
    }
}
