package io.berth.agent.image;

import java.util.List;

/**
 * Which containers use an image: the image store asks before it removes one (Docker's "image is being used by
 * running container X"). The daemon implements it from its container records.
 */
@FunctionalInterface
public interface ImageUsage {
    ImageUsage NONE = imageId -> List.of();

    /** The containers created from the image, with whether each one runs. */
    List<ContainerUse> containersUsing(Digest imageId);

    /** A container that uses an image. */
    record ContainerUse(String containerId, boolean running) {
    }
}
