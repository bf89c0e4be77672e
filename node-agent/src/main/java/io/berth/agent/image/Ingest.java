package io.berth.agent.image;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One blob being written. Bytes written to {@link #output()} append after {@link #offset()}.
 * {@link #commit()} verifies and publishes; a mismatch deletes the partial content and throws.
 * {@link #close()} without commit keeps the partial content for a later resume;
 * {@link #abort()} deletes it.
 */
public interface Ingest extends Closeable {
    /** Bytes already present from an earlier attempt (0 for a fresh ingest). */
    long offset();

    OutputStream output() throws IOException;

    /** Verifies size and digest, then moves the blob into place atomically; returns its digest. */
    Digest commit() throws IOException;

    /** Drops the partial content. */
    void abort() throws IOException;
}
