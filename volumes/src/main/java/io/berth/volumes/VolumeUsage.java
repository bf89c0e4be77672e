package io.berth.volumes;

import java.util.Collection;

/**
 * What the daemon knows and the volume store does not: which containers (in any state, running or not) refer to
 * a volume. A volume referred to is "in use": it cannot be removed or pruned, and it is not dangling.
 */
@FunctionalInterface
public interface VolumeUsage {

    /** Ids of the containers whose mounts name {@code volumeName}; empty when none. Must not block for long. */
    Collection<String> containersUsing(String volumeName);

    /** No container uses any volume (for tests and tools that run without a daemon). */
    VolumeUsage NONE = name -> java.util.List.of();
}
