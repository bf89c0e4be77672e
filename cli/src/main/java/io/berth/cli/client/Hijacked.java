package io.berth.cli.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;

/**
 * A connection taken over after {@code 101 UPGRADED} (attach, exec start): what is written goes to the
 * container's stdin, what is read is its output (multiplexed, or raw with a TTY).
 */
public final class Hijacked implements Closeable {
    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    Hijacked(SocketChannel channel, InputStream in) {
        this.channel = channel;
        this.in = in;
        this.out = ChannelStreams.output(channel);
    }

    /** The container's output. */
    public InputStream input() {
        return in;
    }

    /** The container's stdin. */
    public OutputStream output() {
        return out;
    }

    /** Half-close: tells the daemon that stdin ended, while its output keeps coming. */
    public void closeOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            // the daemon has gone: the reader sees the end of the stream
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
