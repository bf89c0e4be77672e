package io.berth.agent.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * The node's content-addressed blob store: {@link BlobReader} and {@link BlobWriter} plus what only the node
 * itself does (content of unknown digest, listing, deletion by the image store's garbage collector).
 */
public interface ContentStore extends BlobReader, BlobWriter {
    /** Stores content whose digest is not known in advance (import, commit, load); returns its digest. */
    Digest write(InputStream content) throws IOException;

    /** Stores what {@code producer} writes (a layer being compressed, for example); returns its digest. */
    Digest write(Producer producer) throws IOException;

    /** Writes content to a stream it must not close. */
    @FunctionalInterface
    interface Producer {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /** Stores a small blob held in memory (a manifest or config). */
    Digest put(byte[] content) throws IOException;

    /** Every committed blob. */
    Set<Digest> list() throws IOException;

    /** Deletes a committed blob; false when it was absent. Callers make sure nothing references it. */
    boolean delete(Digest digest) throws IOException;

    /** The file holding a committed blob (read-only); for zero-copy readers such as save. */
    Path path(Digest digest);
}
