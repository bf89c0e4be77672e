package io.berth.agent.image.internal.content;

import io.berth.agent.image.Digest;
import io.berth.agent.image.Ingest;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * One partial blob in {@code ingest/<hex>}. Opening it re-hashes what an earlier attempt left (so a resumed
 * download is verified as a whole); commit verifies size and digest and hands the file to the store.
 * Release of the digest lock happens exactly once, on commit, abort or close.
 */
final class FileIngest implements Ingest {
    private final FileContentStore store;
    private final Path partial;
    private final Digest expected;
    private final long expectedSize;
    private final MessageDigest sha;
    private final long offset;
    private final Runnable release;
    private long written;
    private OutputStream out;
    private boolean done;

    private FileIngest(FileContentStore store, Path partial, Digest expected, long expectedSize, MessageDigest sha,
                       long offset, Runnable release) {
        this.store = store;
        this.partial = partial;
        this.expected = expected;
        this.expectedSize = expectedSize;
        this.sha = sha;
        this.offset = offset;
        this.release = release;
    }

    static FileIngest open(FileContentStore store, Path partial, Digest expected, long expectedSize, Runnable release)
            throws IOException {
        MessageDigest sha = Digest.newSha256();
        long have = 0;
        if (Files.exists(partial)) {
            have = Files.size(partial);
            if (expectedSize >= 0 && have > expectedSize) {
                Files.delete(partial);
                have = 0;
            } else {
                try (InputStream in = Files.newInputStream(partial)) {
                    byte[] buf = new byte[128 * 1024];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        sha.update(buf, 0, n);
                    }
                }
            }
        }
        return new FileIngest(store, partial, expected, expectedSize, sha, have, release);
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public OutputStream output() throws IOException {
        if (done) {
            throw new IllegalStateException("ingest of " + expected + " is finished");
        }
        if (out == null) {
            OutputStream file = Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            out = new BufferedOutputStream(new FilterOutputStream(file) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    sha.update(b, off, len);
                    written += len;
                    this.out.write(b, off, len);
                }

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }
            }, 64 * 1024);
        }
        return out;
    }

    @Override
    public Digest commit() throws IOException {
        if (done) {
            throw new IllegalStateException("ingest of " + expected + " is finished");
        }
        try {
            closeOutput();
            long size = offset + written;
            Digest actual = Digest.of(sha);
            if ((expectedSize >= 0 && size != expectedSize) || !actual.equals(expected)) {
                Files.deleteIfExists(partial);
                throw new BerthException(ErrorCategory.FAILED_PRECONDITION, "blob " + expected,
                        "content does not match its digest: expected " + expected
                                + (expectedSize >= 0 ? " (" + expectedSize + " bytes)" : "")
                                + ", got " + actual + " (" + size + " bytes); the partial download was deleted:"
                                + " pull again (the source may be corrupt or changed)");
            }
            store.publish(partial, expected);
            return expected;
        } finally {
            finish();
        }
    }

    @Override
    public void abort() throws IOException {
        if (done) {
            return;
        }
        try {
            closeOutput();
            Files.deleteIfExists(partial);
        } finally {
            finish();
        }
    }

    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        try {
            closeOutput();
        } finally {
            finish();
        }
    }

    private void closeOutput() throws IOException {
        if (out != null) {
            OutputStream o = out;
            out = null;
            o.close();
        }
    }

    private void finish() {
        done = true;
        release.run();
    }
}
