package io.berth.agent.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** Images as tar streams: {@code save}/{@code load} (docker-archive and OCI layout) and {@code import}. */
public interface ImageArchives {
    /**
     * Writes the images (names or IDs) as Docker 25 does: an OCI image layout ({@code oci-layout},
     * {@code index.json}, {@code blobs/sha256/}) that is also a docker-archive ({@code manifest.json},
     * {@code repositories}); layers uncompressed. A name puts that tag in the archive; an ID none.
     */
    void save(List<String> references, OutputStream out) throws IOException;

    /**
     * Reads a docker-archive (old style {@code <id>/layer.tar} or Docker 25's) or an OCI layout tar (as
     * {@code skopeo copy ... oci-archive:} writes it), verifying every digest, and records its images.
     */
    LoadResult load(InputStream in) throws IOException;

    /** {@code docker import}: a root filesystem tar (plain, gzip or zstd) as a one-layer image. */
    Image importImage(InputStream rootfsTar, NewImage image) throws IOException;

    /** What load recorded: the names it gave (normalized) and the IDs of images loaded without a name. */
    record LoadResult(List<String> names, List<Digest> untaggedIds) {
        public LoadResult {
            names = List.copyOf(names);
            untaggedIds = List.copyOf(untaggedIds);
        }
    }
}
