package io.berth.agent.image;

import java.io.IOException;

/**
 * Writes blobs into the content store through ingests: content lands in a partial file that is
 * verified (digest and size) and moved into place atomically on {@link Ingest#commit()}.
 */
public interface BlobWriter {
    /**
     * Opens, or resumes, the ingest of a blob whose digest is known in advance (a layer or config
     * named by a manifest). {@link Ingest#offset()} says how many bytes an earlier, interrupted
     * ingest of the same digest already holds; the caller continues from there (HTTP Range).
     *
     * @param expectedSize the size the blob must have, or -1 when unknown
     */
    Ingest ingest(Digest expected, long expectedSize) throws IOException;
}
