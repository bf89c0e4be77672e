package io.berth.agent.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/** Reads verified blobs from the content store. Blobs are immutable once committed. */
public interface BlobReader {
    /** The size of a committed blob, or empty when the store does not have it. */
    OptionalLong size(Digest digest) throws IOException;

    default boolean has(Digest digest) throws IOException {
        return size(digest).isPresent();
    }

    /** Opens a committed blob; throws a NOT_FOUND {@code BerthException} naming the digest when absent. */
    InputStream open(Digest digest) throws IOException;
}
