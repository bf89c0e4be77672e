package io.berth.scheduler.internal.api;

import io.berth.agent.runtime.StdStream;
import io.vertx.core.buffer.Buffer;

/**
 * Docker's multiplexed stream framing for non-tty containers: an 8-byte header {@code [stream, 0, 0, 0, size
 * (big-endian uint32)]} before each payload, stream 1 = stdout, 2 = stderr. A tty stream is sent raw.
 */
final class StreamFrames {
    private StreamFrames() {
    }

    static Buffer frame(boolean tty, StdStream stream, byte[] data, int offset, int length) {
        if (tty) {
            return Buffer.buffer().appendBytes(data, offset, length);
        }
        Buffer buffer = Buffer.buffer(8 + length);
        buffer.appendByte((byte) (stream == StdStream.STDERR ? 2 : 1)).appendByte((byte) 0).appendByte((byte) 0)
                .appendByte((byte) 0).appendInt(length).appendBytes(data, offset, length);
        return buffer;
    }
}
