package io.berth.scheduler.internal.api;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A request body (a tar upload) as a blocking {@link InputStream} for a worker thread, with back-pressure: the
 * request is paused while more than {@value #HIGH_WATER} bytes wait to be read and resumed below
 * {@value #LOW_WATER}, so an upload of any size holds at most about a megabyte here. Make it on the event loop,
 * in the route's handler, before anything else reads the request (raw routes only: no body handler before).
 */
final class RequestBodyStream extends InputStream {
    static final int HIGH_WATER = 1 << 20;
    static final int LOW_WATER = 256 << 10;

    private final HttpServerRequest request;
    private final Context context;
    private final Deque<Buffer> queue = new ArrayDeque<>();
    private Buffer current;
    private int position;
    private long queued;
    private boolean ended;
    private boolean paused;
    private Throwable failure;

    RequestBodyStream(HttpServerRequest request) {
        this.request = request;
        this.context = Vertx.currentContext();
        request.handler(this::arrived);
        request.endHandler(v -> end(null));
        request.exceptionHandler(this::end);
        request.resume();
    }

    private synchronized void arrived(Buffer buffer) {
        queue.addLast(buffer);
        queued += buffer.length();
        if (queued > HIGH_WATER && !paused) {
            paused = true;
            request.pause();
        }
        notifyAll();
    }

    private synchronized void end(Throwable error) {
        ended = true;
        failure = error;
        notifyAll();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (current == null || position >= current.length()) {
            current = next();
            position = 0;
            if (current == null) {
                return -1;
            }
        }
        int n = Math.min(len, current.length() - position);
        current.getBytes(position, position + n, b, off);
        position += n;
        return n;
    }

    private synchronized Buffer next() throws IOException {
        while (queue.isEmpty() && !ended) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading the request body");
            }
        }
        if (queue.isEmpty()) {
            if (failure != null) {
                throw new IOException("the request body was cut off: " + failure.getMessage(), failure);
            }
            return null;
        }
        Buffer buffer = queue.removeFirst();
        queued -= buffer.length();
        if (paused && queued < LOW_WATER) {
            paused = false;
            context.runOnContext(v -> request.resume());
        }
        return buffer;
    }

    /** Reads and drops what is left (so the connection stays usable after an early failure). */
    void discard() {
        context.runOnContext(v -> {
            request.handler(b -> { });
            request.resume();
        });
    }
}
