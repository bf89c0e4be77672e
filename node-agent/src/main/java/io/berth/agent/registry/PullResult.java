package io.berth.agent.registry;

import io.berth.agent.image.Digest;
import io.berth.agent.image.ImageReference;
import io.berth.agent.image.spec.Descriptor;
import java.util.List;
import java.util.Optional;

/**
 * What a pull stored: the image manifest chosen for the platform (its digest, media type and exact bytes), its
 * config and layer descriptors, and the digest of the index it was chosen from, if the reference named an index.
 * Every blob named here, the manifest and the index are committed in the content store.
 */
public record PullResult(
        ImageReference reference,
        Digest manifestDigest,
        String manifestMediaType,
        byte[] manifest,
        Descriptor config,
        List<Descriptor> layers,
        Optional<Digest> indexDigest) {

    public PullResult {
        layers = List.copyOf(layers);
    }

    /** The digest Docker prints after a pull ({@code Digest: sha256:...}) and records as RepoDigest. */
    public Digest repositoryDigest() {
        return indexDigest.orElse(manifestDigest);
    }
}
