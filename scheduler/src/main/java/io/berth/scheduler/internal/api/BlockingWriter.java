package io.berth.scheduler.internal.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Writes to a Vert.x stream from a worker thread with back-pressure: when the stream's queue is full, the
 * worker waits for its drain instead of buffering without bound (a slow {@code logs -f} reader).
 */
final class BlockingWriter {
    private final WriteStream<Buffer> stream;
    private final Semaphore drained = new Semaphore(0);
    private volatile boolean closed;

    BlockingWriter(WriteStream<Buffer> stream) {
        this.stream = stream;
        stream.drainHandler(v -> drained.release());
    }

    /** Writes; false when the peer went away (the caller stops producing). */
    boolean write(Buffer buffer) throws InterruptedException {
        if (closed) {
            return false;
        }
        stream.write(buffer);
        while (stream.writeQueueFull() && !closed) {
            drained.tryAcquire(200, TimeUnit.MILLISECONDS);
        }
        return !closed;
    }

    void closed() {
        closed = true;
        drained.release();
    }

    boolean isClosed() {
        return closed;
    }
}
