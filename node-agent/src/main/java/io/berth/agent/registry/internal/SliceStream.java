package io.berth.agent.registry.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** At most {@code length} bytes of a stream, counting what was read for progress reports. */
final class SliceStream extends FilterInputStream {
    private long remaining;
    private long read;
    private final LongConsumer progress;

    SliceStream(InputStream in, long length, LongConsumer progress) {
        super(in);
        this.remaining = length;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n > 0) {
            remaining -= n;
            read += n;
            progress.accept(read);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("not supported");
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), remaining);
    }
}
