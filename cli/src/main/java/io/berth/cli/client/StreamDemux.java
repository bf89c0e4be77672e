package io.berth.cli.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Docker's multiplexed stream (logs and attach of containers without a TTY): frames of an 8-byte header
 * {@code [stream, 0, 0, 0, size (big-endian uint32)]} and {@code size} bytes of payload; stream 1 is stdout,
 * 2 stderr (0, stdin, is written to stdout as docker does).
 */
public final class StreamDemux {
    private StreamDemux() {
    }

    /** Copies frames from {@code in} to {@code stdout}/{@code stderr} until the end of the stream. */
    public static void copy(InputStream in, OutputStream stdout, OutputStream stderr) throws IOException {
        byte[] header = new byte[8];
        byte[] buf = new byte[32 * 1024];
        while (true) {
            int got = readFully(in, header, 0, 8);
            if (got == 0) {
                return;
            }
            if (got < 8) {
                throw new EOFException("the daemon's stream ended inside a frame header");
            }
            OutputStream target = header[0] == 2 ? stderr : stdout;
            long size = ((header[4] & 0xffL) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8)
                    | (header[7] & 0xff);
            while (size > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, size));
                if (n < 0) {
                    throw new EOFException("the daemon's stream ended inside a frame");
                }
                target.write(buf, 0, n);
                size -= n;
            }
            target.flush();
        }
    }

    /** Copies a raw stream (a container with a TTY) to {@code out}, flushing as it comes. */
    public static void copyRaw(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[32 * 1024];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            out.flush();
        }
    }

    private static int readFully(InputStream in, byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int n = in.read(b, off + total, len - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }
}
