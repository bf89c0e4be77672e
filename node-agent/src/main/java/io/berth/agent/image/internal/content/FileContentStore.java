package io.berth.agent.image.internal.content;

import io.berth.agent.image.ContentStore;
import io.berth.agent.image.Digest;
import io.berth.agent.image.Ingest;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Blobs in {@code <root>/blobs/sha256/<hex>} (read-only files), partial content in {@code <root>/ingest/<hex>}.
 * An ingest holds the lock of its digest until commit, abort or close, so two writers of one digest never
 * interleave: the second waits, then finds the blob committed (offset = size) or resumes the partial file.
 * Commit fsyncs the file, verifies size and sha256, renames atomically into place and fsyncs the directory.
 * One store per data root and process (the locks are in memory).
 */
public final class FileContentStore implements ContentStore {
    private final Path blobs;
    private final Path ingests;
    private final Set<Digest> active = new HashSet<>();
    private final Supplier<String> tempNames;

    public FileContentStore(Path root) throws IOException {
        this(root, () -> UUID.randomUUID().toString());
    }

    public FileContentStore(Path root, Supplier<String> tempNames) throws IOException {
        this.blobs = root.resolve("blobs").resolve("sha256");
        this.ingests = root.resolve("ingest");
        this.tempNames = tempNames;
        Files.createDirectories(blobs);
        Files.createDirectories(ingests);
    }

    @Override
    public Path path(Digest digest) {
        return blobs.resolve(digest.hex());
    }

    @Override
    public OptionalLong size(Digest digest) throws IOException {
        try {
            return OptionalLong.of(Files.size(path(digest)));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public InputStream open(Digest digest) throws IOException {
        try {
            return Files.newInputStream(path(digest));
        } catch (NoSuchFileException e) {
            throw new BerthException(ErrorCategory.NOT_FOUND, "blob " + digest,
                    "blob " + digest + " is not in the content store: pull or load the image again", e);
        }
    }

    @Override
    public Ingest ingest(Digest expected, long expectedSize) throws IOException {
        acquire(expected);
        try {
            OptionalLong present = size(expected);
            if (present.isPresent()) {
                return new PresentIngest(expected, present.getAsLong(), () -> release(expected));
            }
            return FileIngest.open(this, ingests.resolve(expected.hex()), expected, expectedSize,
                    () -> release(expected));
        } catch (IOException | RuntimeException e) {
            release(expected);
            throw e;
        }
    }

    @Override
    public Digest write(InputStream content) throws IOException {
        return write(out -> content.transferTo(out));
    }

    @Override
    public Digest write(Producer producer) throws IOException {
        Path temp = ingests.resolve("tmp-" + tempNames.get());
        try {
            var sha = Digest.newSha256();
            try (OutputStream file = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW);
                 OutputStream out = new java.io.BufferedOutputStream(new java.security.DigestOutputStream(file, sha),
                         128 * 1024)) {
                producer.writeTo(out);
            }
            Digest digest = Digest.of(sha);
            publish(temp, digest);
            return digest;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Digest put(byte[] content) throws IOException {
        Digest digest = Digest.sha256(content);
        if (size(digest).isEmpty()) {
            write(new java.io.ByteArrayInputStream(content));
        }
        return digest;
    }

    @Override
    public Set<Digest> list() throws IOException {
        Set<Digest> all = new HashSet<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(blobs)) {
            for (Path p : dir) {
                try {
                    all.add(new Digest("sha256", p.getFileName().toString()));
                } catch (IllegalArgumentException notABlob) {
                    // a stray file: not ours to list
                }
            }
        }
        return all;
    }

    @Override
    public boolean delete(Digest digest) throws IOException {
        return Files.deleteIfExists(path(digest));
    }

    /** Moves a verified file into place: fsync, read-only, atomic rename, fsync of the directory. */
    void publish(Path verified, Digest digest) throws IOException {
        try (FileChannel ch = FileChannel.open(verified, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        verified.toFile().setReadOnly();
        Path target = path(digest);
        try {
            Files.move(verified, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            if (!Files.exists(target)) {
                throw e;
            }
        }
        try (FileChannel dir = FileChannel.open(blobs, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    private void acquire(Digest digest) throws IOException {
        synchronized (active) {
            while (active.contains(digest)) {
                try {
                    active.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted waiting for another ingest of " + digest);
                }
            }
            active.add(digest);
        }
    }

    private void release(Digest digest) {
        synchronized (active) {
            active.remove(digest);
            active.notifyAll();
        }
    }

    /** The ingest of a blob that is already committed: nothing to write, commit returns at once. */
    private record PresentIngest(Digest digest, long size, Runnable release) implements Ingest {
        @Override
        public long offset() {
            return size;
        }

        @Override
        public OutputStream output() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public Digest commit() {
            release.run();
            return digest;
        }

        @Override
        public void abort() {
            release.run();
        }

        @Override
        public void close() {
            release.run();
        }
    }

}
