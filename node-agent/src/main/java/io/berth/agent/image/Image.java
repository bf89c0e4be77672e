package io.berth.agent.image;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An image on this node. {@code id} is the digest of its config blob (what Docker shows as IMAGE ID);
 * {@code repoTags} are normalized names ({@code docker.io/library/busybox:latest}), each on exactly one image;
 * {@code repoDigests} name the manifest in a repository ({@code docker.io/library/busybox@sha256:...}).
 * {@code size} is the bytes of the regular files of all layers, as Docker counts it.
 */
public record Image(
        Digest id,
        Digest manifestDigest,
        String manifestMediaType,
        List<String> repoTags,
        List<String> repoDigests,
        Instant created,
        long size,
        Map<String, String> labels,
        List<ImageLayer> layers,
        Instant lastTagTime) {

    public Image {
        repoTags = List.copyOf(repoTags);
        repoDigests = List.copyOf(repoDigests);
        labels = Map.copyOf(labels);
        layers = List.copyOf(layers);
    }

    /** Docker's dangling image: one without tags. */
    public boolean dangling() {
        return repoTags.isEmpty();
    }

    /** The chain IDs of the layers, bottom first: the snapshots a container of this image stacks. */
    public List<Digest> chainIds() {
        return layers.stream().map(ImageLayer::chainId).toList();
    }
}
