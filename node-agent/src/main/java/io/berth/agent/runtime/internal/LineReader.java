package io.berth.agent.runtime.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads newline-terminated lines from a file that is still being written: a line without its newline yet is kept
 * back until the rest arrives, so a reader racing the writer never sees half a line.
 */
final class LineReader implements AutoCloseable {
    private final InputStream in;
    private final byte[] buf = new byte[65536];
    private int pos;
    private int len;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next complete line without its newline, or null when no complete line is available now. */
    String readLine() throws IOException {
        while (true) {
            for (int i = pos; i < len; i++) {
                if (buf[i] == '\n') {
                    pending.write(buf, pos, i - pos);
                    pos = i + 1;
                    String line = pending.toString(StandardCharsets.UTF_8);
                    pending.reset();
                    return line;
                }
            }
            pending.write(buf, pos, len - pos);
            pos = 0;
            len = in.read(buf);
            if (len <= 0) {
                len = 0;
                return null;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
