package io.berth.agent.registry;

import io.berth.agent.image.Digest;
import io.berth.agent.image.ImageReference;

/** The pushed manifest: its digest and size, as the registry stored it under {@code reference}. */
public record PushResult(ImageReference reference, Digest digest, long size) {
    /** Docker's closing line: {@code latest: digest: sha256:... size: 528}. */
    public String dockerLine() {
        String prefix = reference.tag().map(t -> t + ": ").orElse("");
        return prefix + "digest: " + digest + " size: " + size;
    }
}
