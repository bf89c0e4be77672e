package io.berth.agent.registry;

import io.berth.agent.image.Digest;
import io.berth.agent.image.ImageReference;
import java.util.List;

/**
 * Tells a push where a blob is known to live already (for example the image it was pulled from), so that it can
 * be mounted across repositories of the same registry instead of uploaded. Only sources on the push target's
 * registry are used.
 */
@FunctionalInterface
public interface MountHints {
    MountHints NONE = digest -> List.of();

    List<ImageReference> sourcesOf(Digest blob);
}
