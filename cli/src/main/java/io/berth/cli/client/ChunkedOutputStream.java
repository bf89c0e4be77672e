package io.berth.cli.client;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A request body of unknown length (a tar from stdin), sent with {@code Transfer-Encoding: chunked}. */
final class ChunkedOutputStream extends OutputStream {
    private final OutputStream out;
    private final byte[] buf = new byte[64 * 1024];
    private int count;

    ChunkedOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buf.length) {
            flushChunk();
        }
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (count == buf.length) {
                flushChunk();
            }
            int n = Math.min(len, buf.length - count);
            System.arraycopy(b, off, buf, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    private void flushChunk() throws IOException {
        if (count > 0) {
            out.write((Integer.toHexString(count) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(buf, 0, count);
            out.write('\r');
            out.write('\n');
            count = 0;
        }
    }

    /** Sends what is buffered and the last chunk; the connection stays open for the response. */
    void finish() throws IOException {
        flushChunk();
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
