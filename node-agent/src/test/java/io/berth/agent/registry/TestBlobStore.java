package io.berth.agent.registry;

import io.berth.agent.image.BlobReader;
import io.berth.agent.image.BlobWriter;
import io.berth.agent.image.Digest;
import io.berth.agent.image.Ingest;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.OptionalLong;

/**
 * A small file-backed content store for tests, honouring the Ingest contract: partial files under
 * {@code ingest/}, resumed at their length (the prefix is hashed again), verified (size and digest) on commit,
 * deleted on abort or mismatch, kept on close.
 */
public final class TestBlobStore implements BlobReader, BlobWriter {
    private final Path root;

    public TestBlobStore(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("blobs"));
        Files.createDirectories(root.resolve("ingest"));
    }

    public Path blobPath(Digest d) {
        return root.resolve("blobs").resolve(d.hex());
    }

    public Path partialPath(Digest d) {
        return root.resolve("ingest").resolve(d.hex());
    }

    public byte[] read(Digest d) throws IOException {
        return Files.readAllBytes(blobPath(d));
    }

    /** Stores bytes directly (test set-up), returning their digest. */
    public Digest put(byte[] bytes) throws IOException {
        Digest d = Digest.sha256(bytes);
        Files.write(blobPath(d), bytes);
        return d;
    }

    @Override
    public OptionalLong size(Digest digest) throws IOException {
        Path p = blobPath(digest);
        return Files.exists(p) ? OptionalLong.of(Files.size(p)) : OptionalLong.empty();
    }

    @Override
    public InputStream open(Digest digest) throws IOException {
        Path p = blobPath(digest);
        if (!Files.exists(p)) {
            throw new BerthException(ErrorCategory.NOT_FOUND, digest.toString(), "blob " + digest + " not found");
        }
        return Files.newInputStream(p);
    }

    @Override
    public Ingest ingest(Digest expected, long expectedSize) throws IOException {
        Path partial = partialPath(expected);
        MessageDigest md = Digest.newSha256();
        long offset = 0;
        if (Files.exists(partial)) {
            try (InputStream in = Files.newInputStream(partial)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                    offset += n;
                }
            }
        }
        return new FileIngest(expected, expectedSize, partial, md, offset);
    }

    private final class FileIngest implements Ingest {
        private final Digest expected;
        private final long expectedSize;
        private final Path partial;
        private final MessageDigest md;
        private final long offset;
        private OutputStream out;
        private long written;
        private boolean closed;

        FileIngest(Digest expected, long expectedSize, Path partial, MessageDigest md, long offset) {
            this.expected = expected;
            this.expectedSize = expectedSize;
            this.partial = partial;
            this.md = md;
            this.offset = offset;
        }

        @Override
        public long offset() {
            return offset;
        }

        @Override
        public OutputStream output() throws IOException {
            if (out == null) {
                OutputStream file = Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                out = new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), md) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        super.write(b, off, len);
                        written += len;
                    }
                };
            }
            return out;
        }

        @Override
        public Digest commit() throws IOException {
            closeOutput();
            long size = offset + written;
            Digest actual = Digest.of(md);
            if ((expectedSize >= 0 && size != expectedSize) || !actual.equals(expected)) {
                Files.deleteIfExists(partial);
                throw new BerthException(ErrorCategory.FAILED_PRECONDITION, expected.toString(),
                        "digest mismatch: expected " + expected + ", got " + actual + " (" + size + " bytes, "
                                + expectedSize + " expected)");
            }
            Files.move(partial, blobPath(expected), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            closed = true;
            return actual;
        }

        @Override
        public void abort() throws IOException {
            closeOutput();
            Files.deleteIfExists(partial);
            closed = true;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closeOutput();
                closed = true;
            }
        }

        private void closeOutput() throws IOException {
            if (out != null) {
                out.close();
                out = null;
            }
        }
    }
}
