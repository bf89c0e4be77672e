package io.berth.cli.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** The body of a response sent with {@code Transfer-Encoding: chunked}; ends at the last (empty) chunk. */
final class ChunkedInputStream extends InputStream {
    private final InputStream in;
    private long remaining;
    private boolean done;

    ChunkedInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        if (remaining == 0) {
            remaining = nextChunkSize();
            if (remaining == 0) {
                skipTrailers();
                done = true;
                return -1;
            }
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new EOFException("the daemon closed the connection in the middle of a chunk");
        }
        remaining -= n;
        if (remaining == 0) {
            HttpHead.readLine(in);
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return done ? 0 : (int) Math.min(remaining, in.available());
    }

    private long nextChunkSize() throws IOException {
        String line = HttpHead.readLine(in);
        if (line == null) {
            throw new EOFException("the daemon closed the connection before the end of a chunked body");
        }
        int semi = line.indexOf(';');
        String hex = (semi < 0 ? line : line.substring(0, semi)).strip();
        try {
            return Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size from the daemon: '" + line + "'", e);
        }
    }

    private void skipTrailers() throws IOException {
        String line;
        do {
            line = HttpHead.readLine(in);
        } while (line != null && !line.isEmpty());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
