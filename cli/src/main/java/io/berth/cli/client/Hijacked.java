package io.berth.cli.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;

/**
 * A connection taken over after {@code 101 UPGRADED} (attach, exec start): what is written goes to the
 * container's stdin, what is read is its output (multiplexed, or raw with a TTY).
 *
 * <p>Stdin goes framed ({@code X-Berth-Stdin: framed}): each write as Docker's 8-byte header (stream 0) and the
 * payload, and the end of stdin as an empty frame. Docker half-closes the connection instead, but berthd's HTTP
 * server (Vert.x over Netty) closes a connection whose peer half-closes, and the container's output would be
 * lost; the empty frame says the same thing in band.
 */
public final class Hijacked implements Closeable {
    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    Hijacked(SocketChannel channel, InputStream in) {
        this.channel = channel;
        this.in = in;
        this.out = new FramedOutput(ChannelStreams.output(channel));
    }

    /** The container's output. */
    public InputStream input() {
        return in;
    }

    /** The container's stdin. */
    public OutputStream output() {
        return out;
    }

    /** Tells the daemon that stdin ended (an empty frame), while its output keeps coming. */
    public void closeOutput() {
        try {
            ((FramedOutput) out).end();
        } catch (IOException e) {
            // the daemon has gone: the reader sees the end of the stream
        }
    }

    /** The request header that asks berthd for framed stdin. */
    public static final String FRAMED_STDIN_HEADER = "X-Berth-Stdin";

    /** Stdin frames: {@code [0, 0, 0, 0, size (big-endian)]} + payload; size 0 ends stdin. */
    static final class FramedOutput extends OutputStream {
        private final OutputStream raw;

        FramedOutput(OutputStream raw) {
            this.raw = raw;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            raw.write(header(len));
            raw.write(b, off, len);
            raw.flush();
        }

        synchronized void end() throws IOException {
            raw.write(header(0));
            raw.flush();
        }

        private static byte[] header(int len) {
            return new byte[] {0, 0, 0, 0, (byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len};
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing an already broken connection
        }
    }
}
