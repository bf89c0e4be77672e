package io.berth.cli.engine;

import io.berth.cli.Console;
import io.berth.cli.client.EngineClient;
import io.berth.cli.client.Hijacked;
import io.berth.cli.client.Request;
import io.berth.cli.client.StreamDemux;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One hijacked attach or exec stream: the user's stdin copied to the connection on a thread of its own (half-close
 * at its end, detach keys recognised on the way), the container's output copied to stdout/stderr on the calling
 * thread (demultiplexed unless it has a TTY).
 */
final class AttachSession implements AutoCloseable {
    private final Hijacked connection;
    private final Console console;
    private final boolean tty;
    private final DetachKeys detachKeys;
    private volatile boolean detached;
    private Thread input;

    private AttachSession(Hijacked connection, Console console, boolean tty, DetachKeys detachKeys) {
        this.connection = connection;
        this.console = console;
        this.tty = tty;
        this.detachKeys = detachKeys;
    }

    /** Opens the stream of {@code request} ({@code POST .../attach} or {@code /exec/{id}/start}). */
    static AttachSession open(EngineClient client, Request request, Console console, boolean tty,
                              DetachKeys detachKeys) {
        return new AttachSession(client.upgrade(request), console, tty, detachKeys);
    }

    /** Starts copying stdin to the container (call when stdin is attached). */
    void startInput() {
        input = Thread.ofPlatform().daemon().name("berth-stdin").start(this::copyInput);
    }

    private void copyInput() {
        InputStream in = console.in();
        OutputStream up = connection.output();
        byte[] buf = new byte[8192];
        ByteArrayOutputStream forward = new ByteArrayOutputStream(8192);
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (detachKeys != null && tty) {
                    int keep = detachKeys.scan(buf, n, forward);
                    if (keep < 0) {
                        detached = true;
                        connection.close();
                        return;
                    }
                    up.write(forward.toByteArray(), 0, keep);
                } else {
                    up.write(buf, 0, n);
                }
            }
            connection.closeOutput();
        } catch (IOException e) {
            // the connection is gone: the output side sees its end
        }
    }

    /** Copies the container's output until the daemon closes the stream (the container exited, or detach). */
    void pumpOutput() throws IOException {
        try {
            if (tty) {
                StreamDemux.copyRaw(connection.input(), console.out());
            } else {
                StreamDemux.copy(connection.input(), console.out(), console.err());
            }
        } catch (IOException e) {
            if (!detached) {
                throw e;
            }
        }
        console.out().flush();
        console.err().flush();
    }

    /** True when the user typed the detach keys: the container keeps running. */
    boolean detached() {
        return detached;
    }

    @Override
    public void close() {
        connection.close();
    }
}
