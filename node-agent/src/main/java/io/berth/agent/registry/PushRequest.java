package io.berth.agent.registry;

import io.berth.agent.image.ImageReference;
import io.berth.agent.image.spec.Descriptor;
import java.util.List;
import java.util.Objects;

/**
 * A manifest (or index) to push to {@code target} (by its tag, or by its digest when it has one), with the
 * blobs it names: {@code config} (null for an index) and {@code layers}, read from the content store. An index
 * names manifests, not blobs: push each child manifest first (to {@code target.digestOnly(childDigest)}) and then
 * the index with no blobs.
 */
public record PushRequest(
        ImageReference target,
        byte[] manifest,
        String mediaType,
        Descriptor config,
        List<Descriptor> layers,
        MountHints mountHints) {

    public PushRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(mediaType, "mediaType");
        layers = layers == null ? List.of() : List.copyOf(layers);
        mountHints = mountHints == null ? MountHints.NONE : mountHints;
    }

    public static PushRequest of(ImageReference target, byte[] manifest, String mediaType, Descriptor config,
            List<Descriptor> layers) {
        return new PushRequest(target, manifest, mediaType, config, layers, MountHints.NONE);
    }

    public PushRequest withMountHints(MountHints hints) {
        return new PushRequest(target, manifest, mediaType, config, layers, hints);
    }
}
