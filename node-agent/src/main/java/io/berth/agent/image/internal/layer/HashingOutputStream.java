package io.berth.agent.image.internal.layer;

import io.berth.agent.image.Digest;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/** Counts and sha256-hashes every byte written through it. */
public final class HashingOutputStream extends FilterOutputStream {
    private final MessageDigest sha = Digest.newSha256();
    private long count;

    public HashingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        sha.update((byte) b);
        count++;
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        sha.update(b, off, len);
        count += len;
        out.write(b, off, len);
    }

    public long count() {
        return count;
    }

    public Digest digest() {
        return Digest.of(sha);
    }
}
