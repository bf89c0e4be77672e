package io.berth.scheduler.internal.api;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A chunked response body (a tar download) as a blocking {@link OutputStream} for a worker thread: bytes are
 * gathered into {@value #CHUNK}-byte chunks and written with back-pressure ({@link BlockingWriter}), so a slow
 * reader holds the writer back instead of filling memory. The head (status 200 and the headers set so far) goes
 * out with the first chunk: until then a failure can still be answered with an error status.
 */
final class ResponseOutputStream extends OutputStream {
    static final int CHUNK = 64 * 1024;

    private final HttpServerResponse response;
    private final Context context;
    private final BlockingWriter writer;
    private byte[] buffer = new byte[CHUNK];
    private int count;
    private boolean started;

    ResponseOutputStream(HttpServerResponse response, String contentType) {
        this.response = response;
        this.context = Vertx.currentContext();
        response.setChunked(true).putHeader("Content-Type", contentType);
        this.writer = new BlockingWriter(response);
        response.closeHandler(v -> writer.closed());
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            flush();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (count == buffer.length) {
                flush();
            }
            int n = Math.min(len, buffer.length - count);
            System.arraycopy(b, off, buffer, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        if (count == 0) {
            return;
        }
        started = true;
        Buffer chunk = Buffer.buffer(count == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, count));
        if (count == buffer.length) {
            buffer = new byte[CHUNK]; // the full array now belongs to the chunk being written
        }
        count = 0;
        try {
            if (!writer.write(chunk)) {
                throw new IOException("the client closed the connection");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while sending the response");
        }
    }

    /** Whether bytes went out (then a failure can only cut the stream, not change the status). */
    boolean started() {
        return started;
    }

    /** Sends what is left and ends the response; on failure answers the error, or resets a started stream. */
    void finish(Throwable failure, ApiErrors errors) {
        if (failure == null) {
            try {
                flush();
            } catch (IOException e) {
                failure = e;
            }
        }
        Throwable error = failure;
        context.runOnContext(v -> {
            if (error == null) {
                if (!response.ended()) {
                    response.end();
                }
            } else {
                errors.send(response, error);
            }
        });
    }
}
